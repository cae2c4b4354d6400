import FunnelEngine
import FunnelLanguage

extension DotCommand {
  /// `.help [TOPIC]`: the command table and a language summary, or one topic.
  static let help = DotCommand(
    name: "help", arguments: [.topic], usage: ".help [TOPIC]",
    summary: "this help; topics: a command, stages, functions, metrics, or a stage name", argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit(HelpText.overview())
      return
    }
    let topic = word.text.hasPrefix(".") ? String(word.text.dropFirst()) : word.text
    guard let text = HelpText.topic(topic.lowercased()) else {
      var d = invocation.error("no help on '\(word.text)'", at: word)
      d.suggest(topic, among: HelpText.topics)
      d.hints.append("topics: stages, functions, metrics, a command or a stage name")
      throw d
    }
    session.emit(text)
  }
}

/// The text `.help` shows, built from the tables it describes.
enum HelpText {
  /// Every topic `.help` knows (also offered by completion).
  static var topics: [String] {
    ["stages", "functions", "metrics"] + DotCommand.all.map(\.name) + StageHelp.all.map(\.keyword)
  }

  static func overview() -> String {
    let width = DotCommand.all.map(\.usage.count).filter { $0 <= 28 }.max() ?? 20
    var text = "Commands:\n"
    for command in DotCommand.all {
      let usage = command.usage.count > 28 ? "." + command.name + " ..." : command.usage
      text += "  " + usage.padding(toLength: max(width, usage.count), withPad: " ", startingAt: 0) + "  "
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

      More: .help stages, .help functions, .help metrics, .help <stage>, .help <command>

      """
    return text
  }

  static func topic(_ topic: String) -> String? {
    switch topic {
    case "stages": return stages()
    case "functions": return functions()
    case "metrics": return metrics()
    default: break
    }
    if let command = DotCommand.named(topic) {
      var text = command.usage + "\n  " + command.summary + "\n"
      if !command.details.isEmpty {
        text += "\n" + command.details.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n"
      }
      return text
    }
    if let stage = StageHelp.named(topic) {
      return stage.usage + "\n  " + stage.summary + "\n  example: " + stage.example + "\n"
    }
    return nil
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

  static func functions() -> String {
    "Scalar functions:\n" + wrapped(FunctionRegistry.scalarNames.sorted()) + "\nAggregates:\n"
      + wrapped(FunctionRegistry.aggregateNames.sorted()) + "\nMetrics (callable in agg): see .help metrics\n"
  }

  static func metrics() -> String {
    let width = MetricRegistry.all.map(\.signature.count).max() ?? 10
    var text = "Metrics (use in agg; .explain NAME for the definition and SQL):\n"
    for metric in MetricRegistry.all {
      text += "  " + metric.signature.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + metric.formula + "\n"
    }
    return text
  }

  /// Names in lines of at most 76 columns, indented.
  static func wrapped(_ names: [String]) -> String {
    var text = ""
    var line = " "
    for name in names {
      if line.count + name.count + 2 > 78 {
        text += line + "\n"
        line = " "
      }
      line += " " + name
    }
    return line.count > 1 ? text + line + "\n" : text
  }
}
