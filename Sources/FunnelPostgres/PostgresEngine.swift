import FunnelData
import FunnelSQL
import Logging
import PostgresNIO
import Synchronization

/// A PostgreSQL server as a `RemoteEngine`: one connection (postgres-nio on
/// an event loop of one thread), used by one caller at a time, who blocks
/// until the server answers.
///
///     let engine = try PostgresEngine.connect(url: "postgres://funnel@127.0.0.1:5432/crm")
///     defer { engine.close() }
///     try engine.run(SQLQuery(text: "SELECT region, count(*) FROM deals GROUP BY 1")) { batch in
///       print(batch.rowCount)
///       return true  // false stops the query
///     }
///
/// `cancel()` may be called from another thread while a call runs; the
/// call then ends with `RemoteError(.cancelled, "cancelled")`.
public final class PostgresEngine: RemoteEngine {
  public var dialect: SQLDialect { .postgres }
  public let address: String

  let url: PostgresURL
  let connection: PostgresConnection
  let bridge: BlockingBridge
  let logger: Logger
  /// The server process of the connection, which a cancel names.
  let backendPID: Int32
  private let group: MultiThreadedEventLoopGroup
  /// What the connection is doing, for `cancel()`.
  private let activity = Mutex(Activity())
  /// The second connection that sends cancels, opened by the first one.
  /// Its lock is held while a cancel is sent, and a statement starts only
  /// once it is free: a cancel never reaches the statement after its own.
  private let canceller = Mutex<PostgresConnection?>(nil)
  private let closed = Atomic<Bool>(false)

  private struct Activity {
    var running = false
    var cancelRequested = false
  }

  private init(
    url: PostgresURL, connection: PostgresConnection, group: MultiThreadedEventLoopGroup, bridge: BlockingBridge,
    logger: Logger, backendPID: Int32
  ) {
    self.url = url
    self.address = url.address
    self.connection = connection
    self.group = group
    self.bridge = bridge
    self.logger = logger
    self.backendPID = backendPID
  }

  /// Connects to `postgres://USER@HOST:PORT/DATABASE[?schema=S&sslmode=M]`.
  /// The password comes from the URL, `PGPASSWORD` or `~/.pgpass` (`PGPASSFILE`).
  public static func connect(url text: String) throws(RemoteError) -> PostgresEngine {
    var url = try PostgresURL(parsing: text)
    let lookup = PasswordLookup(url: url)
    url.password = lookup.password
    let logger = Logger(label: "funnel.postgres") { _ in SwiftLogNoOpLogHandler() }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
      let connection = try open(url, on: group, logger: logger)
      let pid: Int32?
      do {
        pid = try connection.query("SELECT pg_backend_pid()", logger: logger).wait().rows.first?.decode(Int32.self)
        if let schema = url.schema {
          // Unqualified names in the compiled SQL are the schema's tables.
          let quoted = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
          _ = try connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(quoted), public"), logger: logger)
            .wait()
        }
      } catch {
        _ = try? connection.close().wait()
        throw error
      }
      return PostgresEngine(
        url: url, connection: connection, group: group, bridge: BlockingBridge(), logger: logger,
        backendPID: pid ?? 0)
    } catch {
      try? group.syncShutdownGracefully()
      var remote: RemoteError
      if let error = error as? PSQLError {
        remote = RemoteError.connection(error, address: url.address)
      } else if let error = error as? RemoteError {
        remote = error
      } else {
        remote = RemoteError(.connection, "cannot connect to \(url.address): \(error)")
      }
      if let ignored = lookup.ignoredFile, remote.kind == .connection { remote.hint = ignored }
      throw remote
    }
  }

  /// Opens one connection (the engine's, or the canceller's).
  static func open(_ url: PostgresURL, on group: MultiThreadedEventLoopGroup, logger: Logger) throws
    -> PostgresConnection
  {
    var configuration: PostgresConnection.Configuration
    if let socket = url.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
    } else {
      configuration = .init(
        host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
        tls: try tls(url.tls))
    }
    configuration.options.additionalStartupParameters = [("application_name", "funnel")]
    return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
  }

  /// libpq's modes: `prefer` and `require` do not check the certificate.
  private static func tls(_ mode: PostgresURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch mode {
    case .disable: return .disable
    case .prefer:
      configuration.certificateVerification = .none
      return .prefer(try NIOSSLContext(configuration: configuration))
    case .require:
      configuration.certificateVerification = .none
      return .require(try NIOSSLContext(configuration: configuration))
    case .verifyFull:
      return .require(try NIOSSLContext(configuration: configuration))
    }
  }

  /// Runs a statement's async work on the bridge; its errors become
  /// `RemoteError`s (`.cancelled` after `cancel()`).
  func statement<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws(RemoteError) -> T {
    do {
      return try bridge.wait(work)
    } catch {
      let cancelled = activity.withLock { $0.cancelRequested }
      throw RemoteError.statement(error, cancelled: cancelled, address: address)
    }
  }

  /// Marks the connection busy for `body`, so that `cancel()` knows there is
  /// something to stop.
  func running<T>(_ body: () throws(RemoteError) -> T) throws(RemoteError) -> T {
    guard !closed.load(ordering: .relaxed) else {
      throw RemoteError(.connection, "the connection to \(address) is closed", hint: "connect again")
    }
    canceller.withLock { _ in }
    activity.withLock { $0 = Activity(running: true, cancelRequested: false) }
    defer { activity.withLock { $0 = Activity() } }
    return try body()
  }

  public func cancel() {
    let busy = activity.withLock { activity -> Bool in
      guard activity.running else { return false }
      activity.cancelRequested = true
      return true
    }
    if busy { sendCancel() }
  }

  /// Asks the server to stop the connection's statement: postgres-nio keeps
  /// the key of PostgreSQL's own cancel request to itself, so a second
  /// connection calls `pg_cancel_backend` with the first one's process id.
  func sendCancel() {
    canceller.withLock { canceller in
      if canceller == nil || canceller?.isClosed == true {
        canceller = try? PostgresEngine.open(url, on: group, logger: logger)
      }
      _ = try? canceller?.query("SELECT pg_cancel_backend(\(backendPID))", logger: logger).wait()
    }
  }

  public func close() {
    guard !closed.exchange(true, ordering: .relaxed) else { return }
    _ = try? connection.close().wait()
    if let canceller = canceller.withLock({ $0 }) { _ = try? canceller.close().wait() }
    try? group.syncShutdownGracefully()
  }

  /// An engine dropped without `close()` closes itself without waiting (the
  /// last reference may go on any thread); the connections live until their
  /// channels have closed, and the event loop stops after them.
  deinit {
    guard !closed.load(ordering: .relaxed) else { return }
    let connections = [connection] + (canceller.withLock { $0 }.map { [$0] } ?? [])
    let group = self.group
    let eventLoop = connection.eventLoop
    EventLoopFuture.andAllComplete(connections.map { $0.close() }, on: eventLoop).whenComplete { _ in
      withExtendedLifetime(connections) {}
      group.shutdownGracefully { _ in }
    }
  }
}
