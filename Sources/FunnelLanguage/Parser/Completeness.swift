/// Decides whether text typed at the prompt is a whole statement yet, so the
/// shell can show a continuation prompt instead of running it.
///
/// More is needed when the text ends with `|` (ignoring spaces and comments),
/// or has an unclosed `(` or `[`, or an unterminated quote or backquote: what
/// the lexer reports as `Unfinished` (so the prompt and the parser read the
/// text the same way). A shell command (`.name ...`) is always complete.
///
/// `deals |` → true; `deals | where (a > 1` → true; `deals | take 5` → false;
/// `.load deals "x.csv` → false.
public enum Completeness {
  public static func needsMore(_ text: String) -> Bool {
    Lexer.lex(SourceText(text: text)).unfinished.needsMore
  }
}
