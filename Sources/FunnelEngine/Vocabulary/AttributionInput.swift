import FunnelData

/// What `attribute` credits, and which touches count for it.
public enum AttributionBasis: Equatable, Sendable {
  /// Each deal's amount (won revenue, for won deals), over its touches on or
  /// before its `closed_at` (today for an open deal).
  case closed
  /// `on pipeline`: each deal's amount over its touches on or before its
  /// `created_at`; the opportunity-creation touch is the last of them.
  case pipeline
  /// The rows are leads: 1 each, over the touches on or before the lead's
  /// `created_at`; the lead-creation touch is the last of them.
  case leads
}

/// The rows `attribute` credits, read once: the touch index of their leads,
/// the days that place each row's touches, and each row's amount.
struct AttributionInput: @unchecked Sendable {
  /// The session's touches; the rest is read from the columns the memo's key names.
  var touches: Table
  let index: TouchIndex
  let days: AttributionDays
  /// Each row's amount (0 where null; 1 for a lead).
  let amount: [Double]

  /// The input for `rows`: the one the session's memo keeps when it was read
  /// from the same columns (see `AttributionMemo`), else read afresh.
  static func read(rows: Table, basis: AttributionBasis, context: MetricContext) throws -> AttributionInput {
    guard let memo = context.attributionMemo, let touches = context.dataset("touches") else {
      return try AttributionInput(rows: rows, basis: basis, context: context)
    }
    let key = AttributionMemo.Key(
      rows: rows, touches: touches, leads: basis == .leads ? nil : context.dataset("leads"), basis: basis,
      today: context.today)
    return try memo.input(for: key, touches: touches) {
      try AttributionInput(rows: rows, basis: basis, context: context)
    }
  }

  /// Reads `rows` (deals, or leads for `.leads`), with the touches and leads
  /// of `context`. The columns are checked by `AttributionVerb.check` first.
  init(rows: Table, basis: AttributionBasis, context: MetricContext) throws {
    guard let touches = context.dataset("touches"), let rowLead = rows.column("lead_id"),
      let touchLead = touches.column("lead_id")
    else { throw MetricProblem.internalError("attribution inputs checked but missing") }
    let what = basis == .leads ? "leads" : "deals"
    guard let link = LeadLink(deals: rowLead, touches: touchLead) else {
      throw MetricProblem(message: "lead_id must be int or text in \(what) and touches")
    }
    func dayColumn(_ name: String) throws -> [Int32]? {
      guard let c = rows.column(name) else { return nil }
      guard let d = c.days() else {
        throw MetricProblem(message: "\(what).\(name) must be a date, not \(c.type.name)")
      }
      return d
    }
    let n = rows.rowCount
    let nullDay = Column.nullDay
    let today = context.today
    let created = try dayColumn("created_at") ?? [Int32](repeating: nullDay, count: n)
    switch basis {
    case .leads:
      days = AttributionDays(end: created.map { $0 == nullDay ? today : $0 }, leadCreated: created, opened: created)
      amount = [Double](repeating: 1, count: n)
    case .closed, .pipeline:
      guard let amountColumn = rows.column("amount"), let money = MoneyColumn(amountColumn) else {
        throw MetricProblem(message: "deals.amount must be a number")
      }
      amount = (0..<n).map { money.isNull($0) ? 0 : money.double($0) }
      let leadCreated = try AttributionInput.leadCreatedDays(rowLead, context: context)
      if basis == .pipeline {
        days = AttributionDays(
          end: created.map { $0 == nullDay ? today : $0 }, leadCreated: leadCreated, opened: created)
      } else {
        guard let closed = try dayColumn("closed_at") else {
          throw MetricProblem.internalError("deals.closed_at checked but missing")
        }
        days = AttributionDays(
          end: closed.map { $0 == nullDay ? today : $0 }, leadCreated: leadCreated, opened: created)
      }
    }
    try Interruption.check()
    self.touches = touches
    index = try TouchIndex(touches: touches, link: link)
  }

  /// The `created_at` day of each deal's lead, from the session's leads
  /// (`Column.nullDay` when there are no leads, or the lead is not among them).
  /// The deals' leads are indexed (a deal or so a lead, not every lead) and
  /// the leads' ids read once; int ids as stored, 32 bits wide where they
  /// fit: widening and indexing every lead cost 190 ms a call at 10M leads.
  private static func leadCreatedDays(_ dealLead: Column, context: MetricContext) throws -> [Int32] {
    let none = [Int32](repeating: Column.nullDay, count: dealLead.count)
    guard let leads = context.dataset("leads"), let id = leads.column("lead_id"),
      let created = leads.column("created_at")?.days()
    else { return none }
    if dealLead.type == .int, id.type == .int, let dealIds = dealLead.ids() {
      if let narrow = id.narrowInts {
        return firstDays(dealIds, leadIds: narrow, isNull: id.isNull, created: created)
      }
      if case .int(let wide) = id.data {
        return firstDays(dealIds, leadIds: wide, isNull: id.isNull, created: created)
      }
    }
    // Text ids (or text on one side): numbered in one space, `nullKey` for null.
    guard let (dealIds, leadIds) = Column.linkKeys(dealLead, id) else { return none }
    return firstDays(dealIds, leadIds: leadIds, isNull: { _ in false }, created: created)
  }

  /// Each deal's lead's day: the day of the first lead row with its id, as a
  /// join would find it first.
  private static func firstDays<T: FixedWidthInteger>(
    _ dealIds: [Int64], leadIds: [T], isNull: (Int) -> Bool, created: [Int32]
  ) -> [Int32] {
    let slots = IdIndex(dealIds, denseSpan: 2 * leadIds.count)
    var dayOfSlot = [Int32](repeating: Column.nullDay, count: slots.count)
    var seen = [Bool](repeating: false, count: slots.count)
    for r in 0..<leadIds.count where !isNull(r) {
      let s = Int(slots.slot(Int64(leadIds[r])))
      if s >= 0 && !seen[s] { (seen[s], dayOfSlot[s]) = (true, created[r]) }
    }
    return dealIds.map { lead in
      let s = slots.slot(lead)
      return s < 0 ? Column.nullDay : dayOfSlot[Int(s)]
    }
  }
}
