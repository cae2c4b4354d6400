import FunnelData
import FunnelLanguage

/// The one place a diagnostic becomes text, rustc-style:
///
/// ```
/// report.funnel:3:17: error: unknown column 'ammount' in deals
///   deals | agg sum(ammount) by owner
///                   ^^^^^^^
///   hint: did you mean 'amount'?
/// ```
///
/// A script's messages start with its path as given; at the prompt, for `-c`
/// and for standard input the source has no name and messages start with
/// `line:col`. Colour (bold, red `error`) only when asked for.
public enum DiagnosticRenderer {
  /// The full text of `diagnostic` about `source`, ending with a newline.
  public static func render(_ diagnostic: Diagnostic, in source: SourceText?, color: Bool = false) -> String {
    var location = source?.name.map { $0 + ":" } ?? ""
    if let span = diagnostic.span {
      if let source, source.typedAtPrompt {
        // The caret under the line shows where; a line number only helps
        // in a statement of several lines.
        if source.text.contains("\n") { location += "line \(span.line):" }
      } else {
        location += "\(span.line):\(span.column):"
      }
    }
    let severity: String
    switch diagnostic.severity {
    case .error: severity = Style.boldRed.apply("error:", when: color)
    case .warning: severity = Style.yellow.apply("warning:", when: color)
    }
    let head = location.isEmpty ? severity : Style.bold.apply(location, when: color) + " " + severity
    var text = head + " " + Style.bold.apply(shown(diagnostic.message), when: color) + "\n"
    if let span = diagnostic.span, let line = source?.line(span.line) {
      let (shown, shifted) = window(line, around: span)
      text += "  " + shown + "\n"
      text += "  " + caretLine(under: shifted, in: shown, color: color) + "\n"
    }
    for hint in diagnostic.hints {
      text += "  " + Style.cyan.apply("hint:", when: color) + " " + shown(hint) + "\n"
    }
    return text
  }

  /// The widest source line shown: a longer one (a 10 MB line, ten thousand
  /// brackets) is cut to the part around the span, with `…` where it was cut.
  static let maxLineWidth = 120

  /// The line as shown, and the span moved to match: control characters
  /// (binary noise) become `?` so they cannot drive the terminal, and a line
  /// longer than `maxLineWidth` keeps only the part around the span.
  static func window(_ line: String, around span: Span) -> (String, Span) {
    var scalars = line.unicodeScalars.map { s -> Unicode.Scalar in
      (s.value < 0x20 && s != "\t") || s.value == 0x7F || s == "\u{FFFD}" ? "?" : s
    }
    var moved = span
    if scalars.count > maxLineWidth {
      let start = max(0, min(span.column - 1 - 40, scalars.count - maxLineWidth))
      let end = min(scalars.count, start + maxLineWidth)
      var cut = Array(scalars[start..<end])
      moved.column = span.column - start
      if start > 0 {
        cut.insert("…", at: 0)
        moved.column += 1
      }
      if end < scalars.count { cut.append("…") }
      scalars = cut
    }
    var shown = ""
    shown.unicodeScalars.append(contentsOf: scalars)
    return (shown, moved)
  }

  /// Spaces up to the span's column (tabs copied, so the caret lines up with
  /// the text above it) and `^` for its length, at least one, never past the
  /// line's end plus one.
  static func caretLine(under span: Span, in line: String, color: Bool) -> String {
    let scalars = Array(line.unicodeScalars)
    let start = max(0, min(span.column - 1, scalars.count))
    var pad = ""
    for s in scalars[0..<start] { pad.unicodeScalars.append(s == "\t" ? "\t" : " ") }
    let room = max(1, scalars.count - start)
    let carets = String(repeating: "^", count: max(1, min(span.length, room)))
    return pad + Style.red.apply(carets, when: color)
  }

  /// A file that could not be loaded: `error: deals.csv:12: column 'amount': ...`.
  public static func render(_ error: FileError, color: Bool = false) -> String {
    Style.boldRed.apply("error:", when: color) + " " + shown(error.description) + "\n"
  }

  /// A message with no position: `error: ...`.
  public static func render(message: String, color: Bool = false) -> String {
    Style.boldRed.apply("error:", when: color) + " " + shown(message) + "\n"
  }

  /// A message as written: messages quote values and names from the data
  /// (`'Acme…' is not an int`, `did you mean 'company'?`), so their control
  /// and bidi characters are made visible as in a table; line breaks stay.
  static func shown(_ message: String) -> String {
    VisibleText.escaped(message, keeping: { $0 == "\n" })
  }
}
