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
    let expected = name == "conversion" ? 2 : 0
    if argumentCount != expected {
      return MetricProblem(
        message: "\(name)() takes \(expected == 0 ? "no" : String(expected)) argument\(expected == 1 ? "" : "s"), not \(argumentCount)",
        hints: ["write \(definition.signature)"])
    }
    guard let needs = MetricNeeds.of(name) else {
      return .internalError("metric \(name) has no needs")
    }
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
        throw MetricProblem(message: "\(name)() takes stage names in quotes", hints: ["write conversion(\"mql\", \"sql\")"])
      }
      guard let s = LeadStage(name: text) else { throw LeadStage.unknown(text, in: "\(name)()") }
      stages.append(s)
    }
    guard let needs = MetricNeeds.of(name, stages: stages),
      let rowsAre = StandardDataset.of(origin: context.origin, columns: input.names),
      let definition = MetricRegistry.named(name)
    else { throw MetricProblem.internalError("metric \(name) passed its check but has no plan") }
    // The stage columns are only known now: check them again.
    if let p = MetricSources.problem(needs, subject: "\(name)()", rowsAre: rowsAre, inputColumns: input.names,
      context: context)
    {
      throw p
    }
    let facts = try MetricFacts(needs: needs, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    let values = (0..<grouping.groupCount).map { formula(name, stages: stages, facts: facts, group: $0) }
    return column(values, hint: definition.hint)
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

  /// a ÷ b, nil when b is zero or either is unknown.
  static func ratio(_ a: Double?, _ b: Double?) -> Double? {
    guard let a = a, let b = b, b != 0 else { return nil }
    return a / b
  }

  /// The value of metric `name` for one group.
  static func formula(_ name: String, stages: [LeadStage], facts f: MetricFacts, group g: Int) -> Double? {
    func d(_ v: [Int64]) -> Double? { v.isEmpty ? nil : Double(v[g]) }
    // Spend is unknown (null) for a group that reaches no campaign at all.
    let spend: Double? = f.spend.flatMap { s in f.campaigns[g] > 0 ? s.value(g) : nil }
    // Won revenue and pipeline are sums of amounts: 0 when there are no such deals.
    let revenue = f.wonAmount?.value(g)
    switch name {
    case "win_rate": return ratio(d(f.won), d(f.won).flatMap { w in d(f.lost).map { w + $0 } })
    case "avg_deal_size": return ratio(revenue, f.wonAmount.map { Double($0.nonNull[g]) })
    case "sales_cycle_days": return f.cycleDays.isEmpty ? nil : f.cycleDays[g]
    case "pipeline_value": return f.openAmount?.value(g)
    case "pipeline_velocity":
      guard let winRate = formula("win_rate", stages: [], facts: f, group: g),
        let size = formula("avg_deal_size", stages: [], facts: f, group: g),
        let cycle = formula("sales_cycle_days", stages: [], facts: f, group: g), let open = d(f.open)
      else { return nil }
      return ratio(open * winRate * size, cycle)
    case "conversion":
      guard stages.count == 2 else { return nil }
      return ratio(d(f.reached[stages[1].rawValue]), d(f.reached[stages[0].rawValue]))
    case "cpl": return ratio(spend, d(f.leads))
    case "cac": return ratio(spend, d(f.won))
    case "roi": return ratio(revenue.flatMap { r in spend.map { r - $0 } }, spend)
    case "roas": return ratio(revenue, spend)
    case "ctr": return ratio(d(f.clicks), d(f.impressions))
    case "mql_rate": return ratio(d(f.reached[LeadStage.mql.rawValue]), d(f.leads))
    case "sql_acceptance_rate": return ratio(d(f.reached[LeadStage.sql.rawValue]), d(f.reached[LeadStage.mql.rawValue]))
    case "cost_per_opportunity": return ratio(spend, d(f.deals))
    case "avg_touches_to_close": return ratio(d(f.touchesToClose), d(f.won))
    default: return nil
    }
  }
}
