import FunnelData
import FunnelEngine

/// `deals | attribute <model> [on pipeline] [by keys]`, `leads | attribute ...`
/// and `attribute compare` as SQL, by `AttributionVerb`'s and
/// `AttributionModel`'s rules. Each CTE reads only the one before it (Spark
/// inlines a CTE at each reference, and the row numbers must be read once):
///
///     attribute     each row (deal or lead): a number, its lead, its amount,
///                   the end of its window and the days of its positions
///     attribute_2   its touches on or before the end, in order (k of n), with
///                   the keys; a row with no touch keeps one row with n = 0
///     attribute_3   where the positions fall among them, each touch's age
///     attribute_4   each touch's weight under each model
///     attribute_5   the credits per key group, the no-touch rows as one group
extension SQLBuilder {
  func attribute(
    _ input: SQLRelation, model: AttributionModel, basis: AttributionBasis, keys: [String], reads: VerbReads,
    stage text: String
  ) throws(SQLCompileError) -> SQLRelation {
    guard let touches = reads.datasets["touches"], let touchLead = type(of: "lead_id", in: touches),
      let touchedAt = type(of: "touched_at", in: touches), let rowLead = column("lead_id", in: input)
    else {
      throw SQLCompileError("internal error: attribution inputs checked but missing (this is a bug)", stage: text)
    }
    let sources = try keySources(keys, reads: reads, stage: text)
    let models = model == .compare ? AttributionModel.compared : [model]
    let rows = try attributionRows(input, basis: basis, reads: reads, stage: text)

    // Touches: those of the row's lead on or before the end of its window.
    let touchDay = try day("t.\(quote("touched_at"))", touchedAt, stage: text, what: "touches.touched_at")
    var touchOrder = "t.\(quote("touched_at"))"
    if type(of: "touch_id", in: touches) == .int { touchOrder += ", t.\(quote("touch_id")) ASC NULLS FIRST" }
    var select = ["r.*", "\(touchDay) AS \(slot("day"))"]
    for (i, key) in sources.enumerated() {
      select.append("\(key.fromCampaigns ? "c" : "t").\(quote(key.name)) AS \(slot("k\(i)"))")
    }
    select += [
      "ROW_NUMBER() OVER (PARTITION BY r.\(slot("id")) ORDER BY \(touchOrder)) AS \(slot("k"))",
      "COUNT(t.\(quote("touched_at"))) OVER (PARTITION BY r.\(slot("id"))) AS \(slot("n"))",
    ]
    var from =
      "\(quote(rows.name)) r\nLEFT JOIN \(quote("touches")) t ON "
      + idMatch("t.\(quote("lead_id"))", touchLead, "r.\(slot("lead"))", rowLead.type)
      + " AND \(touchDay) <= r.\(slot("end"))"
    if sources.contains(where: \.fromCampaigns) {
      guard let campaigns = reads.datasets["campaigns"], let campaignId = type(of: "campaign_id", in: campaigns),
        let touchCampaign = type(of: "campaign_id", in: touches)
      else { throw SQLCompileError("internal error: campaigns checked but missing (this is a bug)", stage: text) }
      // A campaign_id's first row only, so that a repeated id credits once.
      let id = quote("campaign_id")
      from +=
        "\nLEFT JOIN (SELECT *, ROW_NUMBER() OVER (PARTITION BY \(id) ORDER BY \(id)) AS \(slot("cn")) "
        + "FROM \(quote("campaigns"))) c ON " + idMatch("c.\(id)", campaignId, "t.\(id)", touchCampaign)
        + " AND c.\(slot("cn")) = 1"
    }
    let touched = add("attribute", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + from)

    // Positions: the last touch on or before the lead's and the deal's creation, else the first.
    let age = daysBetween(slot("end"), slot("day"))
    let window = "OVER (PARTITION BY \(slot("id")))"
    let placed = add(
      "attribute",
      """
      SELECT *,
        COALESCE(MAX(CASE WHEN \(slot("day")) <= \(slot("lead_day")) THEN \(slot("k")) END) \(window), 1) AS \(slot("lc")),
        COALESCE(MAX(CASE WHEN \(slot("day")) <= \(slot("open_day")) THEN \(slot("k")) END) \(window), 1) AS \(slot("oc")),
        \(age) AS \(slot("age")),
        MIN(\(age)) \(window) AS \(slot("young"))
      FROM \(quote(touched.name))
      """)

    // Weights; the keys of a row with no touch are `(no touch)` (null when not text).
    let none = "\(slot("n")) = 0"
    var weighed = ["\(slot("id"))", "\(slot("amount"))", "CASE WHEN \(none) THEN 1 ELSE 0 END AS \(slot("none"))"]
    for (i, key) in sources.enumerated() {
      let noTouch = key.type == .string ? "'\(AttributionVerb.noTouch)'" : "NULL"
      weighed.append("CASE WHEN \(none) THEN \(noTouch) ELSE \(slot("k\(i)")) END AS \(slot("k\(i)"))")
    }
    for (m, model) in models.enumerated() {
      weighed.append("CASE WHEN \(none) THEN \(double(0.0)) ELSE \(weight(model)) END AS \(slot("w\(m)"))")
    }
    let weights = add(
      "attribute", "SELECT " + weighed.joined(separator: ",\n  ") + "\nFROM " + quote(placed.name))

    // Credits: a row with no touch counts whole in the no-touch group.
    let keySlots = sources.indices.map { slot("k\($0)") }
    let amountName = AttributionVerb.amountName(basis)
    func share(_ m: Int) -> String {
      "SUM(CASE WHEN \(slot("none")) = 1 THEN \(double(1.0)) ELSE \(slot("w\(m)")) END)"
    }
    func money(_ m: Int) -> String {
      "SUM(CASE WHEN \(slot("none")) = 1 THEN \(slot("amount")) ELSE \(slot("w\(m)")) * \(slot("amount")) END)"
    }
    var outputs = zip(keySlots, sources).map { "\($0) AS \(quote($1.name))" }
    var names = sources.map(\.name)
    let order: [String]
    var having = ""
    if model == .compare {
      for (m, model) in models.enumerated() {
        outputs.append("\(amountName == nil ? share(m) : money(m)) AS \(quote(model.name))")
        names.append(model.name)
      }
      order = [slot("none")]
    } else {
      outputs.append("\(share(0)) AS \(quote(amountName == nil ? "leads" : "deals"))")
      names.append(amountName == nil ? "leads" : "deals")
      if let amountName {
        outputs.append("\(money(0)) AS \(quote(amountName))")
        names.append(amountName)
      }
      // A touched group the model gives nothing (first_touch, last_touch) has no row.
      having = "\nHAVING \(share(0)) > 0"
      order = ["\(amountName == nil ? share(0) : money(0)) DESC", slot("none")]
    }
    let keyOrder = zip(keySlots, sources).map { orderKey($0, $1.type) }
    let sql =
      "SELECT " + outputs.joined(separator: ",\n  ") + "\nFROM " + quote(weights.name) + "\nGROUP BY "
      + ([slot("none")] + keySlots).joined(separator: ", ") + having + "\nORDER BY "
      + (order + keyOrder).joined(separator: ", ")
    let types = sources.map(\.type) + names.dropFirst(sources.count).map { _ in DataType.double }
    return add("attribute", sql, columns: names, types: types)
  }

