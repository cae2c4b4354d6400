/// How a reader should take a file, when its own guesses are not enough.
///
/// Every field is optional: the default (`ReadOptions()`) sniffs the separator,
/// treats only empty fields as null and infers every column's type.
public struct ReadOptions: Sendable {
  /// The field separator byte (`;`, tab, ...); nil sniffs it from the first lines.
  public var separator: UInt8?
  /// Field texts that mean null besides the empty field (`"NA"`, `"unknown"`).
  public var nullTokens: [String]
  /// A strftime-like pattern (`%Y %y %m %d %H %M %S`) for dates and timestamps,
  /// e.g. `"%d/%m/%Y"`; ISO text is still accepted beside it.
  public var dateFormat: String?
  /// Numbers are written `1.234,50`: a comma decimal point and dot thousands.
  public var decimalComma: Bool
  /// Extra words for true and false (`("yes", "no")`), compared ignoring case.
  public var boolTokens: (true: String, false: String)?
  /// Column name → the type it must have; values that do not fit are errors.
  public var types: [String: ForcedType]
  /// The sheet of an Excel workbook to read, by name; nil reads the first.
  public var sheet: String? = nil
  /// The rows at the top of an Excel sheet to pass over before its header
  /// (a title, notes); nil finds the header by itself.
  public var skip: Int? = nil
  /// The file of a zip archive to read, by name; nil reads the only one.
  public var entry: String? = nil
  /// The most memory the load may take (the session's `--memory-limit`);
  /// nil means 80% of physical memory. Going over is `MemoryLimitExceeded`.
  public var memoryLimit: MemoryLimit? = nil
  /// Set by Ctrl-C; checked between chunks, so a long load stops with `Cancelled`.
  public var cancellation: Cancellation? = nil
  /// Advanced by the bytes of the file read, for the shell's progress bar.
  public var progress: ProgressMeter? = nil

  public init() {
    separator = nil
    nullTokens = []
    dateFormat = nil
    decimalComma = false
    boolTokens = nil
    types = [:]
  }
}

/// A type a column is forced to, instead of the inferred one.
///
/// Forced numeric columns also accept currency symbols (`$ € £`), thousands
/// separators and a trailing `%` (`12.5%` reads as 0.125).
public enum ForcedType: String, CaseIterable, Sendable {
  case int, double, decimal, date, timestamp, bool, text
}
