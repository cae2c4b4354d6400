import Foundation

/// `ReadOptions` compiled for the per-field loops: tokens as bytes, the date
/// pattern parsed once, the decimal point and thousands separator chosen.
struct FieldRules {
  let nullTokens: [[UInt8]]
  let boolTokens: (true: [UInt8], false: [UInt8])?
  let datePattern: DatePattern?
  /// The decimal point of plain numbers.
  let point: UInt8
  /// A thousands separator plain (not forced) numbers may use: only with a
  /// decimal comma, where `1.234,50` is the common form.
  let plainGroup: UInt8?
  /// The thousands separator forced numeric columns accept.
  let forcedGroup: UInt8

  init(_ options: ReadOptions, path: String) throws {
    nullTokens = options.nullTokens.map { Array($0.utf8) }
    boolTokens = options.boolTokens.map { (Array($0.true.lowercased().utf8), Array($0.false.lowercased().utf8)) }
    if let format = options.dateFormat {
      do {
        datePattern = try DatePattern(format)
      } catch let error as DatePatternError {
        throw FileError(
          path: path,
          message: "unknown directive '\(error.directive)' in date format '\(format)' (known: %Y %y %m %d %H %M %S)")
      }
    } else {
      datePattern = nil
    }
    point = options.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    plainGroup = options.decimalComma ? UInt8(ascii: ".") : nil
    forcedGroup = options.decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
  }

  /// Empty, or one of the null tokens.
  @inline(__always)
  func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if text.isEmpty { return true }
    if nullTokens.isEmpty { return false }
    for token in nullTokens where token.count == text.count {
      // Both are non-empty here, so both have a base address.
      let same = token.withUnsafeBufferPointer {
        memcmp($0.baseAddress.unsafelyUnwrapped, text.baseAddress.unsafelyUnwrapped, text.count) == 0
      }
      if same { return true }
    }
    return false
  }

  /// A date or timestamp: the pattern first (when given), then ISO.
  @inline(__always)
  func moment(_ p: UnsafePointer<UInt8>, _ n: Int) -> TemporalText.Moment? {
    if let datePattern, let m = datePattern.read(p, n) { return m }
    return TemporalText.iso(p, n)
  }
}
