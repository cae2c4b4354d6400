extension Glossary {
  /// The routes that reach buyers: the channels of the demo data and the kinds of work behind them.
  static let channelTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "advertising", aliases: ["ads", "paid media", "display"], side: .marketing,
      oneLine: "Paying to put a message in front of an audience: search, social, display, print, TV.",
      definition:
        "It buys reach quickly; the craft is in reaching the right people at a cost the sales that follow can justify. The demo data's paid channels are search, social and display banners.",
      inFunnel:
        "campaigns | where channel in [\"paid_search\", \"social\", \"display\"] | agg spend = sum(spend), ctr(), roas() by channel",
      source: "common usage",
      related: ["paid search", "impression", "CTR", "ROAS"]),
    GlossaryTerm(
      "paid search", aliases: ["sem", "ppc", "search ads", "pay per click"], side: .marketing,
      oneLine: "Adverts shown beside search results, paid for each click.",
      definition:
        "The advertiser bids on the words people search for and pays only when someone clicks. It reaches people at the moment they look for an answer, and stops the day you stop paying.",
      inFunnel: "campaigns | where channel == \"paid_search\" | agg ctr(), cpl(), roas()",
      source: "common usage",
      related: ["advertising", "SEO", "CTR", "CPL"]),
    GlossaryTerm(
      "SEO", aliases: ["search engine optimisation", "search engine optimization", "organic search"], side: .marketing,
      oneLine: "Making pages easy for search engines to rank, so people find you without paid clicks.",
      definition:
        "Results take months to arrive but do not stop when the budget does. In the demo data it shares the content_seo channel with content marketing.",
      inFunnel: "leads | where channel == \"content_seo\" | count by quarter(created_at)",
      source: "common usage",
      related: ["content marketing", "paid search", "inbound", "website traffic"]),
    GlossaryTerm(
      "content marketing", aliases: ["content"], side: .marketing,
      oneLine: "Publishing useful guides, reports, videos and podcasts so that people come to trust you.",
      definition:
        "It pays off slowly and keeps paying, which is the opposite shape from an advert.",
      inFunnel: "campaigns | where channel == \"content_seo\" | agg spend = sum(spend), cpl(), roas()",
      source: "common usage",
      related: ["SEO", "inbound", "nurturing", "demand generation"]),
    GlossaryTerm(
      "email marketing", aliases: ["email", "newsletter"], side: .marketing,
      oneLine: "Messages to people who gave their address: newsletters, announcements, nurture series.",
      definition:
        "It costs little per person and is measured by opens, clicks and the leads and deals that follow. In the data email campaigns make email_open and email_click touches (so do outbound sequences, a channel of their own).",
      inFunnel: "campaigns | where channel == \"email\" | agg campaigns = count(), spend = sum(spend), ctr(), cpl()",
      source: "common usage",
      related: ["nurturing", "engagement", "channel", "outbound"]),
    GlossaryTerm(
      "social media marketing", aliases: ["social media", "social", "paid social"], side: .marketing,
      oneLine: "Reaching people on social networks through posts, paid adverts and conversation.",
      definition:
        "The networks are LinkedIn, Facebook, Instagram and the like, where paid adverts can be aimed by job title or interest. It builds awareness at a low cost per impression, but its clicks turn into leads and deals less often than search's, because people there are not looking for a supplier. The demo data's social channel shows that: a low click-through rate and a low lead-to-MQL rate.",
      inFunnel:
        "campaigns | where channel in [\"social\", \"paid_search\"] | agg spend = sum(spend), ctr(), cpl(), roas() by channel",
      source: "common usage",
      related: ["advertising", "brand awareness", "CTR", "channel"]),
    GlossaryTerm(
      "event marketing", aliases: ["events", "trade show", "conference"], side: .marketing,
      oneLine: "Meeting buyers in person at trade shows, conferences and the company's own events.",
      definition:
        "Costly per lead, but the leads are warm and convert well, and an event is a touch both teams share: marketing books the stand, sales holds the meetings. In the demo data events cost the most per lead and convert among the best.",
      inFunnel:
        "scorecard | where channel in [\"events\", \"social\", \"email\"] | select channel, cpl, mql_rate, win_rate",
      source: "common usage",
      related: ["webinar", "CPL", "channel", "touch"]),
    GlossaryTerm(
      "webinar", aliases: ["online event", "web seminar"], side: .marketing,
      oneLine: "An online talk or demonstration that people register for, live or recorded.",
      definition:
        "Registering makes a lead, attending shows interest, and the recording keeps bringing leads after the day. It belongs to the middle of the funnel: people come to learn, not yet to buy. In the data webinar is both a channel (the campaigns) and a kind of touch (attending one).",
      inFunnel:
        "touches | where kind == \"webinar\" | agg attended = count(), people = count_distinct(lead_id) by quarter(touched_at)",
      source: "common usage",
      related: ["interest", "content marketing", "event marketing", "touch"]),
    GlossaryTerm(
      "referral", aliases: ["referral marketing", "word of mouth"], side: .both,
      oneLine: "A lead introduced by a customer, partner or acquaintance who vouches for you.",
      definition:
        "Referred buyers arrive already trusting you, so they convert better than almost any other source. Marketing runs referral programmes; salespeople ask satisfied customers for introductions. In the demo data referral is a channel with few leads, the cheapest per lead and the best converting.",
      inFunnel:
        "leads | agg leads = count(), win_share = share(won_at != null) by source = if(channel == \"referral\", \"referral\", \"other\")",
      source: "common usage",
      related: ["inbound", "customer", "retention", "channel"]),
    GlossaryTerm(
      "PR", aliases: ["public relations", "earned media", "press"], side: .marketing,
      oneLine: "Getting the company talked about by others: press coverage, interviews, analysts, awards.",
      definition:
        "It is earned, not paid for, and builds awareness and trust slowly; it rarely leaves a trace in a CRM, which is why it shows at most as visits and direct traffic.",
      inFunnel:
        "touches | where kind == \"page_view\" | agg views = count() by month = month(touched_at) | sort month desc | take 6",
      source: "common usage",
      related: ["brand awareness", "awareness", "marketing", "website traffic"]),
    GlossaryTerm(
      "account-based marketing", aliases: ["abm"], side: .both,
      oneLine: "Marketing and sales aiming together at a short list of named companies, each on its own.",
      definition:
        "The named companies are the target accounts, and each gets messages made for it instead of a wide net. It trades reach for precision and only works when both teams plan it jointly. A filter on a segment is not ABM: ABM names the accounts. The demo data has no company names, so the query below follows a list of chosen leads as a named-account list would be followed.",
      inFunnel: "leads | where lead_id in [12, 57, 301, 4410, 9876] | select lead_id, industry, company_size, stage",
      source: "common usage; the name is ITSMA's",
      related: ["smarketing", "outbound", "approach", "ICP"]),
    GlossaryTerm(
      "outbound", aliases: ["outbound sales", "cold outreach", "cold calling"], side: .both,
      oneLine: "Reaching out first to people who have not asked; in the demo data, a campaign channel.",
      definition:
        "Cold calls, personal emails and email sequences to a chosen list of people who have not asked to hear from you. Outbound prospecting is usually run by sales development reps (SDRs), one person at a time. The demo data records it as a marketing channel: outbound is a value of campaigns.channel and leads.channel, its campaigns have a spend, and their touches are sequence emails (email_open, email_click). So its leads, their cost and their conversion count on the campaign side, like any other channel's, until sales works them.",
      inFunnel: "leads | where channel == \"outbound\" | funnel",
      source: "common usage",
      related: ["inbound", "prospecting", "SDR", "account-based marketing"]),
  ]
}
