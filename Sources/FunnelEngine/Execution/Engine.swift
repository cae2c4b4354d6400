import FunnelData
import FunnelLanguage

/// The engine's entry points: bind a statement into a plan, run a plan, and
/// tell a pipeline's columns without running it.
public enum Engine {
  /// Binds names and types; every unknown name and type error is found here.
  /// Throws `DiagnosticList`.
  public static func prepare(_ statement: Statement, in catalog: Catalog) throws -> Prepared {
    do {
      return Prepared(plan: try Planner.plan(statement, in: catalog))
    } catch let d as Diagnostic {
      throw DiagnosticList([d])
    }
  }

  /// Runs a prepared statement. Throws `Diagnostic` (a problem only the data
  /// reveals, e.g. a save that fails), `MemoryLimitExceeded` (a step would
  /// need more than `memoryLimit`) or `Cancelled`. A cancelled or failed
  /// statement changes nothing: `let` binds only a finished result.
  /// `warnings` collects what the statement should be told about while it
  /// runs (`ValueWarning`); `progress`, when given, counts the plan's
  /// steps as they finish.
  public static func run(
    _ prepared: Prepared, in catalog: Catalog, cancellation: Cancellation, memoryLimit: MemoryLimit = .standard,
    warnings: WarningLog = WarningLog(), progress: ProgressMeter? = nil
  ) throws -> Outcome {
    if let progress, case .pipeline(let node, _) = prepared.plan.physical {
      progress.start("running", total: node.progressSteps, unit: .steps)
    }
    let context = ExecutionContext(
      catalog: catalog, cancellation: cancellation, memoryLimit: memoryLimit, warnings: warnings,
      progress: progress)
    let executor = Executor(context: context, tables: prepared.plan.tables)
    return try Interruption.during(cancellation) { try run(prepared.plan.physical, executor) }
  }

  private static func run(_ root: Plan.Root, _ executor: Executor) throws -> Outcome {
    let catalog = executor.context.catalog
    // Each result is checked against the flag once more before it is shown
    // or bound: a kernel stopped by Ctrl-C may have left a placeholder in it.
    let cancellation = executor.context.cancellation
    switch root {
    case .pipeline(let node, let chart):
      let table = try executor.run(node)
      try cancellation.check()
      return .table(table, chart: chart)
    case .scalar(let expr, _):
      let c = try Evaluator.evaluate(expr, Batch(Table(rowCount: 1)))
      return .scalar(c.value(at: 0), hint: expr.hint)
    case .letDataset(let name, let node):
      let table = try executor.run(node)
      try cancellation.check()
      catalog.setDataset(name, table)
      return .boundDataset(name: name, rows: table.rowCount, columns: table.columnCount)
    case .letScalar(let name, let expr, _):
      let value = try Evaluator.evaluate(expr, Batch(Table(rowCount: 1))).value(at: 0)
      catalog.scalars[name] = value
      return .boundScalar(name: name, value: value)
    case .defineMetric(let metric):
      catalog.userMetrics[metric.name] = metric
      return .definedMetric(name: metric.name)
    }
  }

  /// Output columns of a pipeline without running it (for completion); nil
  /// if it does not bind.
  public static func columns(of pipeline: Pipeline, in catalog: Catalog) -> [(name: String, type: DataType)]? {
    guard let (_, scope) = try? PipelineBinder(catalog: catalog.schemaView()).bind(pipeline) else { return nil }
    return scope.names.indices.map { (scope.names[$0], scope.types[$0]) }
  }
}
