extension Lessons {
  /// Lesson 3: what marketing's money buys, channel by channel.
  static let marketingMetrics = Lesson(
    number: 3, title: "Marketing metrics: what the money buys",
    summary:
      "CTR, cost per lead, cost per opportunity, ROAS and ROI by channel, and why a cheap lead is not always a good deal.",
    pages: [
      LessonPage(
        text: """
          Marketing spends money on campaigns, so its first question is what each dollar brings. Funnel has the
          usual marketing measures built in as metrics: you call them like `cpl()` inside `agg`. On the
          `campaigns` table they reach the leads and deals of each campaign by themselves.

          CTR (click-through rate) is clicks divided by impressions: of the people who saw an advert, the share
          who clicked. It measures attention, not sales. Events and referrals have no impressions, so their CTR
          is empty (null).
          """,
        query: "campaigns | agg impressions = sum(impressions), clicks = sum(clicks), ctr() by channel",
        question: "Which channel gets the highest CTR? Which gets the lowest?"),
      LessonPage(
        text: """
          CPL (cost per lead) is spend divided by the leads a campaign brought in. `sort cpl` puts the cheapest
          channel first.
          """,
        query: "campaigns | agg spend = sum(spend), cpl() by channel | sort cpl",
        question: "Which channel has the cheapest leads, and which the most expensive?"),
      LessonPage(
        text: """
          A cheap lead is only a bargain if it goes somewhere. Cost per opportunity divides the spend by the
          deals that came from it, so a channel whose leads rarely reach sales looks expensive here even with a
          low CPL.
          """,
        query: "campaigns | agg cpl(), cost_per_opportunity() by channel | sort cost_per_opportunity",
        question:
          "Does the order of the channels change between cpl and cost_per_opportunity? Which channel moves the most?"),
      LessonPage(
        text: """
          ROAS (return on ad spend) is the revenue won divided by the spend: 4 means four dollars of sales per
          dollar spent. ROI (return on investment) subtracts the spend first: (revenue − spend) ÷ spend, shown as
          a percentage. An ROI of 0% means the money came back and no more. `desc` after `sort` puts the largest
          first.
          """,
        query: "campaigns | agg spend = sum(spend), roas(), roi() by channel | sort roi desc",
        question:
          "Which channel returns the most per dollar? Is it also a channel with a large spend? Why might a tiny spend give a huge ROI?"
      ),
      LessonPage(
        text: """
          One warning before you judge a channel. Revenue arrives months after the spend (lesson 6 measures how
          long), so recent campaigns look poor simply because their deals have not closed yet. `quarter(start_date)`
          turns a date into its quarter, such as 2026-Q1. A campaign's spend counts in the quarter it started, so
          the always-on campaigns, which run for the whole two years, put all their spend in the first quarter.
          """,
        query: "campaigns | agg spend = sum(spend), roas() by quarter(start_date)",
        question:
          "What happens to ROAS in the most recent quarters? Is marketing getting worse, or is the revenue still to come?"
      ),
    ],
    exercises: [
      Exercise(
        question: "Which channel has the lowest cost per lead?",
        hint: "Compute cpl() by channel and sort so the smallest comes first.",
        solution: "campaigns | agg cpl() by channel | sort cpl",
        answer: .topLabel(column: "channel")),
      Exercise(
        question: "What is the ROAS of all campaigns taken together?",
        hint: "Without `by`, agg makes a single row over the whole table.",
        solution: "campaigns | agg roas()",
        answer: .value(row: 0, column: "roas")),
      Exercise(
        question: "Which channel has the highest click-through rate?",
        hint: "ctr() by channel, sorted with the largest first.",
        solution: "campaigns | agg ctr() by channel | sort ctr desc",
        answer: .topLabel(column: "channel")),
    ])
}
