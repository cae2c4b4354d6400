import Foundation
import FunnelData
import FunnelSQL
import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// A Spark Connect server as a `RemoteEngine`: SQL goes out as a plan of one
/// `SQL` relation, rows come back as Arrow record batches.
///
///     let spark = try SparkEngine(url: "sc://127.0.0.1:15099")
///     try spark.run(SQLQuery(text: "SELECT 1 AS one")) { table in ...; return true }
///     spark.close()
///
/// The session's time zone is set to UTC when it opens, so that a Spark
/// `TIMESTAMP` (an instant, shown in the session's zone) and Funnel's
/// timestamp (a wall-clock time) are the same number.
public final class SparkEngine: RemoteEngine {
  public let dialect = SQLDialect.spark
  public let address: String
  /// This engine's Spark session: a UUID unless the address names one.
  public let sessionID: String

  let userContext: Spark_Connect_UserContext
  private let client: GRPCClient<HTTP2ClientTransport.Posix>
  private let executor: SparkTaskExecutor
  private let connections: Task<Void, Never>
  /// The statement running now, which `cancel()` stops.
  private let running = Mutex<RunningStatement?>(nil)
  /// The views `load` cached, uncached by `close()`: Spark keeps cached rows
  /// for the whole server, not for the session.
  let cachedViews = Mutex<[String]>([])

  private struct RunningStatement {
    var operationID: String
    var task: Task<Void, Never>
    var cancelled = false
  }

  /// Connects and opens a session; throws `.connection` when no Spark
  /// Connect server answers at `url` (`sc://HOST:PORT`).
  public init(url: String) throws(RemoteError) {
    let target = try SparkAddress(parsing: url)
    address = target.display
    sessionID = target.sessionID ?? UUID().uuidString.lowercased()
    var user = Spark_Connect_UserContext()
    user.userID = target.userID ?? ProcessInfo.processInfo.environment["USER"] ?? "funnel"
    user.userName = user.userID
    userContext = user
    let client: GRPCClient<HTTP2ClientTransport.Posix>
    do {
      let transport = try HTTP2ClientTransport.Posix(
        target: .dns(host: target.host, port: target.port), transportSecurity: .plaintext)
      client = GRPCClient(transport: transport)
    } catch {
      throw RemoteError(.connection, "cannot open a connection to \(target.display): \(error)")
    }
    let executor = SparkTaskExecutor()
    self.client = client
    self.executor = executor
    connections = Task(executorPreference: executor) { try? await client.runConnections() }
    do {
      try execute(SQLQuery(text: "SET spark.sql.session.timeZone = UTC"))
    } catch {
      close()
      throw error
    }
  }

  /// `SparkEngine(url:)`, under the name the shell calls.
  public static func connect(url: String) throws(RemoteError) -> SparkEngine { try SparkEngine(url: url) }

  public func close() {
    let cached = cachedViews.withLock { names -> [String] in
      defer { names = [] }
      return names
    }
    for name in cached {
      try? execute(SQLQuery(text: "UNCACHE TABLE IF EXISTS \(quote(name))"))
    }
    client.beginGracefulShutdown()
    connections.cancel()
    scratchFolder.remove()
  }

  deinit { close() }

  public func run(_ query: SQLQuery, batch: (Table) throws -> Bool) throws(RemoteError) {
    var relation = Spark_Connect_Relation()
    relation.sql = try SparkEngine.sql(query)
    var plan = Spark_Connect_Plan()
    plan.root = relation
    try stream(plan) { (tables) throws(RemoteError) -> Bool in
      for table in tables {
        do {
          if try !batch(table) { return false }
        } catch {
          throw RemoteError.handler(error)
        }
      }
      return true
    }
  }

  public func execute(_ query: SQLQuery) throws(RemoteError) {
    var command = Spark_Connect_SqlCommand()
    command.input.sql = try SparkEngine.sql(query)
    var plan = Spark_Connect_Plan()
    plan.command.sqlCommand = command
    try stream(plan) { _ in true }
  }

  public func cancel() {
    let operation = running.withLock { statement -> RunningStatement? in
      statement?.cancelled = true
      return statement
    }
    guard let operation else { return }
    // The one operation, not every operation of the session: the interrupt
    // may reach the server after this call has returned and the next
    // statement has started.
    interrupt(operationID: operation.operationID)
    operation.task.cancel()
  }

