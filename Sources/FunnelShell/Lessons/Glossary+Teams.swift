extension Glossary {
  /// Words both teams share: working together, and looking at the business over time.
  static let teamTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "smarketing", aliases: ["sales and marketing alignment", "alignment", "revenue team"], side: .both,
      definition:
        "Sales and marketing working as one team with one revenue goal: shared definitions of a good lead, a written hand-off, regular meetings over the same numbers, and feedback running both ways.",
      inFunnel: "scorecard",
      related: ["SLA", "hand-off", "scorecard", "MQL"]),
    GlossaryTerm(
      "SLA", aliases: ["service level agreement"], side: .both,
      definition:
        "A written promise between the teams: marketing commits to a number of qualified leads, sales commits to follow each one up within an agreed time. It turns complaints about lead quality into numbers both can check.",
      inFunnel:
        "leads | where sql_at != null | agg within_2_days = share(sql_at - mql_at <= 2), median_days = median(sql_at - mql_at)",
      related: ["smarketing", "hand-off", "follow-up", "MQL"]),
    GlossaryTerm(
      "hand-off", aliases: ["handoff", "lead handoff"], side: .both,
      definition:
        "The moment a lead passes from marketing to sales. Leads are most often lost here, either because they were not ready or because nobody called them in time.",
      inFunnel: "leads | agg handed_over = count(mql_at), accepted = count(sql_at), mql_to_sql_rate() by channel",
      related: ["MQL", "SAL", "SQL", "SLA"]),
    GlossaryTerm(
      "scorecard", aliases: ["shared scorecard", "dashboard"], side: .both,
      definition:
        "One table that puts marketing's numbers and sales' numbers side by side for each channel, so both teams argue from the same facts. In Funnel it is a source of its own.",
      inFunnel: "scorecard by channel",
      related: ["smarketing", "CPL", "win rate", "ROAS"]),
    GlossaryTerm(
      "CAC", aliases: ["customer acquisition cost", "cost per customer"], side: .both,
      definition:
        "What it costs to win one new customer, all of sales and marketing counted: campaign spend plus salaries, commissions and tools, divided by the customers won. Media spend alone per customer is marketing CAC, a smaller number that leaves out most of what a sale costs. CAC only makes sense next to what a customer is worth over time.",
      inFunnel: "campaigns | agg cac(), marketing_cac() by channel | sort cac",
      related: ["LTV", "CPL", "cost per opportunity", "ROI"]),
    GlossaryTerm(
      "CAC payback", aliases: ["payback period", "months to recover CAC"], side: .both,
      definition:
        "How many months a new customer takes to pay back what winning it cost: CAC divided by the monthly revenue of a typical new contract times the gross margin. Under a year is the usual mark of growth that funds itself; a long payback means cash goes out long before it comes back.",
      inFunnel: "campaigns | agg cac(), cac_payback_months(margin = 0.75) by channel",
      related: ["CAC", "LTV", "ROI"]),
    GlossaryTerm(
      "LTV", aliases: ["lifetime value", "customer lifetime value", "clv"], side: .both,
      definition:
        "The total a customer is expected to pay over the whole relationship, not just the first deal. A business is healthy when LTV is several times CAC. The demo data holds first deals only, so their amount is the floor of LTV.",
      inFunnel: "deals | where stage == \"closed_won\" | agg first_deal = avg(amount) by product",
      related: ["CAC", "churn", "average deal size"]),
    GlossaryTerm(
      "churn", aliases: ["churn rate", "attrition"], side: .both,
      definition:
        "Customers who leave, as a share of those you had at the start of a period. High churn quietly undoes both teams' work, which is why retention is part of marketing's long horizon too. The demo data does not record churn; lost deals are the nearest thing in it.",
      inFunnel: "deals | where closed_at != null | agg lost_share = share(stage == \"closed_lost\") by product",
      related: ["LTV", "customer", "CAC"]),
    GlossaryTerm(
      "cohort", aliases: ["cohort analysis", "vintage"], side: .both,
      definition:
        "A group of leads that started in the same period, followed over time. Comparing cohorts shows whether recent leads are converting better or worse, instead of mixing old and new leads together.",
      inFunnel: "leads | cohort month(created_at)",
      related: ["time lag", "conversion rate", "funnel"]),
    GlossaryTerm(
      "time lag", aliases: ["lag", "revenue lag"], side: .both,
      definition:
        "The delay between marketing spending money and sales booking the revenue it led to, often one or more quarters. It makes last month's campaigns look worse than they are, so judge them later or by cohort.",
      inFunnel: "leads | where won_at != null | agg days_to_win = median(won_at - created_at) by channel",
      related: ["cohort", "sales cycle", "ROAS"]),
    GlossaryTerm(
      "segment", aliases: ["segmentation", "market segment"], side: .both,
      definition:
        "A slice of the market that behaves alike: a region, an industry, a company size. Comparing segments shows where the funnel works, as long as each slice has enough leads to mean something.",
      inFunnel: "leads | agg leads = count(), won = conversion(\"lead\", \"won\") by company_size",
      related: ["cohort", "account-based marketing", "conversion rate"]),
  ]
}
