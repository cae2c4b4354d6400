import Foundation

/// A number cell's text as Excel shows it: Excel keeps 15 significant
/// digits, and writers save the double's noise past them (openpyxl saves
/// `886.06` as `886.0599999999999`, a sum of `0.1` and `0.2` is saved as
/// `0.30000000000000004`). Rounded to 15 digits, such a number reads as the
/// decimal the sheet shows, as its CSV export would hold it.
enum ExcelNumber {
  static let digits = 15

  /// `text` itself when it has at most 15 significant digits (nearly
  /// always), else the number rounded to 15 and written without trailing zeros.
  static func shown(_ text: [UInt8]) -> [UInt8] {
    var significant = 0
    var leading = true
    for b in text {
      if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { break }
      guard b &- 48 < 10 else { continue }
      if leading, b == UInt8(ascii: "0") { continue }
      leading = false
      significant += 1
    }
    guard significant > digits, let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
      return text
    }
    var shown = String(format: "%.\(digits)g", value)
    if shown.contains("."), !shown.contains("e") {
      while shown.hasSuffix("0") { shown.removeLast() }
      if shown.hasSuffix(".") { shown.removeLast() }
    }
    return Array(shown.utf8)
  }
}
