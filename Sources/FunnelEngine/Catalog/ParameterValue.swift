import FunnelData

/// Typing of parameter text (`--param min=1000`): the raw text becomes the
/// first type it reads as.
///
///     ParameterValue.parse("42")          // .int(42)
///     ParameterValue.parse("0.5")         // .double(0.5)
///     ParameterValue.parse("2026-01-31")  // .date(...), also "@2026-01-31"
///     ParameterValue.parse("true")        // .bool(true)
///     ParameterValue.parse("EMEA")        // .string("EMEA")
enum ParameterValue {
  static func parse(_ text: String) -> Value {
    let t = text.withoutSurroundingSpaces
    if let i = Int64(t) { return .int(i) }
    if t.contains(where: { $0.isNumber }), let d = Double(t), !t.lowercased().contains("n") { return .double(d) }
    let dateText = t.hasPrefix("@") ? String(t.dropFirst()) : t
    if let d = Periods.parse(dateText, unit: .day) { return .date(d) }
    if t == "true" { return .bool(true) }
    if t == "false" { return .bool(false) }
    return .string(text)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var withoutSurroundingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
