import Foundation
import FunnelData
import FunnelLanguage

/// Binds one expression against the columns flowing into a stage: names to
/// column positions, literals and parameters to typed constants, operators
/// to typed kernels with explicit casts. Every error carries the span of the
/// offending text.
///
/// In an aggregate context (`agg`, `compare ... on`) it also collects the
/// aggregates it meets into `aggregation` and binds what surrounds them over
/// the table of `[keys..., aggregate slots...]`. In `derive` it collects the
/// window functions it meets into `windowing`.
final class ExprBinder {
  let scope: Scope
  let catalog: Catalog
  /// Named in messages: `aggregate 'sum' is not allowed in where`.
  let clause: String
  let aggregation: Aggregation?
  /// Set in `derive`, the one place window functions may stand.
  let windowing: Windowing?

  init(scope: Scope, catalog: Catalog, clause: String, aggregation: Aggregation? = nil, windowing: Windowing? = nil) {
    self.scope = scope
    self.catalog = catalog
    self.clause = clause
    self.aggregation = aggregation
    self.windowing = windowing
  }

  func bind(_ e: Expr) throws -> BoundExpr {
    if let aggregation, let k = aggregation.keys.firstIndex(where: { $0.text == ExprText.text(e) }) {
      return aggregation.keyReference(k)
    }
    switch e.kind {
    case .literal(let l):
      if case .duration = l {
        throw Diagnostic(
          message: "a duration goes after + or - on a date", span: e.span,
          hints: ["created_at + 30d, closed_at - 3mo"])
      }
      return try Self.literal(l, span: e.span)
    case .column(let id): return try column(id)
    case .parameter(let id):
      guard let raw = catalog.parameters[id.text] else { throw Diagnostic.unknownParameter(id, catalog: catalog) }
      let v = ParameterValue.parse(raw)
      return .parameter(name: id.text, v, v.type)
    case .unary(.negate, let x):
      let b = try bind(x)
      if b.isNullConstant { return b }
      guard b.type.isNumeric else { throw Diagnostic.argumentType("-", needs: "a number", got: b.type, span: x.span) }
      return BoundExpr.negate(b).located(e)
    case .unary(.not, let x):
      return .not(try bindCondition(x, for: "not"))
    case .binary(let op, let l, let r):
      return try binary(op, l, r, span: e.span).located(e)
    case .inList(let x, let items, let negated):
      let test = try inList(x, items)
      return negated ? .not(test) : test
    case .between(let x, let low, let high, let negated):
      let test = BoundExpr.and(
        try comparison(.greaterOrEqual, x, low, span: low.span), try comparison(.lessOrEqual, x, high, span: high.span))
      return negated ? .not(test) : test
    case .call(let id, let args):
      return try call(id, args, span: e.span).located(e)
    case .window(let id, let args, let clause):
      return try window(id, args, clause, span: e.span)
    case .named(let id, let value):
      throw Diagnostic(
        message: "'\(id.text) = ...' sets an option, and only a metric's call takes options", span: e.span,
        hints: [
          "use '==' to compare: \(id.text) == \(ExprText.text(value))",
          "options: roi(margin = 0.7), cpl(share = \"touches\")",
        ])
    case .caseWhen(let subject, let branches, let otherwise):
      var whens = [BoundExpr]()
      var thens = [BoundExpr]()
      for b in branches {
        if let subject {
          whens.append(try comparison(.equal, subject, b.when, span: b.when.span))
        } else {
          whens.append(try bindCondition(b.when, for: "case when"))
        }
        thens.append(try bind(b.then))
      }
      let other = try otherwise.map(bind) ?? .constant(.null, .int)
      let spans = branches.map(\.then.span) + [otherwise?.span ?? e.span]
      let (type, unified) = try unify(thens + [other], spans: spans, what: "case")
      let pairs = zip(whens, unified.dropLast()).map { (when: $0, then: $1) }
      return BoundExpr.cases(pairs, otherwise: unified[unified.count - 1], type).located(e)
    }
  }

