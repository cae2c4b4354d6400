import FunnelData
import FunnelLanguage

/// What the command line asked for, in FunnelShell's own terms (the
/// executable maps its flags onto this; no flag-parsing types leave it).
public struct ShellOptions {
  /// Where the statements come from.
  public enum Input: Equatable {
    /// `funnel script.funnel [args...]`.
    case script(path: String, arguments: [String])
    /// `funnel -c '<statements>'`.
    case command(String)
    /// Standard input when it is not a terminal, or the prompt when it is.
    case standardInputOrPrompt
  }

  /// One `--load NAME=PATH`, with the `--with` options that followed it.
  public struct Load {
    public var name: String
    public var path: String
    public var options: ReadOptions
    public init(name: String, path: String, options: ReadOptions = ReadOptions()) {
      self.name = name
      self.path = path
      self.options = options
    }
  }

  public var input: Input = .standardInputOrPrompt
  /// `--data DIR`: DIR/{campaigns,leads,touches,deals,costs,stage_changes,quotas}.csv.
  public var dataDirectory: String?
  public var loads: [Load] = []
  public var demoSize: Int = DemoData.defaultLeads
  public var seed: UInt64 = DemoData.defaultSeed
  /// `--memory-limit SIZE`: the most one statement may ask for.
  public var memoryLimit: MemoryLimit = .standard
  public var format: OutputFormat = .table
  /// `--safe-csv`: every csv and tsv written guards text that a spreadsheet
  /// would run as a formula (see `WriteOptions.safeFormulas`).
  public var safeCSV = false
  public var parameters: [(name: String, value: String)] = []
  public var noDemo = false
  /// No banner at the prompt.
  public var quiet = false
  /// Writes `startup: N ms` to stderr when ready for the first statement.
  public var timeStartup = false
  /// Writes `completion: N ms`, the median time of Tab on a 200-column table, and exits (for scripts/bench).
  public var timeCompletion = false
  /// `--lesson N`: print lesson N's handout (markdown with `--format markdown`) and exit.
  public var lesson: Int?
  /// `--no-answers`: the `--lesson` handout without its answers, for students.
  public var noAnswers = false
  /// `--student NAME`: whose lesson progress this is (else `$FUNNEL_STUDENT`, else `$USER`).
  public var student: String?
  /// `--class-report FOLDER`: merge the students' exported progress files and exit.
  public var classReport: String?
  /// `--dump tokens|syntax|plan`: show that stage of each statement instead of running it.
  public var dump: DumpStage?
  /// `--engine ADDRESS`: run on a server (`postgres://…`, `sc://…`) instead of in memory.
  public var engine: String?
  /// `--sql DIALECT`: print the SQL of every statement instead of running it.
  public var sqlDialect: String?
  /// `--init FILE`: statements to run before anything else, in place of the
  /// start-up file (`StartupFile`).
  public var initFile: String?
  /// `--no-init`: no start-up file.
  public var noInit = false
  /// `--no-progress`: no progress bar on the terminal.
  public var noProgress = false

  public init() {}

  /// `--memory-limit SIZE` (`512MB`, `4GB`, `50%`); throws `ShellOptionError`.
  public mutating func setMemoryLimit(_ text: String) throws {
    guard let limit = MemoryLimit(parsing: text) else {
      throw ShellOptionError(description: "--memory-limit takes a size such as 512MB, 4GB or 50%, not '\(text)'")
    }
    memoryLimit = limit
  }

  /// Why `--demo-size N` cannot be used, or nil when it can.
  public static func demoSizeProblem(_ leads: Int) -> String? {
    if leads >= 1 && leads <= DemoData.maxLeads { return nil }
    return "--demo-size must be a whole number from 1 to \(Counts.grouped(DemoData.maxLeads))"
  }

  /// Demo data unless `--no-demo`, `--data` or a `--load` says otherwise.
  public var loadsDemo: Bool { !noDemo && dataDirectory == nil && loads.isEmpty && engine == nil }
}

/// A command-line value the shell cannot use, in words for the user.
public struct ShellOptionError: Error, CustomStringConvertible {
  public var description: String
}

extension ShellOptions.Load {
  /// Adds the options of one `--with` text (`sep=";", null="NA"`), over
  /// those of an earlier `--with`; throws `ShellOptionError`.
  public mutating func apply(with text: String) throws {
    let more: ReadOptions
    do {
      more = try LoadArguments.readOptions(text)
    } catch let diagnostic as Diagnostic {
      throw ShellOptionError(
        description: "--with '\(text)': " + ([diagnostic.message] + diagnostic.hints).joined(separator: "; "))
    }
    if let s = more.separator { options.separator = s }
    options.nullTokens += more.nullTokens
    if let d = more.dateFormat { options.dateFormat = d }
    if more.decimalComma { options.decimalComma = true }
    if let b = more.boolTokens { options.boolTokens = b }
    options.types.merge(more.types) { _, new in new }
    if let sheet = more.sheet { options.sheet = sheet }
    if let skip = more.skip { options.skip = skip }
    if let entry = more.entry { options.entry = entry }
  }
}
