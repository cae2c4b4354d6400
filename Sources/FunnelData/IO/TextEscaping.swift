/// How each output format writes a piece of text (a string cell or a column
/// name): the format's own quoting, then what `WriteOptions` asks for.
///
/// | text | csv | csv, safe | csv, visible | json, visible |
/// |---|---|---|---|---|
/// | `Smith, J.` | `"Smith, J."` | `"Smith, J."` | `"Smith, J."` | `"Smith, J."` |
/// | `=1+2` | `=1+2` | `'=1+2` | `=1+2` | `"=1+2"` |
/// | `A` ESC `[2J` | `A` ESC `[2J` | same | `A\u{1B}[2J` | `"A\u001b[2J"` |
/// | `a` U+202E `b` | `a` U+202E `b` | same | `a\u{202E}b` | `"a\u202eb"` |
struct TextEscaping: Equatable {
  enum Syntax { case csv, tsv, json, markdown }

  let syntax: Syntax
  /// Controls and bidi controls in `VisibleText`'s notation (json: `\uXXXX`).
  let visibleControls: Bool
  /// A leading `'` before text a spreadsheet would take for a formula.
  let guardsFormulas: Bool

  init(_ format: FileFormat, options: WriteOptions = WriteOptions()) {
    switch format {
    case .csv: syntax = .csv
    case .tsv: syntax = .tsv
    case .json, .jsonl: syntax = .json
    case .markdown: syntax = .markdown
    }
    // Markdown is read by people, wherever it is written.
    visibleControls = options.visibleControls || syntax == .markdown
    guardsFormulas = options.safeFormulas && (syntax == .csv || syntax == .tsv)
  }

  /// `text` as the format writes it, quotes included where the format needs them.
  func escape(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    escape(text, into: &out)
    return out
  }

  func escape(_ text: String, into out: inout [UInt8]) {
    var text = guardsFormulas ? WriteOptions.guardingFormula(text) : text
    if visibleControls, syntax != .json, syntax != .markdown {
      // A csv record keeps its line feeds (quoted, as RFC 4180 writes them);
      // tsv's own `\t`, `\n`, `\r` are the visible notation already.
      text = VisibleText.escaped(text, keeping: { $0 == "\n" && syntax == .csv })
    }
    let utf8 = text.utf8
    switch syntax {
    case .csv:
      // RFC 4180: quote a field holding the separator, a quote, CR or LF.
      let needsQuotes = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
      guard needsQuotes else {
        out.append(contentsOf: utf8)
        return
      }
      out.append(34)
      for b in utf8 {
        out.append(b)
        if b == 34 { out.append(34) }
      }
      out.append(34)
    case .tsv:
      for b in utf8 {
        switch b {
        case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
        case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
        case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
        default: out.append(b)
        }
      }
    case .markdown:
      TextEscaping.markdown(text, into: &out)
    case .json:
      TextEscaping.json(text, visible: visibleControls, into: &out)
    }
  }

  /// A markdown table cell: `|` escaped, a line break as `<br>`, every other
  /// control or bidi character visible.
  private static func markdown(_ text: String, into out: inout [UInt8]) {
    guard VisibleText.needsEscape(text) || text.utf8.contains(UInt8(ascii: "|")) else {
      out.append(contentsOf: text.utf8)
      return
    }
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      switch scalar {
      case "|": out.append(contentsOf: [92, UInt8(ascii: "|")])
      case "\n": out.append(contentsOf: Array("<br>".utf8))
      // A Windows line end is one break.
      case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n": break
      case _ where VisibleText.needsEscape(scalar): out.append(contentsOf: VisibleText.notation(scalar).utf8)
      default: out.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  /// A JSON string: quotes, backslashes and C0 escaped as JSON requires; with
  /// `visible`, DEL, C1 and bidi controls as `\uXXXX` too, still valid JSON
  /// that reads back as the same text.
  private static func json(_ text: String, visible: Bool, into out: inout [UInt8]) {
    out.append(34)
    if visible, VisibleText.needsEscape(text) {
      for scalar in text.unicodeScalars {
        let v = scalar.value
        if v >= 0x7F, VisibleText.needsEscape(scalar) {
          appendUnicodeEscape(v, to: &out)
        } else if v < 0x80 {
          jsonByte(UInt8(v), into: &out)
        } else {
          UTF8.encode(scalar) { out.append($0) }
        }
      }
    } else {
      for b in text.utf8 { jsonByte(b, into: &out) }
    }
    out.append(34)
  }

  @inline(__always)
  private static func jsonByte(_ b: UInt8, into out: inout [UInt8]) {
    switch b {
    case 34: out.append(contentsOf: [92, 34])
    case 92: out.append(contentsOf: [92, 92])
    case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
    case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
    case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
    case 0..<32: appendUnicodeEscape(UInt32(b), to: &out)
    default: out.append(b)
    }
  }

  /// `\u001b`, `\u202e`: four lower-case hex digits (every character escaped
  /// here is in the Basic Multilingual Plane).
  private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(contentsOf: [92, UInt8(ascii: "u")])
    for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 15)]) }
  }
}
