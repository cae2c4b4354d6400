import Foundation
import FunnelEngine
import FunnelLanguage
import FunnelSQL

/// Tab completion as a pure function of the line, the cursor and the session:
/// dot commands and their arguments, dataset names where a pipeline starts
/// and after `join`, stage keywords after `|`, the columns of the dataset
/// flowing at the cursor (including those made by earlier `derive` or `agg`),
/// function and metric names. Names that need quotes come in backquotes.
///
/// ```swift
/// Completer.complete(line: "deals | whe", cursor: 11, session: s)
/// // (["where"], 8)
/// ```
public enum Completer {
  /// - Parameters:
  ///   - cursor: a UTF-8 offset into `line`.
  /// - Returns: the candidates, sorted, each to replace the text from
  ///   `replaceFrom` (a UTF-8 offset) to the cursor.
  public static func complete(line: String, cursor: Int, session: Session) -> (candidates: [String], replaceFrom: Int) {
    let bytes = Array(line.utf8)
    let before = String(decoding: bytes[0..<max(0, min(cursor, bytes.count))], as: UTF8.self)
    let prefix = StatementPrefix(before)
    if prefix.inComment { return ([], prefix.wordStart) }
    if let command = prefix.command {
      return commandCandidates(prefix, command: command, session: session)
    }
    if prefix.inString { return ([], prefix.wordStart) }
    if prefix.tokens.isEmpty && prefix.word.hasPrefix(".") {
      // A lone `.` is not a command yet: offer them all.
      return (matching(DotCommand.dottedNames, prefix.word), prefix.wordStart)
    }
    return (languageCandidates(prefix, word: prefix.word, session: session), prefix.wordStart)
  }

  // MARK: - Dot commands

  static func commandCandidates(_ prefix: StatementPrefix, command: Token, session: Session)
    -> (candidates: [String], replaceFrom: Int)
  {
    let word = prefix.word
    let from = prefix.wordStart
    let commandStart = command.span.offset
    let headEnd = command.endOffset
    let end = prefix.text.utf8.count
    if from <= commandStart || headEnd >= end {
      // Still typing the command's name (the word may begin at the dot or after it).
      return (matching(DotCommand.dottedNames, prefix.text(commandStart, end)), from)
    }
    guard let dot = DotCommand.named(command.text) else { return ([], from) }
    let earlier = prefix.arguments(from: headEnd)
    if dot.name == "explain" || dot.name == "check" || dot.name == "sql" {
      // A query after .explain, .check or .sql completes like one at the
      // prompt (after .sql's dialect, when one is given).
      var queryStart = headEnd
      if dot.name == "sql", let first = earlier.first, SQLDialect(named: first) != nil,
        let range = prefix.text(headEnd, end).range(of: first)
      {
        queryStart = headEnd + prefix.text(headEnd, end)[..<range.upperBound].utf8.count
      }
      let query = StatementPrefix(prefix.text(queryStart, end))
      let queryFrom = queryStart + query.wordStart
      if query.inString || query.inComment { return ([], queryFrom) }
      if query.pipes.isEmpty && query.words(from: 0).isEmpty {
        var heads = dot.name == "explain" ? MetricRegistry.all.map(\.name) + [LeadVelocity.name, DaysInStage.name] : []
        if dot.name == "sql" && queryStart == headEnd { heads += SQLDialect.allCases.map(\.rawValue) }
        return (matching(heads + session.catalog.datasetNames, query.word), queryFrom)
      }
      if dot.name == "check" && query.pipes.isEmpty { return ([], queryFrom) }
      return (languageCandidates(query, word: query.word, session: session), queryFrom)
    }
    if dot.name == "glossary" {
      // Terms may be several words: match the whole argument, replace the last word.
      let blanks = prefix.text(headEnd, end).utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      let argumentStart = min(headEnd + blanks.count, from)
      return (terms(typed: prefix.text(argumentStart, end), head: prefix.text(argumentStart, from)), from)
    }
    guard let argument = dot.argument(at: earlier.count) else { return ([], from) }
    return (argumentCandidates(argument, command: dot.name, earlier: earlier, word: word, session: session), from)
  }

