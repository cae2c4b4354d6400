import FunnelData
import FunnelEngine

/// Speed to lead as SQL (`LeadResponse` in the engine): each lead's creation
/// touch, its first sales touch at or after it, and per group the leads with a
/// creation touch, those answered within 1 and 24 hours, and the median hours.
///
///     metric_created   each lead of a group with its creation touch's time
///     metric_answered  the hours to its first sales touch (null: none)
///     metric           the counts and the median per group
extension MetricFactsSQL {
  mutating func addResponse(_ f: inout MetricFactColumns, _ c: MetricSQLContext) throws(SQLCompileError) {
    let (from, schema) = try reach(.leads, c)
    guard let leadType = schema["lead_id"], let createdType = schema["created_at"],
      let touchLead = c.type("lead_id", in: .touches), let touchedType = c.type("touched_at", in: .touches)
    else { throw SQLCompileError("internal error: touches checked but not reachable (this is a bug)", stage: nil) }
    let at = "t.\(b.quote("touched_at"))", kind = "t.\(b.quote("kind"))"
    let touchDay = try b.day(at, touchedType, stage: "", what: "touches.touched_at")
    let createdDay = try b.day("r.\(b.quote("created_at"))", createdType, stage: "", what: "leads.created_at")
    let keys = self.keys.map { "r.\($0)" }
    let lid = b.slot("lid"), created = b.slot("created"), hours = b.slot("hours")
    let sales = LeadResponse.salesKindsSQL
    let touches = b.quote("touches")
    let match = b.idMatch("t.\(b.quote("lead_id"))", touchLead, "r.\(b.quote("lead_id"))", leadType)
    let creation = b.add(
      "metric_created",
      "SELECT "
        + (self.keys.map { "r.\($0) AS \($0)" } + ["r.\(b.quote("lead_id")) AS \(lid)", "MAX(\(at)) AS \(created)"])
        .joined(separator: ", ")
        + "\nFROM \(from)\nLEFT JOIN \(touches) t ON \(match) AND \(kind) NOT IN \(sales) AND \(touchDay) <= \(createdDay)"
        + "\nGROUP BY " + (keys + ["r.\(b.quote("lead_id"))", "r.\(b.quote("created_at"))"]).joined(separator: ", "))
    let answerMatch = b.idMatch("t.\(b.quote("lead_id"))", touchLead, "r.\(lid)", leadType)
    let gap = "(\(micros(at, touchedType)) - \(micros("r.\(created)", touchedType))) / 3600000000.0"
    let answered = b.add(
      "metric_answered",
      "SELECT " + (self.keys.map { "r.\($0) AS \($0)" } + ["MIN(\(gap)) AS \(hours)"]).joined(separator: ", ")
        + "\nFROM \(b.quote(creation.name)) r\nLEFT JOIN \(touches) t ON \(answerMatch) AND \(kind) IN \(sales)"
        + " AND \(at) >= r.\(created)\nWHERE r.\(created) IS NOT NULL"
        + "\nGROUP BY " + (keys + ["r.\(lid)", "r.\(created)"]).joined(separator: ", "))
    let h = "r.\(hours)"
    let alias = fact(
      "metric",
      select: [
        "COUNT(*) AS \(b.slot("based"))",
        "COUNT(CASE WHEN \(h) <= 1 THEN 1 END) AS \(b.slot("within_hour"))",
        "COUNT(CASE WHEN \(h) <= 24 THEN 1 END) AS \(b.slot("within_day"))",
        "\(b.median(h)) AS \(b.slot("median_hours"))",
      ],
      from: "\(b.quote(answered.name)) r")
    f.responseBase = "COALESCE(\(alias).\(b.slot("based")), 0)"
    f.withinHour = "COALESCE(\(alias).\(b.slot("within_hour")), 0)"
    f.withinDay = "COALESCE(\(alias).\(b.slot("within_day")), 0)"
    f.responseHours = "\(alias).\(b.slot("median_hours"))"
  }

  /// Microseconds since the epoch of a timestamp (or a date's midnight), exact in each dialect.
  private func micros(_ sql: String, _ type: DataType) -> String {
    let ts = type == .timestamp ? sql : "CAST(\(sql) AS TIMESTAMP)"
    switch b.dialect {
    case .duckdb: return "epoch_us(\(ts))"
    case .postgres: return "(EXTRACT(EPOCH FROM \(ts)) * 1000000)"
    case .spark: return "unix_micros(\(ts))"
    }
  }
}
