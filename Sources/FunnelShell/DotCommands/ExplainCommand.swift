import FunnelEngine
import FunnelLanguage
import FunnelRender

extension DotCommand {
  /// `.explain METRIC|QUERY`: a metric's definition, or a query's logical and
  /// physical plans in words with the rewrite rules that fired between them.
  static let explain = DotCommand(
    name: "explain", arguments: [.metricOrQuery], usage: ".explain METRIC|QUERY",
    summary: "a metric: formula, what it tells each team, SQL, its value here; or a query's plan", argumentCount: nil
  ) { session, invocation in
    let text = invocation.text
    guard !text.isEmpty else { throw invocation.usageError(".explain needs a metric name or a query") }
    // `CAC`, `win rate` and `win_rate()` all name win_rate.
    let word = HelpText.metricName(text)
    if let metric = MetricRegistry.named(word) {
      let width = session.resultsAtTerminal ? TerminalInfo.size(environment: session.environment).columns : nil
      session.emit(describe(metric, width: width, value: session.currentValue(of: metric)))
      return
    }
    if word == LeadVelocity.name {
      let width = session.resultsAtTerminal ? TerminalInfo.size(environment: session.environment).columns : nil
      session.emit(describeLeadVelocity(width: width))
      return
    }
    if let (usage, summary) = Self.explainedRules[word] {
      let width = session.resultsAtTerminal ? TerminalInfo.size(environment: session.environment).columns : nil
      let rules = summary.split(separator: "\n").joined(separator: " ")
      session.emit(usage + "\n" + wrap("  rules:     ", rules, width))
      return
    }
    if word == "compare" {
      let width = session.resultsAtTerminal ? TerminalInfo.size(environment: session.environment).columns : nil
      session.emit("compare EXPR A vs B on AGGREGATE, ... [by KEY, ...]\n")
      for paragraph in Significance.summary.components(separatedBy: "\n\n") {
        let lines = paragraph.split(separator: "\n").map(String.init)
        // A list item starts a new line; its continuation lines join it.
        var items = [String]()
        for line in lines {
          if line.hasPrefix("- ") || items.isEmpty {
            items.append(line)
          } else {
            items[items.count - 1] += " " + line.drop { $0 == " " }
          }
        }
        for item in items { session.emit(wrap("  ", item.replacingOccurrences(of: "`", with: ""), width)) }
      }
      return
    }
    if let user = session.catalog.userMetrics[word] ?? session.catalog.userMetrics[text] {
      session.emit("metric \(user.name) = \(user.text)\n  (defined in this session; callable as \(user.name)())\n")
      return
    }
    // Not a query (no `|`, no dataset first): a word of the field, or a slip.
    let first = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    if !text.contains("|"), session.catalog.dataset(first) == nil, first != Keywords.scorecard {
      if let term = Glossary.lookup(text) {
        // A term that is a metric's other name (`cost per lead` for CPL) explains the metric.
        if let metric = ([term.term] + term.aliases).lazy.compactMap({ MetricRegistry.named(HelpText.metricName($0)) })
          .first
        {
          let width = session.resultsAtTerminal ? TerminalInfo.size(environment: session.environment).columns : nil
          session.emit(describe(metric, width: width, value: session.currentValue(of: metric)))
          return
        }
        session.emit(
          "'\(text)' is not a metric in Funnel; from the glossary (.glossary \(term.term)):\n\n" + Glossary.render(term)
        )
        return
      }
      if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" || $0 == "-" }) {
        var d = invocation.error("no metric, verb or glossary term named '\(text)'", at: invocation.words.first)
        d.suggest(word, among: MetricRegistry.all.map(\.name) + Array(Self.explainedRules.keys) + Glossary.names)
        d.hints.append("'.help metrics' lists the metrics, '.glossary' the terms; .explain QUERY shows a query's plan")
        throw d
      }
    }
    // Parse the query where it stands, so carets line up with the command's line.
    let pad = String(repeating: " ", count: max(0, invocation.span.column - 1))
    var inner = SourceText(name: invocation.source.name, text: pad + text, firstLine: invocation.span.line)
    inner.typedAtPrompt = invocation.source.typedAtPrompt
    let parsed = Parser.parse(inner)
    if !parsed.diagnostics.isEmpty { throw DiagnosticList(parsed.diagnostics) }
    guard parsed.statements.count == 1, let statement = parsed.statements.first else {
      throw invocation.usageError(".explain takes one query")
    }
    if case .command = statement.kind { throw invocation.usageError(".explain takes a query, not a command") }
    let prepared = try Engine.prepare(statement, in: session.catalog)
    session.emit(prepared.plan.report())
  }

  /// A built-in metric's row, as `.explain win_rate` shows it.
  static func describe(_ metric: MetricDefinition, width: Int? = nil, value: String? = nil) -> String {
    var text = metric.signature + "\n"
    text += wrap("  formula:   ", metric.formula, width)
    text += wrap("  marketing: ", metric.marketing, width)
    text += wrap("  sales:     ", metric.sales, width)
    text += wrap("  datasets:  ", metric.datasets.joined(separator: ", "), width)
    if let rule = metric.placeRule { text += wrap("  runs on:   ", rule, width) }
    if let rule = metric.creditRule { text += wrap("  credit:    ", rule, width) }
    if !metric.optionExamples.isEmpty {
      text += wrap("  options:   ", metric.optionExamples.joined(separator: ", "), width)
    }
    if let value { text += wrap("  value:     ", value, width) }
    text += "  SQL:\n"
    for line in metric.sql.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "    " + line + "\n"
    }
    return text
  }

  /// `lead_velocity_rate()`, which compares the groups of an `agg` and so has
  /// no value over a whole dataset: its definition, how to call it, its SQL.
  static func describeLeadVelocity(width: Int? = nil) -> String {
    var text = LeadVelocity.name + "()\n"
    text += wrap("  formula:   ", LeadVelocity.formula, width)
    text += wrap("  marketing: ", LeadVelocity.marketing, width)
    text += wrap("  sales:     ", LeadVelocity.sales, width)
    text += wrap("  datasets:  ", "leads", width)
    text += wrap("  usage:     ", LeadVelocity.usage, width)
    text += wrap("  null:      ", LeadVelocity.nulls, width)
    text += "  SQL:\n"
    for line in LeadVelocity.sql.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "    " + line + "\n"
    }
    return text
  }

  /// `label` then `text`, broken at spaces to fit `width` (when known), later
  /// lines indented under the text.
  static func wrap(_ label: String, _ text: String, _ width: Int?) -> String {
    guard let width, width > label.count + 20 else { return label + text + "\n" }
    let indent = String(repeating: " ", count: label.count)
    var lines: [String] = []
    var line = label
    var empty = true
    for word in text.split(separator: " ") {
      if !empty && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
        empty = true
      }
      line += (empty ? "" : " ") + word
      empty = false
    }
    lines.append(line)
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Session {
  /// The metric over all of its first dataset, with the query that gives it:
  /// `4.2% (deals | agg win_rate())`; why not, when the data cannot give it.
  func currentValue(of metric: MetricDefinition) -> String {
    guard let dataset = metric.datasets.first else { return "no dataset to compute it on" }
    guard metric.arguments.isEmpty else {
      return "depends on its arguments: \(dataset) | agg \(metric.name)(...) with real ones"
    }
    let query = "\(dataset) | agg \(metric.name)()"
    do {
      let table = try lessonResult(of: query)
      guard table.rowCount == 1, let column = table.columns.first else { return "no value (\(query))" }
      return NumberFormat.display(column.value(at: 0), hint: column.hint) + " (\(query))"
    } catch {
      return "not computable on the loaded data: " + ExerciseCheck.describe(error)
    }
  }
}

extension DotCommand {
  /// The verbs and functions whose `.explain` is their usage and their rules in words.
  static let explainedRules: [String: (usage: String, summary: String)] = [
    "stage_durations": ("stage_durations [by KEY, ...]", StageDurationsVerb.summary),
    DaysInStage.name: ("days_in_stage()", DaysInStage.summary),
    "forecast": ("forecast PERIOD-EXPR [by KEY, ...]", ForecastVerb.summary),
    "pacing": ("pacing [by KEY, ...]", PacingVerb.summary),
  ]
}
