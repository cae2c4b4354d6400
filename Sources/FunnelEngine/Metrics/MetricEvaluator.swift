import FunnelData
import FunnelLanguage

/// Checks and computes the built-in metrics over grouped rows, reaching the other
/// standard datasets as `MetricSources` describes. Every metric yields a double;
/// a division by zero (or a sum over nothing it divides by) yields null.
public enum MetricEvaluator {
  /// nil when the metric can be computed over rows with these columns; else what
  /// is missing and how to map it.
  public static func check(_ name: String, argumentCount: Int, columns: [String], context: MetricContext)
    -> MetricProblem?
  {
    guard let definition = MetricRegistry.named(name) else {
      var hints: [String] = []
      if let near = MetricRegistry.all.map(\.name).nearest(to: name) { hints.append("did you mean '\(near)'?") }
      return MetricProblem(message: "unknown metric '\(name)'", hints: hints)
    }
    let expected = definition.parameters.count
    if argumentCount != expected {
      return MetricProblem(
        message:
          "\(name)() takes \(expected == 0 ? "no" : String(expected)) argument\(expected == 1 ? "" : "s"), not \(argumentCount)",
        hints: ["write \(definition.signature)"])
    }
    let needs = definition.needs
    let rowsAre = StandardDataset.of(origin: context.origin, columns: columns)
    return MetricSources.problem(needs, subject: "\(name)()", rowsAre: rowsAre, inputColumns: columns, context: context)
  }

  /// One value per group (`grouping.groupOfRow[i]` is row i's group in `0..<groupCount`).
  public static func evaluate(
    _ name: String, arguments: [Value], input: Table, grouping: Grouping, context: MetricContext
  ) throws -> Column {
    if let p = check(name, argumentCount: arguments.count, columns: input.names, context: context) { throw p }
    var stages: [LeadStage] = []
    for a in arguments {
      guard case .string(let text) = a else {
        throw MetricProblem(
          message: "\(name)() takes stage names in quotes", hints: ["write conversion(\"mql\", \"sql\")"])
      }
      guard let s = LeadStage(name: text) else { throw LeadStage.unknown(text, in: "\(name)()") }
      stages.append(s)
    }
    guard let definition = MetricRegistry.named(name),
      let rowsAre = StandardDataset.of(origin: context.origin, columns: input.names)
    else { throw MetricProblem.internalError("metric \(name) passed its check but has no plan") }
    let needs = definition.needs(stages: stages)
    // The stage columns are only known now: check them again.
    if let p = MetricSources.problem(
      needs, subject: "\(name)()", rowsAre: rowsAre, inputColumns: input.names,
      context: context)
    {
      throw p
    }
    let facts = try MetricFacts(needs: needs, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    return column(definition, stages: stages, facts: facts)
  }

  /// A double column from optional values.
  static func column(_ values: [Double?], hint: DisplayHint) -> Column {
    var valid = Bitmap(count: values.count, value: true)
    var data = [Double](repeating: 0, count: values.count)
    for (i, v) in values.enumerated() {
      if let v = v, v.isFinite { data[i] = v } else { valid[i] = false }
    }
    return Column(.double(data), validity: valid, hint: hint)
  }

  /// The values of `definition` for every group of `facts`, as a column shown as the metric's hint.
  static func column(_ definition: MetricDefinition, stages: [LeadStage] = [], facts: MetricFacts) -> Column {
    column(
      (0..<facts.groupCount).map { definition.compute(MetricGroup(facts: facts, group: $0, stages: stages)) },
      hint: definition.hint)
  }
}
