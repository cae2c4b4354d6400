/// The lines printed under a tested `compare`: which test each metric got,
/// and when a p-value is null.
extension ComparePlan {
  package var testNotes: [String] {
    guard isTested else { return [] }
    func names(_ keep: (CompareTest.Kind) -> Bool) -> String {
      zip(metrics, tests).filter { keep($0.1.kind) }.map(\.0.name).joined(separator: ", ")
    }
    var notes = [String]()
    let rates = names { $0 == .proportion }
    if !rates.isEmpty {
      notes.append(
        "\(rates): two-proportion z-test (pooled standard error); ci_low, ci_high: 95% Wald interval of b − a")
    }
    let means = names { $0 == .mean }
    if !means.isEmpty {
      notes.append("\(means): Welch's t-test (Welch–Satterthwaite df); ci_low, ci_high: 95% interval of b − a")
    }
    var untested = [String: [String]]()
    var order = [String]()
    for (m, t) in zip(metrics, tests) {
      guard case .none(let why) = t.kind else { continue }
      if untested[why] == nil { order.append(why) }
      untested[why, default: []].append(m.name)
    }
    for why in order {
      notes.append("\(untested[why, default: []].joined(separator: ", ")): no test (\(why))")
    }
    notes.append(
      "significant: p_value < 0.05, two-sided; p_value is null when a side has no trials or both sides are 0% or "
        + "100%, or a mean has fewer than 2 values on a side or no spread on either (.explain compare)")
    return notes
  }
}
