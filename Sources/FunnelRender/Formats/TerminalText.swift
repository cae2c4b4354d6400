import FunnelData

/// Measuring and cutting text by the columns it takes at a terminal, which
/// is not its `count`: CJK and emoji take two columns, combining marks none.
///
/// ```swift
/// TerminalText.width("東京")                   // 4
/// TerminalText.truncate("enterprise software", to: 10)   // "enterpris…"
/// ```
enum TerminalText {
  /// Columns `text` takes; printable ASCII is measured by its byte count.
  static func width(_ text: String) -> Int {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var total = 0
    for c in text { total += width(of: c) }
    return total
  }

  /// A grapheme cluster is as wide as its widest scalar, so an emoji with a
  /// skin tone or a ZWJ sequence counts once, as 2.
  static func width(of character: Character) -> Int {
    var widest = 0
    var emoji = false
    for scalar in character.unicodeScalars {
      if scalar.value == 0xFE0F { emoji = true }
      widest = max(widest, width(of: scalar))
    }
    if emoji, character.unicodeScalars.contains(where: { $0.properties.isEmoji }) { return 2 }
    return widest
  }

  /// 0 for combining marks, joiners and controls; 2 for East Asian wide and
  /// fullwidth ranges and emoji shown as pictures; 1 otherwise.
  static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// `text` cut to at most `limit` columns, ending in `…` when cut.
  static func truncate(_ text: String, to limit: Int) -> String {
    guard width(text) > limit else { return text }
    guard limit > 0 else { return "" }
    var out = ""
    var used = 0
    for c in text {
      let w = width(of: c)
      if used + w > limit - 1 { break }
      out.append(c)
      used += w
    }
    return out + "…"
  }

  /// `text` padded with spaces to `columns`, on the right (left-aligned) or
  /// on the left (right-aligned).
  static func pad(_ text: String, to columns: Int, right: Bool) -> String {
    let gap = columns - width(text)
    guard gap > 0 else { return text }
    let spaces = String(repeating: " ", count: gap)
    return right ? spaces + text : text + spaces
  }

  /// Control and bidirectional characters made visible (`\n`, `\t`,
  /// `\u{1B}`, `\u{202E}`: `VisibleText`'s notation), so a cell can neither
  /// break a row, smuggle an escape sequence to the terminal, nor make it
  /// draw the text in another order.
  static func printable(_ text: String) -> String {
    VisibleText.escaped(text)
  }
}
