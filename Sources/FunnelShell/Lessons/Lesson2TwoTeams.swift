extension Lessons {
  /// Lesson 2: how marketing and sales differ, each difference seen in the data.
  static let twoTeams = Lesson(
    number: 2, title: "Marketing and sales: two jobs, one funnel",
    summary:
      "Six ways the two teams differ (focus, time horizon, reach, goals, activities, place in the funnel), each checked against the data.",
    pages: [
      LessonPage(
        text: """
          Marketing and sales both want customers, but they work at opposite ends of the funnel. Marketing's
          focus is demand: getting the right people to know the company and to raise a hand. Sales' focus is
          the deal: turning an interested person into a signed contract.

          The data shows this split. A salesperson (`owner`) is only assigned once a lead is sales-qualified;
          before that, the lead is in marketing's hands. `agg ... by stage` makes one row per stage, and
          `count(owner)` counts the leads that have an owner.
          """,
        query: "leads | agg leads = count(), with_owner = count(owner) by stage",
        question:
          "At which stages do leads have an owner in sales? Where does the hand-over from marketing to sales happen?"),
      LessonPage(
        text: """
          The time horizons differ too. A horizon is how far ahead a team plans and is judged, not how long it
          holds a lead. Sales plans in months and quarters: its quota resets every quarter, and every deal is
          pushed to close soon. Marketing plans over years: a brand, a body of content or a place in a market
          takes long to build, and a campaign's leads buy months after its money is spent (lesson 6 measures
          that lag).

          Time in a stage is something else. Subtracting two dates gives the days between them, and `median`
          takes the middle value, so a few extreme cases do not distort it. `!= null` means "is filled in". The
          sales stretch starts when a salesperson takes the lead on (sql_at). In business-to-business selling it
          is often the longer part of the journey: meetings, a trial and a negotiation take months. That does not
          lengthen sales' horizon: each of those months is spent on a deal sales wants closed this quarter.
          """,
        query:
          "leads | where won_at != null | agg whole_journey = median(won_at - created_at), sales_stretch = median(won_at - sql_at)",
        question:
          "How many days does the whole journey of a won customer take, and how much of it falls after sales took the lead on? Why is that not the same as sales' planning horizon?"
      ),
      LessonPage(
        text: """
          Marketing speaks to many people at once: adverts, emails, posts and content reach large audiences,
          and nobody in particular. Sales speaks to one buyer at a time, in calls, demos and meetings.

          Each contact with a lead is a row in `touches`. `derive` adds a column: here `side` says whether a
          touch was a one-to-one sales touch or a marketing touch. `kind in ["sales_call", "sales_email", "demo"]`
          is true when kind is one of those three, and `if(test, a, b)` gives a when the test is true, else b.
          `count_distinct(lead_id)` counts different leads, each once. A condition can also be counted as a
          share: `share(test)` in `agg` gives the fraction of rows where it is true (`share(score >= 80)` is the
          share of hot leads).
          """,
        query:
          "touches | derive side = if(kind in [\"sales_call\", \"sales_email\", \"demo\"], \"sales\", \"marketing\") | agg touches = count(), leads = count_distinct(lead_id) by side",
        question:
          "Which side reaches every lead? Sales reaches about half: compare that with how many leads became MQLs (leads | agg mqls = count_if(mql_at != null)). Which half do you think it is?"
      ),
      LessonPage(
        text: """
          The activities differ as well: advertising, search, content, webinars and events on one side;
          qualifying calls, demos, negotiation and follow-up on the other. So do the goals: marketing is
          judged on reach and interest (impressions, clicks, leads), sales on revenue and deals won.

          Here are marketing's reach numbers for each channel. `sum` adds up a column.
          """,
        query: "campaigns | agg impressions = sum(impressions), clicks = sum(clicks), campaigns = count() by channel",
        question: "Marketing's numbers here are about attention. Which channels show many impressions but few clicks?"),
      LessonPage(
        text: """
          And here are sales' numbers: deals and money. Marketing and sales count different things, which is
          why they can both be pleased (or both be blamed) in the same month. Lesson 8 puts both sets of numbers
          side by side.
          """,
        query:
          "deals | where stage == \"closed_won\" | agg deals = count(), revenue = sum(amount) by quarter(closed_at)",
        question: "Which quarter brought the most revenue? Would a marketing team's impressions tell you that?"),
    ],
    exercises: [
      Exercise(
        question: "For won customers, what is the median number of days from a lead's creation to the win?",
        hint: "Keep leads with a won_at date, then take the median of won_at - created_at.",
        solution: "leads | where won_at != null | agg days = median(won_at - created_at)",
        answer: .value(row: 0, column: "days")),
      Exercise(
        question: "What share of all touches are one-to-one sales touches (a sales_call, a sales_email or a demo)?",
        hint:
          "share(condition) gives the fraction of rows where the condition holds; kind in [\"sales_call\", \"sales_email\", \"demo\"] is the condition.",
        solution: "touches | agg sales_share = share(kind in [\"sales_call\", \"sales_email\", \"demo\"])",
        answer: .value(row: 0, column: "sales_share")),
    ])
}
