import FunnelData

/// A database that runs compiled SQL: PostgreSQL (FunnelPostgres) or Spark
/// Connect (FunnelSpark). The shell holds at most one; every call blocks the
/// calling thread until the server answers, except `cancel()`, which may be
/// called from any thread while another call runs.
public protocol RemoteEngine: AnyObject, Sendable {
  /// The dialect the engine's SQL is written in.
  var dialect: SQLDialect { get }
  /// The address as the user may see it: never a password.
  var address: String { get }

  /// The tables and views the engine can read, with their columns.
  func tables() throws(RemoteError) -> [RemoteTable]

  /// Runs a query; hands the result to `batch` a batch of rows at a time
  /// (every batch has the same columns). `batch` returns false to stop
  /// early (a `table` that shows only its first rows).
  func run(_ query: SQLQuery, batch: (Table) throws -> Bool) throws(RemoteError)

  /// Runs statements that return no rows (`CREATE TEMP VIEW ...`).
  func execute(_ query: SQLQuery) throws(RemoteError)

  /// Makes `table`, read by Funnel from the local file `path` (so its types
  /// and reading options are Funnel's), the temporary table or view `name`
  /// of this connection: PostgreSQL copies the rows in, Spark reads a copy
  /// of them written beside the file's folder or under its scratch folder.
  func load(_ table: Table, path: String, as name: String) throws(RemoteError)

  /// Asks the server to stop the running statement (Ctrl-C).
  func cancel()

  /// Closes the connection.
  func close()
}

/// A table or view of a remote engine.
public struct RemoteTable: Sendable {
  public var name: String
  public var columns: [String]
  public var types: [DataType]

  public init(name: String, columns: [String], types: [DataType]) {
    self.name = name
    self.columns = columns
    self.types = types
  }
}

/// What went wrong on a remote engine, as the user reads it.
public struct RemoteError: Error, Sendable {
  public enum Kind: Sendable {
    /// Could not connect or lost the connection.
    case connection
    /// The server refused the statement (syntax, a missing table, a type).
    case server
    /// The statement was cancelled (Ctrl-C).
    case cancelled
    /// A value the server returned that Funnel cannot hold.
    case unsupported
  }

  public var kind: Kind
  public var message: String
  public var hint: String?

  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }
}
