/// Decides whether text typed at the prompt is a whole statement yet, so the
/// shell can show a continuation prompt instead of running it.
///
/// More is needed when the text ends with `|` (ignoring spaces and comments),
/// or has an unclosed `(` or `[`, or an unterminated quote or backquote. A
/// line starting with `.` (a shell command) is always complete.
///
/// `deals |` → true; `deals | where (a > 1` → true; `deals | take 5` → false;
/// `.load deals "x.csv` → false.
public enum Completeness {
  public static func needsMore(_ text: String) -> Bool {
    var quote: UInt8? = nil  // inside "..." , '...' or `...`
    var depth = 0
    var lastSignificant: UInt8? = nil
    var atLineStart = true
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if let q = quote {
        if b == UInt8(ascii: "\\") && q != UInt8(ascii: "`") {
          i += 2
          continue
        }
        if b == q {
          quote = nil
          lastSignificant = b
        }
        i += 1
        continue
      }
      switch b {
      case UInt8(ascii: "\n"):
        atLineStart = true
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        break
      case UInt8(ascii: "#"):
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        continue
      case UInt8(ascii: ".") where atLineStart && depth == 0 && lastSignificant != UInt8(ascii: "|"):
        // A command is complete whatever it holds; it runs to the end of the
        // line or to a `;` outside quotes, as the lexer reads it.
        i = Completeness.endOfCommand(bytes, from: i)
        lastSignificant = nil
        atLineStart = false
        continue
      default:
        atLineStart = false
        lastSignificant = b
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): quote = b
        case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
        case UInt8(ascii: ";"):
          depth = 0
          atLineStart = true  // a command may follow, as at the start of a line
        default: break
        }
      }
      i += 1
    }
    return quote != nil || depth > 0 || lastSignificant == UInt8(ascii: "|")
  }

  static func endOfCommand(_ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    var quote: UInt8? = nil
    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
      let b = bytes[i]
      if let q = quote {
        if b == UInt8(ascii: "\\") { i += 1 } else if b == q { quote = nil }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      } else if b == UInt8(ascii: ";") {
        return i
      }
      i += 1
    }
    return i
  }
}
