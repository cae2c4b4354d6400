import Dispatch
import FunnelData
import FunnelEngine
import FunnelLanguage

/// One fuzz input for the whole language: the bytes are a script, parsed and
/// bound and run statement by statement over the demo data at a tiny size,
/// as the shell would. Shared by the libFuzzer target (Fuzz/pipeline) and the
/// replay of saved inputs (FuzzRegressionTests).
///
/// So that legitimately huge queries do not stall the fuzzer, a run is
/// capped: at most `maxStatements` statements and `maxJoins` joins in all
/// (joins multiply rows), and each statement is cancelled after
/// `timeBudget` seconds, the way Ctrl-C stops it in the shell. Statements that
/// write files (`save`) are bound but not run; dot commands are the shell's.
///
/// Every statement must end in an outcome or a proper error (`DiagnosticList`
/// or `Diagnostic` with spans inside the text, `Cancelled`,
/// `MemoryLimitExceeded`); a result table must be whole.
enum PipelineFuzzCase {
  static let demoLeads = 60
  static let maxStatements = 6
  static let maxJoins = 2
  static let timeBudget = 0.5

  static let demo = DemoData.generate(leads: demoLeads)

  static func catalog() -> Catalog {
    let catalog = Catalog()
    for (name, table) in demo.all { catalog.setDataset(name, table) }
    catalog.today = CivilDate(year: 2026, month: 7, day: 1).daysSinceEpoch
    catalog.parameters["region"] = "emea"
    return catalog
  }

  /// What one input did: the broken promises, and how many statements ran
  /// to an outcome (the seeds should mostly do that, or they teach the
  /// fuzzer only error paths).
  struct Replay {
    var problems: [String] = []
    var outcomes = 0
  }

  static func run(_ bytes: [UInt8]) -> [String] { replay(bytes).problems }

  static func replay(_ bytes: [UInt8]) -> Replay {
    let source = SourceText(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
    let (statements, diagnostics) = Parser.parse(source)
    var replay = Replay(problems: spanProblems(diagnostics, source))
    let catalog = catalog()
    var joins = 0
    for statement in statements.prefix(maxStatements) {
      let stages: [Stage]
      switch statement.kind {
      case .run(let pipeline), .let(_, let pipeline): stages = pipeline.stages
      case .metric: stages = []
      case .command: continue
      }
      joins += stages.filter { if case .join = $0.kind { return true } else { return false } }.count
      let writes = stages.contains { if case .save = $0.kind { return true } else { return false } }
      do {
        let prepared = try Engine.prepare(statement, in: catalog)
        _ = prepared.plan.explain()
        if writes || joins > maxJoins { continue }
        let outcome = try runCapped(prepared, catalog)
        replay.outcomes += 1
        if case .table(let table, _) = outcome { replay.problems += tableProblems(table) }
      } catch let list as DiagnosticList {
        replay.problems += spanProblems(list.diagnostics, source)
      } catch let d as Diagnostic {
        replay.problems += spanProblems([d], source)
      } catch is Cancelled {
      } catch is MemoryLimitExceeded {
      } catch {
        replay.problems.append("'\(statement.text)' threw \(type(of: error)): \(error)")
      }
    }
    return replay
  }

  /// Runs with a cancellation set after `timeBudget`.
  static func runCapped(_ prepared: Prepared, _ catalog: Catalog) throws -> Outcome {
    let cancellation = Cancellation()
    let stop = DispatchWorkItem { cancellation.cancel() }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeBudget, execute: stop)
    defer { stop.cancel() }
    return try Engine.run(prepared, in: catalog, cancellation: cancellation)
  }

  static func spanProblems(_ diagnostics: [Diagnostic], _ source: SourceText) -> [String] {
    let size = source.text.utf8.count
    let lines = source.firstLine...source.firstLine + source.text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    return diagnostics.compactMap { d in
      guard let span = d.span else { return nil }
      if span.offset < 0 || span.offset > size || !lines.contains(span.line) {
        return "'\(d.message)' at \(span.line):\(span.column) (offset \(span.offset)) outside the text"
      }
      return nil
    }
  }

  static func tableProblems(_ table: Table) -> [String] {
    var problems: [String] = []
    for (name, column) in zip(table.names, table.columns) {
      if column.count != table.rowCount {
        problems.append("result column '\(name)' has \(column.count) values for \(table.rowCount) rows")
        continue
      }
      for row in 0..<column.count { _ = column.value(at: row) }
    }
    return problems
  }
}
