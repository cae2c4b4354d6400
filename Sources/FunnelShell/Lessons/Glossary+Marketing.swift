extension Glossary {
  /// Marketing's work and the numbers it is judged by.
  static let marketingTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "brand awareness", aliases: ["brand", "branding", "awareness metrics"], side: .marketing,
      oneLine: "How many people in your market know your name and what it stands for.",
      definition:
        "It is slow to build and hard to tie to one sale, which is why marketing reports it with reach numbers (impressions, visits, mentions) rather than revenue.",
      inFunnel: "campaigns | agg impressions = sum(impressions) by channel | sort impressions desc",
      source: "common usage",
      related: ["awareness", "impression", "advertising", "content marketing"]),
    GlossaryTerm(
      "demand generation", aliases: ["demand gen"], side: .marketing,
      oneLine: "Making people want what you sell before they are ready to talk to anyone.",
      definition:
        "It is done by teaching, showing the problem and building trust. Lead generation harvests the demand it creates.",
      inFunnel: "leads | cohort quarter(created_at)",
      source: "common usage",
      related: ["lead generation", "brand awareness", "content marketing"]),
    GlossaryTerm(
      "lead generation", aliases: ["lead gen", "demand capture"], side: .marketing,
      oneLine: "Turning anonymous attention into named leads: forms, sign-ups, replies.",
      definition:
        "Its tools are forms behind useful content, event sign-ups and ads that invite a reply. Sales also generates some leads of its own by prospecting.",
      inFunnel: "leads | count by month(created_at)",
      source: "common usage",
      related: ["lead", "inbound", "outbound", "CPL", "demand generation"]),
    GlossaryTerm(
      "inbound", aliases: ["inbound marketing", "inbound lead"], side: .marketing,
      oneLine: "Leads who come to you: they found an article, searched, or were referred, and asked.",
      definition:
        "The idea is to attract buyers with something useful rather than interrupt them. Inbound usually costs less per lead and takes longer to build up.",
      inFunnel: "leads | where channel in [\"content_seo\", \"referral\", \"webinar\"] | funnel",
      source: "HubSpot, who named inbound marketing",
      related: ["outbound", "content marketing", "SEO", "lead generation"]),
    GlossaryTerm(
      "nurturing", aliases: ["lead nurturing", "nurture"], side: .marketing,
      oneLine: "Staying helpfully in touch with leads who are not ready to buy yet.",
      definition:
        "It is done mostly by email and content, so that you are the first name they think of when they are ready. It is marketing's answer to long buying cycles.",
      inFunnel: "touches | where kind in [\"email_open\", \"email_click\"] | count by month(date(touched_at))",
      source: "common usage",
      related: ["lead", "MQL", "follow-up", "content marketing", "email marketing"]),
    GlossaryTerm(
      "lead scoring", aliases: ["score", "scoring"], side: .marketing,
      oneLine: "Points for a lead's fit and behaviour, so that the best leads reach sales first.",
      definition:
        "Fit is who the lead is (industry, size), behaviour what it does (visits, downloads). The threshold where a lead becomes an MQL is the line both teams must agree on. In the data each lead has a score.",
      inFunnel:
        "leads | derive band = if(score >= 70, \"70+\", \"under 70\") | agg leads = count(), to_sql = conversion(\"lead\", \"sql\") by band",
      source: "common usage",
      related: ["MQL", "SLA", "qualification", "engagement"]),
    GlossaryTerm(
      "campaign", aliases: ["marketing campaign"], side: .marketing,
      oneLine: "One organised push with a budget, a channel and dates, such as an ad group or a trade show.",
      definition:
        "Campaigns are how marketing spends money, so most marketing metrics are sums over campaigns. In the data each has a name, a channel, start and end dates, a budget, its spend so far, impressions and clicks.",
      inFunnel: "campaigns | top 5 by spend",
      source: "common usage",
      related: ["channel", "CPL", "ROAS", "touch", "budget pacing"]),
    GlossaryTerm(
      "channel", aliases: ["marketing channel", "source"], side: .marketing,
      oneLine: "The kind of route a campaign takes to reach people: search, email, events, social.",
      definition:
        "Comparing channels is the everyday question of where the next dollar should go. The demo data has ten: paid_search, social, email, events, webinar, content_seo, referral, outbound, display and partner; a lead that came in without a campaign has the channel direct.",
      inFunnel: "campaigns | agg spend = sum(spend), cpl(), roas() by channel",
      source: "common usage",
      related: ["campaign", "paid search", "SEO", "attribution"]),
    GlossaryTerm(
      "impression", aliases: ["impressions", "reach"], side: .marketing,
      oneLine: "One showing of an advert or post to one person.",
      definition:
        "Impressions count how often you were seen, not whether anyone cared; one person who sees an advert three times makes three. Reach counts the different people.",
      inFunnel: "campaigns | agg impressions = sum(impressions), ctr() by channel",
      source: "common usage",
      related: ["CTR", "awareness", "advertising"]),
    GlossaryTerm(
      "CTR", aliases: ["click-through rate"], side: .marketing,
      oneLine: "Clicks divided by impressions: the share of people who saw a message and acted on it.",
      definition:
        "A quick test of whether an advert speaks to its audience; it says nothing yet about sales. Funnel's ctr() divides the campaigns' clicks by their impressions.",
      inFunnel: "campaigns | agg ctr() by channel | sort ctr desc",
      source: "common usage; Funnel's ctr()",
      related: ["impression", "advertising", "CPL"]),
    GlossaryTerm(
      "engagement", aliases: ["customer engagement"], side: .marketing,
      oneLine: "What people do with what marketing sends them: opens, clicks, downloads, attendance.",
      definition:
        "Marketing is judged by it because it shows interest building long before a deal, and it is the behaviour half of lead scoring. There is no one formula, so say which actions you count; in the data they are the touches of the marketing kinds.",
      inFunnel:
        "touches | where kind in [\"email_click\", \"content_download\", \"webinar\", \"event\"] | agg touches = count(), people = count_distinct(lead_id) by kind",
      source: "common usage (no standard formula)",
      related: ["nurturing", "lead scoring", "touch", "metrics"]),
    GlossaryTerm(
      "website traffic", aliases: ["web traffic", "website visitors", "site visits"], side: .marketing,
      oneLine: "Visits to the company's website, counted as page views, sessions or visitors.",
      definition:
        "Analytics tools count every visit, known or anonymous, as page views, sessions and users; traffic rises with search, content, advertising and press, so marketing reads it as a sign of reach. The demo data holds only the page views of people who became leads (touches of kind page_view, including their visits before the form fill), so it shows less traffic than an analytics tool would.",
      inFunnel:
        "touches | where kind == \"page_view\" | agg views = count(), visitors = count_distinct(lead_id) by quarter(touched_at)",
      source: "common usage; Google Analytics counts page views, sessions and users",
      related: ["SEO", "PR", "awareness", "engagement"]),
    GlossaryTerm(
      "market research", aliases: ["research", "customer research"], side: .marketing,
      oneLine: "Studying buyers, competitors and segments before spending, to know whom to aim at.",
      definition:
        "Surveys, interviews, win-loss reviews, industry reports and the company's own data. It tells marketing whom to aim at and what to say, and gives sales the questions buyers are asking.",
      inFunnel:
        "leads | agg leads = count(), won = count(won_at), win_share = share(won_at != null) by industry | sort win_share desc",
      source: "common usage",
      related: ["segment", "ICP", "marketing"]),
    GlossaryTerm(
      "lead velocity rate", aliases: ["lvr", "lead velocity"], side: .marketing,
      oneLine: "The month-on-month growth of qualified leads, an early sign of later revenue.",
      definition:
        "The growth of qualified leads (MQLs) from one month to the next: (this month's MQLs − last month's) ÷ last month's. It is watched as a leading indicator, since the qualified leads of today are the deals of a quarter or two from now. Funnel's lead_velocity_rate() computes it in agg over a month key; a month still running shows a fall, so read whole months.",
      inFunnel:
        "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by m = month(mql_at) | where m != null | sort m desc | take 6",
      source: "common usage (SaaS metrics); Funnel's lead_velocity_rate()",
      related: ["MQL", "time lag", "forecast", "demand generation"]),
    GlossaryTerm(
      "budget pacing", aliases: ["pacing", "spend pacing"], side: .marketing,
      oneLine: "Whether a campaign is spending its budget at the rate its dates are running.",
      definition:
        "Setting what a campaign has spent against how far through its flight (start to end date) it is: half-way through its dates with 80% of the budget gone is overspending, with 20% gone underspending. Media buyers check it often so that money neither runs out early nor goes unspent. Funnel's pacing divides the share spent by the share of the flight elapsed and flags a pace above 1.1 as over and below 0.9 as under.",
      inFunnel: "campaigns | pacing by channel",
      source: "common usage (ad platforms); the thresholds are Funnel's choice (docs/metrics.md)",
      related: ["campaign", "advertising", "ROAS"]),
    GlossaryTerm(
      "sourced pipeline", aliases: ["marketing sourced pipeline", "pipeline sourced"], side: .marketing,
      oneLine: "Open deals whose source campaign is one of marketing's, each credited whole to it.",
      definition:
        "The pipeline a team can say it started. In a CRM each deal has one primary campaign source, and the open deals with a marketing campaign there are marketing-sourced. It counts each deal once and whole, unlike influenced pipeline, which shares a deal among every campaign that touched it (an attribution model). In the data a deal's campaign_id is its source campaign; a deal without one came from a lead that arrived on its own (channel direct).",
      inFunnel: "campaigns | agg pipeline_value() by channel | sort pipeline_value desc",
      source: "common usage; a deal's source as Salesforce's Primary Campaign Source",
      related: ["pipeline", "pipeline value", "attribution", "campaign"]),
  ]
}
