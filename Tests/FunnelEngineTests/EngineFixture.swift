import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Small hand-made datasets and helpers to run statements through the engine.
enum EngineFixture {
  static func day(_ text: String) -> Value { Periods.parse(text, unit: .day).map { .date($0) } ?? .null }
  static func money(_ text: String?) -> Value {
    guard let text, let d = Double(text) else { return .null }
    return .decimal(Int64((d * 100).rounded()), scale: 2)
  }
  static func text(_ s: String?) -> Value { s.map { .string($0) } ?? .null }

  static func table(_ columns: [(String, DataType, [Value])], hints: [String: DisplayHint] = [:]) -> Table {
    Table(names: columns.map(\.0), columns: columns.map { Column.make($0.1, $0.2, hint: hints[$0.0] ?? .plain) })
  }

  static var deals: Table {
    table(
      [
        ("deal_id", .int, (1...6).map { .int($0) }),
        ("owner", .string, ["ann", "bob", "ann", "cy", "bob", nil].map(text)),
        (
          "stage", .string,
          ["closed_won", "closed_won", "closed_lost", "proposal", "closed_won", "prospecting"].map(text)
        ),
        ("amount", .decimal(scale: 2), ["1000", "250.50", "500", "800", "100", nil].map(money)),
        (
          "created_at", .date,
          ["2026-01-05", "2026-01-10", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"].map(day)
        ),
        ("closed_at", .date, closedDates),
        ("product", .string, ["core", "addon", "core", "core", "core", "addon"].map(text)),
        ("campaign_id", .int, [.int(1), .int(2), .int(1), .int(2), .null, .int(3)]),
      ], hints: ["amount": .money])
  }

  static var closedDates: [Value] {
    let texts: [String?] = ["2026-02-10", "2026-04-02", "2026-03-15", nil, "2026-05-20", nil]
    return texts.map { t -> Value in t.map { day($0) } ?? .null }
  }

  static var campaigns: Table {
    table([
      ("campaign_id", .int, [1, 2, 3].map { .int($0) }),
      ("name", .string, ["Spring", "Webinar", "Ads"].map(text)),
      ("channel", .string, ["email", "events", "paid"].map(text)),
    ])
  }

  static var owners: Table {
    table([
      ("owner", .string, ["bob", "ann", "dan"].map(text)),
      ("name", .string, ["Bob Ray", "Ann Lee", "Dan Hu"].map(text)),
    ])
  }

  static func catalog() -> Catalog {
    let c = Catalog()
    c.setDataset("deals", deals)
    c.setDataset("campaigns", campaigns)
    c.setDataset("owners", owners)
    c.today = Periods.parse("2026-07-01", unit: .day) ?? 0
    return c
  }

  /// A catalog of the demo's datasets, today 2026-07-01.
  static func catalog(_ demo: DemoDatasets) -> Catalog {
    let c = Catalog()
    for (name, table) in demo.all { c.setDataset(name, table) }
    c.today = Periods.parse("2026-07-01", unit: .day) ?? 0
    return c
  }

  static func statement(_ text: String) throws -> Statement {
    let (statements, diagnostics) = Parser.parse(SourceText(text: text))
    if let d = diagnostics.first { throw DiagnosticList([d]) }
    guard let s = statements.first else { throw DiagnosticList([Diagnostic(message: "no statement")]) }
    return s
  }

  static func run(_ text: String, in catalog: Catalog? = nil) throws -> Outcome {
    let c = catalog ?? self.catalog()
    let prepared = try Engine.prepare(try statement(text), in: c)
    return try Engine.run(prepared, in: c, cancellation: Cancellation())
  }

  static func table(_ text: String, in catalog: Catalog? = nil) throws -> Table {
    guard case .table(let t, _) = try run(text, in: catalog) else {
      throw DiagnosticList([Diagnostic(message: "not a table: \(text)")])
    }
    return t
  }

  static func scalar(_ text: String, in catalog: Catalog? = nil) throws -> Value {
    guard case .scalar(let v, _) = try run(text, in: catalog) else {
      throw DiagnosticList([Diagnostic(message: "not a scalar: \(text)")])
    }
    return v
  }

  /// A column's cells as machine text ("" for null).
  static func texts(_ t: Table, _ name: String) -> [String] {
    guard let c = t.column(name) else { return ["<no column \(name)>"] }
    return (0..<c.count).map { c.value(at: $0).rawText }
  }

  /// Every row as its cells' machine text joined by `|`.
  static func rows(_ t: Table) -> [String] {
    (0..<t.rowCount).map { t.row($0).map(\.rawText).joined(separator: "|") }
  }

  /// The diagnostic `source` (with a 1️⃣ marker where the error must point) gives.
  static func diagnostic(_ marked: String, in catalog: Catalog? = nil) -> (Diagnostic?, line: Int, column: Int) {
    let marker = "1️⃣"
    var line = 1, column = 1
    if let r = marked.range(of: marker) {
      let before = marked[..<r.lowerBound]
      line = before.filter { $0 == "\n" }.count + 1
      let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      column = lastLine.unicodeScalars.count + 1
    }
    let source = marked.replacingOccurrences(of: marker, with: "")
    do {
      _ = try Engine.prepare(try statement(source), in: catalog ?? self.catalog())
      return (nil, line, column)
    } catch let list as DiagnosticList {
      return (list.diagnostics.first, line, column)
    } catch {
      return (Diagnostic(message: "\(error)"), line, column)
    }
  }
}
