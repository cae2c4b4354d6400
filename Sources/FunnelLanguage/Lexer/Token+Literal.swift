extension Token {
  /// The value of a literal token (`integer`, `number`, `string`, `date`,
  /// `duration`); nil for every other kind. The lexer has already validated
  /// the text, so a literal token always decodes.
  ///
  /// `1_000` → `.int(1000)`; `3.5` → `.number(3.5, text: "3.5")`;
  /// `@1970-01-02` → `.date(1)`; `3mo` → `.duration(3 months)`.
  public var literal: Literal? {
    switch kind {
    case .integer:
      return Int64(Token.digits(text)).map(Literal.int)
    case .number:
      let digits = Token.digits(text)
      return Double(digits).map { Literal.number($0, text: digits) }
    case .string:
      return .string(text)
    case .date:
      guard let f = CivilCalendar.fields(of: text.dropFirst()),
        CivilCalendar.isValid(year: f.year, month: f.month, day: f.day)
      else { return nil }
      return .date(Int32(CivilCalendar.daysSinceEpoch(year: f.year, month: f.month, day: f.day)))
    case .duration:
      return Token.duration(text).map(Literal.duration)
    default:
      return nil
    }
  }

  /// The digits of a number as written, without `_` separators.
  static func digits(_ text: String) -> String {
    text.contains("_") ? text.filter { $0 != "_" } : text
  }

  /// `30d` → 30 days; nil unless the text is digits then `d`, `w`, `mo` or `y`.
  static func duration(_ text: String) -> Duration? {
    let digits = Token.digits(String(text.prefix { $0.isASCII && $0.isNumber || $0 == "_" }))
    let suffix = text.drop { $0.isASCII && $0.isNumber || $0 == "_" }
    guard let amount = Int64(digits), let unit = Duration.Unit(rawValue: String(suffix)) else { return nil }
    return Duration(amount: amount, unit: unit)
  }
}
