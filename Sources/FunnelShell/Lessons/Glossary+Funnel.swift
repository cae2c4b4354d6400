extension Glossary {
  /// The funnel itself: its stages and the words for moving through it.
  static let funnelTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "funnel", aliases: ["sales funnel", "marketing funnel", "revenue funnel"], side: .both,
      definition:
        "The path from a stranger to a paying customer, drawn as stages that get narrower: many people notice you, fewer show interest, fewer still buy. The width at each stage shows how many are left; the narrowing shows where people drop out.",
      inFunnel: "leads | funnel",
      related: ["lead", "awareness", "interest", "decision", "drop-off", "conversion rate"]),
    GlossaryTerm(
      "lead", aliases: ["prospect", "raw lead"], side: .both,
      definition:
        "A person or company that has left a way to reach them (a form, a badge scan, a reply) and might one day buy. Nobody has judged yet whether they are a good fit; a lead is the raw material both teams work on.",
      inFunnel: "leads | count by channel",
      related: ["MQL", "lead generation", "lead scoring", "funnel"]),
    GlossaryTerm(
      "MQL", aliases: ["marketing qualified lead"], side: .marketing,
      definition:
        "A lead that marketing judges ready for a salesperson's attention, usually because its score passed a threshold or it did something telling, such as asking for pricing. In the data: a lead with a date in mql_at.",
      inFunnel: "leads | agg mqls = count(mql_at), mql_rate = conversion(\"lead\", \"mql\")",
      related: ["lead", "SQL", "SAL", "lead scoring", "hand-off"]),
    GlossaryTerm(
      "SAL", aliases: ["sales accepted lead"], side: .sales,
      definition:
        "An MQL that sales has looked at and agreed to work, the receipt of the hand-off; the SAL rate is accepted leads ÷ MQLs, and it comes before qualification (SQL). Funnel's lead stages do not record acceptance: a lead goes from mql straight to sql, so what Funnel can measure is the MQL-to-SQL rate, mql_to_sql_rate(), which is lower than the acceptance rate whenever sales accepts leads it later disqualifies.",
      inFunnel: "leads | agg mql_to_sql_rate()",
      related: ["MQL", "SQL", "hand-off", "SLA"]),
    GlossaryTerm(
      "SQL", aliases: ["sales qualified lead"], side: .sales,
      definition:
        "A lead a salesperson has spoken to and judged worth pursuing: it has a need, a budget and someone who can decide. From here on the lead has an owner in sales. In the data: a lead with a date in sql_at.",
      inFunnel: "leads | agg mql_to_sql = conversion(\"mql\", \"sql\") by channel",
      related: ["MQL", "SAL", "qualification", "opportunity"]),
    GlossaryTerm(
      "opportunity", aliases: ["opp", "deal"], side: .sales,
      definition:
        "A qualified lead with a concrete deal attached: a product, an amount, a hoped-for close date. Each opportunity is a row in deals, and it moves through the deal stages until it is won or lost.",
      inFunnel: "deals | count by stage",
      related: ["SQL", "pipeline", "deal stage", "win rate"]),
    GlossaryTerm(
      "customer", aliases: ["won", "closed won"], side: .both,
      definition:
        "Someone who has signed and paid: the bottom of the funnel. A lead with a date in won_at, a deal whose stage is closed_won.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count(), revenue = sum(amount)",
      related: ["closing", "CAC", "LTV", "churn"]),
    GlossaryTerm(
      "awareness", aliases: ["awareness stage", "top of funnel", "tofu"], side: .marketing,
      definition:
        "The widest, first stage of the funnel: people learn that you exist. Work here is measured in reach (impressions, visits), not in sales, and most of it is done by marketing.",
      inFunnel: "campaigns | agg impressions = sum(impressions), clicks = sum(clicks) by channel",
      related: ["brand awareness", "impression", "interest", "funnel"]),
    GlossaryTerm(
      "interest", aliases: ["consideration", "consideration stage", "middle of funnel", "mofu"], side: .both,
      definition:
        "The middle stage: a prospect compares options, reads, attends a webinar, maybe asks a question. Marketing feeds this stage with useful content; sales joins in once the prospect is qualified.",
      inFunnel: "touches | where kind in [\"webinar\", \"content_download\", \"email_click\"] | count by kind",
      related: ["awareness", "decision", "nurturing", "content marketing"]),
    GlossaryTerm(
      "decision", aliases: ["decision stage", "bottom of funnel", "bofu", "purchase"], side: .sales,
      definition:
        "The narrow end: the buyer chooses a supplier and agrees to terms. This is sales' home ground: demos, proposals, negotiation, signature.",
      inFunnel: "deals | where stage in [\"proposal\", \"negotiation\"] | agg open_value = sum(amount) by stage",
      related: ["interest", "closing", "negotiation", "win rate"]),
    GlossaryTerm(
      "drop-off", aliases: ["leakage", "funnel leak"], side: .both,
      definition:
        "The people lost between one stage and the next. Every funnel loses people; the useful question is which step loses more than it should, and for which channel or region.",
      inFunnel: "leads | funnel",
      related: ["funnel", "conversion rate", "nurturing"]),
    GlossaryTerm(
      "conversion rate", aliases: ["conversion", "stage conversion"], side: .both,
      definition:
        "Of the people who reached one stage, the share that went on to reach a later one. It is always a ratio of two counts, so always say which two stages you mean.",
      inFunnel: "leads | agg conversion(\"mql\", \"sql\"), conversion(\"sql\", \"won\") by channel",
      related: ["funnel", "drop-off", "win rate", "MQL"]),
    GlossaryTerm(
      "campaign", aliases: ["marketing campaign"], side: .marketing,
      definition:
        "One organised push with a budget, a channel and dates: a search ad group, a newsletter series, a trade show. Campaigns are how marketing spends money, so most marketing metrics are sums over campaigns.",
      inFunnel: "campaigns | top 5 by spend",
      related: ["channel", "CPL", "ROAS", "touch"]),
    GlossaryTerm(
      "channel", aliases: ["marketing channel", "source"], side: .marketing,
      definition:
        "The kind of route a campaign takes to reach people: paid search, email, events, social, referrals and so on. Comparing channels is the everyday question of where the next dollar should go.",
      inFunnel: "campaigns | agg spend = sum(spend), cpl(), roas() by channel",
      related: ["campaign", "paid search", "SEO", "attribution"]),
    GlossaryTerm(
      "touch", aliases: ["touchpoint", "interaction"], side: .both,
      definition:
        "One moment when a prospect meets you: an ad click, an email opened, a webinar, a sales call, a demo. A buyer usually has many touches before signing, which is why credit for a sale is hard to share out.",
      inFunnel: "touches | count by kind | sort count desc",
      related: ["attribution", "campaign", "follow-up"]),
  ]
}
