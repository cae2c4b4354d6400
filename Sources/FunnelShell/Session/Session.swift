import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelSQL

/// One user's shell: the datasets and names (a `Catalog`), how results are
/// shown, where they go, and the flag Ctrl-C sets. Scripts, `-c` text,
/// standard input and the prompt all run through `run(_:)`.
///
/// ```swift
/// let session = Session(terminal: .none)
/// session.loadDemo()
/// session.run(SourceText(text: "deals | take 5"))   // prints a table, returns true
/// ```
public final class Session {
  public let catalog = Catalog()
  /// Set by Ctrl-C while a statement runs; reset before each statement.
  public let cancellation = Cancellation()
  public let console: Console
  public var terminal: TerminalInfo
  public let environment: [String: String]

  /// `.mode` / `--format`.
  public var format: OutputFormat = .table
  /// `.mode csv safe` / `.mode tsv safe`: the mode guards formulas.
  public var safeMode = false {
    didSet { catalog.saveOptions.safeFormulas = safeCSV }
  }
  /// `--safe-csv`: formulas guarded in every csv and tsv, whatever `.mode` says.
  public var safeCSVFlag = false {
    didSet { catalog.saveOptions.safeFormulas = safeCSV }
  }
  /// Whether csv and tsv text is guarded against formulas, in results and in
  /// the files `save` and `.save` write.
  public var safeCSV: Bool { safeCSVFlag || safeMode }
  /// `--memory-limit` / `.memory-limit`: the most one statement may ask for
  /// (loading, the demo data, joins, sorts, grouping, output).
  public var memoryLimit: MemoryLimit = .standard
  /// `.timer on`: wall time of each statement on stderr.
  public var timer = false
  /// `.progress off` / `--no-progress` turn it off: a progress bar on stderr
  /// for a load, demo build or statement that runs past a second, drawn only
  /// when stderr is a terminal (see `withProgress`).
  public var progress = true
  /// At the prompt: short notes (`big: 1,204 rows, 9 columns`) after quiet statements.
  public var interactive = false
  /// The statements entered at the prompt, oldest first (`.history`).
  public var history: [String] = []
  /// Text `.edit` asked for at the next prompt, taken once (`takeEditRequest`).
  var editRequest: String?
  /// `--student NAME`: who the progress file is for; nil for `$FUNNEL_STUDENT`, else `$USER`.
  public var studentName: String?
  /// `.quit` or `.exit` was run: the caller stops reading.
  public internal(set) var quitRequested = false
  /// `funnel --dump STAGE`: show that stage of each statement instead of running it.
  public var dumpStage: DumpStage?
  /// `.output PATH`; nil = results to the console.
  var outputFile: OutputFile?
  /// `--engine` / `.engine ADDRESS`: the server statements run on; nil = the
  /// in-memory engine.
  public internal(set) var remote: RemoteEngine?
  /// The in-memory datasets while a server is the engine (`.engine memory`
  /// brings them back).
  var memoryDatasets: [(name: String, table: Table)] = []
  /// `funnel --sql DIALECT`: print each statement's SQL instead of running it.
  public var sqlDialect: SQLDialect?
  /// How deep `.read` is nested, so a script that reads itself stops.
  var readDepth = 0
  /// The html page being gathered (`--format html`, `.mode html`); nil until a result comes.
  var reportPage: ReportPage?
  /// The statement running and its script, for the comments a report shows.
  var runningStatement: (Statement, SourceText)?
  /// Where the datasets came from, for a report's footer: the demo data
  /// (no name), or a dataset's file.
  var dataSources: [(name: String?, origin: String)] = []
  /// Made by the first lesson command; nil until then.
  private var lessonWalk: LessonSession?

