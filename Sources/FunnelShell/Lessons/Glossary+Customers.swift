extension Glossary {
  /// What winning customers costs and brings back, who the customers are, and how to follow them over time.
  static let customerTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "CPL", aliases: ["cost per lead"], side: .marketing,
      oneLine: "Marketing spend divided by the number of leads it brought.",
      definition:
        "Cheap leads are only good news if enough of them go on to buy, so read CPL next to conversion and cost per opportunity.",
      inFunnel: "campaigns | agg cpl() by channel | sort cpl",
      source: "common usage; Funnel's cpl()",
      related: ["cost per opportunity", "CAC", "lead generation"]),
    GlossaryTerm(
      "cost per opportunity", aliases: ["cost per opp", "cpo"], side: .both,
      oneLine: "Marketing spend divided by the deals (opportunities) that came from it.",
      definition:
        "It moves the question from how many leads a channel brings to how many real sales conversations. In the data every deal is an opportunity, counted for the campaign in its campaign_id.",
      inFunnel: "campaigns | agg cpl(), cost_per_opportunity() by channel",
      source: "common usage; Funnel's cost_per_opportunity()",
      related: ["CPL", "CAC", "opportunity"]),
    GlossaryTerm(
      "ROAS", aliases: ["return on ad spend"], side: .marketing,
      oneLine: "Revenue won for each dollar of spend: won revenue ÷ spend.",
      definition:
        "A ROAS of 3 means three dollars of sales for every dollar of spend. It ignores every cost other than the spend itself, and it depends on which campaign a deal is credited to: the one that sourced it, or a share for every campaign that touched it (an attribution model).",
      inFunnel: "campaigns | agg roas() by channel | sort roas desc",
      source: "common usage (ad platforms); Funnel's roas()",
      related: ["ROI", "CPL", "attribution"]),
    GlossaryTerm(
      "ROI", aliases: ["return on investment"], side: .both,
      oneLine: "What was gained beyond what was spent, as a share of the spend: (return − spend) ÷ spend.",
      definition:
        "On revenue it flatters, since a sale also costs the goods or service sold; on gross margin (revenue × margin) it is the return the business keeps. An ROI of 0 means you got your money back and nothing more; below 0 means a loss.",
      inFunnel: "campaigns | agg spend(), roi(), roi(margin = 0.7) by channel | sort roi desc",
      source: "common usage; Funnel's roi()",
      related: ["ROAS", "CAC", "LTV"]),
    GlossaryTerm(
      "marketing CAC", aliases: ["media CAC"], side: .marketing,
      oneLine: "Campaign spend divided by the new customers won: the media part of CAC.",
      definition:
        "It leaves out the salaries, commissions and tools that full CAC adds. Some companies put marketing's salaries in it too; Funnel's marketing_cac() counts campaign spend only, so beside cac() it is always the smaller number.",
      inFunnel: "campaigns | agg marketing_cac(), cac() by channel | sort marketing_cac",
      source: "common usage; Funnel's marketing_cac() counts campaign spend only (docs/metrics.md)",
      related: ["CAC", "CPL", "ROAS"]),
    GlossaryTerm(
      "CAC", aliases: ["customer acquisition cost", "cost per customer"], side: .both,
      oneLine: "What winning one new customer costs, all of sales' and marketing's costs counted.",
      definition:
        "It is campaign spend plus salaries, commissions and tools, divided by the customers won. Media spend alone per customer is marketing CAC, a smaller number that leaves out most of what a sale costs. CAC only makes sense next to what a customer is worth over time.",
      inFunnel: "campaigns | agg cac(), marketing_cac() by channel | sort cac",
      source: "common usage (SaaS metrics); Funnel's cac()",
      related: ["LTV", "CPL", "cost per opportunity", "ROI", "marketing CAC"]),
    GlossaryTerm(
      "CAC payback", aliases: ["payback period", "months to recover CAC"], side: .both,
      oneLine: "The months a new customer's gross profit takes to repay what winning it cost.",
      definition:
        "It is CAC divided by the monthly revenue of a typical new contract times the gross margin. Under a year is the usual mark of growth that funds itself; a long payback means cash goes out long before it comes back. Funnel's cac_payback_months() counts revenue whole unless given a margin, so give it yours, as the query does.",
      inFunnel: "campaigns | agg cac(), cac_payback_months(margin = 0.75) by channel",
      source: "common usage (SaaS metrics); Funnel's cac_payback_months()",
      related: ["CAC", "LTV", "ROI"]),
    GlossaryTerm(
      "LTV", aliases: ["lifetime value", "customer lifetime value", "clv"], side: .both,
      oneLine: "What a customer is expected to pay over the whole relationship, not just the first deal.",
      definition:
        "A business is healthy when LTV is several times CAC. The demo data holds first deals only, so their amount is the floor of LTV.",
      inFunnel: "deals | where stage == \"closed_won\" | agg first_deal = avg(amount) by product",
      source: "common usage",
      related: ["CAC", "churn", "average deal size", "retention"]),
    GlossaryTerm(
      "churn", aliases: ["churn rate", "attrition"], side: .both,
      oneLine: "Customers who leave, as a share of those you had at the start of a period.",
      definition:
        "High churn quietly undoes both teams' work, which is why retention is part of marketing's long horizon too. A lost deal is not churn: that buyer never became a customer. The demo data holds first deals only, so it cannot show churn; the query counts the customers whose renewals a churn rate would follow.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count() by product",
      source: "common usage",
      related: ["LTV", "customer", "CAC", "retention"]),
    GlossaryTerm(
      "retention", aliases: ["customer retention", "renewal", "loyalty", "customer loyalty"], side: .both,
      oneLine: "Keeping the customers you won: renewals, repeat orders, loyalty.",
      definition:
        "A customer still there a year later, renewing and buying more, is worth far more than one who leaves. It is where both horizons meet: sales renews and expands accounts, marketing keeps customers informed and loyal. The demo data holds first deals only, so it cannot measure retention; the query counts the customers a retention rate would follow.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count() by month(closed_at) | take 6",
      source: "common usage",
      related: ["churn", "LTV", "customer", "time horizon"]),
    GlossaryTerm(
      "ICP", aliases: ["ideal customer profile"], side: .both,
      oneLine: "The kind of company that gets the most from what you sell and buys it most readily.",
      definition:
        "It is written as industry, size, region and the problem they have. Marketing aims campaigns at it, sales qualifies against it; won deals are the evidence for it.",
      inFunnel:
        "leads | where won_at != null | agg customers = count() by industry, company_size | sort customers desc | take 5",
      source: "common usage",
      related: ["segment", "qualification", "account-based marketing"]),
    GlossaryTerm(
      "segment", aliases: ["segmentation", "market segment"], side: .both,
      oneLine: "A slice of the market that behaves alike: a region, an industry, a company size.",
      definition:
        "Comparing segments shows where the funnel works, as long as each slice has enough leads to mean something.",
      inFunnel: "leads | agg leads = count(), won = conversion(\"lead\", \"won\") by company_size",
      source: "common usage",
      related: ["cohort", "ICP", "conversion rate"]),
    GlossaryTerm(
      "cohort", aliases: ["cohort analysis", "vintage"], side: .both,
      oneLine: "A group of leads that started in the same period, followed over time.",
      definition:
        "Comparing cohorts shows whether recent leads are converting better or worse, instead of mixing old and new leads together.",
      inFunnel: "leads | cohort month(created_at)",
      source: "common usage",
      related: ["time lag", "conversion rate", "funnel"]),
    GlossaryTerm(
      "time lag", aliases: ["lag", "revenue lag"], side: .both,
      oneLine: "The delay between marketing spending money and sales booking the revenue it led to.",
      definition:
        "It is often one or more quarters long, and it makes last month's campaigns look worse than they are, so judge them later or by cohort.",
      inFunnel: "leads | where won_at != null | agg days_to_win = median(won_at - created_at) by channel",
      source: "common usage",
      related: ["cohort", "sales cycle", "ROAS", "time horizon"]),
  ]
}
