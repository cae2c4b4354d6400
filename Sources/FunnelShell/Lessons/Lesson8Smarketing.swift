extension Lessons {
  /// Lesson 8: marketing and sales as one team: hand-off, SLA, shared scorecard.
  static let smarketing = Lesson(
    number: 8, title: "Smarketing: one team, one scorecard",
    summary:
      "The hand-off from marketing to sales, a service-level agreement both can check, and one scorecard for both teams.",
    pages: [
      LessonPage(
        text: """
          "Smarketing" is the habit of running marketing and sales as one revenue team: the same definition of a
          good lead, the same numbers, and feedback in both directions. It matters most at the hand-off, when an
          MQL passes to sales. `mql_to_sql_rate()` is the share of MQLs that sales went on to qualify as SQLs.
          (Many teams also track SAL, the MQLs sales accepted before qualifying them; this data has no such
          stage, so the MQL-to-SQL rate is the hand-off measure here.)
          """,
        query: "leads | agg mqls = count(mql_at), sqls = count(sql_at), mql_to_sql_rate() by channel",
        question:
          "Which channels' MQLs does sales accept most often, and which least? What should the two teams talk about?"),
      LessonPage(
        text: """
          A service-level agreement (SLA) writes the hand-off down: marketing promises a number of MQLs that meet
          the agreed definition, and sales promises to work each one within an agreed time (first contact is
          often promised within a day or two). The data records when sales qualified a lead (sql_at), not
          its first call, so the SLA here is on the decision: qualified within 30 days. Count it over every MQL:
          an MQL nobody qualified breaks the SLA too, and `where sql_at != null` would hide it. `share(...)` gives
          the fraction of rows where a condition is true; a condition on a missing date is not true, so an MQL
          never qualified counts against the SLA. An MQL still at stage mql is undecided: sales may have called it
          without qualifying or rejecting it, or it became an MQL so recently that its 30 days are not over.
          """,
        query:
          "leads | where mql_at != null | agg mqls = count(), median_days = median(sql_at - mql_at), within_30_days = share(sql_at - mql_at <= 30), undecided = share(stage == \"mql\")",
        question:
          "Is sales keeping a 30-day SLA? What share of MQLs is still undecided, and what would you ask sales about them? What would you change to check a 14-day SLA?"
      ),
      LessonPage(
        text: """
          Feedback flows the other way too: sales tells marketing which leads were not worth calling. Here are
          the MQLs that were lost without ever becoming SQLs, by channel. `and` joins two conditions: here the
          lead has a date in mql_at and a channel on record. `count_if(...)` counts the rows where a condition
          holds, and `share(...)` (from the page before) turns the same condition into a share.
          """,
        query:
          "leads | where mql_at != null and channel != null | agg mqls = count(), rejected = count_if(stage == \"lost\" and sql_at == null), rejected_share = share(stage == \"lost\" and sql_at == null) by channel | sort rejected_share desc",
        question: "Which channel's MQLs are rejected most? Is the problem the channel, or the MQL threshold?"),
      LessonPage(
        text: """
          Finally, the shared scorecard: `scorecard` is a source of its own that puts marketing's numbers (spend,
          leads, cost per lead, MQL rate) beside sales' numbers (win rate, deal size, revenue) for each channel.
          `select` keeps the columns you name, so the table fits the screen. One table, read together, ends most
          arguments about whose fault a bad quarter was. The note under it says how revenue was credited; add
          `model w_shaped` (or any rule of lesson 5) to credit it over each deal's touches.
          """,
        query: "scorecard | select channel, spend, leads, cpl, win_rate, revenue",
        question:
          "Which channel would marketing praise (cheap leads) and which would sales praise (revenue)? Do they agree here, and would they agree on win rate?"
      ),
    ],
    exercises: [
      Exercise(
        question: "What share of all MQLs did sales accept as SQLs?",
        hint: "mql_to_sql_rate() over all leads, without `by`.",
        solution: "leads | agg mql_to_sql_rate()",
        answer: .value(row: 0, column: "mql_to_sql_rate")),
      Exercise(
        question: "Which channel has the highest share of MQLs lost before becoming SQLs?",
        hint:
          "Keep the MQLs that have a channel (mql_at != null and channel != null), then agg rejected_share = share(stage == \"lost\" and sql_at == null) by channel, largest first.",
        solution:
          "leads | where mql_at != null and channel != null | agg rejected_share = share(stage == \"lost\" and sql_at == null) by channel | sort rejected_share desc",
        answer: .topLabel(column: "channel")),
      Exercise(
        question: "In the shared scorecard, which channel brings in the most won revenue?",
        hint: "scorecard, sorted by revenue, largest first.",
        solution: "scorecard | sort revenue desc",
        answer: .topLabel(column: "channel")),
    ])
}
