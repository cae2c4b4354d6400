import FunnelData
import FunnelEngine

/// The per-group facts of a metric as SQL over the joined fact CTEs (see
/// `MetricFactsSQL`): counts are 0 and sums of money 0 for a group that
/// reaches none; a mean or median is null over nothing; spend is null for a
/// group that reaches no campaign. Each is a column of `MetricGroup`.
struct MetricFactColumns {
  var deals: String? = nil
  var won: String? = nil
  var lost: String? = nil
  var open: String? = nil
  var wonRevenue: String? = nil
  var wonWithAmount: String? = nil
  var openAmount: String? = nil
  var openWeighted: String? = nil
  var annualValue: String? = nil
  var withTerm: String? = nil
  var cycleMean: String? = nil
  var cycleMedian: String? = nil
  /// Won deals with both dates, and the sample standard deviations of the won
  /// amounts, annual values and cycle days (null under 2 values).
  var cycleCount: String? = nil
  var wonAmountSD: String? = nil
  var annualSD: String? = nil
  var cycleSD: String? = nil
  var touchesToClose: String? = nil
  var leads: String? = nil
  var reached: [LeadStage: String] = [:]
  var spend: String? = nil
  var impressions: String? = nil
  var clicks: String? = nil
  /// Won revenue and won deals credited by a model; nil: the group's own won deals.
  var creditedRevenue: String? = nil
  var creditedWon: String? = nil
  var costPerCustomer: String? = nil
  /// Speed to lead: leads with a creation touch, answered within 1 and 24 hours, median hours.
  var responseBase: String? = nil
  var withinHour: String? = nil
  var withinDay: String? = nil
  var responseHours: String? = nil
}

/// Each built-in metric's formula (`MetricDefinition.compute`) over its
/// facts as SQL; a division by zero is null, as `ratio` gives it.
enum MetricFormulaSQL {
  /// The value of metric `name` per group, or nil when a fact it reads is missing.
  static func value(
    _ name: String, facts f: MetricFactColumns, stages: [LeadStage], margin: Double?, quota: Double? = nil,
    _ b: SQLBuilder
  ) -> String? {
    func ratio(_ a: String?, _ c: String?) -> String? {
      guard let a, let c else { return nil }
      return "(\(b.double(a)) / NULLIF(\(b.double(c)), 0))"
    }
    let decided = f.won.flatMap { w in f.lost.map { "(\(w) + \($0))" } }
    let revenue = f.creditedRevenue ?? f.wonRevenue
    let customers = f.creditedWon ?? f.won
    switch name {
    case "win_rate": return ratio(f.won, decided)
    case "avg_deal_size": return ratio(f.wonRevenue, f.wonWithAmount)
    case "acv": return ratio(f.annualValue, f.withTerm)
    case "sales_cycle_days": return f.cycleMean
    case "median_sales_cycle_days": return f.cycleMedian
    case "pipeline_value": return f.openAmount
    case "weighted_pipeline": return f.openWeighted
    case "quota_attainment":
      guard let quota else { return nil }
      return ratio(f.wonRevenue, b.double(quota))
    case "pipeline_coverage":
      guard let quota, let won = f.wonRevenue, let open = f.openAmount else { return nil }
      let q = b.double(quota)
      return "CASE WHEN \(q) > \(won) THEN \(b.double(open)) / (\(q) - \(won)) END"
    case "pipeline_velocity":
      guard let open = f.open, let winRate = ratio(f.won, decided), let size = ratio(f.wonRevenue, f.wonWithAmount)
      else { return nil }
      return ratio("\(b.double(open)) * \(winRate) * \(size)", f.cycleMean)
    case "avg_touches_to_close": return ratio(f.touchesToClose, f.won)
    case "speed_to_lead_hours": return f.responseHours
    case "speed_to_lead_1h_share": return ratio(f.withinHour, f.responseBase)
    case "speed_to_lead_24h_share": return ratio(f.withinDay, f.responseBase)
    case "conversion":
      guard stages.count == 2 else { return nil }
      return ratio(f.reached[stages[1]], f.reached[stages[0]])
    case "mql_rate": return ratio(f.reached[.mql], f.leads)
    case "mql_to_sql_rate", "sql_acceptance_rate": return ratio(f.reached[.sql], f.reached[.mql])
    case "spend": return f.spend
    case "cpl": return ratio(f.spend, f.leads)
    case "cac":
      guard let m = ratio(f.spend, customers), let c = f.costPerCustomer else { return nil }
      return "(\(m) + \(c))"
    case "marketing_cac": return ratio(f.spend, customers)
    case "cac_payback_months":
      guard let m = ratio(f.spend, customers), let c = f.costPerCustomer, let monthly = ratio(f.annualValue, f.withTerm)
      else { return nil }
      return ratio("(\(m) + \(c))", "\(monthly) / \(b.double(12.0)) * \(b.double(margin ?? 1.0))")
    case "roi":
      guard let revenue, let spend = f.spend else { return nil }
      let gross = margin.map { "\(b.double(revenue)) * \(b.double($0))" } ?? b.double(revenue)
      return ratio("\(gross) - \(spend)", spend)
    case "roas": return ratio(revenue, f.spend)
    case "ctr": return ratio(f.clicks, f.impressions)
    case "cost_per_opportunity": return ratio(f.spend, f.deals)
    default: return nil
    }
  }

  /// A part of the sample of metric `name` per group (`MetricSample`), or nil.
  static func part(_ part: MetricPart, of name: String, facts f: MetricFactColumns, stages: [LeadStage]) -> String? {
    let decided = f.won.flatMap { w in f.lost.map { "(\(w) + \($0))" } }
    let reachedB = stages.count == 2 ? f.reached[stages[1]] : nil
    let reachedA = stages.count == 2 ? f.reached[stages[0]] : nil
    switch (MetricRegistry.named(name)?.name ?? name, part) {
    case ("win_rate", .successes): return f.won
    case ("win_rate", .trials): return decided
    case ("conversion", .successes): return reachedB
    case ("conversion", .trials): return reachedA
    case ("mql_rate", .successes): return f.reached[.mql]
    case ("mql_rate", .trials): return f.leads
    case ("mql_to_sql_rate", .successes): return f.reached[.sql]
    case ("mql_to_sql_rate", .trials): return f.reached[.mql]
    case ("ctr", .successes): return f.clicks
    case ("ctr", .trials): return f.impressions
    case ("speed_to_lead_1h_share", .successes): return f.withinHour
    case ("speed_to_lead_24h_share", .successes): return f.withinDay
    case ("speed_to_lead_1h_share", .trials), ("speed_to_lead_24h_share", .trials): return f.responseBase
    case ("avg_deal_size", .count): return f.wonWithAmount
    case ("avg_deal_size", .sd): return f.wonAmountSD
    case ("acv", .count): return f.withTerm
    case ("acv", .sd): return f.annualSD
    case ("sales_cycle_days", .count): return f.cycleCount
    case ("sales_cycle_days", .sd): return f.cycleSD
    default: return nil
    }
  }
}