  /// The lesson being followed (`.lesson`, `.next`, `.check`), with the
  /// student's progress from `$FUNNEL_PROGRESS` or `~/.funnel_progress`,
  /// read the first time a lesson command needs it.
  public var lessons: LessonSession {
    if let lessonWalk { return lessonWalk }
    let made = LessonSession(
      runner: self, progress: LessonProgress.load(path: LessonProgress.defaultPath(environment: environment)))
    made.studentName = studentName ?? LessonProgress.studentName(environment: environment)
    // A name given with --student is this student's, whoever used the file before.
    if let studentName { made.claimProgress(for: studentName) }
    made.dataDescription = { [weak self] in
      guard let sources = self?.dataSources, !sources.isEmpty else { return nil }
      return sources.map { ($0.name.map { $0 + " from " } ?? "") + $0.origin }.joined(separator: "; ")
    }
    lessonWalk = made
    return made
  }

  /// The text `.edit` asked to put at the next prompt, once.
  func takeEditRequest() -> String? {
    defer { editRequest = nil }
    return editRequest
  }

  /// `body` applied to the lessons when a lesson command has run, else nil
  /// (the prompt asks before every line; this keeps it from reading the progress file).
  func lessons<T>(ifOpen body: (LessonSession) -> T?) -> T? {
    lessonWalk.flatMap(body)
  }

  public init(
    terminal: TerminalInfo = .none, console: Console = .standard(),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.terminal = terminal
    self.console = console
    self.environment = environment
    if let today = Session.today(from: environment["FUNNEL_TODAY"]) { catalog.today = today }
  }

  /// Days since 1970-01-01 for a `YYYY-MM-DD` text, nil if it is not a valid date.
  static func today(from text: String?) -> Int32? {
    guard let parts = text?.split(separator: "-"), parts.count == 3,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    let date = CivilDate(year: y, month: m, day: d)
    return date.isValid ? date.daysSinceEpoch : nil
  }

  /// Replaces the five standard datasets with freshly generated demo data.
  /// Throws `MemoryLimitExceeded` before generating when the data would not
  /// fit under `memoryLimit`, and `Cancelled` on Ctrl-C; either way the
  /// datasets loaded before are kept.
  public func loadDemo(leads: Int = DemoData.defaultLeads, seed: UInt64 = DemoData.defaultSeed) throws {
    try memoryLimit.check(
      DemoData.estimatedBytes(leads: leads), while: "making the demo data (\(Counts.grouped(leads)) leads)")
    let demo = try withProgress { meter in
      try abandonable(named: "demo") { stop in
        try DemoData.generate(leads: leads, seed: seed, cancellation: stop, progress: meter)
      }
    }
    for (name, table) in demo.all {
      catalog.setDataset(name, table)
    }
    let replaced = Set(demo.all.map(\.name))
    dataSources.removeAll { source in source.name.map(replaced.contains) ?? true }
    dataSources.insert((nil, DemoDescription(leads: leads, seed: seed).text), at: 0)
  }

  /// Whether results go to a terminal that can take width limits and colour.
  var resultsAtTerminal: Bool { outputFile == nil && terminal.stdoutIsTerminal }

  /// Writes result text to the `.output` file or the console; in html mode
  /// a script's command output goes on the page instead.
  func emit(_ text: String) {
    if format == .html, !interactive {
      addToReport(text: text.hasSuffix("\n") ? String(text.dropLast()) : text)
      return
    }
    writeOutput(text)
  }

  /// Writes text to the `.output` file or the console as it is.
  func writeOutput(_ text: String) {
    if let outputFile { outputFile.write(text) } else { console.write(text) }
  }

  /// A note on stderr (timer, bindings at the prompt).
  func note(_ text: String) {
    console.writeError(Style.dim.apply(text, when: terminal.colorErr) + "\n")
  }

  /// Closes an open `.output` file (moving it into place). Call before exit.
  @discardableResult
  public func finish() -> Bool {
    writeReport()
    console.flush()
    guard let file = outputFile else { return true }
    outputFile = nil
    do {
      try file.close()
      return true
    } catch let error as OutputFileError {
      console.writeError(DiagnosticRenderer.render(message: error.message, color: terminal.colorErr))
      return false
    } catch {
      return false
    }
  }
}
