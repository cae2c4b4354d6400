import Foundation
import FunnelLanguage

/// How `attribute` shares one deal (or lead) among the touches that count for it.
///
/// The touches are in time order (ties by `touch_id`). Four of them hold
/// positions (`AttributionPositions`): the first touch, the lead-creation touch,
/// the opportunity-creation touch and the last touch counted (the closing touch
/// for won revenue). A position model gives each position its share (a touch
/// holding two positions gets both); the rest, 100% minus the positions' shares,
/// goes evenly to the touches that hold no position, or, when every touch holds
/// one, to the position touches in proportion to their shares:
///
///     u_shaped, 5 touches, lead creation the 3rd: 40 | 10 | 40 | 10 | 0 … → [40, 10, 40, 10]
///     (rest 20 over the two touches with no position: 10 each)
///
/// The other models: `first_touch` and `last_touch` (all to one touch),
/// `linear` (1/n each) and `time_decay(h)` (a touch d whole days before the
/// deal's reference day weighs 2^(−d / h), scaled to sum to 1).
public enum AttributionModel: Equatable, Sendable {
  case firstTouch, lastTouch, linear
  case timeDecay(halfLifeDays: Double)
  /// A position model with its shares in percent, one per position of the shape.
  case positional(AttributionShape, shares: [Double])
  case compare

  /// The half-life of `time_decay` when none is written.
  public static let defaultHalfLifeDays = 7.0

  /// The model names as written after `attribute`.
  public static var names: [String] {
    ["first_touch", "last_touch", "linear", "time_decay"] + AttributionShape.allCases.map(\.name) + ["compare"]
  }

  /// The models `compare` puts side by side (each with its defaults), in its column order.
  package static let compared: [AttributionModel] =
    [.firstTouch, .lastTouch, .linear, .timeDecay(halfLifeDays: defaultHalfLifeDays)]
    + AttributionShape.allCases.map { .positional($0, shares: $0.defaults) }

  /// `u_shaped` with its default shares (40, 40); likewise for the other shapes.
  public static let uShaped = AttributionModel.positional(.uShaped, shares: AttributionShape.uShaped.defaults)
  public static let wShaped = AttributionModel.positional(.wShaped, shares: AttributionShape.wShaped.defaults)
  public static let fullPath = AttributionModel.positional(.fullPath, shares: AttributionShape.fullPath.defaults)
  public static let jShaped = AttributionModel.positional(.jShaped, shares: AttributionShape.jShaped.defaults)
  public static let inverseJ = AttributionModel.positional(.inverseJ, shares: AttributionShape.inverseJ.defaults)

  /// The model called `name` with no arguments; nil when unknown. (The binder
  /// reads arguments: `AttributionModel+Arguments`.)
  public static func named(_ name: String) -> AttributionModel? {
    switch name {
    case "first_touch": return .firstTouch
    case "last_touch": return .lastTouch
    case "linear": return .linear
    case "compare": return .compare
    case "time_decay": return .timeDecay(halfLifeDays: defaultHalfLifeDays)
    default:
      guard let shape = AttributionShape.allCases.first(where: { $0.name == name }) else { return nil }
      return .positional(shape, shares: shape.defaults)
    }
  }

  /// How each model shares a deal, in words (docs/metrics.md, `.explain`).
  public static let rules: [(name: String, rule: String)] =
    [
      ("first_touch", "all of it to the first touch"),
      ("last_touch", "all of it to the last touch counted (the closing touch for won revenue)"),
      ("linear", "an equal share to every touch"),
      (
        "time_decay",
        "a touch d whole days before the reference day (the close; the deal's or lead's creation on pipeline "
          + "or leads) weighs 2^(−d / half-life), the half-life 7 days unless written (`time_decay(14d)`); "
          + "the weights are scaled to sum to 1"
      ),
    ] + AttributionShape.allCases.map { ($0.name, $0.rule) }
    + [("compare", "one column per model above, each with its defaults, side by side")]

  /// The name as written (and the column name under `compare`).
  public var name: String {
    switch self {
    case .firstTouch: return "first_touch"
    case .lastTouch: return "last_touch"
    case .linear: return "linear"
    case .timeDecay: return "time_decay"
    case .positional(let shape, _): return shape.name
    case .compare: return "compare"
    }
  }

  /// The model as it could be written, its arguments spelled out:
  /// `u_shaped(40, 40)`, `time_decay(7d)`, `linear`.
  public var written: String {
    switch self {
    case .timeDecay(let h): return "time_decay(\(AttributionShape.percent(h))d)"
    case .positional(let shape, let shares):
      return shape.name + "(" + shares.map(AttributionShape.percent).joined(separator: ", ") + ")"
    default: return name
    }
  }

  /// Fills `weights[0..<n]` with the shares of n ≥ 1 touches (summing to 1).
  /// `ages[i]` is touch i's whole days before the reference day.
  func weights(_ weights: inout [Double], count n: Int, positions: AttributionPositions, ages: [Int32]) {
    if weights.count < n { weights = [Double](repeating: 0, count: n) }
    for i in 0..<n { weights[i] = 0 }
    switch self {
    case .firstTouch: weights[0] = 1
    case .lastTouch: weights[n - 1] = 1
    case .linear, .compare: for i in 0..<n { weights[i] = 1 / Double(n) }
    case .positional(let shape, let shares):
      AttributionModel.positionWeights(&weights, count: n, shape: shape, positions: positions, shares: shares)
    case .timeDecay(let halfLife):
      // Measured from the youngest touch so that old deals cannot underflow to
      // all zeros; the scaling below makes the shift cancel out.
      var youngest = Int32.max
      for i in 0..<n { youngest = Swift.min(youngest, ages[i]) }
      var total = 0.0
      for i in 0..<n {
        weights[i] = exp2(-Double(ages[i] - youngest) / halfLife)
        total += weights[i]
      }
      for i in 0..<n { weights[i] /= total }
    }
  }

  /// The position rule (see the type's description): `shares[k]` percent to the
  /// touch at the shape's position k, the rest evenly over the touches at no
  /// position, or in proportion to the shares when every touch holds one
  /// (evenly when those shares are all 0). Called per deal: nothing is allocated.
  static func positionWeights(
    _ weights: inout [Double], count n: Int, shape: AttributionShape, positions: AttributionPositions,
    shares: [Double]
  ) {
    var held = 0.0
    for (k, position) in shape.positions.enumerated() {
      weights[positions.index(position, count: n)] += shares[k] / 100
      held += shares[k] / 100
    }
    func isPosition(_ i: Int) -> Bool { shape.positions.contains { positions.index($0, count: n) == i } }
    var free = 0
    for i in 0..<n where !isPosition(i) { free += 1 }
    if free > 0 {
      let each = Swift.max(0, 1 - held) / Double(free)
      for i in 0..<n where !isPosition(i) { weights[i] += each }
    } else if held > 0 {
      for i in 0..<n { weights[i] /= held }
    } else {
      for i in 0..<n { weights[i] = 1 / Double(n) }
    }
  }
}