  /// The `SQL` relation of a query, its parameters bound by name.
  static func sql(_ query: SQLQuery) throws(RemoteError) -> Spark_Connect_SQL {
    var sql = Spark_Connect_SQL()
    sql.query = query.text
    for parameter in query.parameters {
      sql.namedArguments[parameter.name] = try parameter.sparkLiteral()
    }
    return sql
  }

  /// Runs a plan and hands its rows, decoded, to `tables` as they arrive;
  /// `tables` returns false to stop early (the server is then told to stop).
  /// A result with no rows is handed over once, as an empty table with the
  /// result's columns.
  private func stream(_ plan: Spark_Connect_Plan, tables: ([Table]) throws(RemoteError) -> Bool) throws(RemoteError) {
    let operationID = UUID().uuidString.lowercased()
    var request = Spark_Connect_ExecutePlanRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.operationID = operationID
    request.clientType = SparkEngine.clientType
    request.plan = plan

    let pipe = ResponsePipe()
    let client = self.client
    let address = self.address
    let task = Task(executorPreference: executor) {
      do {
        try await client.serverStreaming(
          request: ClientRequest(message: request), descriptor: SparkEngine.executePlan,
          serializer: ProtobufSerializer<Spark_Connect_ExecutePlanRequest>(),
          deserializer: ProtobufDeserializer<Spark_Connect_ExecutePlanResponse>(), options: SparkEngine.callOptions
        ) { response in
          for try await message in response.messages {
            if case .arrowBatch(let batch) = message.responseType { await pipe.push(.arrow(batch.data)) }
          }
        }
        await pipe.push(.end(nil))
      } catch {
        await pipe.push(.end(RemoteError.spark(error, address: address, cancelled: false)))
      }
    }
    running.withLock { $0 = RunningStatement(operationID: operationID, task: task) }
    var finished = false
    defer {
      let cancelled = running.withLock { statement -> Bool in
        defer { statement = nil }
        return statement?.cancelled ?? false
      }
      if !finished, !cancelled { interrupt(operationID: operationID) }
      pipe.close()
      task.cancel()
    }

    var reader = ArrowStreamReader()
    var sawRows = false
    while true {
      switch pipe.pop() {
      case .arrow(let data):
        let decoded = try reader.tables(in: data)
        guard !decoded.isEmpty else { continue }
        sawRows = true
        if try !tables(decoded) { return }
      case .end(let error?):
        finished = true
        let cancelled = running.withLock { $0?.cancelled ?? false }
        throw cancelled ? RemoteError(.cancelled, "the statement was cancelled") : error
      case .end(nil):
        finished = true
        if !sawRows, let empty = reader.emptyTable() { _ = try tables([empty]) }
        return
      }
    }
  }

  /// Asks the server to stop an operation; does not wait for the answer.
  private func interrupt(operationID: String) {
    var request = Spark_Connect_InterruptRequest()
    request.sessionID = sessionID
    request.userContext = userContext
    request.clientType = SparkEngine.clientType
    request.interruptType = .operationID
    request.operationID = operationID
    let client = self.client
    Task(executorPreference: executor) {
      _ = try? await client.unary(
        request: ClientRequest(message: request), descriptor: SparkEngine.interruptMethod,
        serializer: ProtobufSerializer<Spark_Connect_InterruptRequest>(),
        deserializer: ProtobufDeserializer<Spark_Connect_InterruptResponse>(), options: .defaults
      ) { try $0.message }
    }
  }

  static let clientType = "funnel"
  static let executePlan = MethodDescriptor(
    fullyQualifiedService: "spark.connect.SparkConnectService", method: "ExecutePlan")
  static let interruptMethod = MethodDescriptor(
    fullyQualifiedService: "spark.connect.SparkConnectService", method: "Interrupt")

  /// Spark sends Arrow batches of up to 4 MiB (`spark.connect.grpc.arrow.maxBatchSize`)
  /// and allows messages of 128 MiB; gRPC's default limit, 4 MiB, is too small.
  static let callOptions: CallOptions = {
    var options = CallOptions.defaults
    options.maxResponseMessageBytes = 128 << 20
    return options
  }()
}
