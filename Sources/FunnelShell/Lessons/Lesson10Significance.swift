extension Lessons {
  /// Lesson 10: reading a comparison's significance: p-value, interval, sample size, and what a test cannot say.
  static let significance = Lesson(
    number: 10, title: "Is the change real? Reading a comparison's significance",
    summary:
      "p-values and intervals in compare: when a change is more than chance, why small groups prove little, and what a significant result still does not tell you.",
    pages: [
      LessonPage(
        text: """
          Lesson 7 compared quarters by their counts and sums. Now compare a rate: did the win rate really
          move from one quarter to the next, or is the change luck? For a
          rate, `compare` answers with a test. `p_value` is how often a change at least this big would appear by
          chance if nothing had really changed: 0.5 means one time in two, which is no evidence at all.
          `ci_low` and `ci_high` give the 95% interval of the change: the true change is likely somewhere in it.
          When the interval holds 0 (it runs from below zero to above it), "no change" is as believable as the
          change. `significant` is true when p_value is below 0.05, the usual line. A note under the table
          names the test.
          """,
        query: "deals | compare quarter(closed_at) $previous_quarter vs $quarter on win_rate()",
        question:
          "How wide is the interval, in points? Would you tell the team that the win rate went up?"),
      LessonPage(
        text: """
          Split the same comparison by product and each rate rests on fewer deals, so each interval is wider.
          Sorting by `p_value` puts the strongest evidence first. A product whose win rate moved by ten points
          can still have a p_value far above 0.05: with thirty deals a side, ten points is within luck.
          """,
        query:
          "deals | compare quarter(closed_at) $previous_quarter vs $quarter on win_rate() by product | sort p_value",
        question:
          "Which product moved the most? Is any change significant? How many deals would you want before believing one?"
      ),
      LessonPage(
        text: """
          With thousands of leads a side the interval narrows to a few points, and a real difference of a few
          points shows. Compare the MQL rate of two channels: the leads from one turn into MQLs far more often
          than the other's, and the p_value is tiny (a p_value written like 5e-19 means 0.000...0005, with 18 zeros after the point:
          no luck is that big). The count of
          leads gets no test: a count is not a rate of anything, so there is nothing to test it against.
          """,
        query: "leads | compare channel \"paid_search\" vs \"webinar\" on mql_rate(), leads = count()",
        question:
          "How many points apart are the two channels' MQL rates, at the least and at the most? Which channel's leads would you rather have?"
      ),
      LessonPage(
        text: """
          For an average, such as the deal size, `compare` uses Welch's t-test: it sets the change against how
          much single deals vary (`df`, the degrees of freedom, grows with the number of deals). Deal sizes
          vary a lot, from a few thousand to hundreds of thousands, so the interval of an average is wide and
          a change of a few percent in the average deal means little.
          """,
        query:
          "deals | compare quarter(closed_at) $previous_quarter vs $quarter on avg_deal_size(), sales_cycle_days()",
        question:
          "Did the average deal size change significantly? What range of change does the interval allow, in dollars?"
      ),
      LessonPage(
        text: """
          Significant does not mean important, nor does it say why. Here the share of leads that became
          customers fell sharply from the $previous_quarter_year_ago leads to the $previous_quarter leads, and the test says the fall is not
          luck. But lesson 6 showed why: a lead takes months to be won, and the $previous_quarter leads have not had the
          time yet. The test rules out chance; it cannot rule out a comparison that was unfair to begin with.
          """,
        query:
          "leads | compare quarter(created_at) $previous_quarter_year_ago vs $previous_quarter on conversion(\"lead\", \"won\")",
        question:
          "Is the fall significant? Is it a real decline in lead quality? How would you compare the two quarters fairly?"
      ),
    ],
    exercises: [
      Exercise(
        question: "What is the p-value of the change in win rate from $previous_quarter to $quarter?",
        hint: "compare quarter(closed_at) \"$previous_quarter\" vs \"$quarter\" on win_rate(); read p_value.",
        solution: "deals | compare quarter(closed_at) $previous_quarter vs $quarter on win_rate()",
        answer: .value(row: 0, column: "p_value")),
      Exercise(
        question:
          "By product, whose change in win rate from $previous_quarter to $quarter has the strongest evidence (the smallest p-value)?",
        hint: "The same compare, by product, sorted by p_value, smallest first.",
        solution:
          "deals | compare quarter(closed_at) $previous_quarter vs $quarter on win_rate() by product | sort p_value",
        answer: .topLabel(column: "product")),
      Exercise(
        question:
          "Comparing $region with $small_region on mql_rate(), what is the upper end of the 95% interval of the difference?",
        hint:
          "leads | compare region \"$region\" vs \"$small_region\" on mql_rate(); read ci_high (in percentage points).",
        solution: "leads | compare region $region vs $small_region on mql_rate()",
        answer: .value(row: 0, column: "ci_high")),
    ])
}
