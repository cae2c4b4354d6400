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
        "leads | where mql_at != null | agg within_30_days = share(sql_at - mql_at <= 30), never_worked = share(stage == \"mql\")",
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
        "Customers who leave, as a share of those you had at the start of a period. High churn quietly undoes both teams' work, which is why retention is part of marketing's long horizon too. A lost deal is not churn: that buyer never became a customer. The demo data holds first deals only, so it cannot show churn; the query counts the customers whose renewals a churn rate would follow.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count() by product",
      related: ["LTV", "customer", "CAC", "retention"]),
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
    GlossaryTerm(
      "sales", aliases: ["sales team", "selling"], side: .sales,
      definition:
        "The team that turns interest into revenue one buyer at a time: conversations, demos, proposals, negotiation and the signature. Its horizon is short (this month's deals, this quarter's quota) and its work one-to-one; its numbers are pipeline, win rate, deal size and the time a deal takes.",
      inFunnel:
        "deals | where stage == \"closed_won\" | agg revenue = sum(amount), deals = count() by owner | sort revenue desc",
      related: ["marketing", "pipeline", "quota", "win rate", "smarketing"]),
    GlossaryTerm(
      "marketing", aliases: ["marketing team"], side: .marketing,
      definition:
        "The team that makes a market know, trust and want what the company sells, speaking to many people at once: brand, content, campaigns, events, research. Its horizon is long (a brand is built over years, a campaign's leads buy months later) and its numbers are reach, leads, cost per lead and the pipeline and revenue it sourced.",
      inFunnel: "campaigns | agg spend(), cpl(), roi() by channel | sort cpl",
      related: ["sales", "brand awareness", "demand generation", "lead generation", "smarketing"]),
    GlossaryTerm(
      "buyer's journey", aliases: ["buyers journey", "buyer journey", "customer journey"], side: .both,
      definition:
        "The path a buyer walks, seen from the buyer's side: noticing a problem (awareness), weighing ways to solve it (consideration), choosing a supplier (decision). Marketing meets the buyer early and at scale, sales late and in person; the funnel is the same path counted by the company.",
      inFunnel: "leads | funnel",
      related: ["awareness", "interest", "decision", "funnel"]),
    GlossaryTerm(
      "ICP", aliases: ["ideal customer profile"], side: .both,
      definition:
        "A description of the companies that get the most from what you sell and buy it most readily: industry, size, region, the problem they have. Marketing aims campaigns at it, sales qualifies against it; won deals are the evidence for it.",
      inFunnel:
        "leads | where won_at != null | agg customers = count() by industry, company_size | sort customers desc | take 5",
      related: ["segment", "qualification", "account-based marketing"]),
    GlossaryTerm(
      "BANT", aliases: ["budget authority need timeline"], side: .sales,
      definition:
        "A checklist for qualifying a lead in the first conversation: Budget (can they pay), Authority (is this the person who decides), Need (is the problem real) and Timeline (when will they buy). A lead that passes becomes a sales qualified lead.",
      inFunnel: "leads | agg mql_to_sql_rate() by company_size",
      related: ["qualification", "SQL", "SAL"]),
    GlossaryTerm(
      "SQO", aliases: ["sales qualified opportunity"], side: .sales,
      definition:
        "An opportunity that sales has qualified as real after a first meeting: a need, a budget and a date. Counting SQOs rather than all opportunities keeps hopeful deals out of the pipeline. In the demo data it is the opportunity stage.",
      inFunnel: "leads | agg sqos = count(opportunity_at), sql_to_sqo = conversion(\"sql\", \"opportunity\")",
      related: ["opportunity", "SQL", "pipeline"]),
    GlossaryTerm(
      "pipeline coverage", aliases: ["coverage", "coverage ratio"], side: .sales,
      definition:
        "The open pipeline for a period divided by what is still to win of its quota (quota minus won). Three times is the usual rule of thumb: with a one-in-three win rate, three of pipeline make one of revenue.",
      inFunnel:
        "deals | forecast quarter(expected_close) | where period == \"2026-Q3\" | select period, best_case, quota, won, coverage",
      related: ["pipeline", "quota", "forecast", "win rate"]),
    GlossaryTerm(
      "forecast", aliases: ["sales forecast", "revenue forecast", "commit", "best case"], side: .sales,
      definition:
        "What sales expects to close in a period: what is already won, plus the open deals weighted by how likely each is (weighted), or only those sales is confident of (commit), or all of them (best case). Read against the quota, it says whether the period will be made.",
      inFunnel: "deals | forecast quarter(expected_close) | where period >= \"2026-Q3\"",
      related: ["quota", "pipeline coverage", "pipeline"]),
    GlossaryTerm(
      "retention", aliases: ["customer retention", "renewal"], side: .both,
      definition:
        "Keeping the customers you won: renewals, repeat orders, a customer still there a year later. It is where both horizons meet: sales renews and expands accounts, marketing keeps customers informed and loyal. The demo data holds first deals only, so it cannot measure retention; the query counts the customers a retention rate would follow.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count() by month(closed_at) | take 6",
      related: ["churn", "LTV", "customer"]),
    GlossaryTerm(
      "PR", aliases: ["public relations", "earned media", "press"], side: .marketing,
      definition:
        "Getting the company talked about by others: press coverage, interviews, analysts, awards. It is earned, not paid for, and builds awareness and trust slowly; it rarely leaves a trace in a CRM, which is why it shows at most as visits and direct traffic.",
      inFunnel:
        "touches | where kind == \"page_view\" | agg views = count() by month = month(touched_at) | sort month desc | take 6",
      related: ["brand awareness", "awareness", "marketing"]),
    GlossaryTerm(
      "market research", aliases: ["research", "customer research"], side: .marketing,
      definition:
        "Studying buyers, competitors and segments before spending: surveys, interviews, win-loss reviews, the company's own data. It tells marketing whom to aim at and what to say, and gives sales the questions buyers are asking.",
      inFunnel:
        "leads | agg leads = count(), won = count(won_at), win_share = share(won_at != null) by industry | sort win_share desc",
      related: ["segment", "ICP", "marketing"]),
  ]
}
