import FunnelEngine
import FunnelLanguage

extension DotCommand {
  /// `.help [TOPIC]`: the command table and a language summary, or one topic.
  static let help = DotCommand(
    name: "help", arguments: [.topic], usage: ".help [TOPIC]",
    summary:
      "this help; topics: a command, stages, functions, windows, metrics, a stage, a function, a metric, a term",
    argumentCount: nil
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit(HelpText.overview())
      return
    }
    // A term may be several words: `.help win rate`, `.help lead scoring`.
    let asked = invocation.words.map(\.text).joined(separator: " ")
    let topic = asked.hasPrefix(".") ? String(asked.dropFirst()) : asked
    // The text as typed finds a term the words split wrongly (`buyer's journey`).
    let found = HelpText.topic(topic.lowercased()) ?? Glossary.lookup(invocation.text).map(Glossary.render)
    guard let text = found else {
      var d = invocation.error("no help on '\(asked)'", at: word)
      d.suggest(topic, among: HelpText.topics + FunctionRegistry.all.map(\.name) + MetricRegistry.all.map(\.name))
      d.hints.append("topics: stages, functions, windows, metrics, a command, a stage, a function, a metric")
      d.hints.append("'.glossary' lists the words of sales and marketing")
      throw d
    }
    session.emit(text)
  }
}

/// The text `.help` shows, built from the tables it describes.
enum HelpText {
  /// The topics completion offers; `.help` also knows every function's name.
  static var topics: [String] {
    ["stages", "functions", "windows", "metrics"] + DotCommand.all.map(\.name) + StageHelp.all.map(\.keyword)
  }

  static func overview() -> String {
    let width = DotCommand.all.map(\.usage.count).filter { $0 <= 28 }.max() ?? 20
    var text = "Commands:\n"
    for command in DotCommand.all {
      let usage = command.usage.count > 28 ? "." + command.name + " ..." : command.usage
      text +=
        "  " + usage.padding(toLength: max(width, usage.count), withPad: " ", startingAt: 0) + "  "
        + command.summary + "\n"
    }
    text += """

      The language:
        deals | where stage == "closed_won" | agg revenue = sum(amount) by owner | sort revenue desc
        let big = deals | where amount > 50000         bind a dataset (or a value: let x = 1 + 2)
        metric won = count_if(stage == "closed_won")   a reusable aggregate, called as won()
        leads | funnel                                 the funnel from lead to won
      A pipeline starts from a dataset and passes it through stages joined by |.
      A line ending in |, or with a bracket or quote still open, continues.

      More: .help stages, .help functions, .help windows, .help metrics, .help <stage>, .help <command>,
      .help <function>

      """
    return text
  }

  static func topic(_ topic: String) -> String? {
    switch topic {
    case "stages": return stages()
    case "functions": return functions()
    case "windows", "over": return windows()
    case "metrics": return metrics()
    default: break
    }
    if let command = DotCommand.named(topic) {
      var text = command.usage + "\n  " + command.summary + "\n"
      if !command.details.isEmpty {
        text +=
          "\n"
          + command.details.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n"
      }
      return text
    }
    // A function may be asked for as it is called: `.help year()`.
    let called = topic.hasSuffix("()") ? String(topic.dropLast(2)) : topic
    let function = FunctionRegistry.named(called).map(self.function)
    if let stage = StageHelp.named(topic) {
      let text = stage.usage + "\n  " + stage.summary + "\n  example: " + stage.example + "\n"
      // `count` is a stage and a function: both are shown.
      return function.map { text + "\n" + $0 } ?? text
    }
    if let function { return function }
    if ["case", "when", "if"].contains(topic) { return caseHelp }
    if let metric = MetricRegistry.named(metricName(topic)) {
      return metric.signature + "\n  " + metric.formula + "\n  .explain " + metric.name
        + " for what it tells each team, its SQL and its value on the loaded data\n"
    }
    if let term = Glossary.lookup(topic) { return Glossary.render(term) }
    return nil
  }

  /// A metric's name as people write it: `CAC`, `win rate`, `win-rate()`.
  static func metricName(_ text: String) -> String {
    var name = text.lowercased().trimmingCharacters(in: .whitespaces)
    if name.hasSuffix("()") { name.removeLast(2) }
    return name.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
  }

  static let caseHelp = """
    case when COND then VALUE [when COND then VALUE ...] [else VALUE] end
    case EXPR when VALUE then VALUE [when ...] [else VALUE] end
    if(COND, THEN, ELSE)
      a value chosen row by row: the first branch whose condition holds (or
      whose value equals EXPR); with none and no else, null
      example: deals | derive size = case when amount >= 50000 then "large" else "small" end
      example: leads | derive temperature = if(score >= 80, "hot", "cold")

    """

  /// One function: its forms, what it gives, its null rule and an example.
  static func function(_ f: FunctionDefinition) -> String {
    f.signatures.joined(separator: "\n") + "\n  " + f.summary + "\n  null: " + f.nullRule + "\n  example: " + f.example
      + "\n"
  }

  static func stages() -> String {
    let width = StageHelp.all.map(\.keyword.count).max() ?? 8
    var text = "Stages (after |):\n"
    for stage in StageHelp.all {
      text += "  " + stage.keyword.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + stage.summary + "\n"
      text += "  " + String(repeating: " ", count: width) + "  e.g. " + stage.example + "\n"
    }
    return text
  }

  /// Every function's forms, by group.
  static func functions() -> String {
    var text = "Functions (.help NAME for what one gives, its null rule and an example):\n"
    for group in FunctionGroup.allCases {
      text += group.title + ":\n"
      for f in FunctionRegistry.group(group) { text += f.signatures.map { "  " + $0 + "\n" }.joined() }
    }
    return text + "Metrics (callable in agg): see .help metrics\n"
  }

  static func metrics() -> String {
    let rows =
      MetricRegistry.all.map { ($0.signature, $0.formula) } + [(LeadVelocity.name + "()", LeadVelocity.formula)]
    let width = rows.map(\.0.count).max() ?? 10
    var text = "Metrics (use in agg; .explain NAME for the definition and SQL):\n"
    for (signature, formula) in rows {
      text += "  " + signature.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + formula + "\n"
    }
    return text
  }

  /// How window functions are written, then each one's forms.
  static func windows() -> String {
    var text = """
      Window functions (in derive only; the rows keep their order):
        derive NAME = FUNCTION(...) over ([by KEY, ...] [sort EXPR [asc|desc], ...])
        by: rows with equal keys form a partition; sort: its order (nulls last, ties in input order)
        over () is every row, in the order it comes
        e.g. leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)

      """
    for f in FunctionRegistry.group(.windows) {
      text += f.signatures.map { "  " + $0 + "\n" }.joined() + "      " + f.summary + "\n"
    }
    return text + ".help NAME for one function's null rule and an example\n"
  }
}
