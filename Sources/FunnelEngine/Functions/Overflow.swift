import FunnelData
import FunnelLanguage

/// A result that leaves the range of its type. Every checked kernel throws
/// it (see `CheckedArithmetic`); it names only the type, and the evaluator
/// adds the place it happened (`ExprSite`) and makes it a `Diagnostic`.
struct Overflow: Error, Equatable {
  var type: DataType

  init(_ type: DataType) { self.type = type }

  /// What the type holds, for the hint: `decimal(2) holds -92233720368547758.08 to 92233720368547758.07`,
  /// `dates run from 0001-01-01 to 9999-12-31`.
  var rangeText: String {
    switch type {
    case .decimal(let s):
      let low = Decimal64.format(units: .min, scale: s), high = Decimal64.format(units: .max, scale: s)
      return "\(type.name) holds \(low) to \(high)"
    case .date:
      let first = CivilDate(daysSinceEpoch: CivilDate.supportedDays.lowerBound)
      let last = CivilDate(daysSinceEpoch: CivilDate.supportedDays.upperBound)
      return "dates run from \(first) to \(last)"
    case .timestamp:
      let first = Timestamps.make(day: CivilDate.supportedDays.lowerBound, hour: 0, minute: 0, second: 0)
      let last = Timestamps.make(
        day: CivilDate.supportedDays.upperBound, hour: 23, minute: 59, second: 59, micros: 999_999)
      return "timestamps run from \(Timestamps.format(first)) to \(Timestamps.format(last))"
    default:
      return "int holds \(Int64.min) to \(Int64.max)"
    }
  }
}

extension Diagnostic {
  /// `overflow in `amount * 10000000000000`: the result leaves the range of decimal(2)`;
  /// without a site (a node the binder kept none for), the shell points at the statement.
  static func overflow(_ o: Overflow, at site: ExprSite?) -> Diagnostic {
    guard let site else {
      return Diagnostic(message: "overflow: a result leaves the range of \(o.type.name)", hints: [o.rangeText])
    }
    let within = site.metric.map { "in metric '\($0)': " } ?? ""
    return Diagnostic(
      message: within + "overflow in `\(site.text)`: the result leaves the range of \(o.type.name)", span: site.span,
      hints: [o.rangeText])
  }
}
