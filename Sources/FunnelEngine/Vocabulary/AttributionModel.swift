import Foundation
import FunnelLanguage

/// How `attribute` shares a deal among the touches before it closed.
///
/// With the deal's n touches in time order (first = 0, last = n − 1):
/// - `first_touch`, `last_touch`: all to the first, or the last.
/// - `linear`: 1/n each.
/// - `u_shaped`: 40% first, 40% last, 20% shared by the ones between; one touch
///   takes 100%, two take 50/50.
/// - `w_shaped`: 30% first, 30% the touch that opened the opportunity, 30% last,
///   10% shared by the rest. The opportunity touch is the last one on or before
///   the deal's `created_at`; when there is none, or it is the first or the last,
///   it is the middle one (index n / 2). With fewer than three touches the 90%
///   is split among the distinct positions (one: 100%, two: 50/50); with exactly
///   three there is no rest, so the 10% is shared by all three (1/3 each).
/// - `time_decay(h)`: a touch d whole days before the close (close day − touch
///   day) weighs 2^(−d / h), h the half-life in days (default 7); weights are
///   scaled to sum to 1.
/// - `compare`: every model side by side.
public enum AttributionModel: Equatable, Sendable {
  case firstTouch, lastTouch, linear, uShaped, wShaped, timeDecay(halfLifeDays: Double), compare

  /// The half-life of `time_decay` when none is written.
  public static let defaultHalfLifeDays = 7.0

  /// The model names as written after `attribute`.
  public static var names: [String] {
    ["first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay", "compare"]
  }

  /// The models `compare` puts side by side, in its column order.
  static let compared: [AttributionModel] = [
    .firstTouch, .lastTouch, .linear, .uShaped, .wShaped, .timeDecay(halfLifeDays: defaultHalfLifeDays),
  ]

  /// The model called `name`; `argument` is the half-life of `time_decay`
  /// (`time_decay(14d)`) and must be absent for the others. nil when unknown.
  public static func named(_ name: String, argument: FunnelLanguage.Duration?) -> AttributionModel? {
    switch name {
    case "first_touch": return argument == nil ? .firstTouch : nil
    case "last_touch": return argument == nil ? .lastTouch : nil
    case "linear": return argument == nil ? .linear : nil
    case "u_shaped": return argument == nil ? .uShaped : nil
    case "w_shaped": return argument == nil ? .wShaped : nil
    case "compare": return argument == nil ? .compare : nil
    case "time_decay":
      guard let a = argument else { return .timeDecay(halfLifeDays: defaultHalfLifeDays) }
      let days = a.fixedDays ?? a.approximateDays
      return days > 0 ? .timeDecay(halfLifeDays: Double(days)) : nil
    default: return nil
    }
  }

  /// How each model shares a deal, in words (docs/metrics.md and `.explain`).
  public static let rules: [(name: String, rule: String)] = [
    ("first_touch", "all of the deal to its first touch"),
    ("last_touch", "all of the deal to its last touch"),
    ("linear", "an equal share to every touch"),
    (
      "u_shaped",
      "40% to the first touch, 40% to the last, 20% shared by the ones between; one touch takes 100%, two take 50/50"
    ),
    (
      "w_shaped",
      "30% to the first touch, 30% to the one that opened the opportunity (the last on or before the deal's "
        + "created_at; the middle one, index n / 2, when there is none or it is the first or last), 30% to the last, "
        + "10% shared by the rest; one touch takes 100%, two 50/50, three 1/3 each"
    ),
    (
      "time_decay",
      "a touch d whole days before the close (close day − touch day) weighs 2^(−d / half-life), "
        + "the half-life 7 days unless written (`time_decay(14d)`); the weights are scaled to sum to 1"
    ),
    ("compare", "one revenue column per model above, side by side"),
  ]

  /// The name as written (and the column name under `compare`).
  public var name: String {
    switch self {
    case .firstTouch: return "first_touch"
    case .lastTouch: return "last_touch"
    case .linear: return "linear"
    case .uShaped: return "u_shaped"
    case .wShaped: return "w_shaped"
    case .timeDecay: return "time_decay"
    case .compare: return "compare"
    }
  }

  /// Fills `weights[0..<n]` with the shares of a deal's n ≥ 1 touches (summing to 1).
  /// `opportunity` is the index of the last touch on or before the deal was
  /// created (nil when none); `ages[i]` is touch i's whole days before the close.
  func weights(_ weights: inout [Double], count n: Int, opportunity: Int?, ages: [Int32]) {
    if weights.count < n { weights = [Double](repeating: 0, count: n) }
    for i in 0..<n { weights[i] = 0 }
    switch self {
    case .firstTouch: weights[0] = 1
    case .lastTouch: weights[n - 1] = 1
    case .linear, .compare: for i in 0..<n { weights[i] = 1 / Double(n) }
    case .uShaped:
      if n == 1 {
        weights[0] = 1
      } else if n == 2 {
        (weights[0], weights[1]) = (0.5, 0.5)
      } else {
        for i in 1..<(n - 1) { weights[i] = 0.2 / Double(n - 2) }
        (weights[0], weights[n - 1]) = (0.4, 0.4)
      }
    case .wShaped:
      if n <= 3 {
        for i in 0..<n { weights[i] = 1 / Double(n) }
      } else {
        var o = opportunity ?? n / 2
        if o <= 0 || o >= n - 1 { o = n / 2 }
        for i in 1..<(n - 1) where i != o { weights[i] = 0.1 / Double(n - 3) }
        (weights[0], weights[o], weights[n - 1]) = (0.3, 0.3, 0.3)
      }
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
}
