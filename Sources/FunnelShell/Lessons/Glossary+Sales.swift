extension Glossary {
  /// Sales' work, its pipeline and the numbers it is judged by.
  static let salesTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "outbound", aliases: ["outbound sales", "cold outreach", "cold calling"], side: .both,
      definition:
        "Reaching out first to people who have not asked to hear from you: cold calls, personal emails, messages to a chosen list. Sales development reps do it one person at a time; marketing runs it as a campaign to a list. In the demo data `outbound` is a campaign channel, so its leads and their cost count on marketing's side until sales works them.",
      inFunnel: "leads | where channel == \"outbound\" | funnel",
      related: ["inbound", "prospecting", "account-based marketing"]),
    GlossaryTerm(
      "prospecting", aliases: ["prospect research"], side: .sales,
      definition:
        "A salesperson's search for people worth contacting: researching companies, finding the right person, making the first approach. It is sales' own source of new leads beside what marketing sends.",
      inFunnel: "touches | where kind == \"sales_call\" | count by month(date(touched_at))",
      related: ["outbound", "qualification", "lead"]),
    GlossaryTerm(
      "qualification", aliases: ["lead qualification", "qualifying"], side: .sales,
      definition:
        "Finding out, usually in a first conversation, whether a lead has a real problem, money, authority and a timeline. It saves everyone's time: a lead that does not qualify is let go politely or handed back for nurturing.",
      inFunnel: "leads | agg conversion(\"mql\", \"sql\") by channel",
      related: ["SQL", "MQL", "lead scoring", "SLA"]),
    GlossaryTerm(
      "follow-up", aliases: ["followup"], side: .sales,
      definition:
        "Coming back to a prospect after a first contact, at the right moment and with something useful, so the conversation does not go cold. Speed matters: a lead contacted within days is worth more than one contacted within weeks.",
      inFunnel: "leads | where sql_at != null | agg median_days_mql_to_sql = median(sql_at - mql_at)",
      related: ["qualification", "nurturing", "SLA", "touch"]),
    GlossaryTerm(
      "product demo", aliases: ["demo", "demonstration", "presentation"], side: .sales,
      definition:
        "Showing a prospect the product working on their own problem. It is the most personal kind of touch and often the turning point of a deal.",
      inFunnel: "touches | where kind == \"demo\" | agg demos = count(), leads = count_distinct(lead_id)",
      related: ["touch", "opportunity", "sales cycle"]),
    GlossaryTerm(
      "negotiation", aliases: ["negotiating"], side: .sales,
      definition:
        "Settling price, terms and timing with a buyer who wants to buy. A good negotiation leaves both sides content enough to keep working together; it is the last deal stage before the outcome.",
      inFunnel: "deals | where stage == \"negotiation\" | agg deals = count(), value = sum(amount) by owner",
      related: ["decision", "closing", "deal stage"]),
    GlossaryTerm(
      "closing", aliases: ["close", "closing the deal"], side: .sales,
      definition:
        "The moment the buyer commits: a signature, an order, a payment. Everything both teams did before pays off here or not at all.",
      inFunnel: "deals | where closed_at != null | count by stage",
      related: ["customer", "win rate", "negotiation", "sales cycle"]),
    GlossaryTerm(
      "pipeline", aliases: ["sales pipeline", "open pipeline"], side: .sales,
      definition:
        "All the deals that are still open, arranged by stage. It is sales' picture of the near future: what could close this month and next.",
      inFunnel: "deals | where closed_at == null | agg deals = count(), value = sum(amount) by stage",
      related: ["opportunity", "pipeline value", "pipeline velocity", "deal stage"]),
    GlossaryTerm(
      "deal stage", aliases: ["stage", "opportunity stage"], side: .sales,
      definition:
        "Where an open deal stands: prospecting, qualification, proposal, negotiation, then closed won or closed lost. Stages let a team see which deals need a push.",
      inFunnel: "deals | count by stage",
      related: ["pipeline", "opportunity", "negotiation"]),
    GlossaryTerm(
      "win rate", aliases: ["close rate", "closing rate"], side: .sales,
      definition:
        "Of the deals that have finished, the share that were won: won ÷ (won + lost). Open deals are left out, because their ending is not known yet.",
      inFunnel: "deals | agg win_rate() by owner | sort win_rate desc",
      related: ["opportunity", "closing", "conversion rate", "quota"]),
    GlossaryTerm(
      "average deal size", aliases: ["avg deal size", "deal size"], side: .sales,
      definition:
        "The mean amount of the deals that were won, each deal's whole contract whatever its length. Together with the number of wins it makes revenue, so a team can grow by winning more deals or bigger ones. For the value of a year of a contract, see ACV.",
      inFunnel: "deals | agg avg_deal_size() by product",
      related: ["win rate", "pipeline velocity", "LTV", "ACV"]),
    GlossaryTerm(
      "ACV", aliases: ["annual contract value"], side: .sales,
      definition:
        "Annual contract value: what one customer's contract is worth per year, the total contract value divided by its years (a 3-year, 90,000 contract has an ACV of 30,000). Funnel's acv() is the mean of that over the won deals, reading each deal's amount (the whole contract) and term_months. It is not the average deal size, the mean of whole contracts: the two agree only for one-year contracts.",
      inFunnel: "deals | agg acv(), avg_deal_size() by product",
      related: ["average deal size", "LTV", "pipeline value"]),
    GlossaryTerm(
      "sales cycle", aliases: ["sales cycle length", "time to close", "cycle time"], side: .sales,
      definition:
        "How long a deal takes from being opened to being won. CRM reports give the mean days (sales_cycle_days() in Funnel); the median (median_sales_cycle_days()) is the middle deal, which one endless deal does not move. Larger purchases involve more people and take longer.",
      inFunnel: "deals | agg sales_cycle_days(), median_sales_cycle_days() by product",
      related: ["pipeline velocity", "time lag", "average deal size"]),
    GlossaryTerm(
      "pipeline value", aliases: ["open pipeline value"], side: .sales,
      definition:
        "The total amount of all open deals. It is what could be won, not what will be: multiply by the win rate for a rough expectation.",
      inFunnel: "deals | agg pipeline_value() by owner",
      related: ["pipeline", "win rate", "pipeline velocity"]),
    GlossaryTerm(
      "pipeline velocity", aliases: ["sales velocity", "velocity"], side: .sales,
      definition:
        "How much money the pipeline turns into per day: open deals × win rate × average deal size ÷ days in the sales cycle. Any of the four levers raises it.",
      inFunnel: "deals | agg pipeline_velocity() by owner",
      related: ["pipeline value", "win rate", "average deal size", "sales cycle"]),
    GlossaryTerm(
      "quota", aliases: ["sales target", "target"], side: .sales,
      definition:
        "The amount a salesperson or team is expected to win in a period, usually a month or a quarter. Quotas are why sales looks at the near term and counts revenue.",
      inFunnel: "deals | where stage == \"closed_won\" | agg won = sum(amount) by owner, quarter(closed_at)",
      related: ["win rate", "pipeline value", "smarketing"]),
  ]
}
