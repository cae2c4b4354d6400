import FunnelData
import FunnelEngine

/// `scorecard [by keys]` as SQL, by `ScorecardVerb.summary`'s rules: one row
/// per value of the campaign keys (default `channel`), in key order; the
/// group's leads and deals are those whose `campaign_id` is one of its
/// campaigns'; each won deal credited whole to the campaign in its campaign_id.
///
///     scorecard     per group: spend, clicks and impressions of its campaigns
///     scorecard_2   each group's campaign ids, once each
///     scorecard_3   per group: its leads, and those that reached mql and sql
///     scorecard_4   per group: its deals, won and lost, won revenue, average
///                   won amount, open amount and mean days to win
///     scorecard_5   the columns, the metrics as `MetricRegistry` defines them
extension SQLBuilder {
  func scorecard(keys: [String], credit: AttributionModel?, reads: VerbReads, stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    guard let campaigns = reads.datasets["campaigns"], let leads = reads.datasets["leads"],
      let deals = reads.datasets["deals"]
    else {
      throw SQLCompileError(
        "\(dialect.rawValue) SQL for the scorecard needs campaigns, leads and deals", stage: text)
    }
    for (schema, name, needed) in [
      (campaigns, "campaigns", ["campaign_id", "spend", "clicks", "impressions"]),
      (leads, "leads", ["campaign_id"]),
      (deals, "deals", ["campaign_id", "stage", "amount", "created_at", "closed_at"]),
    ] {
      for c in needed where !schema.names.contains(c) {
        throw SQLCompileError(
          "\(dialect.rawValue) SQL for the scorecard without \(name).\(c) is not written", stage: text)
      }
    }
    let names = keys.isEmpty ? ScorecardVerb.defaultKeys : keys
    var keyTypes: [DataType] = []
    for k in names {
      guard let i = campaigns.names.firstIndex(of: k) else {
        throw SQLCompileError("scorecard by \(k): campaigns has no column \(k)", stage: text)
      }
      keyTypes.append(campaigns.types[i])
    }
    let keySlots = names.indices.map { slot("k\($0)") }
    let keyRead = zip(names, keySlots).map { "\(quote($0)) AS \($1)" }
    let groupBy = keySlots.joined(separator: ", ")
    let own = add(
      "scorecard",
      "SELECT "
        + (keyRead + [
          "SUM(\(double(quote("spend")))) AS \(slot("spend"))", "SUM(\(double(quote("clicks")))) AS \(slot("clicks"))",
          "SUM(\(double(quote("impressions")))) AS \(slot("imp"))",
        ]).joined(separator: ", ") + "\nFROM \(quote("campaigns"))\nGROUP BY \(groupBy)")
    let ids = add(
      "scorecard",
      "SELECT DISTINCT " + (keyRead + ["\(quote("campaign_id")) AS \(slot("cid"))"]).joined(separator: ", ")
        + "\nFROM \(quote("campaigns"))\nWHERE \(quote("campaign_id")) IS NOT NULL")
    let campaignId = campaigns.names.firstIndex(of: "campaign_id").map { campaigns.types[$0] } ?? .int
    func idType(_ schema: TableSchema) -> DataType {
      schema.names.firstIndex(of: "campaign_id").map { schema.types[$0] } ?? .int
    }
    // Rows of `table` with each group whose campaigns hold their campaign_id.
    func joined(_ table: String, _ alias: String, _ id: DataType) -> String {
      let match =
        id == campaignId ? "\(alias).\(quote("campaign_id"))" : "CAST(\(alias).\(quote("campaign_id")) AS \(textType))"
      let other = id == campaignId ? "g.\(slot("cid"))" : "CAST(g.\(slot("cid")) AS \(textType))"
      return "\(quote(table)) \(alias) JOIN \(quote(ids.name)) g ON \(match) = \(other)"
    }
    let groupKeys = keySlots.map { "g.\($0)" }
    let rank = leads.names.contains("stage") ? leadRank("l.\(quote("stage"))") : nil
    func dated(_ s: LeadStage) -> String? { leads.names.contains(s.dateColumn) ? "l.\(quote(s.dateColumn))" : nil }
    let reachedLeads = add(
      "scorecard",
      "SELECT "
        + (groupKeys + [
          "COUNT(*) AS \(slot("n"))",
          "COUNT(CASE WHEN \(leadReached(.mql, rank: rank, day: dated(.mql))) THEN 1 END) AS \(slot("mql"))",
          "COUNT(CASE WHEN \(leadReached(.sql, rank: rank, day: dated(.sql))) THEN 1 END) AS \(slot("sql"))",
        ]).joined(separator: ",\n  ") + "\nFROM \(joined("leads", "l", idType(leads)))\nGROUP BY "
        + groupKeys.joined(separator: ", "))
    let word = stageWord("d.\(quote("stage"))")
    let won = "\(word) = 'closed_won'", lost = "\(word) = 'closed_lost'"
    let open = "(\(word) IS NULL OR \(word) NOT IN ('closed_won', 'closed_lost'))"
    let amount = double("d.\(quote("amount"))")
    let created = try dealDay("created_at", deals, stage: text), closed = try dealDay("closed_at", deals, stage: text)
    let reachedDeals = add(
      "scorecard",
      "SELECT "
        + (groupKeys + [
          "COUNT(*) AS \(slot("n"))", "COUNT(CASE WHEN \(won) THEN 1 END) AS \(slot("won"))",
          "COUNT(CASE WHEN \(lost) THEN 1 END) AS \(slot("lost"))",
          "SUM(CASE WHEN \(won) THEN \(amount) END) AS \(slot("revenue"))",
          "AVG(CASE WHEN \(won) THEN \(amount) END) AS \(slot("average"))",
          "SUM(CASE WHEN \(open) THEN \(amount) END) AS \(slot("pipeline"))",
          "AVG(CASE WHEN \(won) THEN \(double(daysBetween(closed, created))) END) AS \(slot("cycle"))",
        ]).joined(separator: ",\n  ") + "\nFROM \(joined("deals", "d", idType(deals)))\nGROUP BY "
        + groupKeys.joined(separator: ", "))
    let sameGroup = { (alias: String) in
      keySlots.map { "\(self.sameKey("c.\($0)", "\(alias).\($0)"))" }.joined(separator: " AND ")
    }
    // With a model, each won deal's revenue is shared over its touches as
    // `attribute` shares it; a touch counts for the groups of its campaign.
    var creditJoin = ""
    var revenue = "COALESCE(d.\(slot("revenue")), \(double(0.0)))"
    if let credit {
      let wonDeals = add(
        "scorecard_won", "SELECT * FROM \(quote("deals"))\nWHERE \(stageWord(quote("stage"))) = 'closed_won'",
        columns: deals.names, types: deals.types)
      let perCampaign = try attribute(
        wonDeals, model: credit, basis: .closed, keys: ["campaign_id"], reads: reads, stage: text)
      let touchCampaign = perCampaign.types.first ?? .int
      let credited = add(
        "scorecard",
        "SELECT " + (groupKeys + ["SUM(a.\(quote("revenue"))) AS \(slot("revenue"))"]).joined(separator: ", ")
          + "\nFROM \(joined(perCampaign.name, "a", touchCampaign))\nGROUP BY " + groupKeys.joined(separator: ", "))
      creditJoin = "\nLEFT JOIN \(quote(credited.name)) a ON " + sameGroup("a")
      revenue = "COALESCE(a.\(slot("revenue")), \(double(0.0)))"
    }
    func ratio(_ a: String, _ b: String) -> String { "\(double(a)) / NULLIF(\(double(b)), 0)" }
    let leadsCount = "COALESCE(l.\(slot("n")), 0)"
    let outputs =
      zip(keySlots, names).map { "c.\($0) AS \(quote($1))" } + [
        "c.\(slot("spend")) AS \(quote("spend"))", "\(leadsCount) AS \(quote("leads"))",
        "\(ratio("c.\(slot("spend"))", leadsCount)) AS \(quote("cpl"))",
        "\(ratio("l.\(slot("mql"))", "l.\(slot("n"))")) AS \(quote("mql_rate"))",
        "\(ratio("c.\(slot("clicks"))", "c.\(slot("imp"))")) AS \(quote("ctr"))",
        "\(ratio(revenue, "c.\(slot("spend"))")) AS \(quote("roas"))",
        "\(ratio("l.\(slot("sql"))", "l.\(slot("mql"))")) AS \(quote("mql_to_sql_rate"))",
        "COALESCE(d.\(slot("n")), 0) AS \(quote("opportunities"))",
        "\(ratio("d.\(slot("won"))", "d.\(slot("won")) + d.\(slot("lost"))")) AS \(quote("win_rate"))",
        "d.\(slot("average")) AS \(quote("avg_deal_size"))", "d.\(slot("cycle")) AS \(quote("sales_cycle_days"))",
        "COALESCE(d.\(slot("pipeline")), \(double(0.0))) AS \(quote("pipeline_value"))",
        "\(revenue) AS \(quote("revenue"))",
      ]
    let sql =
      "SELECT " + outputs.joined(separator: ",\n  ") + "\nFROM \(quote(own.name)) c\nLEFT JOIN "
      + "\(quote(reachedLeads.name)) l ON \(sameGroup("l"))\nLEFT JOIN \(quote(reachedDeals.name)) d ON "
      + sameGroup("d") + creditJoin + "\nORDER BY "
      + zip(keySlots, keyTypes).map { orderKey("c.\($0)", $1) }.joined(separator: ", ")
    let columns =
      names + [
        "spend", "leads", "cpl", "mql_rate", "ctr", "roas", "mql_to_sql_rate", "opportunities", "win_rate",
        "avg_deal_size", "sales_cycle_days", "pipeline_value", "revenue",
      ]
    let types: [DataType] =
      keyTypes + [.double, .int, .double, .double, .double, .double, .double, .int] + [
        .double, .double, .double, .double, .double,
      ]
    return add("scorecard", sql, columns: columns, types: types)
  }

  /// `a` and `b` equal, or both null.
  func sameKey(_ a: String, _ b: String) -> String {
    dialect == .spark ? "\(a) <=> \(b)" : "\(a) IS NOT DISTINCT FROM \(b)"
  }

  private func dealDay(_ name: String, _ deals: TableSchema, stage text: String) throws(SQLCompileError) -> String {
    guard let i = deals.names.firstIndex(of: name) else { return null("DATE") }
    return try day("d.\(quote(name))", deals.types[i], stage: text, what: "deals.\(name)")
  }
}
