/// A file that could not be read or written, or whose content does not fit:
/// where it happened (path, line, column) and why.
///
///     FileError(path: "deals.csv", line: 12, column: "amount",
///               message: "'12,x' is not a decimal").description
///     // deals.csv:12: column 'amount': '12,x' is not a decimal
public struct FileError: Error, CustomStringConvertible, Equatable, Sendable {
  public var path: String
  /// 1-based line of the file, when the problem is at one place.
  public var line: Int?
  /// The column's name, when the problem is in one column.
  public var column: String?
  public var message: String

  public init(path: String, line: Int? = nil, column: String? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var text = path
    if let line { text += ":\(line)" }
    text += ": "
    if let column { text += "column '\(column)': " }
    return text + message
  }
}
