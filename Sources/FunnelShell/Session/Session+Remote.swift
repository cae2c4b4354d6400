import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelPostgres
import FunnelRender
import FunnelSQL
import FunnelSpark

/// A server as the engine (`--engine`, `.engine`): its tables are the
/// datasets; each statement is bound here, compiled to the server's SQL and
/// run there; the rows come back in batches to the same renderer.
extension Session {
  /// Connects to `address` (`postgres://…`, `sc://…`) and makes its tables the
  /// datasets, or returns to the in-memory engine and its datasets (`memory`).
  public func connect(engine address: String) throws(RemoteError) {
    if address == "memory" {
      disconnect()
      return
    }
    let engine: RemoteEngine
    if address.hasPrefix("postgres://") || address.hasPrefix("postgresql://") {
      engine = try PostgresEngine.connect(url: address)
    } else if address.hasPrefix("sc://") {
      engine = try SparkEngine.connect(url: address)
    } else {
      throw RemoteError(
        .connection, "unknown engine '\(address)'",
        hint: "engines are memory, postgres://USER@HOST:PORT/DB and sc://HOST:PORT (Spark Connect)")
    }
    let tables: [RemoteTable]
    do {
      tables = try engine.tables()
    } catch {
      engine.close()
      throw error
    }
    if let old = remote {
      old.close()
    } else {
      memoryDatasets = catalog.datasetNames.compactMap { name in catalog.dataset(name).map { (name, $0) } }
    }
    for name in catalog.datasetNames { catalog.removeDataset(name) }
    for t in tables { catalog.setDataset(t.name, Self.emptyTable(names: t.columns, types: t.types)) }
    remote = engine
  }

  /// Back to the in-memory engine, with the datasets it had.
  public func disconnect() {
    guard let engine = remote else { return }
    engine.close()
    remote = nil
    for name in catalog.datasetNames { catalog.removeDataset(name) }
    for (name, table) in memoryDatasets { catalog.setDataset(name, table) }
    memoryDatasets = []
  }

  /// Runs a pipeline, `let` or `metric` on the remote engine.
  func runRemote(_ statement: Statement, on engine: RemoteEngine, in source: SourceText) -> Bool {
    do {
      let prepared = try Engine.prepare(statement, in: catalog)
      switch prepared.plan.root {
      case .scalar, .letScalar, .defineMetric:
        // Constants and metric definitions need no data: Funnel's own.
        let outcome = try Engine.run(prepared, in: catalog, cancellation: cancellation, memoryLimit: memoryLimit)
        try show(outcome)
      case .letDataset(let name, _):
        let query = try compileSQL(prepared, statement, in: source, dialect: engine.dialect, inline: true)
        let create = SQLQuery(text: Self.createView(name, query.text, dialect: engine.dialect))
        try onServer(engine, statement) {
          if engine.dialect == .postgres {
            // PostgreSQL replaces a view only by one with the same columns:
            // a `let` that binds other columns makes the view anew.
            try? engine.execute(SQLQuery(text: "DROP VIEW IF EXISTS \(engine.dialect.quote(name))"))
          }
          try engine.execute(create)
        }
        bindSchema(name, prepared)
        if interactive && terminal.stderrIsTerminal { note("\(name): a view on \(engine.address)") }
      case .pipeline(let node, let chart):
        try runRemotePipeline(prepared, node: node, chart: chart, statement, on: engine, in: source)
      }
      for text in prepared.plan.notes { note("note: " + text) }
      return true
    } catch let exceeded as MemoryLimitExceeded {
      report([memoryDiagnostic(exceeded, at: statement.span)], in: source)
      return false
    } catch var diagnostic as Diagnostic where diagnostic.span == nil {
      diagnostic.span = statement.span
      report([diagnostic], in: source)
      return false
    } catch {
      report(error, in: source)
      return false
    }
  }

  /// A pipeline on the server: `save` and charts stay here (the file is
  /// written by this machine; the chart drawn from the rows that came back).
  private func runRemotePipeline(
    _ prepared: Prepared, node: PlanNode, chart: ChartRequest?, _ statement: Statement, on engine: RemoteEngine,
    in source: SourceText
  ) throws {
    var node = node
    var savePath: String? = nil
    if case .save(let input, let path, _) = node {
      node = input
      savePath = path
    }
    if case .chart(let input, _) = node { node = input }
    var plan = prepared.plan
    plan.replaceRoot(.pipeline(node, chart: chart))
    let query = try compileSQL(Prepared(plan: plan), statement, in: source, dialect: engine.dialect)
    // A table at the terminal shows a window of rows: fetch one more than
    // fits, and say when there were more, rather than fetch them all. A
    // chart is drawn from every row, as in memory, so it fetches them all.
    let window: Int? = savePath == nil && format == .table && chart == nil ? renderOptions().maxRows : nil
    var batches: [Table] = []
    var rows = 0
    var more = false
    try onServer(engine, statement) {
      try engine.run(query) { batch in
        try cancellation.check()
        rows += batch.rowCount
        try memoryLimit.check(Self.bytes(of: batch) * 2, while: "receiving the result from \(engine.address)")
        batches.append(batch)
        if let window, rows > window {
          more = true
          return false
        }
        return true
      }
    }
    try cancellation.check()
    guard var table = Table.concatenating(batches) ?? emptyResult(prepared) else {
      throw Diagnostic(message: "\(engine.address) sent batches of different columns", span: statement.span)
    }
    if let window, more { table = table.prefix(window) }
    if let scope = prepared.plan.schema {
      table = RemoteColumns.conform(table, names: scope.names, types: scope.types, hints: scope.hints)
    }
    if let savePath, DrawnFormat(path: savePath) != nil {
      try saveDrawn(table, chart: chart, to: savePath, statement, in: source)
      return
    }
    if let savePath {
      try TableWriter.write(table, to: savePath, options: catalog.saveOptions)
      let count = NumberFormat.display(.int(Int64(table.rowCount)), hint: .plain)
      note("saved \(count) rows, \(table.columnCount) columns to \(savePath)")
      return
    }
    try show(.table(table, chart: chart))
    if more {
      note("the first \(Counts.grouped(window ?? 0)) rows; the result has more (| take N, or .mode csv for every row)")
    }
  }

  /// The columns of a result that came back with no batch at all.
  private func emptyResult(_ prepared: Prepared) -> Table? {
    prepared.plan.columns.map { Self.emptyTable(names: $0.map(\.name), types: $0.map(\.type)) }
  }

  /// Runs `body` against the server with Ctrl-C forwarded to it; its
  /// errors become diagnostics on the statement.
  private func onServer(_ engine: RemoteEngine, _ statement: Statement, _ body: () throws -> Void) throws {
    do {
      try withProgress { meter in
        // The server does the work: the bar can show only the time it takes.
        meter?.start("running on " + engine.dialect.rawValue, total: nil, unit: .steps)
        try cancellation.forwarding(to: { engine.cancel() }, body)
      }
    } catch let error as RemoteError {
      if error.kind == .cancelled { throw Cancelled() }
      var d = Diagnostic(message: "\(engine.dialect.rawValue): " + error.message, span: statement.span)
      if let hint = error.hint { d.hints.append(hint) }
      throw d
    }
  }
}
