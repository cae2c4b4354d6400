import FunnelData

/// Text from the data made safe inside HTML and SVG: control and bidi
/// characters shown in `VisibleText`'s notation (so the text cannot reorder
/// what is around it, and stays legal XML), then `&`, `<`, `>`, `"` and `'`
/// written as character references.
///
/// ```swift
/// Markup.escaped("<b>R&D</b>")   // "&lt;b&gt;R&amp;D&lt;/b&gt;"
/// Markup.escaped("a\u{1B}b")     // "a\\u{1B}b"
/// ```
public enum Markup {
  public static func escaped(_ text: String) -> String {
    let visible = VisibleText.escaped(text, keeping: { _ in false })
    var out = ""
    out.reserveCapacity(visible.utf8.count)
    for scalar in visible.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Not characters in XML 1.0, whatever their escaping.
      case "\u{FFFE}", "\u{FFFF}": out += VisibleText.notation(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