  /// One key of `attribute`: read from the touched campaign or the touch.
  struct AttributionKey {
    var name: String
    var fromCampaigns: Bool
    var type: DataType
  }

  /// The keys in effect (the campaign's id and name when none) and where each
  /// is read from, as `AttributionVerb.sources` chooses them.
  private func keySources(_ keys: [String], reads: VerbReads, stage text: String) throws(SQLCompileError)
    -> [AttributionKey]
  {
    let touches = reads.datasets["touches"]?.names ?? []
    let campaigns = reads.datasets["campaigns"]?.names ?? []
    let canJoin = touches.contains("campaign_id") && campaigns.contains("campaign_id")
    var effective = keys
    if effective.isEmpty {
      effective = canJoin && campaigns.contains("name") ? ["campaign_id", "name"] : ["campaign_id"]
    }
    var out: [AttributionKey] = []
    for key in effective {
      let fromCampaigns = !(key == "campaign_id" && touches.contains(key)) && canJoin && campaigns.contains(key)
      let table = reads.datasets[fromCampaigns ? "campaigns" : "touches"]
      guard let table, let t = type(of: key, in: table) else {
        throw SQLCompileError("attribute by \(key): no such column in campaigns or touches", stage: text)
      }
      out.append(AttributionKey(name: key, fromCampaigns: fromCampaigns, type: t))
    }
    return out
  }

