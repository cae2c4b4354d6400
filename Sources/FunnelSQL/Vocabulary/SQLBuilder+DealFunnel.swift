import FunnelData
import FunnelEngine

/// `deals | funnel [steps ...] [by keys]` as SQL, by `DealFunnel`'s rules: a
/// deal reached a step when its stage is that step or a later one; a
/// closed_lost deal reached the steps up to its `lost_stage` (prospecting
/// only without one). Deals carry no date per stage: `median_days` is null.
///
///     funnel        the keys, and per deal 1 or 0 for each step it counts at
///     funnel_2      per key group: the count at each step
///     funnel_3      one row per group and step, in key order then step order
extension SQLBuilder {
  func dealFunnel(_ input: SQLRelation, steps: [String]?, keys: [OutputColumn], stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    guard let stage = column("stage", in: input), stage.type == .string else {
      throw SQLCompileError("the deals' stage must be text", stage: text)
    }
    let names = (steps ?? DealFunnel.stages).map { $0.lowercased() }
    let stepRanks = names.map { DealFunnel.stages.firstIndex(of: $0) ?? 0 }
    var lost = "0"
    if let lostStage = column("lost_stage", in: input) {
      guard lostStage.type == .string else {
        throw SQLCompileError(
          "\(dialect.rawValue) SQL for a lost_stage of type \(lostStage.type.name) is not written "
            + "(the deals' lost_stage must be text)", stage: text)
      }
      let whens = DealFunnel.stages.dropLast().enumerated().map { "WHEN '\($1)' THEN \($0)" }
      lost = "COALESCE(CASE \(stageWord(lostStage.sql)) \(whens.joined(separator: " ")) END, 0)"
    }
    let whens = DealFunnel.stages.enumerated().map { "WHEN '\($1)' THEN \($0)" }
    let rank =
      "CASE WHEN \(stageWord(stage.sql)) = 'closed_lost' THEN \(lost) "
      + "ELSE CASE \(stageWord(stage.sql)) \(whens.joined(separator: " ")) ELSE -1 END END"
    var select = try keySelect(keys, over: input)
    select.append("\(rank) AS \(slot("r"))")
    let ranked = add(
      "funnel", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + quote(input.name))
    let keySlots = keys.indices.map { slot("k\($0)") }
    var aggregates = keySlots
    for j in names.indices {
      let tests = stepRanks.prefix(j + 1).map { "\(slot("r")) >= \($0)" }.joined(separator: " AND ")
      aggregates.append("COUNT(CASE WHEN \(tests) THEN 1 END) AS \(slot("c\(j)"))")
    }
    var counted = "SELECT " + aggregates.joined(separator: ",\n  ") + "\nFROM " + quote(ranked.name)
    if !keySlots.isEmpty { counted += "\nGROUP BY " + keySlots.joined(separator: ", ") }
    let counts = add("funnel", counted)
    return funnelOutput(counts, steps: names, keys: keys, medians: false)
  }
}
