extension Glossary {
  /// The open deals and what sales expects of them: pipeline, forecast and quota.
  static let pipelineTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "pipeline", aliases: ["sales pipeline", "open pipeline"], side: .sales,
      oneLine: "All the deals still open, arranged by stage: sales' picture of the near future.",
      definition:
        "It shows what could close this month and next. A deal is open while its stage is neither closed_won nor closed_lost.",
      inFunnel:
        "deals | where stage not in [\"closed_won\", \"closed_lost\"] | agg deals = count(), value = sum(amount) by stage",
      source: "common usage",
      related: ["opportunity", "pipeline value", "pipeline velocity", "deal stage", "weighted pipeline"]),
    GlossaryTerm(
      "pipeline value", aliases: ["open pipeline value"], side: .sales,
      oneLine: "The total amount of all open deals: what could be won, not what will be.",
      definition:
        "Weight each deal by its chance of closing (weighted pipeline) for a rough expectation. In the data it is the sum of amount over the deals whose stage is neither closed_won nor closed_lost.",
      inFunnel: "deals | agg pipeline_value() by owner",
      source: "common usage; Funnel's pipeline_value()",
      related: ["pipeline", "weighted pipeline", "win rate", "pipeline velocity"]),
    GlossaryTerm(
      "weighted pipeline", aliases: ["weighted pipeline value", "expected revenue"], side: .sales,
      oneLine: "The open deals' amounts, each multiplied by its chance of closing, added up.",
      definition:
        "A 100,000 deal at 20% counts 20,000. It is a steadier guess at what the pipeline will bring than its face value. The probability is the rep's own where one is set, else the stage's default; Funnel's weighted_pipeline() uses prospecting 0.10, qualification 0.20, proposal 0.50 and negotiation 0.80, as the forecast's weighted column does.",
      inFunnel: "deals | agg pipeline_value(), weighted_pipeline() by owner",
      source: "Salesforce's expected revenue (amount × probability); Funnel's weighted_pipeline()",
      related: ["pipeline value", "forecast", "deal stage", "win rate"]),
    GlossaryTerm(
      "pipeline velocity", aliases: ["sales velocity", "velocity"], side: .sales,
      oneLine: "Money the pipeline turns into per day: deals × win rate × deal size ÷ cycle days.",
      definition:
        "The days are the mean sales cycle. Any of the four levers moves it: more open deals, a better win rate, bigger deals or a shorter cycle.",
      inFunnel: "deals | agg pipeline_velocity() by owner",
      source: "common usage; Funnel's pipeline_velocity()",
      related: ["pipeline value", "win rate", "average deal size", "sales cycle"]),
    GlossaryTerm(
      "pipeline coverage", aliases: ["coverage", "coverage ratio"], side: .sales,
      oneLine: "Open pipeline divided by what is still to win of the quota; three times is the usual rule.",
      definition:
        "What is still to win is the quota minus what is already won. Three times is the usual rule of thumb: with a one-in-three win rate, three of pipeline make one of revenue.",
      inFunnel:
        "deals | forecast quarter(expected_close) | where period == \"2026-Q3\" | select period, best_case, quota, won, coverage",
      source: "common usage; the forecast's coverage and Funnel's pipeline_coverage()",
      related: ["pipeline", "quota", "forecast", "win rate"]),
    GlossaryTerm(
      "forecast", aliases: ["sales forecast", "revenue forecast", "commit", "best case"], side: .sales,
      oneLine: "What sales expects to close in a period, read against the quota for it.",
      definition:
        "It adds to what is already won the open deals expected to close in the period: weighted by how likely each is (weighted), only those sales is confident of (commit: in Funnel, the open deals at a probability of 0.7 or more), or all of them (best case). Read against the quota, it says whether the period will be made.",
      inFunnel: "deals | forecast quarter(expected_close) | where period >= \"2026-Q3\"",
      source: "Salesforce forecast categories (commit, best case); the commit line is Funnel's choice",
      related: ["quota", "pipeline coverage", "pipeline", "weighted pipeline", "slipped deal"]),
    GlossaryTerm(
      "quota", aliases: ["sales target", "target"], side: .sales,
      oneLine: "The amount a salesperson or team is expected to win in a period.",
      definition:
        "The period is usually a month or a quarter. Quotas are why sales looks at the near term and counts revenue. In the data the quotas dataset holds one per rep and quarter.",
      inFunnel: "deals | where stage == \"closed_won\" | agg won = sum(amount) by owner, quarter(closed_at)",
      source: "common usage",
      related: ["win rate", "quota attainment", "pipeline coverage", "time horizon"]),
    GlossaryTerm(
      "quota attainment", aliases: ["attainment", "quota achievement"], side: .sales,
      oneLine: "What a rep or team has won in a period, as a share of the quota for it.",
      definition:
        "At 90% a rep is a tenth short; at 115% the quota is beaten. Commissions usually hang on it, which is why sales watches it closely as a quarter ends. Funnel's forecast gives it per rep and period from the quotas dataset (attainment); quota_attainment(quota) computes it in agg against a quota written in the call.",
      inFunnel:
        "deals | forecast quarter(expected_close) by owner | where period == \"2026-Q2\" | select owner, won, quota, attainment | sort attainment desc",
      source: "common usage; the forecast's attainment and Funnel's quota_attainment()",
      related: ["quota", "forecast", "pipeline coverage", "win rate"]),
  ]
}