  /// The rows credited, one CTE: `_id` (a number per row), `_lead`, `_amount`
  /// (0 where null, 1 for a lead), `_end` (the last day a touch counts: the
  /// close, the deal's creation on pipeline, the lead's creation; today where
  /// null), `_lead_day` and `_open_day` (the days that place lead creation and
  /// opportunity creation; null where unknown).
  private func attributionRows(_ input: SQLRelation, basis: AttributionBasis, reads: VerbReads, stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    func dayOf(_ name: String) throws(SQLCompileError) -> String? {
      guard let c = column(name, in: input) else { return nil }
      return try day("i.\(c.sql)", c.type, stage: text, what: name)
    }
    let today = literal(.date(reads.today), .date)
    let created = try dayOf("created_at")
    // Row numbers in the order of every column: rows that tie are the same row.
    let all = zip(input.columns, input.types).map { orderKey("i.\(quote($0))", $1) }.joined(separator: ", ")
    var select = ["ROW_NUMBER() OVER (ORDER BY \(all)) AS \(slot("id"))", "i.\(quote("lead_id")) AS \(slot("lead"))"]
    var from = "\(quote(input.name)) i"
    switch basis {
    case .leads:
      select += [
        "\(double(1.0)) AS \(slot("amount"))", "COALESCE(\(created ?? "NULL"), \(today)) AS \(slot("end"))",
        "\(created ?? null("DATE")) AS \(slot("lead_day"))", "\(created ?? null("DATE")) AS \(slot("open_day"))",
      ]
    case .closed, .pipeline:
      guard let amount = column("amount", in: input), amount.type.isNumeric else {
        throw SQLCompileError("deals.amount must be a number", stage: text)
      }
      let end = basis == .pipeline ? created : try dayOf("closed_at")
      select += [
        "COALESCE(\(double("i.\(amount.sql)")), \(double(0.0))) AS \(slot("amount"))",
        "COALESCE(\(end ?? "NULL"), \(today)) AS \(slot("end"))",
      ]
      // The lead's created_at, from the session's leads (the earliest when an id repeats).
      if let leads = reads.datasets["leads"], let leadId = type(of: "lead_id", in: leads),
        let leadCreated = type(of: "created_at", in: leads), leadCreated == .date || leadCreated == .timestamp
      {
        let day = try day("l0.\(quote("created_at"))", leadCreated, stage: text, what: "leads.created_at")
        from +=
          "\nLEFT JOIN (SELECT l0.\(quote("lead_id")) AS \(slot("lead")), MIN(\(day)) AS \(slot("day")) "
          + "FROM \(quote("leads")) l0 GROUP BY l0.\(quote("lead_id"))) l ON "
          + idMatch("l.\(slot("lead"))", leadId, "i.\(quote("lead_id"))", column("lead_id", in: input)?.type ?? .int)
        select.append("l.\(slot("day")) AS \(slot("lead_day"))")
      } else {
        select.append("\(null("DATE")) AS \(slot("lead_day"))")
      }
      select.append("\(created ?? null("DATE")) AS \(slot("open_day"))")
    }
    return add("attribute", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + from)
  }

  /// `a = b` for two ids, an int matched to a text by its decimal text.
  func idMatch(_ a: String, _ aType: DataType, _ b: String, _ bType: DataType) -> String {
    if aType == bType { return "\(a) = \(b)" }
    func text(_ x: String, _ t: DataType) -> String { t == .string ? x : "CAST(\(x) AS \(textType))" }
    return "\(text(a, aType)) = \(text(b, bType))"
  }

  private func type(of name: String, in schema: TableSchema) -> DataType? {
    schema.names.firstIndex(of: name).map { schema.types[$0] }
  }

  /// The weight of touch `_k` of `_n` under `model` (the weights of a row sum
  /// to 1), from the positions `_lc`, `_oc` and the ages `_age`, `_young`.
  private func weight(_ model: AttributionModel) -> String {
    let k = slot("k"), n = slot("n")
    let one = double(1.0), zero = double(0.0)
    let count = "NULLIF(\(n), 0)"
    switch model {
    case .firstTouch: return "CASE WHEN \(k) = 1 THEN \(one) ELSE \(zero) END"
    case .lastTouch: return "CASE WHEN \(k) = \(n) THEN \(one) ELSE \(zero) END"
    case .linear, .compare: return "\(one) / \(count)"
    case .timeDecay(let halfLife):
      // Measured from the row's youngest touch: the scaling cancels the shift.
      let decay = "POWER(\(double(2.0)), \(double("\(slot("young")) - \(slot("age"))")) / \(double(halfLife)))"
      return "\(decay) / SUM(\(decay)) OVER (PARTITION BY \(slot("id")))"
    case .positional(let shape, let shares):
      let at = shape.positions.map { p -> String in
        switch p {
        case .first: return "1"
        case .leadCreation: return slot("lc")
        case .opportunity: return slot("oc")
        case .last: return n
        }
      }
      let parts = shares.map { $0 / 100 }
      let held = parts.reduce(0, +)
      let own =
        "("
        + zip(at, parts).map { "CASE WHEN \(k) = \($0) THEN \(double($1)) ELSE \(zero) END" }
        .joined(separator: " + ") + ")"
      let isPosition = "\(k) IN (\(at.joined(separator: ", ")))"
      // The touches at no position: n less the distinct places the positions take.
      let distinct = at.indices.map { i in
        i == 0 ? "1" : "CASE WHEN \(at[i]) IN (\(at[..<i].joined(separator: ", "))) THEN 0 ELSE 1 END"
      }
      let free = "(\(n) - (\(distinct.joined(separator: " + "))))"
      let allHeld = held > 0 ? "\(own) / \(double(held))" : "\(one) / \(count)"
      let rest = "\(double(Swift.max(0, 1 - held))) / NULLIF(\(free), 0)"
      return "CASE WHEN \(isPosition) THEN (CASE WHEN \(free) > 0 THEN \(own) ELSE \(allHeld) END) ELSE \(rest) END"
    }
  }
}
