import FunnelData
import FunnelLanguage
import PropertyBased
import Testing

@testable import FunnelEngine

/// Columns of every type in four shapes (no rows, all null, one row, values
/// mixed with nulls), and a way to run a statement over one of them, for
/// `NullSafetyPropertyTests`.
enum NullSafetyFixture {
  /// A column type, sample values of it, and literals of it as written in a statement.
  struct Kind: CustomStringConvertible, Sendable {
    let type: DataType
    let samples: [Value]
    let literals: [String]
    var description: String { type.name }
  }

  enum Shape: String, CaseIterable, Sendable {
    case empty, allNull, oneRow, mixed
  }

  static let kinds: [Kind] = {
    let day = { (t: String) -> Int32 in Periods.parse(t, unit: .day) ?? 0 }
    let month = Periods.parse("2026-03", unit: .month) ?? 0
    let hour = Int64(3_600_000_000)
    return [
      Kind(type: .int, samples: [.int(3), .int(-7), .int(0), .int(42)], literals: ["3", "42"]),
      Kind(type: .double, samples: [.double(2.5), .double(-0.5), .double(0), .double(1e6)], literals: ["2.5", "0.0"]),
      Kind(
        type: .decimal(scale: 2), samples: [.decimal(125, scale: 2), .decimal(-350, scale: 2), .decimal(0, scale: 2)],
        literals: ["1.25", "7"]),
      Kind(
        type: .date, samples: [.date(day("2026-01-31")), .date(day("2025-12-31")), .date(day("2024-02-29"))],
        literals: ["@2026-01-31", "\"2024-02-29\""]),
      Kind(
        type: .timestamp,
        samples: [
          .timestamp(Int64(day("2026-01-31")) * Timestamps.microsPerDay + hour),
          .timestamp(Int64(day("2025-06-01")) * Timestamps.microsPerDay),
        ], literals: ["\"2025-06-01 00:00:00\"", "@2026-01-31"]),
      Kind(type: .bool, samples: [.bool(true), .bool(false)], literals: ["true"]),
      Kind(
        type: .string, samples: [.string("Abc"), .string(" x "), .string("2026-01-31"), .string(""), .string("sql")],
        literals: ["\"Abc\"", "\"sql\"", "\"\""]),
      Kind(
        type: .period(.month), samples: [.period(month, .month), .period(month + 5, .month)], literals: ["\"2026-03\""]),
      Kind(
        type: .period(.year), samples: [.period(2025, .year), .period(2026, .year)], literals: ["2026", "\"2025\""]),
    ]
  }()

  /// The values of column `x` in a shape.
  static func values(_ kind: Kind, _ shape: Shape) -> [Value] {
    switch shape {
    case .empty: return []
    case .allNull: return [.null, .null, .null]
    case .oneRow: return [kind.samples[0]]
    case .mixed:
      var out = [Value]()
      for (i, v) in kind.samples.enumerated() {
        out.append(v)
        if i % 2 == 0 { out.append(.null) }
      }
      return out
    }
  }

  /// Columns of `kind` for property tests: up to 10 cells, each one of the
  /// kind's samples or null. A failing column shrinks toward fewer rows,
  /// nulls and the first sample.
  static func column(_ kind: Kind) -> Generator<[Value], some Sequence & SendableMetatype> {
    Gen.int(in: 0..<kind.samples.count).optional(valueRate: 0.8).array(of: 0...10)
      .map { cells in cells.map { $0.map { kind.samples[$0] } ?? .null } }
  }

  /// A catalog holding `t`: `x` (the values), `stage` (the same values, for
  /// `reached`) and `k` (0 and 1 alternating, a key); and `u`, a copy of `t`
  /// to join with.
  static func catalog(_ type: DataType, _ values: [Value]) -> Catalog {
    let t = Table(
      names: ["x", "stage", "k"],
      columns: [
        Column.make(type, values), Column.make(type, values),
        Column.make(.int, values.indices.map { .int(Int64($0 % 2)) }),
      ])
    let c = Catalog()
    c.setDataset("t", t)
    c.setDataset("u", Table(names: ["x", "w"], columns: [t.columns[0], t.columns[2]]))
    c.today = Periods.parse("2026-07-01", unit: .day) ?? 0
    return c
  }

  /// Whether `text` binds over `catalog`; what binding refused is not run.
  static func prepare(_ text: String, in catalog: Catalog) -> Prepared? {
    guard let statement = try? EngineFixture.statement(text) else { return nil }
    return try? Engine.prepare(statement, in: catalog)
  }

  /// Runs what bound; a run-time error is returned as a failure message.
  static func run(_ prepared: Prepared, in catalog: Catalog) -> Result<Outcome, RunFailure> {
    do {
      return .success(try Engine.run(prepared, in: catalog, cancellation: Cancellation()))
    } catch {
      return .failure(RunFailure(message: "\(error)"))
    }
  }

  struct RunFailure: Error {
    let message: String
  }

  /// The table a pipeline gives, or nil when it does not bind; records an
  /// issue when it binds but fails to run.
  static func table(_ text: String, in catalog: Catalog, _ location: SourceLocation = #_sourceLocation) -> Table? {
    guard let prepared = prepare(text, in: catalog) else { return nil }
    switch run(prepared, in: catalog) {
    case .success(.table(let t, _)): return t
    case .success(let other):
      Issue.record("\(text): not a table: \(other)", sourceLocation: location)
    case .failure(let f):
      Issue.record("\(text): bound, then failed: \(f.message)", sourceLocation: location)
    }
    return nil
  }

  /// The cells of column `name` as values.
  static func cells(_ t: Table, _ name: String) -> [Value] {
    guard let c = t.column(name) else { return [] }
    return (0..<c.count).map { c.value(at: $0) }
  }
}
