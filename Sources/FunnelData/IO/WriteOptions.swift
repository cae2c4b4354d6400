/// How the writers treat text beyond the format's own rules.
///
/// ```swift
/// var options = WriteOptions()
/// options.safeFormulas = true
/// TableWriter.encode(table, as: .csv, options: options)
/// // name
/// // '=HYPERLINK(""http://x"")    (quoted as CSV needs)
/// ```
public struct WriteOptions: Hashable, Sendable {
  /// `--safe-csv`, `.mode csv safe`: in csv and tsv, a text cell (or column
  /// name) that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
  /// gets a leading `'`, so a spreadsheet shows it as text instead of running
  /// it as a formula (OWASP's advice on CSV injection). Numbers, dates and
  /// the other typed cells are never changed: `-42` in an int column is a
  /// number to a spreadsheet too. No effect on json, jsonl and markdown.
  public var safeFormulas: Bool
  /// Control and bidirectional characters written in `VisibleText`'s
  /// notation (json in its own `\uXXXX`), for text bound for a terminal;
  /// files and pipes get the bytes as they are. Markdown, a format for
  /// people, always escapes them.
  public var visibleControls: Bool

  public init(safeFormulas: Bool = false, visibleControls: Bool = false) {
    self.safeFormulas = safeFormulas
    self.visibleControls = visibleControls
  }

  /// `text` with a leading `'` when it starts as a formula would (`=`, `+`,
  /// `-`, `@`, tab, carriage return); unchanged otherwise.
  public static func guardingFormula(_ text: String) -> String {
    guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// The first bytes a spreadsheet may read as the start of a formula.
  static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13]
}
