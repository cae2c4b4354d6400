extension Glossary {
  /// Sales' work from the first approach to the outcome, and the numbers it is judged by.
  static let salesTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "prospecting", aliases: ["prospect research"], side: .sales,
      oneLine: "A salesperson's search for people worth contacting, and the first approach to them.",
      definition:
        "It means researching companies, finding the right person in each and making the first approach. It is sales' own source of new leads beside what marketing sends.",
      inFunnel: "touches | where kind == \"sales_call\" | count by month(date(touched_at))",
      source: "common usage",
      related: ["outbound", "SDR", "qualification", "lead"]),
    GlossaryTerm(
      "SDR", aliases: ["sales development rep", "sales development", "BDR", "business development rep"], side: .sales,
      oneLine: "A salesperson who contacts and qualifies new leads and books meetings for the closers.",
      definition:
        "Sales development reps work the first part of sales' share of the funnel: they call and email new leads quickly, prospect into chosen companies, qualify, and hand a booked meeting to an account executive, who runs the deal to its close. Most such teams report to sales, some to marketing. In the data their calls and emails are the sales_call and sales_email touches; the outbound sequences they may run are recorded as a campaign channel.",
      inFunnel:
        "touches | where kind in [\"sales_call\", \"sales_email\"] | agg touches = count(), leads = count_distinct(lead_id) by kind",
      source: "common usage",
      related: ["prospecting", "outbound", "speed to lead", "qualification"]),
    GlossaryTerm(
      "qualification", aliases: ["lead qualification", "qualifying"], side: .sales,
      oneLine: "Finding out early whether a lead has a real problem, money, authority and a timeline.",
      definition:
        "It usually happens in a first conversation, and it saves everyone's time: a lead that does not qualify is let go politely or handed back for nurturing.",
      inFunnel: "leads | agg conversion(\"mql\", \"sql\") by channel",
      source: "common usage",
      related: ["SQL", "MQL", "lead scoring", "SLA", "BANT"]),
    GlossaryTerm(
      "BANT", aliases: ["budget authority need timeline"], side: .sales,
      oneLine: "Budget, Authority, Need, Timeline: a checklist for qualifying a lead.",
      definition:
        "In the first conversation the salesperson checks Budget (can they pay), Authority (is this the person who decides), Need (is the problem real) and Timeline (when will they buy). A lead that passes becomes a sales qualified lead.",
      inFunnel: "leads | agg mql_to_sql_rate() by company_size",
      source: "common usage (usually credited to IBM)",
      related: ["qualification", "SQL", "SAL"]),
    GlossaryTerm(
      "follow-up", aliases: ["followup"], side: .sales,
      oneLine: "Coming back to a prospect after a first contact, so the conversation does not go cold.",
      definition:
        "The craft is in the timing and in bringing something useful each time. Speed matters: a lead contacted within days is worth more than one contacted within weeks.",
      inFunnel: "leads | where sql_at != null | agg median_days_mql_to_sql = median(sql_at - mql_at)",
      source: "common usage",
      related: ["qualification", "nurturing", "SLA", "touch", "speed to lead"]),
    GlossaryTerm(
      "speed to lead", aliases: ["lead response time", "response time"], side: .sales,
      oneLine: "How fast sales first contacts a new lead, in hours from the moment it came in.",
      definition:
        "The time from a lead's arrival (the form fill, the click) to sales' first call, email or meeting. Interest cools within hours, so teams promise a response time in their SLA and track the share of leads answered within an hour and within a day. Funnel's speed_to_lead_hours() is the median hours from a lead's creation touch to its first sales touch; speed_to_lead_1h_share() and speed_to_lead_24h_share() count a lead nobody answered against the team.",
      inFunnel: "leads | agg speed_to_lead_hours(), speed_to_lead_1h_share(), speed_to_lead_24h_share() by channel",
      source: "common usage; Funnel's speed_to_lead_hours() (docs/metrics.md)",
      related: ["follow-up", "SLA", "SDR", "hand-off"]),
    GlossaryTerm(
      "product demo", aliases: ["demo", "demonstration", "presentation"], side: .sales,
      oneLine: "Showing a prospect the product working on their own problem.",
      definition:
        "It is the most personal kind of touch and often the turning point of a deal: the buyer sees the problem solved rather than described.",
      inFunnel: "touches | where kind == \"demo\" | agg demos = count(), leads = count_distinct(lead_id)",
      source: "common usage",
      related: ["touch", "opportunity", "sales cycle"]),
    GlossaryTerm(
      "negotiation", aliases: ["negotiating"], side: .sales,
      oneLine: "Settling price, terms and timing with a buyer who wants to buy.",
      definition:
        "A good negotiation leaves both sides content enough to keep working together; it is the last deal stage before the outcome.",
      inFunnel: "deals | where stage == \"negotiation\" | agg deals = count(), value = sum(amount) by owner",
      source: "common usage; a stage of Salesforce's default opportunity stages",
      related: ["decision", "closing", "deal stage"]),
    GlossaryTerm(
      "closing", aliases: ["close", "closing the deal"], side: .sales,
      oneLine: "The moment the buyer commits: a signature, an order, a payment.",
      definition:
        "Everything both teams did before pays off here or not at all. In the data a closed deal has a closed_at and the stage closed_won or closed_lost.",
      inFunnel: "deals | where closed_at != null | count by stage",
      source: "common usage",
      related: ["customer", "win rate", "negotiation", "sales cycle"]),
    GlossaryTerm(
      "lost deal", aliases: ["closed lost", "lost", "loss"], side: .sales,
      oneLine: "An opportunity that ended without a sale: a deal whose stage is closed_lost.",
      definition:
        "An opportunity the buyer turned down, gave to a competitor or let die. It is not churn: the buyer never became a customer. Lost deals count in the win rate (won ÷ (won + lost)) and belong in win-loss reviews, where the stage a deal was lost at says more than the count. In the data a lost deal has the stage closed_lost, a closed_at, and a lost_stage, the open stage it was in; a lead can also end lost (leads.stage) before it ever became an opportunity.",
      inFunnel: "deals | where stage == \"closed_lost\" | agg lost = count(), value = sum(amount) by lost_stage",
      source: "Salesforce opportunity stages (Closed Lost)",
      related: ["win rate", "churn", "deal stage", "closing"]),
    GlossaryTerm(
      "deal stage", aliases: ["stage", "opportunity stage"], side: .sales,
      oneLine: "Where an open deal stands: prospecting, qualification, proposal, negotiation, then won or lost.",
      definition:
        "Stages let a team see which deals need a push, and each has a default chance of closing that the forecast uses. In the data they are deals.stage, and stage_changes holds each deal's moves between them.",
      inFunnel: "deals | count by stage",
      source: "Salesforce's default opportunity stages, shortened",
      related: ["pipeline", "opportunity", "negotiation", "days in stage"]),
    GlossaryTerm(
      "days in stage", aliases: ["time in stage", "stage duration"], side: .sales,
      oneLine: "How long an open deal has stood in the stage it is in now.",
      definition:
        "It counts from the day the deal last entered that stage. A deal sitting in proposal or negotiation far longer than usual is stuck, and the number points a manager at it before the quarter ends. Funnel's days_in_stage() reads the stage history (stage_changes) and counts from the deal's creation when the history never shows it entering its stage; the stage_durations verb gives the typical days per stage.",
      inFunnel:
        "deals | where stage not in [\"closed_won\", \"closed_lost\"] | agg deals = count(), median_days = median(days_in_stage()) by stage",
      source: "CRM stage history; Funnel's days_in_stage() (docs/metrics.md)",
      related: ["deal stage", "slipped deal", "sales cycle", "pipeline"]),
    GlossaryTerm(
      "slipped deal", aliases: ["past-due deal", "slipped"], side: .sales,
      oneLine: "An open deal whose expected close date has already passed.",
      definition:
        "It did not close when the rep said it would. A forecast that counts slipped deals in the current period is too hopeful, so forecast reviews go through them one by one: move the date, or close the deal as lost. Funnel's slipped() is true for them, and deal_age_days() gives how long each open deal has been open.",
      inFunnel: "deals | agg open = count_if(deal_age_days() != null), slipped = count_if(slipped()) by owner",
      source: "common usage (CRMs list them as past-due deals); Funnel's slipped()",
      related: ["forecast", "days in stage", "pipeline", "deal stage"]),
    GlossaryTerm(
      "win rate", aliases: ["close rate", "closing rate"], side: .sales,
      oneLine: "Of the deals that have finished, the share that were won: won ÷ (won + lost).",
      definition:
        "Open deals are left out, because their ending is not known yet. It counts deals, not money: a team that wins its small deals and loses its big ones has a good win rate and a poor quarter.",
      inFunnel: "deals | agg win_rate() by owner | sort win_rate desc",
      source: "common usage; Funnel's win_rate()",
      related: ["opportunity", "closing", "conversion rate", "quota", "lost deal"]),
    GlossaryTerm(
      "average deal size", aliases: ["avg deal size", "deal size"], side: .sales,
      oneLine: "The mean amount of the deals won, each deal counted at its whole contract value.",
      definition:
        "Together with the number of wins it makes revenue, so a team can grow by winning more deals or bigger ones. A three-year contract counts at the value of all three years; for the value of one year, see ACV.",
      inFunnel: "deals | agg avg_deal_size() by product",
      source: "common usage; Funnel's avg_deal_size()",
      related: ["win rate", "pipeline velocity", "LTV", "ACV"]),
    GlossaryTerm(
      "ACV", aliases: ["annual contract value"], side: .sales,
      oneLine: "What one contract is worth per year: its total value divided by its years.",
      definition:
        "A 3-year contract worth 90,000 in all has an ACV of 30,000. Funnel's acv() is the mean of that over the won deals, reading each deal's amount (the whole contract) and term_months. It is not the average deal size, the mean of whole contracts: the two agree only for one-year contracts.",
      inFunnel: "deals | agg acv(), avg_deal_size() by product",
      source: "common usage (subscription software); Funnel's acv()",
      related: ["average deal size", "LTV", "pipeline value"]),
    GlossaryTerm(
      "sales cycle", aliases: ["sales cycle length", "time to close", "cycle time"], side: .sales,
      oneLine: "How long a deal takes from being opened to being won, in days.",
      definition:
        "CRM reports give the mean days (sales_cycle_days() in Funnel); the median (median_sales_cycle_days()) is the middle deal, which one endless deal does not move. Larger purchases involve more people and take longer.",
      inFunnel: "deals | agg sales_cycle_days(), median_sales_cycle_days() by product",
      source: "common usage (CRM reports); Funnel's sales_cycle_days()",
      related: ["pipeline velocity", "time lag", "average deal size", "days in stage"]),
  ]
}
