/// The position models of `attribute`: which positions each credits, its
/// default shares in percent, and its rule in words.
///
/// They follow the field's conventions (HubSpot's and Marketo Measure's
/// multi-touch models): U-shaped is first touch and lead creation 40/40,
/// W-shaped adds opportunity creation 30/30/30, full path adds the closing
/// touch 22.5 each; J-shaped gives 20 to the first touch and 60 to the last,
/// inverse J 60 and 20.
public enum AttributionShape: String, CaseIterable, Equatable, Sendable {
  case uShaped = "u_shaped"
  case wShaped = "w_shaped"
  case fullPath = "full_path"
  case jShaped = "j_shaped"
  case inverseJ = "inverse_j"

  /// The name as written after `attribute`.
  public var name: String { rawValue }

  /// The positions credited, in the order of the model's arguments.
  public var positions: [AttributionPosition] {
    switch self {
    case .uShaped: return [.first, .leadCreation]
    case .wShaped: return [.first, .leadCreation, .opportunity]
    case .fullPath: return [.first, .leadCreation, .opportunity, .last]
    case .jShaped, .inverseJ: return [.first, .last]
    }
  }

  /// The shares when none are written, in percent.
  public var defaults: [Double] {
    switch self {
    case .uShaped: return [40, 40]
    case .wShaped: return [30, 30, 30]
    case .fullPath: return [22.5, 22.5, 22.5, 22.5]
    case .jShaped: return [20, 60]
    case .inverseJ: return [60, 20]
    }
  }

  /// The model written with its defaults: `u_shaped(40, 40)`.
  public var writtenWithDefaults: String {
    name + "(" + defaults.map(AttributionShape.percent).joined(separator: ", ") + ")"
  }

  /// The rule in words, with the defaults.
  var rule: String {
    let parts = zip(positions, defaults).map { "\(AttributionShape.percent($1))% to the \($0.words)" }
    let rest = 100 - defaults.reduce(0, +)
    return parts.joined(separator: ", ") + ", \(AttributionShape.percent(rest))% shared evenly by the touches at "
      + "no position (by the position touches, in proportion, when there are none); a touch at two positions takes "
      + "both shares; shares are written as percentages summing to at most 100: `\(writtenWithDefaults)`"
  }

  /// 40 → "40", 22.5 → "22.5".
  static func percent(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }
}

/// A touch's place in a deal's (or lead's) path.
public enum AttributionPosition: Equatable, Sendable {
  /// The earliest touch.
  case first
  /// The last touch at or before the lead's `created_at` (the form fill).
  case leadCreation
  /// The last touch at or before the deal's `created_at`.
  case opportunity
  /// The last touch counted: the closing touch for won revenue.
  case last

  var words: String {
    switch self {
    case .first: return "first touch"
    case .leadCreation: return "lead-creation touch"
    case .opportunity: return "opportunity-creation touch"
    case .last: return "last (closing) touch"
    }
  }

  /// The short name in an argument list: `first`, `lead creation` ...
  var short: String {
    switch self {
    case .first: return "first touch"
    case .leadCreation: return "lead creation"
    case .opportunity: return "opportunity creation"
    case .last: return "close"
    }
  }
}

/// Where the positions fall among one deal's n touches (indexes in time
/// order). First is 0 and last n − 1; lead creation and opportunity creation
/// are found from the dates, and are the first touch when no touch comes at
/// or before their date.
struct AttributionPositions {
  var leadCreation = 0
  var opportunity = 0

  @inline(__always)
  func index(_ position: AttributionPosition, count n: Int) -> Int {
    switch position {
    case .first: return 0
    case .leadCreation: return leadCreation
    case .opportunity: return opportunity
    case .last: return n - 1
    }
  }
}
