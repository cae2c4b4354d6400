extension Glossary {
  /// Sharing the credit for a sale among the touches before it; every model is read by both teams.
  static let attributionTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "attribution", aliases: ["attribution model", "credit"], side: .both,
      oneLine: "A rule for sharing the credit for a sale among the touches that came before it.",
      definition:
        "In the data nearly every touch carries the campaign it came through, so the credit adds up by campaign or channel. No rule is the truth; each answers a different question, and comparing them is more honest than picking one.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute compare by channel",
      source: "common usage; the models as HubSpot and Marketo Measure define them (docs/metrics.md)",
      related: ["first-touch", "last-touch", "linear", "U-shaped", "W-shaped", "time-decay", "touch"]),
    GlossaryTerm(
      "first-touch", aliases: ["first click", "first interaction"], side: .both,
      oneLine: "All the credit goes to the very first touch, the one that brought the buyer in.",
      definition:
        "A model both teams read, not a marketing measure: it favours what opens conversations (search, content, events), so it flatters marketing's early work and gives sales' calls nothing.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute first_touch by channel | sort revenue desc",
      source: "common usage; HubSpot and Google Analytics call it first interaction",
      related: ["attribution", "last-touch", "awareness"]),
    GlossaryTerm(
      "last-touch", aliases: ["last click", "last interaction"], side: .both,
      oneLine: "All the credit goes to the final touch before the deal closed.",
      definition:
        "A model both teams read: it favours whatever happens near the signature, often sales calls and demos, and forgets how the buyer arrived. Grouped by channel it hides that (the calls carry the lead's channel); group by the touch's kind to see it.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute last_touch by channel | sort revenue desc",
      source: "common usage; HubSpot and Google Analytics call it last interaction",
      related: ["attribution", "first-touch", "decision", "J-shaped"]),
    GlossaryTerm(
      "linear", aliases: ["linear attribution", "even split"], side: .both,
      oneLine: "Every touch before the sale gets an equal share of the credit.",
      definition:
        "Fair-looking and simple, it treats a glance at an email the same as a two-hour demo.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute linear by channel",
      source: "common usage; a model of HubSpot and Google Analytics",
      related: ["attribution", "U-shaped", "time-decay"]),
    GlossaryTerm(
      "time-decay", aliases: ["time-decay attribution"], side: .both,
      oneLine: "Recent touches count more: a touch's weight halves for every half-life before the close.",
      definition:
        "The half-life is seven days unless you write another (time_decay(14d)), and the weights are scaled so that a deal's credit adds up to its amount. A model both teams read: it rewards what happened near the decision, so over a long cycle it leans towards sales' late touches.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute time_decay(14d) by channel",
      source: "Google Analytics and Google Ads (a one-week half-life)",
      related: ["attribution", "last-touch", "sales cycle"]),
    GlossaryTerm(
      "U-shaped", aliases: ["position-based"], side: .both,
      oneLine: "40% to the first touch, 40% to the lead-creation touch, 20% shared by the others.",
      definition:
        "It honours how a buyer first found you and what turned them into a lead (the form fill). Google's position-based model splits the same way but gives its second 40% to the last touch.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute u_shaped by channel",
      source: "HubSpot and Marketo Measure attribution models",
      related: ["attribution", "W-shaped", "first-touch", "last-touch"]),
    GlossaryTerm(
      "W-shaped", side: .both,
      oneLine: "30% each to the first, lead-creation and opportunity-creation touches, 10% to the rest.",
      definition:
        "U-shaped with a third moment, the touch that opened the deal (the last touch on or before the deal's creation). It treats the start of the deal as a moment of its own, which suits teams with a clear opportunity stage.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute w_shaped by channel",
      source: "HubSpot and Marketo Measure attribution models",
      related: ["attribution", "U-shaped", "full-path", "hand-off"]),
    GlossaryTerm(
      "full-path", aliases: ["full-path attribution", "z-shaped"], side: .both,
      oneLine: "22.5% each to the first, lead, opportunity and closing touches, 10% to the rest.",
      definition:
        "W-shaped with a fourth moment, the touch that closed the deal. It follows the whole journey from first visit to signature, so it gives sales' late touches their due as well as marketing's early ones. On pipeline there is no close yet, and the opportunity-creation touch stands in for it.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute full_path by channel",
      source: "HubSpot and Marketo Measure attribution models",
      related: ["attribution", "W-shaped", "U-shaped", "last-touch"]),
    GlossaryTerm(
      "J-shaped", side: .both,
      oneLine: "60% to the last touch, 20% to the first, 20% shared by the touches between.",
      definition:
        "A position model weighted towards the end. It suits a team that cares most about what tips a buyer into signing but does not want to forget how the buyer arrived.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute j_shaped by channel",
      source: "HubSpot attribution models",
      related: ["attribution", "inverse J", "last-touch"]),
    GlossaryTerm(
      "inverse J", aliases: ["inverse J-shaped", "reverse J"], side: .both,
      oneLine: "60% to the first touch, 20% to the last, 20% shared by the touches between.",
      definition:
        "The mirror of J-shaped. It suits a team that values finding new buyers most while still crediting what closed them.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute inverse_j by channel",
      source: "HubSpot attribution models",
      related: ["attribution", "J-shaped", "first-touch"]),
    GlossaryTerm(
      "touches to close", aliases: ["touches per deal", "average touches to close"], side: .both,
      oneLine: "How many touches a won deal's buyer had, on average, up to the close.",
      definition:
        "The touches of the won deals' leads up to each deal's close, divided by the won deals: how much contact a sale takes. It counts marketing's touches and sales' alike, which is why both teams read it; rising, it says buyers need more convincing or the teams are making more noise. Funnel's avg_touches_to_close() counts every touch on or before the close.",
      inFunnel: "deals | agg avg_touches_to_close() by product",
      source: "common usage; Funnel's avg_touches_to_close()",
      related: ["touch", "attribution", "sales cycle"]),
  ]
}
