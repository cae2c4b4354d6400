import FunnelLanguage

/// One shell command: a row of the table that `.help`, completion and the
/// dispatcher all read (as in DuckDB's shell), so help cannot drift from
/// what exists.
public struct DotCommand: Sendable {
  /// What an argument position holds, for completion.
  public enum Argument: Sendable, Equatable {
    /// A loaded dataset's name.
    case dataset
    /// A new name (nothing to complete).
    case name
    /// A file path.
    case path
    /// A `.help` topic.
    case topic
    /// A metric name or a query.
    case metricOrQuery
    /// A SQL dialect, then a query (`.sql`).
    case dialectOrQuery
    /// `memory` or a server's address (`.engine`).
    case engine
    /// An output format.
    case format
    /// What may follow a format: `safe`.
    case formatOption
    /// `on` or `off`.
    case onOff
    /// A parameter's name.
    case parameter
    /// A lesson's number.
    case lesson
    /// A glossary term.
    case term
    /// Free text or a number.
    case value
  }

  /// Without the dot: `schema`.
  public let name: String
  /// What each argument position holds (the last one repeats).
  public let arguments: [Argument]
  /// `.schema [NAME]`.
  public let usage: String
  /// One line for `.help`.
  public let summary: String
  /// More for `.help <command>`: forms, examples, what happens without a
  /// terminal; empty when the usage and summary say it all.
  public let details: String
  /// Words the command takes; nil when it reads its arguments as free text.
  let argumentCount: ClosedRange<Int>?
  let run: @Sendable (Session, CommandInvocation) throws -> Void

  init(
    name: String, arguments: [Argument] = [], usage: String, summary: String, details: String = "",
    argumentCount: ClosedRange<Int>?, run: @escaping @Sendable (Session, CommandInvocation) throws -> Void
  ) {
    self.name = name
    self.arguments = arguments
    self.usage = usage
    self.summary = summary
    self.details = details
    self.argumentCount = argumentCount
    self.run = run
  }

  /// The command of that name (without the dot), if any.
  public static func named(_ name: String) -> DotCommand? {
    all.first { $0.name == name }
  }

  /// Names with their dots, for suggestions and completion.
  public static var dottedNames: [String] { all.map { "." + $0.name } }

  /// What argument position `index` (0-based) holds, if the command takes one there.
  public func argument(at index: Int) -> Argument? {
    guard let last = arguments.last else { return nil }
    return index < arguments.count ? arguments[index] : last
  }
}

/// A dot command as written: its words and where they stand.
struct CommandInvocation {
  /// The arguments as written (trimmed).
  let text: String
  /// Where the arguments stand (an empty span after the name when there are none).
  let span: Span
  /// The arguments split into words.
  let words: [CommandWord]
  /// The text the command was part of (for positions, and `.explain`).
  let source: SourceText
  /// The command's name token.
  let nameSpan: Span
  /// The command's usage line, for messages.
  let usage: String

  /// An error placed under `word`, or under the command when there is none.
  func error(_ message: String, at word: CommandWord? = nil, hints: [String] = []) -> Diagnostic {
    Diagnostic(message: message, span: word?.span ?? nameSpan, hints: hints)
  }

  /// `usage: .load NAME PATH ...`, under the arguments (or the command).
  func usageError(_ message: String) -> Diagnostic {
    Diagnostic(message: message, span: words.isEmpty ? nameSpan : span, hints: ["usage: " + usage])
  }
}
