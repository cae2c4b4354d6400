extension Glossary {
  /// The two teams, the ways they differ (the dimensions of the usual comparison), and how they work together.
  static let teamTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "sales", aliases: ["sales team", "selling"], side: .sales,
      oneLine: "The team that turns interest into revenue one buyer at a time, against this period's quota.",
      definition:
        "Its work is conversations, demos, proposals, negotiation and the signature. Its horizon is short (this month's deals, this quarter's quota) and its work one-to-one; its numbers are pipeline, win rate, deal size and the time a deal takes.",
      inFunnel:
        "deals | where stage == \"closed_won\" | agg revenue = sum(amount), deals = count() by owner | sort revenue desc",
      source: "common usage",
      related: ["marketing", "pipeline", "quota", "win rate", "smarketing", "focus"]),
    GlossaryTerm(
      "marketing", aliases: ["marketing team"], side: .marketing,
      oneLine: "The team that makes a market know, trust and want what the company sells.",
      definition:
        "It speaks to many people at once: brand, content, campaigns, events, research. Its horizon is long (a brand is built over years, a campaign's leads buy months later) and its numbers are reach, leads, cost per lead and the pipeline and revenue it sourced.",
      inFunnel: "campaigns | agg spend(), cpl(), roi() by channel | sort cpl",
      source: "common usage",
      related: ["sales", "brand awareness", "demand generation", "lead generation", "smarketing", "focus"]),
    GlossaryTerm(
      "focus", aliases: ["primary focus", "goal", "objective"], side: .both,
      oneLine: "What each team is for: sales closes deals now, marketing builds the demand they come from.",
      definition:
        "The first way the two teams differ. Sales aims at the transaction: persuade this buyer, close this deal, bring in revenue this period, counted in deals won and money. Marketing aims at the market: make people aware of the company, show what it offers and why, build trust and preference, so that demand is there when buyers are ready. Each needs the other: demand nobody closes is wasted, and sales runs dry without it. The query sets marketing's side (spend, leads) beside sales' (pipeline, revenue) for each channel.",
      inFunnel: "scorecard | select channel, spend, leads, pipeline_value, revenue",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["sales", "marketing", "time horizon", "demand generation", "closing"]),
    GlossaryTerm(
      "time horizon", aliases: ["horizon", "short term", "long term"], side: .both,
      oneLine: "How far ahead each team works: sales to this month and quarter, marketing over years.",
      definition:
        "Sales works to the calendar of its quota: this month, this quarter, and a deal that slips past the period's end counts against it. Marketing's work pays off later and more slowly: a brand is built over years, an article keeps bringing visitors long after it is published, and a lead from this month's campaign may buy two quarters from now. The query counts won leads by the months between the lead and the win; that gap (the time lag) is why last month's campaigns cannot be judged by this month's revenue.",
      inFunnel:
        "leads | where won_at != null | agg won = count() by months_to_win = floor((won_at - created_at) / 30)",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["quota", "time lag", "brand awareness", "cohort", "focus"]),
    GlossaryTerm(
      "approach", aliases: ["direct interaction", "one-to-one", "mass communication", "scope"], side: .both,
      oneLine: "How each team reaches buyers: sales one person at a time, marketing many at once.",
      definition:
        "Sales is direct and personal: calls, meetings, demos and emails written for one buyer, so it learns that buyer's needs and shapes the offer to them. Marketing speaks to an audience: an advert, an article, a webinar or a post reaches thousands at once, shaped for a segment rather than a person and cheap per head. Account-based marketing sits between the two, marketing aimed at a few named companies. The query splits the touches into one-to-one ones (calls, sales emails, demos) and the rest.",
      inFunnel:
        "touches | agg touches = count(), people = count_distinct(lead_id) by one_to_one = kind in [\"sales_call\", \"sales_email\", \"demo\"]",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["account-based marketing", "touch", "product demo", "advertising", "segment"]),
    GlossaryTerm(
      "metrics", aliases: ["KPI", "key performance indicator", "success metrics"], side: .both,
      oneLine: "What each team is judged by: sales by revenue and deals, marketing by reach, leads and pipeline.",
      definition:
        "Sales is measured in closed business: revenue against quota, win rate, deal size, how long deals take, and the pipeline for the next period. Marketing is measured further up: reach and awareness, website visits, engagement, leads and what they cost, and more and more the pipeline and revenue its leads became; customer loyalty and retention count too. The two sets meet at the hand-off, which is why a shared scorecard puts them on one row per channel.",
      inFunnel: "scorecard | select channel, cpl, mql_rate, mql_to_sql_rate, win_rate, avg_deal_size",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["scorecard", "win rate", "CPL", "quota", "engagement"]),
    GlossaryTerm(
      "activities", aliases: ["activity", "sales activities", "marketing activities"], side: .both,
      oneLine: "The daily work: sales calls, demos, negotiates; marketing advertises, publishes, researches.",
      definition:
        "Sales' work is prospecting, qualifying leads, presenting and demonstrating the product, negotiating price and terms, following up and closing. Marketing's is market research, branding, advertising, search engine optimisation, content, social media, email, events and PR. The touches in the data show both: campaign touches (ad clicks, emails, webinars, downloads, page views) and sales touches (calls, sales emails, demos).",
      inFunnel:
        "touches | agg touches = count() by team = if(kind in [\"sales_call\", \"sales_email\", \"demo\"], \"sales\", \"marketing\"), kind | sort team, touches desc",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["prospecting", "product demo", "negotiation", "advertising", "content marketing", "market research"]),
    GlossaryTerm(
      "place in the process", aliases: ["process stage", "stage in the process", "where in the funnel"], side: .both,
      oneLine: "Where each team works along the buyer's journey: marketing early, sales at the end.",
      definition:
        "Marketing works the early stages: it introduces the company, draws attention, builds interest and trust, and nurtures leads until they are ready. Sales takes over near the end, when a buyer is weighing a purchase: it answers the last objections, negotiates and closes. The hand-off between them (mql to sql in the data) is where the process most often breaks. The query shows the days leads spend in each stage: lead and mql are marketing's, sql and opportunity sales'.",
      inFunnel: "leads | stage_durations | select stage, entered, median_days",
      source: "common usage (the usual comparison of sales and marketing)",
      related: ["buyer's journey", "funnel", "hand-off", "awareness", "decision"]),
    GlossaryTerm(
      "smarketing", aliases: ["sales and marketing alignment", "alignment", "revenue team"], side: .both,
      oneLine: "Sales and marketing working as one team towards one revenue goal.",
      definition:
        "In practice: shared definitions of a good lead, a written hand-off, regular meetings over the same numbers, and feedback running both ways.",
      inFunnel: "scorecard",
      source: "common usage; HubSpot popularised the word",
      related: ["SLA", "hand-off", "scorecard", "MQL"]),
    GlossaryTerm(
      "SLA", aliases: ["service level agreement"], side: .both,
      oneLine: "A written promise between the teams: so many qualified leads, each followed up so fast.",
      definition:
        "Marketing commits to a number of qualified leads, sales to follow each one up within an agreed time. It turns complaints about lead quality into numbers both can check.",
      inFunnel:
        "leads | where mql_at != null | agg within_30_days = share(sql_at - mql_at <= 30), never_worked = share(stage == \"mql\")",
      source: "common usage",
      related: ["smarketing", "hand-off", "follow-up", "MQL", "speed to lead"]),
    GlossaryTerm(
      "hand-off", aliases: ["handoff", "lead handoff"], side: .both,
      oneLine: "The moment a lead passes from marketing to sales.",
      definition:
        "Leads are most often lost here, either because they were not ready or because nobody called them in time. In the data it is the step from mql to sql, and mql_to_sql_rate() the share that made it.",
      inFunnel:
        "leads | agg mqls = count_if(reached(\"mql\")), sqls = count_if(reached(\"sql\")), mql_to_sql_rate() by channel",
      source: "common usage",
      related: ["MQL", "SAL", "SQL", "SLA", "place in the process"]),
    GlossaryTerm(
      "scorecard", aliases: ["shared scorecard", "dashboard"], side: .both,
      oneLine: "One table with marketing's and sales' numbers side by side for each channel.",
      definition:
        "Both teams then argue from the same facts. In Funnel it is a source of its own: spend, leads, cost per lead and MQL rate beside the MQL-to-SQL rate, opportunities, win rate, deal size, cycle, pipeline and revenue.",
      inFunnel: "scorecard by channel",
      source: "Funnel's choice of columns (docs/metrics.md)",
      related: ["smarketing", "CPL", "win rate", "ROAS", "metrics"]),
  ]
}
