extension Lessons {
  /// Lesson 6: following groups of leads over time, and the lag before revenue.
  static let cohorts = Lesson(
    number: 6, title: "Cohorts and time lag",
    summary: "Why this month's marketing shows up as next quarter's revenue: follow each month's leads over time.",
    pages: [
      LessonPage(
        text: """
          Marketing spends money today; the revenue it leads to arrives much later, after the lead has been
          nurtured, qualified and sold to. How long is that wait? For the leads that were won, this query shows,
          channel by channel, the typical number of days from the lead's creation to the win.
          """,
        query: "leads | where won_at != null | agg won = count(), days_to_win = median(won_at - created_at) by channel",
        question:
          "How many months is the typical wait? Which channel's customers take longest, and how many customers is that figure based on?"
      ),
      LessonPage(
        text: """
          A cohort is a group that started together: here, all the leads created in the same month.
          `month(created_at)` turns each date into its month, and `cohort` makes one row per month with the number
          of leads and the share of them that have reached each later stage so far.
          """,
        query: "leads | cohort month(created_at)",
        question:
          "Look at the won column in the last few rows. Are recent leads really worse, or have they simply not had time?"
      ),
      LessonPage(
        text: """
          `by months` turns the same cohorts into a time line. Quarters (`quarter(created_at)`) keep the table
          small. Column m0 is the share of the cohort won within the first calendar month from the start of its
          quarter, m1 within two months, and so on: each column counts every win so far, so a row only ever grows
          from left to right, and its last column is the share won in all. Read a row left to right to watch one
          cohort mature. The newest cohorts have not lived through their later months yet: those cells say null,
          because nobody can know yet how they will turn out.
          """,
        query: "leads | cohort quarter(created_at) by months",
        question: "In which month after arrival does the won share start to grow? How many months until it levels off?"),
      LessonPage(
        text: """
          The same lag appears in money. Spend is counted when a campaign starts; revenue when a deal closes.
          Putting the two side by side by quarter shows revenue trailing spend.
          """,
        query: "deals | where stage == \"closed_won\" | agg revenue = sum(amount) by quarter(closed_at)",
        question:
          "In which quarter does the first revenue appear? Run `campaigns | agg spend = sum(spend) by quarter(start_date)`: how long after the first spend is that?"
      ),
    ],
    exercises: [
      Exercise(
        question:
          "Among the channels with at least 10 won customers, whose customers take the longest, in median days, from lead creation to the win?",
        hint:
          "Keep the leads with a won_at date, agg won = count() and days = median(won_at - created_at) by channel, then keep the rows where won >= 10 and sort by days, largest first.",
        solution:
          "leads | where won_at != null | agg won = count(), days = median(won_at - created_at) by channel | where won >= 10 | sort days desc",
        answer: .topLabel(column: "channel")),
      Exercise(
        question: "In the monthly cohort table, what share of the very first month's leads have been won?",
        hint: "leads | cohort month(created_at): the first row is the oldest month; read its won column.",
        solution: "leads | cohort month(created_at)",
        answer: .value(row: 0, column: "won")),
    ])
}
