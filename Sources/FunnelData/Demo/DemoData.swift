/// The demo data: campaigns, leads, touches, deals, costs, stage changes and quotas of a software company
/// from 2024-07-01 to 2026-06-30, drawn from a seed.
///
/// The same `(leads, seed)` gives the same tables on every machine: all
/// randomness comes from `DemoRandom` (integer arithmetic, no system
/// generator, no hashing order, no `exp` or `log`). The data is shaped the
/// way a marketing or sales analyst expects: a channel mix with costs and
/// conversion rates that differ by channel, region and company size;
/// seasonality and growth; marketing's lag before revenue (recent leads are
/// less converted as of 2026-06-30); and a few messy values (missing regions,
/// industries, scores and campaigns).
///
/// ```swift
/// let demo = DemoData.generate(leads: 20_000, seed: 42)
/// demo.leads.rowCount     // 20000
/// demo.touches.rowCount   // about 80,000
/// ```
public enum DemoData {
  public static let defaultLeads = 20_000
  public static let defaultSeed: UInt64 = 42
  /// The most leads `.demo` and `--demo-size` make (about 20 GB of tables).
  public static let maxLeads = 50_000_000
  /// Memory for the demo data per lead, at its peak while generating: the
  /// leads' working arrays and tables, about four touches, a tenth of a deal.
  static let bytesPerLead = 450

  /// Separate streams, so changing how one dataset is drawn leaves the others alone.
  private enum Stream: UInt64 {
    case calendar = 1, campaigns, leads, touches, deals, money, dealTerms, costs, anonymousTouches, stageChanges,
      forecast, quotas, firstResponses
  }

  /// The seven datasets for `leads` leads (negative counts as 0); about
  /// max(30, leads / 150) campaigns, 4 touches a lead (anonymous ones
  /// before the form fill among them), a deal for about one lead in ten,
  /// about four stage changes a deal, 168 rows of costs (24 months × 7
  /// categories) and 176 quotas (16 reps × 11 quarters).
  public static func generate(leads: Int = defaultLeads, seed: UInt64 = defaultSeed) -> DemoDatasets {
    // Without a cancellation nothing stops it early.
    let none = Table(rowCount: 0)
    return make(leads: leads, seed: seed, cancellation: nil)
      ?? DemoDatasets(
        campaigns: none, leads: none, touches: none, deals: none, costs: none, stageChanges: none,
        quotas: none)
  }

  /// As `generate(leads:seed:)`, stopping with `Cancelled` soon after
  /// `cancellation` is set (between steps, and every few thousand leads,
  /// touches and deals).
  /// `progress`, when given, counts the generator's steps as they finish.
  public static func generate(
    leads: Int, seed: UInt64, cancellation: Cancellation, progress: ProgressMeter? = nil
  ) throws -> DemoDatasets {
    let demo = make(leads: leads, seed: seed, cancellation: cancellation, progress: progress)
    // A step stopped early leaves short arrays; they are never returned.
    try cancellation.check()
    guard let demo else { throw Cancelled() }
    return demo
  }

  /// About how many bytes generating `leads` leads takes at its peak, to
  /// check against a memory limit before starting.
  public static func estimatedBytes(leads: Int) -> Int {
    let (bytes, overflow) = max(0, leads).multipliedReportingOverflow(by: bytesPerLead)
    return overflow ? Int.max : bytes
  }

