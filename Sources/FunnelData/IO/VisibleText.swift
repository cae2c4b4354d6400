/// The characters that must never reach a terminal as they are, and the one
/// notation that shows them instead.
///
/// A value read from a file can hold an escape sequence (`ESC ] 0 ; …` sets
/// the window title, `ESC [ 2 J` clears the screen) or a bidirectional
/// control that makes a terminal draw the text in another order than it is
/// stored (`U+202E` turns `invoice_txt.exe` into `invoice_exe.txt`). Both
/// are shown as text:
///
/// | characters | shown as |
/// |---|---|
/// | line feed, carriage return, tab | `\n`, `\r`, `\t` |
/// | other C0 controls (`U+0000`–`U+001F`), DEL, C1 controls (`U+0080`–`U+009F`) | `\u{1B}`, `\u{7F}`, `\u{9B}` |
/// | bidi controls: `U+061C`, `U+200E`, `U+200F`, `U+202A`–`U+202E`, `U+2066`–`U+2069` | `\u{202E}` |
///
/// Hexadecimal in capitals, without leading zeros, as in a Swift string
/// literal. A backslash in the text is left as it is.
///
/// ```swift
/// VisibleText.escaped("Acme\u{1B}]0;pwned\u{07}")   // "Acme\\u{1B}]0;pwned\\u{7}"
/// VisibleText.escaped("abc\u{202E}fdp.exe")         // "abc\\u{202E}fdp.exe"
/// ```
public enum VisibleText {
  /// True for a control character or a bidirectional control.
  @inline(__always)
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
    switch v {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// True when some character of `text` needs escaping. Looks at the bytes
  /// first: text with no control byte and none of the lead bytes that start
  /// C1 controls (`C2`), `U+061C` (`D8`) or the other bidi controls (`E2`)
  /// is clean without decoding a scalar.
  public static func needsEscape(_ text: String) -> Bool {
    var suspect = false
    for b in text.utf8 where b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 {
      suspect = true
      break
    }
    return suspect && text.unicodeScalars.contains(where: needsEscape)
  }

  /// `scalar` in the visible notation: `\n`, `\r`, `\t`, or `\u{HEX}`.
  public static func notation(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }

  /// `text` with every character that needs it escaped, except those in
  /// `keeping` (a format's own line feed, say).
  public static func escaped(_ text: String, keeping: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
    guard needsEscape(text) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if needsEscape(scalar), !keeping(scalar) {
        out += notation(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
