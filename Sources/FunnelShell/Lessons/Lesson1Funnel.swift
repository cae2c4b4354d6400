extension Lessons {
  /// Lesson 1: the stages from lead to customer, and where people fall out.
  static let funnel = Lesson(
    number: 1, title: "The funnel: from lead to customer",
    summary:
      "Follow leads through MQL, SQL and opportunity to a won deal, and find the steps where most of them are lost.",
    pages: [
      LessonPage(
        text: """
          Every sale starts with a lead: a person or company that left its details somewhere, perhaps by
          filling in a form, scanning a badge at a trade show or replying to an email. Funnel keeps the
          leads in a table called `leads`, one row per lead.

          A query starts with the name of a table. The bar `|` passes the rows on to the next step, the way
          you would pass a stack of cards to a colleague. `select` keeps only the columns you name, and
          `take 5` keeps the first five rows: a good way to look at a table before asking it anything.
          (`leads | take 5` shows every column, if your window is wide enough.)
          """,
        query: "leads | select lead_id, created_at, channel, stage, mql_at, won_at | take 5",
        question:
          "Some mql_at and won_at cells are empty (null). What do you think an empty mql_at means? And an empty won_at?"
      ),
      LessonPage(
        text: """
          The column `stage` says how far each lead has come: `lead` (nobody has judged it yet), `mql`
          (marketing thinks it is promising), `sql` (a salesperson has talked to it and wants to pursue it),
          `opportunity` (there is a concrete deal), `won` (it bought), or `lost` (it dropped out somewhere).

          `count by stage` makes one row per stage with the number of leads in it.
          """,
        query: "leads | count by stage",
        question:
          "Are there more leads in `lost` or in `won`? What does that tell you about how many leads a company needs?"),
      LessonPage(
        text: """
          Counting by stage only tells you where leads are today. A funnel asks a different question: how many
          leads ever reached each step? A won lead also passed through mql, sql and opportunity, so it counts
          at every step.

          The stage `funnel` does that counting. `step_conversion` is the share of the previous step that made
          it to this one, `overall_conversion` the share of all leads, `drop_off` how many of the previous step
          have not reached this one (they dropped out, or are still on their way), and `median_days` the typical
          wait since the previous step.
          """,
        query: "leads | funnel",
        question: "Between which two steps is the drop_off largest? Between which two is step_conversion lowest?"),
      LessonPage(
        text: """
          Leads drop out at every step, and not for the same reasons. Some never become MQLs because they were
          only curious; some MQLs are turned down by sales; some deals are lost to a competitor or to doing nothing.

          `where` keeps only the rows where a condition holds. `stage == "lost"` (two equals signs, text in quotes)
          picks the lost leads. `agg` then sums them up into one row: `count()` counts rows, and `count(mql_at)`
          counts only the rows where mql_at is filled in, that is the lost leads that had become MQLs first.
          """,
        query:
          "leads | where stage == \"lost\" | agg lost = count(), had_mql = count(mql_at), had_sql = count(sql_at), had_opportunity = count(opportunity_at)",
        question:
          "How many lost leads got as far as an opportunity? Whose job was it to win those: marketing's or sales'?"),
      LessonPage(
        text: """
          Funnels differ between groups of leads. `by` after a stage repeats it for each value of a column:
          here one small funnel per region. `steps lead, sql, won` counts only those steps, which keeps the
          table short. A few leads have no region on record (null); `where region != null` leaves them out.
          """,
        query: "leads | where region != null | funnel steps lead, sql, won by region",
        question:
          "Which region turns the largest share of its leads into won customers (overall_conversion on the won row)?"),
    ],
    exercises: [
      Exercise(
        question: "What share of all leads end up as won customers?",
        hint: "Run the funnel and read overall_conversion on the won row.",
        solution: "leads | funnel",
        answer: .valueWhere(key: "step", equals: "won", column: "overall_conversion")),
      Exercise(
        question: "How many leads reached the sql step (are or were sales-qualified)?",
        hint: "The funnel's count column counts every lead that ever reached a step.",
        solution: "leads | funnel",
        answer: .valueWhere(key: "step", equals: "sql", column: "count")),
      Exercise(
        question: "Which channel brings in the most leads?",
        hint: "Count leads by channel, then put the biggest first with `sort count desc` (desc means largest first).",
        solution: "leads | count by channel | sort count desc",
        answer: .topLabel(column: "channel")),
    ])
}
