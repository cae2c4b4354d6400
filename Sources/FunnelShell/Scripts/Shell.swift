import Foundation
import FunnelData
import FunnelLanguage
import FunnelSQL

/// The program: sets a session up from the command line, then runs a
/// script, `-c` text, standard input, or the prompt. Returns the exit status:
/// 0 on success, 1 at the first error.
public enum Shell {
  /// The standard datasets `--data DIR` looks for, as `DIR/<name>.csv`.
  public static let standardNames = ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas"]
  /// The datasets the lessons read (all but costs).
  static let lessonNames = ["campaigns", "leads", "touches", "deals"]

  public static func run(_ options: ShellOptions, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Int32
  {
    let started = DispatchTime.now().uptimeNanoseconds
    FreedMemory.oneHeapForAllThreads()
    let terminal = TerminalInfo.current(environment: environment)
    let session = Session(terminal: terminal, environment: environment)
    session.format = options.format
    session.safeCSVFlag = options.safeCSV
    session.progress = !options.noProgress
    session.memoryLimit = options.memoryLimit
    session.dumpStage = options.dump
    session.studentName = options.student
    for (name, value) in options.parameters { session.catalog.parameters[name] = value }
    if let text = options.sqlDialect {
      guard let dialect = SQLDialect(named: text) else {
        session.console.writeError(
          DiagnosticRenderer.render(
            message: "unknown SQL dialect '\(text)'; dialects are "
              + SQLDialect.allCases.map(\.rawValue).joined(separator: ", "), color: terminal.colorErr))
        return 1
      }
      session.sqlDialect = dialect
    }
    if let address = options.engine {
      do {
        try session.connect(engine: address)
      } catch {
        session.console.writeError(
          DiagnosticRenderer.render(
            message: "cannot use the engine \(address): " + error.message
              + (error.hint.map { "\n  hint: " + $0 } ?? ""), color: terminal.colorErr))
        return 1
      }
    }
    if let folder = options.classReport { return printClassReport(folder, in: session) }
    guard prepareData(options, in: session) else { return 1 }
    if let number = options.lesson { return printLesson(number, answers: !options.noAnswers, in: session) }
    if options.timeCompletion { return CompletionTiming.run(in: session) }

    let interactive: Bool
    if case .standardInputOrPrompt = options.input, terminal.stdinIsTerminal {
      interactive = true
    } else {
      interactive = false
    }
    switch StartupFile.choose(options, environment: environment, interactive: interactive) {
    case .none: break
    case .run(let path, let required):
      // At the prompt a failing start-up file is reported and the shell opens;
      // a script given `--init` stops, as at any failing statement.
      if !StartupFile.run(path, required: required, in: session) && !interactive { return 1 }
    }
    if options.timeStartup {
      let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
      session.console.writeError("startup: " + Session.milliseconds(ms) + "\n")
    }
    if interactive {
      let repl = REPL(session: session, quiet: options.quiet)
      return repl.run()
    }
    let ok: Bool
    switch options.input {
    case .script(let path, let arguments):
      setScriptArguments(arguments, in: session)
      ok = ScriptRunner.runFile(path, in: session)
    case .command(let text):
      ok = session.run(SourceText(name: nil, text: text))
    case .standardInputOrPrompt:
      ok = ScriptRunner.runStandardInput(in: session)
    }
    let closed = session.finish()
    session.disconnect()
    return ok && closed ? 0 : 1
  }

  /// `--lesson N`: the handout of lesson N on the loaded data, as `.lesson N`
  /// prints it without a terminal (markdown when the format is markdown).
  static func printLesson(_ number: Int, answers: Bool = true, in session: Session) -> Int32 {
    let color = session.terminal.colorErr
    guard let lesson = Lessons.numbered(number) else {
      session.console.writeError(
        DiagnosticRenderer.render(
          message: "there is no lesson \(number); the lessons are numbered 1 to \(Lessons.all.count)"
            + " ('funnel -c .lesson' lists them)", color: color))
      return 1
    }
    do {
      let text = try LessonText.handout(
        lesson, runner: session, markdown: session.format == .markdown, answers: answers)
      session.console.write(text)
      session.console.flush()
      return 0
    } catch {
      session.console.writeError(
        DiagnosticRenderer.render(
          message: "lesson \(number) cannot run on the loaded data: " + ExerciseCheck.describe(error), color: color))
      return 1
    }
  }

  /// `--class-report FOLDER`: every `.csv` file in the folder read as an
  /// exported progress file (`.progress export`), merged into a table of
  /// students and a table of exercises, in the output format.
  static func printClassReport(_ folder: String, in session: Session) -> Int32 {
    do {
      var rows: [ClassReport.Row] = []
      for path in try ClassReport.files(in: folder) {
        let table: Table
        do {
          table = try TableReader.read(path: path)
        } catch let error as FileError {
          throw LessonError(error.description)
        }
        rows += try ClassReport.rows(of: table, file: path)
      }
      let (students, exercises) = ClassReport.report(rows)
      let titled = session.format == .table || session.format == .markdown
      if titled { session.console.write(session.format == .markdown ? "## Students\n\n" : "Students\n") }
      try session.show(students, chart: nil)
      if titled { session.console.write(session.format == .markdown ? "\n## Exercises\n\n" : "\nExercises\n") }
      try session.show(exercises, chart: nil)
      session.console.flush()
      return 0
    } catch {
      let message = (error as? LessonError)?.message ?? String(describing: error)
      session.console.writeError(
        DiagnosticRenderer.render(message: "--class-report: " + message, color: session.terminal.colorErr))
      return 1
    }
  }

  /// Demo data, `--data DIR`, then each `--load`; false (after a message) when a file fails.
  static func prepareData(_ options: ShellOptions, in session: Session) -> Bool {
    if options.loadsDemo {
      do {
        try session.loadDemo(leads: options.demoSize, seed: options.seed)
      } catch {
        session.report(error, in: nil)
        return false
      }
    }
    if let directory = options.dataDirectory {
      let found = standardNames.filter { FileManager.default.fileExists(atPath: directory + "/" + $0 + ".csv") }
      if found.isEmpty {
        session.console.writeError(
          DiagnosticRenderer.render(
            message: "--data \(directory): none of " + standardNames.map { $0 + ".csv" }.joined(separator: ", ")
              + " is there", color: session.terminal.colorErr))
        return false
      }
      for name in found {
        guard load(name: name, path: directory + "/" + name + ".csv", options: ReadOptions(), in: session) else {
          return false
        }
      }
    }
    for item in options.loads {
      guard load(name: item.name, path: item.path, options: item.options, in: session) else { return false }
    }
    return true
  }

  static func load(name: String, path: String, options: ReadOptions, in session: Session) -> Bool {
    do {
      try session.load(name: name, path: path, options: options)
      return true
    } catch {
      session.report(error, in: nil)
      return false
    }
  }

  /// A script's own arguments: `NAME=VALUE` sets `$NAME`; the others are `$1`, `$2`, ...
  static func setScriptArguments(_ arguments: [String], in session: Session) {
    var position = 0
    for argument in arguments {
      if let eq = argument.firstIndex(of: "="), eq != argument.startIndex {
        session.catalog.parameters[String(argument[..<eq])] = String(argument[argument.index(after: eq)...])
      } else {
        position += 1
        session.catalog.parameters[String(position)] = argument
      }
    }
  }
}