  /// A bare name: a column of the flowing rows, else a `let` scalar.
  func column(_ id: Identifier) throws -> BoundExpr {
    if let aggregation {
      if let k = aggregation.keys.firstIndex(where: { $0.name == id.text }) { return aggregation.keyReference(k) }
      if aggregation.input.index(of: id.text) != nil {
        throw Diagnostic(
          message: "column '\(id.text)' is neither a key nor inside an aggregate", span: id.span,
          hints: ["add it to by, or aggregate it: min(\(id.text)), count_distinct(\(id.text))"])
      }
    } else if let i = scope.index(of: id.text) {
      return scope.reference(i)
    }
    if let v = catalog.scalars[id.text] { return .parameter(name: id.text, v, v.type) }
    // A dataset of one row and one column reads as its value, so a total
    // computed by one `let` can divide in the next: `count() / total`.
    var unknown = Diagnostic.unknownColumn(id, in: aggregation?.input ?? scope, catalog: catalog)
    if let t = catalog.dataset(id.text) {
      if t.rowCount == 1, t.columnCount == 1 {
        let v = t.columns[0].value(at: 0)
        return .parameter(name: id.text, v, v.type)
      }
      unknown.hints.append(
        "'\(id.text)' is a dataset of \(catalog.rowCount(of: id.text) ?? t.rowCount) rows and \(t.columnCount) columns; "
          + "only one of a single row and column stands for its value")
    }
    throw unknown
  }

  /// A condition: bool, or null (which `where` treats as false).
  func bindCondition(_ e: Expr, for what: String) throws -> BoundExpr {
    let b = try bind(e)
    if b.isNullConstant { return .constant(.null, .bool) }
    guard b.type == .bool else {
      throw Diagnostic(
        message: "\(what) needs a true/false condition, got \(b.type.name)", span: e.span,
        hints: ["compare it: x == \"value\", x > 0, x != null"])
    }
    return b
  }

  static func literal(_ l: Literal, span: Span) throws -> BoundExpr {
    switch l {
    case .int(let v): return .constant(.int(v), .int)
    case .number(let d, let text):
      // `1.25` is the exact decimal 125 at scale 2, so money stays exact.
      let digits = text.split(separator: ".").dropFirst().first.map { $0.filter { $0 != "_" } } ?? ""
      let whole = text.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ".", with: "")
      if !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isNumber), let units = Int64(whole) {
        return .constant(.decimal(units, scale: digits.count), .decimal(scale: digits.count))
      }
      return .constant(.double(d), .double)
    case .string(let s): return .constant(.string(s), .string)
    case .bool(let b): return .constant(.bool(b), .bool)
    case .null: return .constant(.null, .int)
    case .date(let d): return .constant(.date(d), .date)
    case .duration:
      throw Diagnostic(message: "a duration goes after + or - on a date", span: span)
    }
  }

  static func constant(_ v: Value) -> BoundExpr { .constant(v, v.type) }
}

/// What an aggregate context collects: its keys and the aggregates met so far.
final class Aggregation {
  /// The rows the aggregates read.
  let input: Scope
  var keys: [(name: String, text: String, type: DataType, hint: DisplayHint)]
  var specs: [AggregateSpec] = []
  /// Guards against a user metric that calls itself.
  var metricDepth = 0
  /// Whether a metric that compares groups may stand here (`agg` only; see `LeadVelocity`).
  var allowsGrowth = false
  /// `lead_velocity_rate()` calls: each one's count slot (a column of `[keys..., slots...]`),
  /// the month key it compares along, and the call as written.
  var growth: [(slot: Int, month: Int, site: ExprSite)] = []

  init(input: Scope, keys: [(name: String, text: String, type: DataType, hint: DisplayHint)]) {
    self.input = input
    self.keys = keys
  }

  func keyReference(_ k: Int) -> BoundExpr { .column(k, keys[k].type, keys[k].hint) }

  /// Adds an aggregate and returns its slot's column in `[keys..., slots...]`.
  func add(_ spec: AggregateSpec) -> BoundExpr {
    specs.append(spec)
    return .column(keys.count + specs.count - 1, spec.type, spec.hint)
  }
}
