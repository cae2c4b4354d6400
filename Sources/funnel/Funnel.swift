import ArgumentParser
import Foundation
import FunnelShell

/// The `funnel` command: flags → `ShellOptions` → `Shell.run`. Flag parsing
/// stays here; the shell never sees an ArgumentParser type.
@main
struct Funnel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "funnel",
    abstract: "A shell and pipeline language for sales and marketing data.",
    discussion: """
      With no script and no -c, funnel reads statements from standard input when it
      is not a terminal, and opens the interactive shell when it is. The demo
      datasets (campaigns, leads, touches, deals, costs, stage_changes, quotas) are
      loaded unless --no-demo, --data or --load is given.

      A script's own arguments become parameters: NAME=VALUE sets $NAME, the
      others are $1, $2, ...

      --with applies to the --load just before it:
        funnel --load deals=crm.csv --with 'sep=";", null="NA", decimal=","'
      Options: sep, null, date ("%d/%m/%Y"), decimal ("," or "."), bool ("yes/no"),
      types COL=TYPE ... (int double decimal date timestamp bool text).
      """,
    version: "funnel \(FunnelShellLibrary.version)")

  @Argument(help: ArgumentHelp("A script to run.", valueName: "script"))
  var script: String?

  @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script.", valueName: "script-args"))
  var scriptArguments: [String] = []

  /// Taken unconditionally, so statements that start with `-` (`-c '-1 + 2'`)
  /// are statements, not options.
  /// Repeated, each runs in turn (`-c '.load …' -c 'deals | count'`), as
  /// if on lines of their own: a second `-c` is never silently dropped.
  @Option(
    name: [.short, .customLong("command")], parsing: .unconditionalSingleValue,
    help: ArgumentHelp("Run these statements and exit (repeat it to run several in order).", valueName: "statements"))
  var command: [String] = []

  @Option(
    help: ArgumentHelp(
      "Load DIR/{campaigns,leads,touches,deals,costs,stage_changes,quotas}.csv (those that exist).", valueName: "dir"))
  var data: String?

  @Option(help: ArgumentHelp("Load one file as a dataset (repeatable).", valueName: "name=path"))
  var load: [String] = []

  @Option(
    name: .customLong("with"), help: ArgumentHelp("Reading options for the --load before it.", valueName: "options"))
  var withOptions: [String] = []

  @Option(help: ArgumentHelp("Leads in the demo data.", valueName: "n"))
  var demoSize: Int = ShellOptions().demoSize

  @Option(
    help: ArgumentHelp(
      "The most memory one statement may use: 512MB, 4GB, 50% (default 80% of physical memory).", valueName: "size"))
  var memoryLimit: String?

  @Option(help: ArgumentHelp("Seed of the demo data.", valueName: "s"))
  var seed: UInt64 = ShellOptions().seed

  @Option(
    help: ArgumentHelp(
      "Output format: \(OutputFormat.names.dropLast().joined(separator: ", ")) or \(OutputFormat.names.last ?? "").",
      valueName: "format"))
  var format: String = "table"

  @Option(help: ArgumentHelp("Set $NAME (repeatable).", valueName: "name=value"))
  var param: [String] = []

  @Option(help: ArgumentHelp("Print lesson N as a handout (--format markdown for markdown) and exit.", valueName: "n"))
  var lesson: Int?

  @Flag(name: .customLong("no-answers"), help: "With --lesson: leave the answers out (a student's copy).")
  var noAnswers = false

  @Option(
    help: ArgumentHelp(
      "Whose lesson progress this is (default $FUNNEL_STUDENT, else the user name).", valueName: "name"))
  var student: String?

  @Option(
    name: .customLong("class-report"),
    help: ArgumentHelp(
      "Merge the progress files students exported (.progress export FILE.csv) in this folder into a class table, and exit.",
      valueName: "folder"))
  var classReport: String?

  @Option(
    help: ArgumentHelp(
      "Show one stage of each statement instead of running it: tokens, syntax or plan.", valueName: "stage"))
  var dump: String?

  @Option(
    help: ArgumentHelp(
      "Run on a server: postgres://USER@HOST:PORT/DB[?schema=S] or sc://HOST:PORT (Spark Connect).",
      valueName: "address"))
  var engine: String?

  @Option(
    help: ArgumentHelp(
      "Print the script as one SQL file in this dialect (duckdb, postgres or spark); run nothing.",
      valueName: "dialect"))
  var sql: String?

  @Option(
    name: .customLong("init"),
    help: ArgumentHelp(
      "Run this file's statements first (instead of ~/.funnelrc, which runs only at the interactive prompt).",
      valueName: "file"))
  var initFile: String?

  @Flag(name: .customLong("no-init"), help: "Do not run ~/.funnelrc (or $FUNNEL_RC) at the interactive prompt.")
  var noInit = false

  @Flag(
    name: .customLong("no-progress"),
    help: "No progress bar on the terminal for loads, the demo data and statements that take over a second.")
  var noProgress = false

  @Flag(help: "In csv and tsv output, put ' before text starting with = + - @ (no formulas in spreadsheets).")
  var safeCSV = false

  @Flag(help: "Start with no datasets.")
  var noDemo = false

  @Flag(help: "No banner at the interactive prompt.")
  var quiet = false

  @Flag(help: .hidden)
  var timeStartup = false

  @Flag(help: .hidden)
  var timeCompletion = false

  /// As ArgumentParser's own, except that a usage error exits with status 1,
  /// like every other failure (LANGUAGE.md §7: status 0 or 1).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      if exitCode(for: error).isSuccess { exit(withError: error) }  // --help, --version
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(1)
    }
  }

  mutating func validate() throws {
    guard OutputFormat(rawValue: format) != nil else {
      throw ValidationError("unknown format '\(format)'; formats are " + OutputFormat.names.joined(separator: ", "))
    }
    if let problem = ShellOptions.demoSizeProblem(demoSize) { throw ValidationError(problem) }
    if let memoryLimit {
      var probe = ShellOptions()
      do { try probe.setMemoryLimit(memoryLimit) } catch let error as ShellOptionError {
        throw ValidationError(error.description)
      }
    }
    if !command.isEmpty && script != nil { throw ValidationError("give a script or -c, not both") }
    if !withOptions.isEmpty && load.isEmpty { throw ValidationError("--with applies to a --load before it") }
    if let dump, DumpStage(rawValue: dump) == nil {
      throw ValidationError(
        "unknown stage '\(dump)' for --dump; stages are " + DumpStage.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let sql, !["duckdb", "postgres", "postgresql", "pg", "spark"].contains(sql.lowercased()) {
      throw ValidationError("unknown SQL dialect '\(sql)' for --sql; dialects are duckdb, postgres, spark")
    }
    if sql != nil && engine != nil {
      throw ValidationError("--sql prints SQL and runs nothing; give it without --engine")
    }
    if initFile != nil && noInit { throw ValidationError("give --init FILE or --no-init, not both") }
    if lesson != nil && (!command.isEmpty || script != nil) {
      throw ValidationError("--lesson prints a lesson; give it without a script or -c")
    }
    if noAnswers && lesson == nil { throw ValidationError("--no-answers goes with --lesson N") }
    if classReport != nil && (!command.isEmpty || script != nil || lesson != nil) {
      throw ValidationError("--class-report prints a report; give it without a script, -c or --lesson")
    }
  }

  func run() throws {
    var options = ShellOptions()
    if !command.isEmpty {
      options.input = .command(command.joined(separator: "\n"))
    } else if let script {
      options.input = .script(path: script, arguments: scriptArguments)
    }
    options.dataDirectory = data
    options.demoSize = demoSize
    options.seed = seed
    if let memoryLimit { try options.setMemoryLimit(memoryLimit) }
    options.format = OutputFormat(rawValue: format) ?? .table
    options.safeCSV = safeCSV
    options.noDemo = noDemo
    options.quiet = quiet
    options.timeStartup = timeStartup
    options.timeCompletion = timeCompletion
    options.lesson = lesson
    options.noAnswers = noAnswers
    options.student = student
    options.classReport = classReport
    options.dump = dump.flatMap(DumpStage.init(rawValue:))
    options.engine = engine
    options.sqlDialect = sql
    options.initFile = initFile
    options.noInit = noInit
    options.noProgress = noProgress
    for item in param {
      let (name, value) = try pair(item, flag: "--param")
      options.parameters.append((name, value))
    }
    let owners = Funnel.withOwners(in: CommandLine.arguments)
    for (index, item) in load.enumerated() {
      let (name, path) = try pair(item, flag: "--load")
      var entry = ShellOptions.Load(name: name, path: path)
      for (withIndex, text) in withOptions.enumerated()
      where owners.indices.contains(withIndex) && owners[withIndex] == index {
        do {
          try entry.apply(with: text)
        } catch let error as ShellOptionError {
          throw ValidationError(error.description)
        }
      }
      options.loads.append(entry)
    }
    let status = Shell.run(options)
    if status != 0 { throw ExitCode(status) }
  }

  /// `NAME=VALUE` split at the first `=`.
  func pair(_ text: String, flag: String) throws -> (String, String) {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
      throw ValidationError("\(flag) takes NAME=VALUE, not '\(text)'")
    }
    return (String(text[..<eq]), String(text[text.index(after: eq)...]))
  }

  /// For each `--with` in order, the index of the `--load` before it (-1 for none).
  /// ArgumentParser keeps each option's values but not how they interleave, so
  /// the raw arguments say which load a `--with` follows.
  static func withOwners(in arguments: [String]) -> [Int] {
    var loads = -1
    var owners: [Int] = []
    var skipNext = false
    for argument in arguments.dropFirst() {
      if skipNext {
        skipNext = false
        continue
      }
      if argument == "--" { break }
      if argument == "--load" || argument.hasPrefix("--load=") {
        loads += 1
        skipNext = argument == "--load"
      } else if argument == "--with" || argument.hasPrefix("--with=") {
        owners.append(loads)
        skipNext = argument == "--with"
      } else if [
        "-c", "--command", "--data", "--demo-size", "--seed", "--format", "--param", "--lesson", "--memory-limit",
        "--student", "--class-report", "--engine", "--sql", "--init", "--dump",
      ].contains(argument) {
        skipNext = true
      }
    }
    return owners
  }
}
