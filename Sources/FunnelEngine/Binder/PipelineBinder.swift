import FunnelData
import FunnelLanguage

/// Binds a pipeline stage by stage into a plan, tracking the columns that
/// flow between stages (`Scope`). Throws the first `Diagnostic` it meets.
final class PipelineBinder {
  let catalog: Catalog

  init(catalog: Catalog) { self.catalog = catalog }

  func bind(_ pipeline: Pipeline) throws -> (node: PlanNode, scope: Scope) {
    var (node, scope) = try bindSource(pipeline.source)
    for stage in pipeline.stages {
      (node, scope) = try bindStage(stage, node, scope)
    }
    return (node, scope)
  }

  /// The dataset a source names, when it is a bare name of one.
  func datasetName(_ source: Source) -> Identifier? {
    guard case .expression(let e) = source, case .column(let id) = e.kind, catalog.dataset(id.text) != nil else {
      return nil
    }
    return id
  }

  func bindSource(_ source: Source) throws -> (PlanNode, Scope) {
    switch source {
    case .expression(let e):
      guard case .column(let id) = e.kind else {
        throw Diagnostic(
          message: "a pipeline starts from a dataset", span: e.span,
          hints: ["datasets: \(catalog.datasetNames.joined(separator: ", "))"])
      }
      guard let table = catalog.dataset(id.text) else { throw Diagnostic.unknownDataset(id, catalog: catalog) }
      let origin = Scope.standardDatasets.contains(id.text) ? id.text : nil
      return (scan(id.text, table), Scope(table: table, label: id.text, origin: origin))
    case .scorecard(let by, let model, let arguments, let span):
      return try bindScorecard(by: by, model: model, arguments: arguments, span: span)
    }
  }

  func bindStage(_ stage: Stage, _ node: PlanNode, _ scope: Scope) throws -> (PlanNode, Scope) {
    switch stage.kind {
    case .where(let e):
      let p = try ExprBinder(scope: scope, catalog: catalog, clause: "where").bindCondition(e, for: "where")
      return (.filter(node, predicate: p, text: ExprText.text(e)), scope)
    case .select(let items):
      return try bindSelect(items, node, scope)
    case .derive(let items):
      return try bindDerive(items, node, scope)
    case .drop(let ids):
      var dropped = Set<Int>()
      for id in ids {
        guard let i = scope.index(of: id.text) else { throw Diagnostic.unknownColumn(id, in: scope, catalog: catalog) }
        dropped.insert(i)
      }
      let kept = scope.passThrough.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
      let text = ids.map(ExprText.name).joined(separator: ", ")
      return (
        .project(node, columns: kept, verb: "drop", text: text),
        Scope(columns: kept, label: scope.label, origin: scope.origin)
      )
    case .rename(let renamings):
      var columns = scope.passThrough
      for r in renamings {
        guard let i = scope.index(of: r.old.text) else {
          throw Diagnostic.unknownColumn(r.old, in: scope, catalog: catalog)
        }
        if let j = columns.firstIndex(where: { $0.name == r.new.text }), j != i {
          throw Diagnostic(
            message: "column '\(r.new.text)' already exists", span: r.new.span,
            hints: ["drop it first, or pick another name"])
        }
        columns[i].name = r.new.text
      }
      let text = renamings.map { ExprText.name($0.new) + " = " + ExprText.name($0.old) }.joined(separator: ", ")
      return (
        .project(node, columns: columns, verb: "rename", text: text),
        Scope(columns: columns, label: scope.label, origin: scope.origin)
      )
    case .agg(let aggregates, let by):
      return try bindAggregate(aggregates, by: by, node, scope, span: stage.keywordSpan)
    case .count(let by):
      let span = stage.keywordSpan
      let countCall = Expr(.call(Identifier("count", span: span), []), span: span)
      return try bindAggregate(
        [NamedExpr(name: Identifier("count", span: span), expr: countCall)], by: by, node, scope, span: span)
    case .sort(let keys):
      let binder = ExprBinder(scope: scope, catalog: catalog, clause: "sort")
      let bound = try keys.map { SortPlanKey(expr: try binder.bind($0.expr), descending: $0.descending) }
      let text = keys.map { ExprText.text($0.expr) + ($0.descending ? " descending" : "") }.joined(separator: ", ")
      return (.sort(node, keys: bound, text: text), scope)
    case .take(let n):
      return (.limit(node, count: try count(n)), scope)
    case .top(let n, let by):
      let key = try ExprBinder(scope: scope, catalog: catalog, clause: "top").bind(by)
      let sorted = PlanNode.sort(
        node, keys: [SortPlanKey(expr: key, descending: true)], text: ExprText.text(by) + " descending")
      return (.limit(sorted, count: try count(n)), scope)
    case .distinct(let ids):
      var indices = [Int]()
      for id in ids {
        guard let i = scope.index(of: id.text) else { throw Diagnostic.unknownColumn(id, in: scope, catalog: catalog) }
        indices.append(i)
      }
      if indices.isEmpty { indices = Array(scope.names.indices) }
      let columns = indices.map { OutputColumn(name: scope.names[$0], expr: scope.reference($0)) }
      return (.distinct(node, columns: indices, names: columns.map(\.name)), Scope(columns: columns, origin: nil))
    case .join(let left, let dataset, let leftKey, let rightKey):
      return try bindJoin(left: left, dataset: dataset, leftKey: leftKey, rightKey: rightKey, node, scope)
    case .compare(let e, let a, let b, let on, let by):
      return try bindCompare(e, a, b, on: on, by: by, node, scope, span: stage.keywordSpan)
    case .save(let path, let span):
      guard FileFormat(path: path) != nil || DrawnFormat(path: path) != nil else {
        let known = FileFormat.knownExtensions + DrawnFormat.knownExtensions
        throw Diagnostic(
          message: "cannot tell the format of '\(path)'", span: span,
          hints: ["end the name with one of \(known.joined(separator: " "))"])
      }
      return (.save(node, path: path, span: span), scope)
    case .chart(let kind, let x, let y):
      var request = try chartRequest(kind: kind, x: x, y: y, scope)
      // Stage durations draw the median days of each stage, not the first number (entered).
      if x == nil, request.kind == .bar,
        case .vocabulary(_, .stageDurations(let keys, _, _), _) = Self.belowRowSteps(node)
      {
        request.value = "median_days"
        if keys.isEmpty { request.label = "stage" }
      }
      // A forecast draws won, commit and best case stacked against quota.
      if kind == nil, x == nil, Self.isForecast(node) { request = ChartRequest(kind: .forecast) }
      // Pacing draws spend against budget, with a mark at the elapsed share.
      if kind == nil, x == nil, y == nil, case .project(_, let columns, "pacing", _) = Self.belowRowSteps(node) {
        let keys = columns.map(\.name).dropLast(PacingVerb.columns.count)
        request = ChartRequest(
          kind: .bullet, label: Array(keys) == ["campaign_id", "name"] ? "name" : keys.first,
          value: "spend", target: "budget", mark: "elapsed_share")
      }
      return (.chart(node, request), scope)
    case .funnel(let steps, let by, let within):
      return try bindFunnel(steps: steps, by: by, within: within, node, scope, span: stage.keywordSpan)
    case .attribute(let model, let arguments, let basis, let by):
      return try bindAttribute(
        model: model, arguments: arguments, on: basis, by: by, node, scope, span: stage.keywordSpan)
    case .cohort(let period, let by, let byMonths):
      return try bindCohort(period: period, by: by, byMonths: byMonths, node, scope, span: stage.keywordSpan)
    case .stageDurations(let by):
      return try bindStageDurations(by: by, node, scope, span: stage.keywordSpan)
    case .forecast(let period, let by):
      return try bindForecast(period: period, by: by, node, scope, span: stage.keywordSpan)
    case .pacing(let by):
      return try bindPacing(by: by, node, scope, span: stage.keywordSpan)
    }
  }