  /// The datasets, or nil when `cancellation` was set before they were done.
  private static func make(
    leads: Int, seed: UInt64, cancellation: Cancellation?, progress: ProgressMeter? = nil
  ) -> DemoDatasets? {
    let leadCount = max(0, leads)
    var stopped: Bool { cancellation?.isCancelled ?? false }
    // The steps the progress bar counts; the next one's name is shown while it runs.
    let steps = ["campaigns", "leads", "touches", "deals", "stage history and forecast", "tables"]
    progress?.start("making the demo data: campaigns", total: steps.count, unit: .steps)
    func finished(_ step: Int) {
      progress?.set(done: step)
      if step < steps.count { progress?.relabel("making the demo data: " + steps[step]) }
    }
    var rng = DemoRandom(seed: seed, stream: Stream.calendar.rawValue)
    let calendar = DemoCalendar(rng: &rng)

    rng = DemoRandom(seed: seed, stream: Stream.campaigns.rawValue)
    let plan = DemoCampaignPlan(
      count: max(30, leadCount / 150), calendar: calendar, rng: &rng, cancellation: cancellation)
    if stopped { return nil }
    let active = DemoActiveCampaigns(plan: plan, cancellation: cancellation)
    if stopped { return nil }
    finished(1)

    rng = DemoRandom(seed: seed, stream: Stream.leads.rawValue)
    let leadRows = DemoLeads(
      count: leadCount, calendar: calendar, plan: plan, active: active, rng: &rng, cancellation: cancellation)
    if stopped { return nil }
    finished(2)

    // The touches, and the deals with all that follows from them, draw on
    // streams of their own and only read the leads and the campaigns: they
    // are made at once, one on each core (the default demo is made before
    // the first prompt). The progress bar moves on once both are done, from
    // this thread.
    let made = Parallel.map(2) { part -> DemoPart? in
      part == 0
        ? makeTouches(leadRows, plan: plan, active: active, seed: seed, cancellation: cancellation)
        : makeRest(leadRows, leadCount: leadCount, plan: plan, seed: seed, cancellation: cancellation)
    }
    guard case .touches(let touchTable)? = made[0], case .rest(let rest)? = made[1], !stopped else { return nil }
    for step in 3...steps.count { finished(step) }
    return DemoDatasets(
      campaigns: rest.campaigns, leads: rest.leads, touches: touchTable, deals: rest.deals, costs: rest.costs,
      stageChanges: rest.stageChanges, quotas: rest.quotas)
  }

  /// What each of the two halves of `make` gives.
  private enum DemoPart: Sendable {
    case touches(Table)
    case rest(DemoDatasets)
  }

  /// The touches table; nil when stopped.
  private static func makeTouches(
    _ leadRows: DemoLeads, plan: DemoCampaignPlan, active: DemoActiveCampaigns, seed: UInt64,
    cancellation: Cancellation?
  ) -> DemoPart? {
    var rng = DemoRandom(seed: seed, stream: Stream.touches.rawValue)
    var anonymous = DemoRandom(seed: seed, stream: Stream.anonymousTouches.rawValue)
    var responses = DemoRandom(seed: seed, stream: Stream.firstResponses.rawValue)
    let touches = DemoTouches(
      leads: leadRows, plan: plan, active: active, rng: &rng, anonymous: &anonymous, responses: &responses,
      cancellation: cancellation)
    if cancellation?.isCancelled ?? false { return nil }
    return .touches(touches.table())
  }

  /// Every table but the touches (which is left empty); nil when stopped.
  private static func makeRest(
    _ leadRows: DemoLeads, leadCount: Int, plan: DemoCampaignPlan, seed: UInt64, cancellation: Cancellation?
  ) -> DemoPart? {
    var stopped: Bool { cancellation?.isCancelled ?? false }
    var rng = DemoRandom(seed: seed, stream: Stream.deals.rawValue)
    let deals = DemoDeals(leads: leadRows, rng: &rng, cancellation: cancellation)
    if stopped { return nil }

    rng = DemoRandom(seed: seed, stream: Stream.dealTerms.rawValue)
    let terms = DemoDealTerms(deals: deals, leads: leadRows, rng: &rng)
    rng = DemoRandom(seed: seed, stream: Stream.costs.rawValue)
    let costs = DemoCosts(deals: deals, leadCount: leadCount, rng: &rng)
    rng = DemoRandom(seed: seed, stream: Stream.stageChanges.rawValue)
    let changes = DemoStageChanges(deals: deals, terms: terms, leads: leadRows, rng: &rng)
    if stopped { return nil }
    rng = DemoRandom(seed: seed, stream: Stream.forecast.rawValue)
    let forecast = DemoForecast(deals: deals, leads: leadRows, rng: &rng)
    rng = DemoRandom(seed: seed, stream: Stream.quotas.rawValue)
    let quotas = DemoQuotas(deals: deals, leads: leadRows, rng: &rng)
    if stopped { return nil }

    rng = DemoRandom(seed: seed, stream: Stream.money.rawValue)
    let campaigns = plan.table(leadCounts: leadRows.countsByCampaign(campaigns: plan.count), rng: &rng)
    if stopped { return nil }
    let leadTable = leadRows.table()
    if stopped { return nil }
    return .rest(
      DemoDatasets(
        campaigns: campaigns, leads: leadTable, touches: Table(rowCount: 0),
        deals: deals.table(leads: leadRows, terms: terms, forecast: forecast), costs: costs.table(),
        stageChanges: changes.table(), quotas: quotas.table()))
  }
}
