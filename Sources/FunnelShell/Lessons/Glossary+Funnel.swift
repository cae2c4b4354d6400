extension Glossary {
  /// The funnel itself: its stages, the conventions that name them, and the words for moving through it.
  static let funnelTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "funnel", aliases: ["sales funnel", "marketing funnel", "revenue funnel"], side: .both,
      oneLine: "The path from stranger to paying customer, drawn as stages that narrow as people drop out.",
      definition:
        "Many people notice you, fewer show interest, fewer still buy. The width at each stage shows how many are left; the narrowing shows where people drop out.",
      inFunnel: "leads | funnel",
      source: "common usage",
      related: ["lead", "awareness", "interest", "decision", "drop-off", "conversion rate", "buyer's journey"]),
    GlossaryTerm(
      "buyer's journey", aliases: ["buyers journey", "buyer journey", "customer journey"], side: .both,
      oneLine: "The buyer's own path: noticing a problem, weighing ways to solve it, choosing a supplier.",
      definition:
        "Its three stages are awareness, consideration and decision. Marketing meets the buyer early and at scale, sales late and in person; the funnel is the same path counted by the company.",
      inFunnel: "leads | funnel",
      source: "HubSpot's buyer's journey (awareness, consideration, decision)",
      related: ["awareness", "interest", "decision", "funnel", "place in the process"]),
    GlossaryTerm(
      "awareness", aliases: ["awareness stage", "top of funnel", "tofu"], side: .marketing,
      oneLine: "The first, widest stage of the funnel, where people learn that you exist.",
      definition:
        "Work here is measured in reach (impressions, visits), not in sales, and most of it is done by marketing.",
      inFunnel: "campaigns | agg impressions = sum(impressions), clicks = sum(clicks) by channel",
      source: "common usage (top of the funnel); the first stage of HubSpot's buyer's journey",
      related: ["brand awareness", "impression", "interest", "funnel"]),
    GlossaryTerm(
      "interest", aliases: ["consideration", "consideration stage", "middle of funnel", "mofu"], side: .both,
      oneLine: "The middle stage, where a prospect weighs options and learns before buying.",
      definition:
        "The prospect reads, attends a webinar, maybe asks a question. Marketing feeds this stage with useful content; sales joins in once the prospect is qualified.",
      inFunnel: "touches | where kind in [\"webinar\", \"content_download\", \"email_click\"] | count by kind",
      source: "common usage (middle of the funnel); HubSpot's buyer's journey calls it consideration",
      related: ["awareness", "decision", "nurturing", "content marketing"]),
    GlossaryTerm(
      "decision", aliases: ["decision stage", "bottom of funnel", "bofu", "purchase"], side: .sales,
      oneLine: "The narrow end of the funnel, where the buyer picks a supplier and agrees terms.",
      definition:
        "This is sales' home ground: demos, proposals, negotiation, signature.",
      inFunnel: "deals | where stage in [\"proposal\", \"negotiation\"] | agg open_value = sum(amount) by stage",
      source: "common usage (bottom of the funnel); the last stage of HubSpot's buyer's journey",
      related: ["interest", "closing", "negotiation", "win rate"]),
    GlossaryTerm(
      "demand waterfall", aliases: ["waterfall", "siriusdecisions waterfall"], side: .both,
      oneLine: "Named lead stages from inquiry through MQL, SAL and SQL to close, each with an owning team.",
      definition:
        "A framework from the research firm SiriusDecisions (now part of Forrester) that names the stages a lead passes through and which team owns each: an inquiry (someone raised a hand), a marketing qualified lead, a sales accepted lead, a sales qualified lead, then a closed deal. Its point is agreement: both teams count the same stages the same way and watch the conversion between each pair. Funnel's lead stages are close to it but record no acceptance step: lead, mql, sql, opportunity, won.",
      inFunnel: "leads | funnel steps lead, mql, sql, opportunity, won",
      source: "SiriusDecisions demand waterfall",
      related: ["MQL", "SAL", "SQL", "lifecycle stage", "funnel"]),
    GlossaryTerm(
      "lifecycle stage", aliases: ["lead stage", "lifecycle"], side: .both,
      oneLine: "A CRM's label for how far a contact has come: lead, MQL, SQL, opportunity, customer.",
      definition:
        "HubSpot's default lifecycle stages run subscriber, lead, marketing qualified lead, sales qualified lead, opportunity, customer and evangelist, and a contact normally moves only forward. The demo data's leads.stage follows the middle of that list (lead, mql, sql, opportunity, won), adds lost, and dates each step in its own column (mql_at, sql_at and so on).",
      inFunnel: "leads | count by stage",
      source: "HubSpot lifecycle stages",
      related: ["lead", "MQL", "SQL", "demand waterfall", "deal stage"]),
    GlossaryTerm(
      "lead", aliases: ["prospect", "raw lead"], side: .both,
      oneLine: "A person or company that has left a way to reach them and might one day buy.",
      definition:
        "The way in may be a form filled in, a badge scanned at an event or a reply to an email. Nobody has judged yet whether they are a good fit; a lead is the raw material both teams work on. In the data every row of leads is one.",
      inFunnel: "leads | count by channel",
      source: "HubSpot lifecycle stages",
      related: ["MQL", "lead generation", "lead scoring", "funnel"]),
    GlossaryTerm(
      "MQL", aliases: ["marketing qualified lead"], side: .marketing,
      oneLine: "A lead that marketing judges ready for a salesperson, by its score or by something it did.",
      definition:
        "Usually its score has passed an agreed threshold, or it did something telling, such as asking for pricing. In the data: a lead that reached mql (its stage is mql or later, or it has an mql_at date); mql_rate() is the share of all leads that did.",
      inFunnel: "leads | agg mqls = count_if(reached(\"mql\")), mql_rate() by channel",
      source: "HubSpot lifecycle stages; the SiriusDecisions demand waterfall; Funnel's mql_rate()",
      related: ["lead", "SQL", "SAL", "lead scoring", "hand-off"]),
    GlossaryTerm(
      "SAL", aliases: ["sales accepted lead"], side: .sales,
      oneLine: "An MQL that sales has looked at and agreed to work: the receipt of the hand-off.",
      definition:
        "The SAL rate is accepted leads ÷ MQLs, and acceptance comes before qualification (SQL). Funnel's lead stages do not record acceptance: a lead goes from mql straight to sql, so what Funnel can measure is the MQL-to-SQL rate, mql_to_sql_rate(), which is lower than the acceptance rate whenever sales accepts leads it later disqualifies.",
      inFunnel: "leads | agg mql_to_sql_rate()",
      source: "SiriusDecisions demand waterfall",
      related: ["MQL", "SQL", "hand-off", "SLA", "demand waterfall"]),
    GlossaryTerm(
      "SQL", aliases: ["sales qualified lead"], side: .sales,
      oneLine: "A lead a salesperson has spoken to and judged worth pursuing.",
      definition:
        "It has a need, a budget and someone who can decide. From here on the lead has an owner in sales. In the data: a lead that reached sql (its stage is sql or later, or it has an sql_at date).",
      inFunnel: "leads | agg mql_to_sql = conversion(\"mql\", \"sql\") by channel",
      source: "HubSpot lifecycle stages; the SiriusDecisions demand waterfall",
      related: ["MQL", "SAL", "qualification", "opportunity", "BANT"]),
    GlossaryTerm(
      "SQO", aliases: ["sales qualified opportunity"], side: .sales,
      oneLine: "An opportunity that sales has confirmed as real after a first meeting.",
      definition:
        "Real means a need, a budget and a date. Counting SQOs rather than all opportunities keeps hopeful deals out of the pipeline. In the demo data it is the opportunity stage.",
      inFunnel: "leads | agg sqos = count(opportunity_at), sql_to_sqo = conversion(\"sql\", \"opportunity\")",
      source: "common usage",
      related: ["opportunity", "SQL", "pipeline"]),
    GlossaryTerm(
      "opportunity", aliases: ["opp", "deal"], side: .sales,
      oneLine: "A qualified lead with a concrete deal attached: a product, an amount, a close date.",
      definition:
        "Each opportunity is a row in deals, with its product, amount and expected_close, and it moves through the deal stages until it is won or lost.",
      inFunnel: "deals | count by stage",
      source: "Salesforce's Opportunity record (HubSpot calls it a deal)",
      related: ["SQL", "pipeline", "deal stage", "win rate"]),
    GlossaryTerm(
      "customer", aliases: ["won", "closed won"], side: .both,
      oneLine: "Someone who has signed and paid: the bottom of the funnel.",
      definition:
        "In the data a customer is a lead with a date in won_at, and its deal has the stage closed_won. The demo data holds each customer's first deal only.",
      inFunnel: "deals | where stage == \"closed_won\" | agg customers = count(), revenue = sum(amount)",
      source: "HubSpot lifecycle stages; Salesforce's Closed Won stage",
      related: ["closing", "CAC", "LTV", "churn"]),
    GlossaryTerm(
      "drop-off", aliases: ["leakage", "funnel leak"], side: .both,
      oneLine: "The people lost between one stage of the funnel and the next.",
      definition:
        "Every funnel loses people; the useful question is which step loses more than it should, and for which channel or region. The funnel verb shows it as drop_off, the count that did not go on from the step before.",
      inFunnel: "leads | funnel",
      source: "common usage",
      related: ["funnel", "conversion rate", "nurturing"]),
    GlossaryTerm(
      "conversion rate", aliases: ["conversion", "stage conversion"], side: .both,
      oneLine: "Of those who reached one stage, the share who went on to reach a later one.",
      definition:
        "It is always a ratio of two counts, so always say which two stages you mean. A lead has reached a stage when its stage is that one or a later one, or it has the stage's date.",
      inFunnel: "leads | agg conversion(\"mql\", \"sql\"), conversion(\"sql\", \"won\") by channel",
      source: "common usage; Funnel's conversion(\"a\", \"b\")",
      related: ["funnel", "drop-off", "win rate", "MQL"]),
    GlossaryTerm(
      "touch", aliases: ["touchpoint", "interaction"], side: .both,
      oneLine: "One moment when a prospect meets you: an ad click, an email, a webinar, a call, a demo.",
      definition:
        "A buyer usually has many touches before signing, which is why credit for a sale is hard to share out. In the data each row of touches is one, with its kind and time.",
      inFunnel: "touches | count by kind | sort count desc",
      source: "common usage (HubSpot calls them interactions)",
      related: ["attribution", "campaign", "follow-up", "touches to close"]),
  ]
}