  /// A scan of a dataset: its columns (the binder's catalog holds no rows) and row count.
  func scan(_ name: String, _ table: Table) -> PlanNode {
    .scan(name: name, schema: TableSchema(table, rowCount: catalog.rowCount(of: name) ?? table.rowCount))
  }

  /// The row count of `take` and `top`: a whole number ≥ 0 (a literal, a parameter or a `let` scalar).
  func count(_ e: Expr) throws -> Int {
    let b = try ExprBinder(scope: .empty, catalog: catalog, clause: "take").bind(e)
    guard case .int(let n)? = b.constantValue else {
      throw Diagnostic(message: "take needs a whole number of rows", span: e.span, hints: ["take 10"])
    }
    guard n >= 0 else { throw Diagnostic(message: "take needs a number of rows of 0 or more, got \(n)", span: e.span) }
    return Int(n)
  }

  func chartRequest(kind: Identifier?, x: Identifier?, y: Identifier?, _ scope: Scope) throws -> ChartRequest {
    var k = ChartRequest.Kind.bar
    if let kind {
      switch kind.text {
      case "bar": k = .bar
      case "line": k = .line
      default:
        var d = Diagnostic(
          message: "unknown chart kind '\(kind.text)'", span: kind.span, hints: ["chart bar or chart line"])
        d.suggest(kind.text, among: ["bar", "line"])
        throw d
      }
    }
    for id in [x, y].compactMap({ $0 }) where scope.index(of: id.text) == nil {
      throw Diagnostic.unknownColumn(id, in: scope, catalog: catalog)
    }
    if kind == nil, Self.isTimeSeries(x: x.flatMap { scope.index(of: $0.text) } ?? 0, scope) {
      // A bare `chart` over months, weeks or days (a trend, a running total,
      // a month-on-month change) draws a line: bars would hide the shape.
      k = .line
    }
    return ChartRequest(kind: k, label: x?.text, value: y?.text)
  }

  /// Whether the rows are a forecast's, kept, ordered or cut but not reshaped.
  static func isForecast(_ node: PlanNode) -> Bool {
    if case .vocabulary(_, .forecast, _) = belowRowSteps(node) { return true }
    return false
  }

  /// The step under any `where`, `sort` and `take` at the end of a pipeline:
  /// they keep its columns, so a chart drawn after them is the step's own.
  static func belowRowSteps(_ node: PlanNode) -> PlanNode {
    switch node {
    case .filter(let n, _, _), .sort(let n, _, _), .limit(let n, _), .topN(let n, _, _, _): return belowRowSteps(n)
    default: return node
    }
  }

  /// Whether column `x` of `scope` is a period or a date, with a number after it.
  static func isTimeSeries(x: Int, _ scope: Scope) -> Bool {
    guard x < scope.types.count else { return false }
    switch scope.types[x] {
    case .period, .date: break
    default: return false
    }
    return scope.types.contains { $0.isNumeric }
  }
}
