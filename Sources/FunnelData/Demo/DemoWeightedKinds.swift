/// Touch kinds with weights, drawn like `DemoWeights`.
struct DemoWeightedKinds {
  let kinds: [DemoTouchKind]
  let weights: DemoWeights

  init(_ pairs: [(DemoTouchKind, Int)]) {
    kinds = pairs.map(\.0)
    weights = DemoWeights(pairs.map(\.1))
  }

  @inline(__always)
  func pick(_ rng: inout DemoRandom) -> DemoTouchKind { kinds[weights.pick(&rng)] }
}
