import FunnelData

/// Speed to lead: for each lead, the time from the touch that created it to the
/// first sales touch after that, per group as a median in hours and as counts
/// answered within an hour and within a day.
///
/// The creation touch is the lead's last touch that is not a sales touch on or
/// before its `created_at` day (the form fill or ad click that made the lead; a
/// lead's `created_at` is a day, the touch carries its time). The first sales
/// touch is the lead's earliest touch of a sales kind (`salesKinds`) at or after
/// that time. A lead without a creation touch is left out; a lead with one but
/// no sales touch after it counts in the shares' denominator as not answered.
///
///     lead 7 created 2026-03-02; touches: 2026-03-02 09:40 content_download,
///     2026-03-02 10:10 sales_call        → 0.5 hours, within 1h and 24h
package struct LeadResponse {
  /// The kinds of touch made by the sales team (a CRM's logged call, email or meeting).
  package static let salesKinds: Set<String> = ["sales_call", "sales_email", "demo"]
  /// As SQL: `('sales_call', 'sales_email', 'demo')`.
  package static var salesKindsSQL: String {
    "(" + salesKinds.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")"
  }
  /// Microseconds in an hour.
  static let microsPerHour = Int64(3_600_000_000)

  /// Leads of the group that have a creation touch.
  var based: [Int64]
  /// Of them, answered within one hour (at most 60 minutes after) and within 24 hours.
  var withinHour: [Int64]
  var withinDay: [Int64]
  /// Median hours to the first sales touch over the group's answered leads; nil when none.
  var medianHours: [Double?]

  /// `reach` holds the leads (their `lead_id` and `created_at`), `touches` the session's touches.
  init(_ reach: MetricSources.Reach, touches: Table, groupCount: Int) throws {
    let leads = reach.table
    guard let leadIds = leads.column("lead_id"), let created = leads.column("created_at"),
      let touchLeads = touches.column("lead_id"), let when = touches.column("touched_at"),
      let kind = touches.column("kind")
    else { throw MetricProblem.internalError("speed to lead checked but its columns are not there") }
    guard let days = created.days() else {
      throw MetricProblem(message: "leads.created_at must be a date, not \(created.type.name)")
    }
    guard let (leadKeys, touchKeys) = Column.linkKeys(leadIds, touchLeads) else {
      throw MetricProblem(
        message: "lead_id must be int or text on both sides, not \(leadIds.type.name) and \(touchLeads.type.name)")
    }
    let times = try LeadResponse.micros(when)
    guard case .string(let codes, let dictionary) = kind.data else {
      throw MetricProblem(message: "touches.kind must be text, not \(kind.type.name)")
    }
    // Per dictionary code: 1 a sales kind, 0 another kind.
    let isSales = dictionary.values.map { LeadResponse.salesKinds.contains($0) }
    let index = IdIndex(leadKeys)
    var day = [Int32](repeating: Column.nullDay, count: index.count)
    for r in 0..<leadKeys.count {
      let s = index.slot(leadKeys[r])
      if s >= 0, day[Int(s)] == Column.nullDay { day[Int(s)] = days[r] }
    }
    let none = Int64.min
    // Pass 1: the creation touch of each lead; pass 2: its first sales touch after it.
    var creation = [Int64](repeating: none, count: index.count)
    var slots = [Int32](repeating: -1, count: touchKeys.count)
    for t in 0..<touchKeys.count {
      let s = index.slot(touchKeys[t])
      guard s >= 0, times[t] != none, !kind.isNull(t) else { continue }
      slots[t] = s
      let i = Int(s)
      if !isSales[Int(codes[t])], day[i] != Column.nullDay, Timestamps.day(of: times[t]) <= day[i],
        times[t] > creation[i]
      {
        creation[i] = times[t]
      }
    }
    var first = [Int64](repeating: none, count: index.count)
    for t in 0..<touchKeys.count where slots[t] >= 0 && isSales[Int(codes[t])] {
      let i = Int(slots[t])
      if creation[i] != none, times[t] >= creation[i], first[i] == none || times[t] < first[i] {
        first[i] = times[t]
      }
    }
    var based = [Int64](repeating: 0, count: groupCount)
    var withinHour = based
    var withinDay = based
    var micros = [Int64](repeating: none, count: leadKeys.count)
    for r in 0..<leadKeys.count {
      let s = index.slot(leadKeys[r])
      guard s >= 0, creation[Int(s)] != none else { continue }
      micros[r] = first[Int(s)] == none ? -1 : first[Int(s)] - creation[Int(s)]
    }
    var hours: [[Int64]] = Array(repeating: [], count: groupCount)
    reach.membership.forEach { r, g in
      let m = micros[r]
      guard m != none else { return }
      based[g] += 1
      guard m >= 0 else { return }
      if m <= LeadResponse.microsPerHour { withinHour[g] += 1 }
      if m <= 24 * LeadResponse.microsPerHour { withinDay[g] += 1 }
      hours[g].append(m)
    }
    (self.based, self.withinHour, self.withinDay) = (based, withinHour, withinDay)
    medianHours = hours.map { LeadResponse.median($0).map { $0 / Double(LeadResponse.microsPerHour) } }
  }

  /// The median of `values` (the mean of the two middle ones for an even count); nil when empty.
  private static func median(_ values: [Int64]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    if sorted.count % 2 == 1 { return Double(sorted[mid]) }
    return (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
  }

  /// Microseconds since the epoch of a timestamp or date column; `Int64.min` where null.
  private static func micros(_ column: Column) throws -> [Int64] {
    switch column.data {
    case .timestamp(let v): return column.masked(v, as: Int64.min)
    case .date:
      guard let d = column.days() else { break }
      return d.map { $0 == Column.nullDay ? Int64.min : Int64($0) * Timestamps.microsPerDay }
    default: break
    }
    throw MetricProblem(message: "touches.touched_at must be a timestamp or a date, not \(column.type.name)")
  }
}