  static func argumentCandidates(
    _ argument: DotCommand.Argument, command: String, earlier: [String], word: String, session: Session
  ) -> [String] {
    switch argument {
    case .dataset: return names(session.catalog.datasetNames, word)
    case .path: return paths(word)
    case .topic: return matching(HelpText.topics, word)
    case .metricOrQuery: return matching(MetricRegistry.all.map(\.name) + [LeadVelocity.name], word)
    case .dialectOrQuery: return matching(SQLDialect.allCases.map(\.rawValue) + session.catalog.datasetNames, word)
    case .engine: return matching(["memory", "postgres://", "sc://"], word)
    case .format: return matching(OutputFormat.names, word)
    case .formatOption: return matching(["safe"], word)
    case .onOff: return matching(["on", "off"], word)
    case .parameter:
      let keyword = command == "param" && earlier.isEmpty ? ["default"] : []
      return matching(session.catalog.parameters.keys.sorted() + keyword, word)
    case .lesson:
      // In lesson order: 1, 2, ... 10, not 1, 10, 2.
      return earlier.isEmpty ? Lessons.all.map { String($0.number) }.filter { $0.hasPrefix(word) } : []
    case .term: return []
    case .value:
      return command == "load" && earlier.count >= 2 ? matching(["with", "map"], word) : []
    case .name: return []
    }
  }

  // MARK: - The language

  static func languageCandidates(_ prefix: StatementPrefix, word: String, session: Session) -> [String] {
    let catalog = session.catalog
    guard let lastPipe = prefix.pipes.last else {
      // The source: a dataset name, after an optional `let name =`.
      let head = prefix.tokens.filter { $0.kind != .newline }
      guard let first = head.first else {
        return names(catalog.datasetNames + [Keywords.scorecard], word) + matching(["let", "metric"], word)
      }
      if first.isWord("let") || first.isWord("metric") {
        // Naming a binding offers nothing; after `let name =` a pipeline starts.
        guard let equals = head.firstIndex(where: { $0.kind == .assign }) else { return [] }
        if equals == head.count - 1 && first.isWord("let") {
          return names(catalog.datasetNames + [Keywords.scorecard], word)
        }
      }
      return expression(word, columns: [], session: session)
    }
    let stageWords = prefix.words(from: lastPipe + 1)
    guard let keyword = stageWords.first else { return matching(Keywords.stages, word) }
    let columns = flowingColumns(prefix, upTo: lastPipe, session: session)
    let previous = stageWords.last ?? ""
    switch keyword {
    case "join":
      if previous == "join" || previous == "left" {
        return names(catalog.datasetNames + (previous == "join" ? ["left"] : []), word)
      }
      if stageWords.count == 2 || (stageWords.count == 3 && stageWords[1] == "left") { return matching(["on"], word) }
      return names(columns, word)
    case "save": return paths(word)
    case "chart":
      if stageWords.count == 1 { return matching(Keywords.chartKinds, word) + names(columns, word) }
      return names(columns, word)
    case "funnel":
      if previous == "steps"
        || stageWords.contains("steps") && !stageWords.contains("by") && !stageWords.contains("within")
      {
        return matching(["lead", "mql", "sql", "opportunity", "won"] + ["by", "within"], word)
      }
      if stageWords.contains("by") { return names(columns, word) }
      return matching(["steps", "by", "within"], word)
    case "attribute":
      // attribute <model>[(<shares>)] [on pipeline] [by <keys>]
      if stageWords.count == 1 { return matching(AttributionModel.names, word) }
      // Inside a model's arguments: numbers, nothing to guess.
      if stageWords.filter({ $0 == "(" }).count > stageWords.filter({ $0 == ")" }).count { return [] }
      if previous == "on" { return matching(["pipeline"], word) }
      if !stageWords.contains("by") {
        // Leads are counted: `on pipeline` is for deals.
        let clauses = stageWords.contains("on") || AttributionVerb.rowsAreLeads(columns) ? ["by"] : ["on", "by"]
        return matching(clauses, word)
      }
      // Keys: the touched campaign's columns, then the touch's own.
      let campaigns = catalog.dataset("campaigns")?.names ?? []
      let touches = catalog.dataset("touches")?.names ?? []
      return names(campaigns + touches.filter { !campaigns.contains($0) }, word)
    case "forecast":
      // forecast <period-expr> [by <keys>]
      if stageWords.count > 1, previous == ")", !stageWords.contains("by") { return matching(["by"], word) }
      return expression(word, columns: columns, session: session, stage: keyword)
    case "stage_durations", "pacing":
      // stage_durations [by <keys>], pacing [by <keys>]
      if stageWords.count == 1 { return matching(["by"], word) }
      return expression(word, columns: columns, session: session, stage: keyword)
    case "take": return []
    case "top":
      if stageWords.count == 2 { return matching(["by"], word) }
      if stageWords.count < 2 { return [] }
      return expression(word, columns: columns, session: session)
    default:
      return expression(word, columns: columns, session: session, stage: keyword)
    }
  }

