/// The facts of one group as the formulas of `MetricDefinition.compute` read
/// them: counts and sums as doubles, nil where the call did not ask for them.
struct MetricGroup {
  let facts: MetricFacts
  let group: Int
  /// The stages a call passed (`conversion("mql", "sql")`), in order.
  let stages: [LeadStage]
  /// The gross margin revenue counts at in `roi` (nil: revenue whole).
  var margin: Double? = nil
  /// The quota a call measured against (`quota_attainment(120000)`).
  var quota: Double? = nil

  private func count(_ v: [Int64]) -> Double? { v.isEmpty ? nil : Double(v[group]) }

  var deals: Double? { count(facts.deals) }
  var won: Double? { count(facts.won) }
  var lost: Double? { count(facts.lost) }
  var open: Double? { count(facts.open) }
  /// Won plus lost deals.
  var decided: Double? { won.flatMap { w in lost.map { w + $0 } } }
  /// Amount of the won deals: 0 when there are none.
  var wonRevenue: Double? { facts.wonAmount?.value(group) }
  /// Won revenue credited to the group's campaigns: by an attribution model
  /// when the call names one, else the won revenue of the group's deals.
  var creditedRevenue: Double? { facts.credit.isEmpty ? wonRevenue : facts.credit[group].revenue }
  /// Won deals credited to the group's campaigns (a share of a deal under a model).
  var creditedWon: Double? { facts.credit.isEmpty ? won : facts.credit[group].won }
  /// Won deals that have an amount.
  var wonWithAmount: Double? { facts.wonAmount.map { Double($0.nonNull[group]) } }
  /// Sum of the won deals' amounts a year (amount × 12 ÷ term_months).
  var wonAnnualValue: Double? { facts.wonAnnualValue.isEmpty ? nil : facts.wonAnnualValue[group] }
  /// Won deals with an amount and a term.
  var wonWithTerm: Double? { count(facts.wonWithTerm) }
  /// Amount of the open deals: 0 when there are none.
  var openAmount: Double? { facts.openAmount?.value(group) }
  /// Amount times probability of the open deals: 0 when there are none.
  var openWeighted: Double? { facts.openWeighted.isEmpty ? nil : facts.openWeighted[group] }
  /// Mean days from created to closed over the won deals with both dates.
  var cycleMeanDays: Double? { facts.cycleMeanDays.isEmpty ? nil : facts.cycleMeanDays[group] }
  /// Median of the same.
  var cycleMedianDays: Double? { facts.cycleMedianDays.isEmpty ? nil : facts.cycleMedianDays[group] }
  /// Won deals with both dates (the values of `cycleMeanDays`).
  var cycleCount: Double? { count(facts.cycleCount) }
  /// Sample standard deviations of the won amounts, annual values and cycle days.
  var wonAmountSD: Double? {
    sampleSD(wonWithAmount, wonRevenue, facts.wonAmountSquares.isEmpty ? nil : facts.wonAmountSquares[group])
  }
  var wonAnnualSD: Double? {
    sampleSD(wonWithTerm, wonAnnualValue, facts.wonAnnualSquares.isEmpty ? nil : facts.wonAnnualSquares[group])
  }
  var cycleSD: Double? {
    sampleSD(
      cycleCount, cycleMeanDays.flatMap { m in cycleCount.map { m * $0 } },
      facts.cycleSquares.isEmpty ? nil : facts.cycleSquares[group])
  }
  /// Touches of the won deals' leads up to each deal's close.
  var touchesToClose: Double? { count(facts.touchesToClose) }
  var leads: Double? { count(facts.leads) }
  /// Leads that reached `stage` (nil when the call did not ask for it).
  func reached(_ stage: LeadStage) -> Double? { count(facts.reached[stage.rawValue]) }
  /// A campaign quantity; unknown (nil) for a group that reaches no campaign at all.
  private func campaignSum(_ v: [Double]) -> Double? {
    v.isEmpty || !facts.reachesCampaign[group] ? nil : v[group]
  }
  /// Spend of the group's campaigns, or its share of theirs (`CampaignShares`).
  var spend: Double? { campaignSum(facts.spend) }
  var impressions: Double? { campaignSum(facts.impressions) }
  /// Costs that are not campaign spend, per new customer of the whole data (`costs`).
  var costPerCustomer: Double? { facts.costPerCustomer }
  var clicks: Double? { campaignSum(facts.clicks) }
  /// Leads with a creation touch (`LeadResponse`).
  var responseBase: Double? { facts.response.map { Double($0.based[group]) } }
  /// Of them, answered by sales within an hour, and within 24 hours.
  var answeredWithinHour: Double? { facts.response.map { Double($0.withinHour[group]) } }
  var answeredWithinDay: Double? { facts.response.map { Double($0.withinDay[group]) } }
  /// Median hours to the first sales touch over the answered leads.
  var responseMedianHours: Double? { facts.response?.medianHours[group] }
}

/// a ÷ b, nil when b is zero or either is unknown.
func ratio(_ a: Double?, _ b: Double?) -> Double? {
  guard let a = a, let b = b, b != 0 else { return nil }
  return a / b
}

/// The sample standard deviation of n values from their sum and the sum of
/// their squares; nil under 2 values.
func sampleSD(_ n: Double?, _ sum: Double?, _ squares: Double?) -> Double? {
  guard let n, let sum, let squares, n >= 2 else { return nil }
  return max(0, (squares - sum * sum / n) / (n - 1)).squareRoot()
}
