import FunnelLanguage

/// One word of a dot command's arguments, with where it stands in the source
/// so messages put their caret under it.
///
/// `.load deals "my file.csv" with sep=";"` → `deals`, `my file.csv`
/// (quoted), `with`, `sep`, `=`, `;` (quoted) — `=` and `,` are words of
/// their own only when `punctuation` is on.
public struct CommandWord: Equatable, Sendable {
  public var text: String
  public var span: Span
  /// Written in quotes: never a keyword such as `with` or `map`.
  public var quoted: Bool

  public init(text: String, span: Span, quoted: Bool) {
    self.text = text
    self.span = span
    self.quoted = quoted
  }

  /// `=` or `,` standing alone (unquoted).
  public var isPunctuation: Bool { !quoted && (text == "=" || text == ",") }

  /// Splits `arguments` (whose first character stands at `span`) into words:
  /// runs of non-blank characters, or text in `"..."` / `'...'` with `\"`,
  /// `\\`, `\t` escapes. An unclosed quote runs to the end.
  public static func split(_ arguments: String, at span: Span, punctuation: Bool = false) -> [CommandWord] {
    let scalars = Array(arguments.unicodeScalars)
    var words: [CommandWord] = []
    var i = 0
    var offset = 0  // UTF-8 bytes before scalars[i]
    func place(_ start: Int, _ startOffset: Int, _ length: Int) -> Span {
      Span(line: span.line, column: span.column + start, offset: span.offset + startOffset, length: max(1, length))
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == " " || c == "\t" {
        offset += 1
        i += 1
        continue
      }
      let start = i
      let startOffset = offset
      if c == "\"" || c == "'" {
        var text = ""
        i += 1
        offset += 1
        while i < scalars.count, scalars[i] != c {
          if scalars[i] == "\\", i + 1 < scalars.count {
            let next = scalars[i + 1]
            switch next {
            case "t": text.unicodeScalars.append("\t")
            case "n": text.unicodeScalars.append("\n")
            default: text.unicodeScalars.append(next)
            }
            offset += 1 + next.utf8.count
            i += 2
            continue
          }
          text.unicodeScalars.append(scalars[i])
          offset += scalars[i].utf8.count
          i += 1
        }
        if i < scalars.count {
          i += 1
          offset += 1
        }
        words.append(CommandWord(text: text, span: place(start, startOffset, i - start), quoted: true))
        continue
      }
      if punctuation, c == "=" || c == "," {
        words.append(CommandWord(text: String(c), span: place(start, startOffset, 1), quoted: false))
        i += 1
        offset += 1
        continue
      }
      var text = ""
      while i < scalars.count {
        let s = scalars[i]
        if s == " " || s == "\t" || s == "\"" || s == "'" { break }
        if punctuation, s == "=" || s == "," { break }
        text.unicodeScalars.append(s)
        offset += s.utf8.count
        i += 1
      }
      words.append(CommandWord(text: text, span: place(start, startOffset, i - start), quoted: false))
    }
    return words
  }
}
