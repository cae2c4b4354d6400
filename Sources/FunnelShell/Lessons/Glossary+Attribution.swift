extension Glossary {
  /// Sharing the credit for a sale among the touches before it.
  static let attributionTerms: [GlossaryTerm] = [
    GlossaryTerm(
      "attribution", aliases: ["attribution model", "credit"], side: .both,
      definition:
        "A rule for sharing the credit for a sale among the campaigns that touched the buyer before it. No rule is the truth; each answers a different question, and comparing them is more honest than picking one.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute compare by channel",
      related: ["first-touch", "last-touch", "linear", "U-shaped", "W-shaped", "time-decay", "touch"]),
    GlossaryTerm(
      "first-touch", aliases: ["first click"], side: .both,
      definition:
        "All the credit goes to the very first touch, the one that brought the buyer in. A model both teams read, not a marketing measure: it favours what opens conversations (search, content, events), so it flatters marketing's early work and gives sales' calls nothing.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute first_touch by channel | sort revenue desc",
      related: ["attribution", "last-touch", "awareness"]),
    GlossaryTerm(
      "last-touch", aliases: ["last click"], side: .both,
      definition:
        "All the credit goes to the final touch before the deal closed. A model both teams read: it favours whatever happens near the signature, often sales calls and demos, and forgets how the buyer arrived. Grouped by channel it hides that (the calls carry the lead's channel); group by the touch's kind to see it.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute last_touch by channel | sort revenue desc",
      related: ["attribution", "first-touch", "decision"]),
    GlossaryTerm(
      "linear", aliases: ["linear attribution", "even split"], side: .both,
      definition:
        "Every touch before the sale gets an equal share. Fair-looking and simple, it treats a glance at an email the same as a two-hour demo.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute linear by channel",
      related: ["attribution", "U-shaped", "time-decay"]),
    GlossaryTerm(
      "U-shaped", aliases: ["position-based"], side: .both,
      definition:
        "Forty per cent to the first touch, forty to the touch that created the lead (the form fill), and the remaining twenty shared by the other touches: it honours how a buyer first found you and what turned them into a lead.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute u_shaped by channel",
      related: ["attribution", "W-shaped", "first-touch", "last-touch"]),
    GlossaryTerm(
      "W-shaped", side: .both,
      definition:
        "Three key moments get thirty per cent each (the first touch, the touch that created the lead, and the touch that opened the deal) and the other ten per cent is spread over the rest. It treats the start of the deal as a moment of its own.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute w_shaped by channel",
      related: ["attribution", "U-shaped", "hand-off"]),
    GlossaryTerm(
      "time-decay", aliases: ["time-decay attribution"], side: .both,
      definition:
        "Recent touches count more: a touch loses half its weight for every half-life (seven days unless you say otherwise) it lies before the close. A model both teams read: it rewards what happened near the decision, so over a long cycle it leans towards sales' late touches.",
      inFunnel: "deals | where stage == \"closed_won\" | attribute time_decay(14d) by channel",
      related: ["attribution", "last-touch", "sales cycle"]),
  ]
}
