/// Reads numbers the way people type them into spreadsheets, for columns with a
/// forced numeric type: `$1,234.50`, `-€12`, `1.234,50 €`, `12.5%` (→ 0.125).
enum LenientNumber {
  private static let currencies: [[UInt8]] = ["$", "€", "£"].map { Array($0.utf8) }

  /// The number part of the text: without spaces, currency symbols, a sign
  /// before the symbol (returned as `negative`) and a trailing `%`.
  private static func core(_ p: UnsafePointer<UInt8>, _ n: Int)
    -> (p: UnsafePointer<UInt8>, n: Int, negative: Bool, percent: Bool)
  {
    var start = 0
    var end = n
    var negative = false
    var percent = false
    func trim() {
      while start < end, p[start] == 32 || p[start] == 9 { start += 1 }
      while end > start, p[end - 1] == 32 || p[end - 1] == 9 { end -= 1 }
    }
    func dropCurrency() -> Bool {
      for c in currencies {
        if end - start >= c.count, (0..<c.count).allSatisfy({ p[start + $0] == c[$0] }) {
          start += c.count
          return true
        }
        if end - start >= c.count, (0..<c.count).allSatisfy({ p[end - c.count + $0] == c[$0] }) {
          end -= c.count
          return true
        }
      }
      return false
    }
    trim()
    if end > start, p[end - 1] == UInt8(ascii: "%") {
      percent = true
      end -= 1
      trim()
    }
    if end > start, p[start] == UInt8(ascii: "-") || p[start] == UInt8(ascii: "+"),
      end - start > 1, !(p[start + 1] &- 48 < 10)
    {
      negative = p[start] == UInt8(ascii: "-")
      start += 1
      trim()
    }
    if dropCurrency() { trim() }
    return (p + start, end - start, negative, percent)
  }

  /// The number as exact digits; a `%` adds two places of scale.
  static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, _ rules: FieldRules) -> NumberText? {
    let c = core(p, n)
    guard c.n > 0, var number = NumberText.scan(c.p, c.n, point: rules.point, group: rules.forcedGroup) else {
      return nil
    }
    if c.negative { number.negative.toggle() }
    if c.percent { number.scale += 2 }
    return number
  }

  static func double(_ p: UnsafePointer<UInt8>, _ n: Int, _ rules: FieldRules) -> Double? {
    let c = core(p, n)
    guard c.n > 0, let number = NumberText.scan(c.p, c.n, point: rules.point, group: rules.forcedGroup) else {
      return nil
    }
    var v = NumberText.double(number, c.p, c.n, point: rules.point, group: rules.forcedGroup)
    if c.negative { v = -v }
    return c.percent ? v / 100 : v
  }
}
