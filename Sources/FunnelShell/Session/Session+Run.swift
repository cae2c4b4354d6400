import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelRender

extension Session {
  /// Parses `source` and runs its statements in order, stopping at the first
  /// that fails (or at `.quit`). Syntax errors anywhere stop it before
  /// anything runs. Returns false when something failed; the messages have
  /// been written to the console.
  @discardableResult
  public func run(_ source: SourceText) -> Bool {
    if let stage = dumpStage { return dump(source, stage) }
    if let dialect = sqlDialect { return printSQL(source, dialect: dialect) }
    let parsed = Parser.parse(source)
    if !parsed.diagnostics.isEmpty {
      report(parsed.diagnostics, in: source)
      if parsed.diagnostics.contains(where: { $0.severity == .error }) { return false }
    }
    for statement in parsed.statements {
      let ok = execute(statement, in: source)
      console.flush()
      if !ok { return false }
      if quitRequested { break }
    }
    return true
  }

  /// Runs one parsed statement, with the timer when it is on.
  func execute(_ statement: Statement, in source: SourceText) -> Bool {
    let start = DispatchTime.now().uptimeNanoseconds
    var ok: Bool
    // Ctrl-C stops this statement, dot commands (`.load`, `.demo`) included;
    // a press before it started does not. Inside `.read` the flag stays set
    // from one statement to the next, so the whole script stops.
    let outermost = readDepth == 0
    if outermost { cancellation.reset() }
    defer { if outermost { cancellation.reset() } }
    runningStatement = (statement, source)
    defer { runningStatement = nil }
    switch statement.kind {
    case .command(let name, let arguments, let span):
      ok = runCommand(name: name, arguments: arguments, span: span, in: source)
    default:
      ok = runQuery(statement, in: source)
    }
    if let failure = outputFile?.takeFailure() {
      // The `.output` file could not take this statement's results (a full
      // disk): its temporary file is gone, the old file untouched.
      outputFile = nil
      report([Diagnostic(message: failure.message, span: statement.span)], in: source)
      ok = false
    }
    var timed = timer
    // `.timer on` itself is not a statement worth timing.
    if case .command(let name, _, _) = statement.kind, name.text == "timer" { timed = false }
    if timed {
      let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
      note("time: " + Session.milliseconds(ms))
    }
    return ok
  }

  /// `12.3 ms` (one decimal), `1,234.5 ms` past a second.
  static func milliseconds(_ ms: Double) -> String {
    let tenths = Int((ms * 10).rounded())
    let whole = String(tenths / 10)
    var grouped = ""
    for (i, c) in whole.reversed().enumerated() {
      if i > 0, i % 3 == 0 { grouped.append(",") }
      grouped.append(c)
    }
    return String(grouped.reversed()) + ".\(tenths % 10) ms"
  }

  /// Binds, runs and shows a pipeline, `let` or `metric`.
  func runQuery(_ statement: Statement, in source: SourceText) -> Bool {
    if let remote { return runRemote(statement, on: remote, in: source) }
    do {
      let prepared = try Engine.prepare(statement, in: catalog)
      let warnings = WarningLog()
      let outcome = try withProgress { meter in
        try Engine.run(
          prepared, in: catalog, cancellation: cancellation, memoryLimit: memoryLimit, warnings: warnings,
          progress: meter)
      }
      if let path = Self.savedPath(statement), DrawnFormat(path: path) != nil,
        case .table(let table, let chart) = outcome
      {
        try saveDrawn(table, chart: chart, to: path, statement, in: source)
      } else if let path = Self.savedPath(statement), case .table(let table, _) = outcome {
        // A pipeline that ends by saving has put its rows in the file; printing
        // them all again (three million touches) would bury the prompt.
        let rows = NumberFormat.display(.int(Int64(table.rowCount)), hint: .plain)
        note("saved \(rows) rows, \(table.columnCount) columns to \(path)")
      } else {
        try show(outcome)
      }
      for text in prepared.plan.notes { note("note: " + text) }
      reportValueWarnings(warnings, of: statement, in: source)
      return true
    } catch var diagnostic as Diagnostic where diagnostic.span == nil {
      // A problem only the data reveals has no place of its own: it belongs
      // to the statement that ran into it.
      diagnostic.span = statement.span
      report([diagnostic], in: source)
      return false
    } catch let exceeded as MemoryLimitExceeded {
      report([memoryDiagnostic(exceeded, at: statement.span)], in: source)
      return false
    } catch {
      report(error, in: source)
      return false
    }
  }

  /// The path when the statement is a pipeline whose last stage is `save`.
  static func savedPath(_ statement: Statement) -> String? {
    guard case .run(let pipeline) = statement.kind, case .save(let path, _)? = pipeline.stages.last?.kind else {
      return nil
    }
    return path
  }

  /// Writes any error a statement can raise, in the one format.
  func report(_ error: Error, in source: SourceText?) {
    let color = terminal.colorErr
    switch error {
    case let list as DiagnosticList:
      report(list.diagnostics, in: source)
    case let diagnostic as Diagnostic:
      report([diagnostic], in: source)
    case is Cancelled:
      // At the prompt the terminal has echoed ^C on the statement's line.
      console.writeError(interactive && terminal.stderrIsTerminal ? "\ncancelled\n" : "cancelled\n")
    case let exceeded as MemoryLimitExceeded:
      report([memoryDiagnostic(exceeded, at: nil)], in: source)
    case let file as FileError:
      console.writeError(DiagnosticRenderer.render(file, color: color))
    case let output as OutputFileError:
      console.writeError(DiagnosticRenderer.render(message: output.message, color: color))
    default:
      console.writeError(DiagnosticRenderer.render(message: "internal error: \(error) (this is a bug)", color: color))
    }
  }

  /// `memory limit of 1.0 GiB exceeded while sorting (8,693,122 rows)`, with
  /// how to change the limit.
  func memoryDiagnostic(_ exceeded: MemoryLimitExceeded, at span: Span?) -> Diagnostic {
    Diagnostic(
      message: exceeded.description, span: span,
      hints: ["the limit is set by --memory-limit or .memory-limit SIZE (e.g. 4GB or 90%)"])
  }

  func report(_ diagnostics: [Diagnostic], in source: SourceText?) {
    for d in diagnostics {
      console.writeError(DiagnosticRenderer.render(d, in: source, color: terminal.colorErr))
    }
  }
}
