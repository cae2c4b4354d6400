import FunnelSQL

/// The Arrow reader's messages.
extension RemoteError {
  /// Bytes that do not follow the Arrow IPC format.
  static func malformedArrow(_ detail: String) -> RemoteError {
    RemoteError(.unsupported, "the server sent malformed Arrow data: \(detail)")
  }

  /// A column whose type Funnel has no column for.
  static func unsupportedColumn(_ name: String, _ type: String, reason: String? = nil) -> RemoteError {
    let why = reason.map { " (\($0))" } ?? ""
    return RemoteError(
      .unsupported, "column '\(name)' has type \(type), which Funnel cannot hold\(why)",
      hint: "cast it in the query, for example to string or double")
  }

  /// A value that does not fit the column Funnel keeps it in.
  static func valueOutOfRange(_ name: String, _ what: String) -> RemoteError {
    RemoteError(
      .unsupported, "column '\(name)' holds \(what), out of Funnel's range",
      hint: "cast it in the query, for example to double or string")
  }
}
