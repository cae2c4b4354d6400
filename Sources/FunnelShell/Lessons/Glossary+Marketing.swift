extension Glossary {
  /// Marketing's work and the numbers it is judged by.
  static let marketingTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "brand awareness", aliases: ["brand", "branding", "awareness metrics"], side: .marketing,
      definition:
        "How many people in your market know your name and what you stand for. It is slow to build and hard to tie to one sale, which is why marketing reports it with reach numbers rather than revenue.",
      inFunnel: "campaigns | agg impressions = sum(impressions) by channel | sort impressions desc",
      related: ["awareness", "impression", "advertising", "content marketing"]),
    GlossaryTerm(
      "lead generation", aliases: ["lead gen", "demand capture"], side: .marketing,
      definition:
        "Everything done to turn anonymous attention into named leads: forms behind useful content, event sign-ups, ads that invite a reply. Sales also generates some leads of its own by prospecting.",
      inFunnel: "leads | count by month(created_at)",
      related: ["lead", "inbound", "outbound", "CPL", "demand generation"]),
    GlossaryTerm(
      "demand generation", aliases: ["demand gen"], side: .marketing,
      definition:
        "The wider job of making people want what you sell before they are ready to talk to anyone: teaching, showing the problem, building trust. Lead generation harvests the demand it creates.",
      inFunnel: "leads | cohort quarter(created_at)",
      related: ["lead generation", "brand awareness", "content marketing"]),
    GlossaryTerm(
      "inbound", aliases: ["inbound marketing", "inbound lead"], side: .marketing,
      definition:
        "Leads who come to you: they found an article, searched, or were referred, and raised their hand. Inbound usually costs less per lead and takes longer to build up.",
      inFunnel: "leads | where channel in [\"content_seo\", \"referral\", \"webinar\"] | funnel",
      related: ["outbound", "content marketing", "SEO", "lead generation"]),
    GlossaryTerm(
      "nurturing", aliases: ["lead nurturing", "nurture"], side: .marketing,
      definition:
        "Staying helpfully in touch with leads who are not ready to buy yet, mostly by email and content, so that you are the first name they think of when they are. It is marketing's answer to long buying cycles.",
      inFunnel: "touches | where kind in [\"email_open\", \"email_click\"] | count by month(date(touched_at))",
      related: ["lead", "MQL", "follow-up", "content marketing"]),
    GlossaryTerm(
      "lead scoring", aliases: ["score", "scoring"], side: .marketing,
      definition:
        "Giving each lead points for fit (industry, size) and for behaviour (visits, downloads) so that the best ones reach sales first. The threshold where a lead becomes an MQL is the line both teams must agree on.",
      inFunnel:
        "leads | derive band = if(score >= 70, \"70+\", \"under 70\") | agg leads = count(), to_sql = conversion(\"lead\", \"sql\") by band",
      related: ["MQL", "SLA", "qualification"]),
    GlossaryTerm(
      "content marketing", aliases: ["content"], side: .marketing,
      definition:
        "Publishing things people find genuinely useful (guides, reports, videos, podcasts) so that they come to trust you. It pays off slowly and keeps paying, which is the opposite shape from an advert.",
      inFunnel: "campaigns | where channel == \"content_seo\" | agg spend = sum(spend), cpl(), roas()",
      related: ["SEO", "inbound", "nurturing", "demand generation"]),
    GlossaryTerm(
      "SEO", aliases: ["search engine optimisation", "search engine optimization", "organic search"], side: .marketing,
      definition:
        "Making your pages easy for search engines to understand and worth ranking, so people find you without you paying per click. Results take months to arrive but do not stop when the budget does.",
      inFunnel: "leads | where channel == \"content_seo\" | count by quarter(created_at)",
      related: ["content marketing", "paid search", "inbound"]),
    GlossaryTerm(
      "paid search", aliases: ["sem", "ppc", "search ads", "pay per click"], side: .marketing,
      definition:
        "Adverts shown beside search results, paid for each click. It reaches people at the moment they look for an answer, and stops the day you stop paying.",
      inFunnel: "campaigns | where channel == \"paid_search\" | agg ctr(), cpl(), roas()",
      related: ["advertising", "SEO", "CTR", "CPL"]),
    GlossaryTerm(
      "advertising", aliases: ["ads", "paid media", "display"], side: .marketing,
      definition:
        "Paying to put a message in front of an audience: search, social, display banners, print, TV. It buys reach quickly; the craft is in reaching the right people at a cost the sales that follow can justify.",
      inFunnel:
        "campaigns | where channel in [\"paid_search\", \"social\", \"display\"] | agg spend = sum(spend), ctr(), roas() by channel",
      related: ["paid search", "impression", "CTR", "ROAS"]),
    GlossaryTerm(
      "account-based marketing", aliases: ["abm"], side: .both,
      definition:
        "Choosing a short list of named companies (target accounts) and aiming marketing and sales at each of them together, with messages made for that company, instead of casting a wide net. It trades reach for precision and only works when both teams plan it jointly. A filter on a segment is not ABM: ABM names the accounts. The demo data has no company names, so the query below follows a list of chosen leads as a named-account list would be followed.",
      inFunnel: "leads | where lead_id in [12, 57, 301, 4410, 9876] | select lead_id, industry, company_size, stage",
      related: ["smarketing", "outbound", "average deal size"]),
    GlossaryTerm(
      "impression", aliases: ["impressions", "reach"], side: .marketing,
      definition:
        "One showing of an advert or post to one person. Impressions count how often you were seen, not whether anyone cared.",
      inFunnel: "campaigns | agg impressions = sum(impressions), ctr() by channel",
      related: ["CTR", "awareness", "advertising"]),
    GlossaryTerm(
      "CTR", aliases: ["click-through rate"], side: .marketing,
      definition:
        "Clicks divided by impressions: of the people who saw the message, the share who acted on it. A quick test of whether an advert speaks to its audience; it says nothing yet about sales.",
      inFunnel: "campaigns | agg ctr() by channel | sort ctr desc",
      related: ["impression", "advertising", "CPL"]),
    GlossaryTerm(
      "CPL", aliases: ["cost per lead"], side: .marketing,
      definition:
        "Marketing spend divided by the number of leads it brought. Cheap leads are only good news if enough of them go on to buy, so read CPL next to conversion and cost per opportunity.",
      inFunnel: "campaigns | agg cpl() by channel | sort cpl",
      related: ["cost per opportunity", "CAC", "lead generation"]),
    GlossaryTerm(
      "cost per opportunity", aliases: ["cost per opp", "cpo"], side: .both,
      definition:
        "Marketing spend divided by the deals (opportunities) that came from it. It moves the question from how many leads a channel brings to how many real sales conversations.",
      inFunnel: "campaigns | agg cpl(), cost_per_opportunity() by channel",
      related: ["CPL", "CAC", "opportunity"]),
    GlossaryTerm(
      "ROAS", aliases: ["return on ad spend"], side: .marketing,
      definition:
        "Revenue won divided by what was spent to win it: a ROAS of 3 means three dollars of sales for every dollar of spend. It ignores every cost other than the spend itself, and it depends on which campaign a deal is credited to: the one that sourced it, or a share for every campaign that touched it (an attribution model).",
      inFunnel: "campaigns | agg roas() by channel | sort roas desc",
      related: ["ROI", "CPL", "attribution"]),
    GlossaryTerm(
      "ROI", aliases: ["return on investment"], side: .both,
      definition:
        "What you gained beyond what you spent, as a share of what you spent: (return − spend) ÷ spend. On revenue it flatters, since a sale also costs the goods or service sold; on gross margin (revenue × margin) it is the return the business keeps. An ROI of 0 means you got your money back and nothing more; below 0 means a loss.",
      inFunnel: "campaigns | agg spend(), roi(), roi(margin = 0.7) by channel | sort roi desc",
      related: ["ROAS", "CAC", "LTV"]),
  ]
}
