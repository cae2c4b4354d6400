extension Lessons {
  /// Lesson 5: sharing the credit for a sale, and why the rules disagree.
  static let attribution = Lesson(
    number: 5, title: "Attribution: who gets the credit?",
    summary:
      "A customer meets you many times before buying. The rules for sharing the credit, and how much they disagree.",
    pages: [
      LessonPage(
        text: """
          Before a customer signs, they usually meet the company several times: an advert, a newsletter, a
          webinar, a sales call, a demo. Each meeting is a touch. Counting touches per lead shows how many
          moments could claim a share of the sale. `count by lead_id` makes one row per lead with its number
          of touches, and a second `agg` then summarises those rows.
          """,
        query:
          "touches | count by lead_id | agg leads = count(), median_touches = median(count), most_touches = max(count)",
        question:
          "How many touches does a typical lead have? If only one of them could get the credit, which would you pick?"),
      LessonPage(
        text: """
          Attribution is a rule for sharing each won deal's revenue among the touches before it closed. The
          stage `attribute` does this for the deals it receives: here the won ones. First-touch gives everything
          to the very first touch, the one that brought the customer in. A touch that came from no campaign (a
          visit or a call nobody traced to one) has no channel: it shows as null.
          """,
        query: "deals | where stage == \"closed_won\" | attribute first_touch by channel",
        question:
          "Which channel gets the most revenue under first-touch? What kind of channel is it: one that opens conversations or one that closes them?"
      ),
      LessonPage(
        text: """
          Last-touch gives everything to the final touch before the signature. It flatters whatever happens near
          the end of the journey and forgets how the customer arrived. Grouped by channel that is hard to see: a
          sales call carries the channel of the campaign that brought its lead, so sales' work hides inside the
          marketing channels. Grouped by `kind`, what the touch was, it shows.
          """,
        query: "deals | where stage == \"closed_won\" | attribute last_touch by kind",
        question:
          "Which kinds of touch take most of the revenue under last-touch? Whose work are they, marketing's or sales'? Try `by channel` too: which channels gain and which lose against the first touch?"
      ),
      LessonPage(
        text: """
          Between the two extremes: linear shares equally among all touches; u_shaped gives 40% to the first touch
          and 40% to the one that created the lead (the form fill), 20% to the rest; w_shaped gives 30% each to the
          first, the lead-creation and the opportunity-creation touch; full_path adds the closing touch (22.5%
          each); j_shaped and inverse_j lean to the last or the first touch; time_decay favours the touches closest
          to the close. `attribute compare` shows one revenue column per rule, side by side.
          """,
        query: "deals | where stage == \"closed_won\" | attribute compare by channel",
        question:
          "For which channel do the rules disagree the most? Why does marketing tend to prefer first-touch and sales last-touch?"
      ),
      LessonPage(
        text: """
          Whatever the rule, the credits of one deal add up to its amount, so the total revenue is the same in
          every column. Attribution never creates money; it only decides whose column it lands in. That is why an
          honest report shows more than one rule.
          """,
        query:
          "deals | where stage == \"closed_won\" | attribute linear by channel | agg deals = sum(deals), revenue = sum(revenue)",
        question:
          "Compare this total with `deals | where stage == \"closed_won\" | agg revenue = sum(amount)`. Are they equal?"
      ),
      LessonPage(
        text: """
          Return on ad spend and ROI rest on a rule too. By default `roas()` credits each won deal whole to the
          campaign in its campaign_id, the one that sourced the lead, as a CRM's primary campaign source does.
          Name a model to credit it over the touches instead: `roas("linear")`, `roi("w_shaped")`. The spend
          stays the same; only the revenue moves, so a channel that opens conversations and one that closes
          them trade places as the rule changes.
          """,
        query: "campaigns | agg source = roas(), linear = roas(\"linear\"), w = roas(\"w_shaped\") by channel",
        question: "Which channel's return depends most on the rule? Would you cut its budget on the default alone?"
      ),
    ],
    exercises: [
      Exercise(
        question: "Under first-touch attribution, which channel is credited with the most revenue?",
        hint: "attribute first_touch by channel, then sort by revenue, largest first.",
        solution: "deals | where stage == \"closed_won\" | attribute first_touch by channel | sort revenue desc",
        answer: .topLabel(column: "channel")),
      Exercise(
        question: "Which channel gains the most revenue when the credit moves from first-touch to last-touch?",
        hint:
          "Use attribute compare by channel, derive gain = last_touch - first_touch, and sort by gain, largest first.",
        solution:
          "deals | where stage == \"closed_won\" | attribute compare by channel | derive gain = last_touch - first_touch | sort gain desc",
        answer: .topLabel(column: "channel")),
    ])
}
