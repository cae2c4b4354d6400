import Foundation
import FunnelData

/// What a number measures: how a typed number is read against it, and how a
/// miss is described ("about 0.5 points lower", "about 3% higher").
///
/// It comes from the column the number sits in: its display hint (a rate is a
/// percentage, a difference of rates is in points, money is money), its name
/// (`days`, `median_sales_cycle_days`: the engine names a length of time in
/// days so), and its type (a whole number of a plain column is a count).
enum AnswerKind: Equatable, Sendable {
  /// A share or a rate, a fraction shown as a percentage: `31.5%`, `0.315`, `31.5`.
  case percentage
  /// A difference of two rates, in percentage points: `9.9`, `9.9 pp`, `0.099`.
  case points
  /// How many of something: a whole number.
  case count
  /// An amount of money: `$48k`, `-496,000`.
  case money
  /// A length of time in days: `124`, `124 days`.
  case days
  /// Any other number: a ratio such as ROAS, a p-value.
  case number

  init(_ value: Value, hint: DisplayHint, column: String?) {
    switch hint {
    case .rate: self = .percentage
    case .points: self = .points
    case .money: self = .money
    case .plain:
      let words = (column ?? "").lowercased().split(whereSeparator: { $0 == "_" || $0 == " " })
      if words.contains(where: { $0 == "days" || $0 == "day" }) {
        self = .days
      } else if case .int = value {
        self = .count
      } else {
        self = .number
      }
    }
  }

  /// The kind, with an article, for a message ("the answer is a percentage").
  var described: String {
    switch self {
    case .percentage: return "a percentage (a share such as 12.5%)"
    case .points: return "a difference of percentages, in points (such as 2.5 pp)"
    case .count: return "a count (how many, a whole number)"
    case .money: return "an amount of money"
    case .days: return "a number of days"
    case .number: return "a number"
    }
  }

  /// Whether a percentage or points are read as a fraction times 100.
  var isPercentLike: Bool { self == .percentage || self == .points }

  /// How `got` stands to `expected`, roughly, with the word lower or higher:
  /// "about 1.5 points lower than the answer", "about 3% higher than the
  /// answer", "higher than the answer: about 3 times it" (`reference` names
  /// what `expected` is). Rough on purpose:
  /// it says which way to look, and how far, without giving the answer away.
  func gap(from got: Double, to expected: Double, than reference: String = "the answer") -> String {
    let direction = got < expected ? "lower" : "higher"
    let difference = abs(got - expected)
    switch self {
    case .percentage, .points:
      let points = Self.roughly(difference * 100)
      return "about \(points) point\(points == "1" ? "" : "s") \(direction) than \(reference)"
    case .days:
      let days = Self.roughly(difference)
      return "about \(days) day\(days == "1" ? "" : "s") \(direction) than \(reference)"
    case .count, .money, .number:
      guard expected != 0 else { return "\(direction) than \(reference)" }
      if got * expected < 0 || got == 0 {
        let sign = expected > 0 ? "positive" : "negative"
        let mine = got == 0 ? "zero" : (got > 0 ? "positive" : "negative")
        return "\(direction) than \(reference): it is \(mine), and \(reference) is \(sign)"
      }
      let ratio = got / expected
      if ratio >= 2 { return "\(direction) than \(reference): about \(Self.roughly(ratio)) times it" }
      if ratio <= 0.1 { return "\(direction) than \(reference): less than a tenth of it" }
      if ratio <= 0.5 { return "\(direction) than \(reference): less than half of it" }
      return "about \(Self.roughly(difference / abs(expected) * 100))% \(direction) than \(reference)"
    }
  }

  /// `x` (positive) to one significant digit, or to a half when it begins
  /// with 1: 0.46 → `0.5`, 1.46 → `1.5`, 23 → `20`, 0.675 → `0.7`.
  static func roughly(_ x: Double) -> String {
    guard x > 0, x.isFinite else { return "0" }
    let scale = pow(10, floor(log10(x)))
    let lead = x / scale
    let rounded = lead < 2 ? (lead * 2).rounded() / 2 : lead.rounded()
    let value = rounded * scale
    let decimals = max(0, Int(-floor(log10(value))) + (rounded == rounded.rounded() ? 0 : 1))
    let text = String(format: "%.\(decimals)f", value)
    guard text.contains(".") else { return text }
    return String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed())
  }
}