  /// Columns first; with a typed start, also functions, metrics and the words
  /// an expression may hold.
  /// Window functions (and `over`) only in `derive`, the one stage that takes
  /// them; `lead_velocity_rate` only in `agg`.
  static func expression(_ word: String, columns: [String], session: Session, stage: String? = nil) -> [String] {
    let own = names(columns, word)
    if word.isEmpty || word.hasPrefix("`") { return own }
    let functions = FunctionRegistry.all.filter { f in
      f.isWindow ? stage == "derive" : f.name != LeadVelocity.name || stage == "agg"
    }
    let calls =
      (functions.map(\.name) + MetricRegistry.all.map(\.name)
      + session.catalog.userMetrics.keys.sorted()).map { $0 + "(" }
    let words =
      [
        "and", "or", "not", "in", "between", "case", "when", "then", "else", "end", "by", "asc", "desc", "true",
        "false", "null",
      ] + (stage == "derive" ? ["over", "sort"] : [])
    return Array(Set(own + matching(calls, word) + matching(words, word))).sorted()
  }

  /// The columns of the pipeline before the stage at the cursor, from the
  /// engine (so derived and aggregated columns appear); empty when it does not bind.
  static func flowingColumns(_ prefix: StatementPrefix, upTo pipe: Int, session: Session) -> [String] {
    let text = prefix.text(prefix.start, pipe)
    let parsed = Parser.parse(SourceText(name: nil, text: text))
    guard let statement = parsed.statements.last else { return [] }
    let pipeline: Pipeline
    switch statement.kind {
    case .run(let p): pipeline = p
    case .let(_, let p): pipeline = p
    default: return []
    }
    return Engine.columns(of: pipeline, in: session.catalog)?.map(\.name) ?? []
  }

  // MARK: - Matching

  /// Glossary names (any case) that start with `typed`, as replacements for
  /// its last word: `win r` → `rate` (of `win rate`).
  static func terms(typed: String, head: String) -> [String] {
    let wanted = Glossary.normalized(typed) + (typed.hasSuffix(" ") && !typed.isEmpty ? " " : "")
    var out: [String] = []
    for name in Glossary.names where Glossary.normalized(name).hasPrefix(wanted) || wanted.isEmpty {
      let spaced = name.replacingOccurrences(of: "_", with: " ")
      guard spaced.count >= head.count else { continue }
      out.append(String(spaced.dropFirst(head.count)))
    }
    return Array(Set(out)).sorted()
  }

  /// `candidates` that start with `word`, sorted and unique.
  static func matching(_ candidates: [String], _ word: String) -> [String] {
    Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }

  /// Names, in backquotes when they need them: `` `emp.var.rate` ``, `` `by` ``.
  static func names(_ candidates: [String], _ word: String) -> [String] {
    var out: [String] = []
    for name in candidates {
      if needsQuotes(name) {
        let quoted = "`" + name + "`"
        if quoted.hasPrefix(word) || (!word.hasPrefix("`") && name.hasPrefix(word)) { out.append(quoted) }
      } else if name.hasPrefix(word) {
        out.append(name)
      }
    }
    return Array(Set(out)).sorted()
  }

  /// A bare name is lower-case letters, digits and `_`, not starting with a
  /// digit, and not a reserved word. `by` is offered in backquotes too: it
  /// is a name in most places, but right after `count` or `agg` it opens the keys.
  static func needsQuotes(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return true }
    if Keywords.reserved.contains(name) || name == "by" { return true }
    return !name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
  }

  /// Files and directories (with a `/`) that complete `word`; a leading quote
  /// is kept, hidden files only when the word asks for them.
  static func paths(_ word: String) -> [String] {
    var typed = word
    var quote = ""
    if let first = typed.first, first == "\"" || first == "'" {
      quote = String(first)
      typed.removeFirst()
    }
    let slash = typed.lastIndex(of: "/")
    let directoryPart = slash.map { String(typed[...$0]) } ?? ""
    let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    var directory = directoryPart.isEmpty ? "." : directoryPart
    if directory.hasPrefix("~/") { directory = NSHomeDirectory() + directory.dropFirst(1) }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    var out: [String] = []
    for entry in entries where entry.hasPrefix(namePart) {
      if entry.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + "/" + entry, isDirectory: &isDirectory)
      out.append(quote + directoryPart + entry + (isDirectory.boolValue ? "/" : ""))
    }
    return out.sorted()
  }
}
