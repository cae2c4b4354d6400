import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelRender

/// The session runs lessons' queries on whatever data it holds, through the
/// same parser and engine as the prompt, so a handout or an exercise check
/// sees exactly what the student would see typing the query.
extension Session: LessonQueryRunner {
  /// Runs one pipeline or expression; a scalar comes back as a 1×1 table
  /// named `value`, carrying the scalar's display hint.
  ///
  /// ```swift
  /// try session.lessonResult(of: "1 + 2")          // value: 3
  /// try session.lessonResult(of: "deals | count")  // count: 1,204
  /// ```
  ///
  /// Throws the first diagnostic (parse or bind), a run-time `Diagnostic`,
  /// or a `LessonError` when the text is not exactly one query.
  public func lessonResult(of statement: String) throws -> Table {
    let parsed = Parser.parse(SourceText(name: nil, text: statement))
    if let first = parsed.diagnostics.first(where: { $0.severity == .error }) { throw first }
    guard parsed.statements.count == 1, let only = parsed.statements.first else {
      throw LessonError("expected one query, found \(parsed.statements.count) statements")
    }
    switch only.kind {
    case .run: break
    case .command: throw LessonError("a shell command is not a query; type a query such as leads | funnel")
    case .let, .metric: throw LessonError("a let or metric statement names something but shows no result")
    }
    let prepared = try Engine.prepare(only, in: catalog)
    cancellation.reset()
    defer { cancellation.reset() }
    switch try Engine.run(prepared, in: catalog, cancellation: cancellation, memoryLimit: memoryLimit) {
    case .table(let table, _):
      return table
    case .scalar(let value, let hint):
      return Table(names: ["value"], columns: [Column.make(Session.dataType(of: value), [value], hint: hint)])
    case .boundDataset, .boundScalar, .definedMetric:
      throw LessonError("the statement gave no result to read")
    }
  }

  /// An aligned text table, as the shell draws results in `table` mode: the
  /// terminal's width and height at a terminal, every row and column elsewhere.
  /// Handouts put it in a text block whatever `.mode` says, so a handout in
  /// markdown still shows tables a person can read.
  public func lessonRender(_ table: Table) -> String {
    TableRenderer.render(table, options: renderOptions())
  }

  public func lessonParameter(_ name: String) -> String? { catalog.parameters[name] }

  /// The column type a single value needs (null as text: it has no type of its own).
  static func dataType(of value: Value) -> DataType {
    switch value {
    case .int: return .int
    case .double: return .double
    case .decimal(_, let scale): return .decimal(scale: scale)
    case .date: return .date
    case .timestamp: return .timestamp
    case .bool: return .bool
    case .period(_, let unit): return .period(unit)
    case .string, .null: return .string
    }
  }
}
