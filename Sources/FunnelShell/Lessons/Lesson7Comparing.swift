extension Lessons {
  /// Lesson 7: comparing periods and segments without fooling yourself.
  static let comparing = Lesson(
    number: 7, title: "Comparing periods and segments honestly",
    summary:
      "Compare two quarters or two regions; change versus change_pct; and why a rate built on a handful of deals proves little.",
    pages: [
      LessonPage(
        text: """
          "Did we do better than last quarter?" is the question every team meeting asks. The stage `compare`
          answers it: after `compare` comes what to split by (`quarter(closed_at)`), the two values to compare,
          joined by `vs`, and after `on` the numbers to compute for each side. Each number gets a row with both
          values, the `change` (second minus first) and the `change_pct` (change as a share of the first).
          For a rate the change is in percentage points: a win rate that goes from 30% to 33% moved 3 points
          (3 pp), which is a 10% rise on where it started. Saying "up 3%" would mix the two.
          """,
        query:
          "deals | where stage == \"closed_won\" | compare quarter(closed_at) $previous_quarter vs $quarter on revenue = sum(amount), deals = count()",
        question: "Did revenue go up or down? Did the number of deals move the same way?"),
      LessonPage(
        text: """
          Adding `by product` repeats the comparison for each product. Now look at change and change_pct
          together: a large percentage on a small base can be a few thousand dollars, while a modest percentage
          on a big product can be far more money.
          """,
        query:
          "deals | where stage == \"closed_won\" | compare quarter(closed_at) $previous_quarter vs $quarter on revenue = sum(amount) by product",
        question: "Which product has the largest change_pct? Is it also the one with the largest change in dollars?"),
      LessonPage(
        text: """
          Segments are compared the same way. Two regions of very different size cannot be judged by counts:
          the big one always has more of everything. Compare rates instead. `conversion("lead", "won")` is the share
          of leads that reached won; its change is in points (pp), its change_pct in percent.
          """,
        query:
          "leads | compare region $region vs $small_region on leads = count(), won = count(won_at), won_share = conversion(\"lead\", \"won\")",
        question: "The counts differ a lot; does the won_share? Which number would you put in a report?"),
      LessonPage(
        text: """
          Rates built on a few cases swing wildly. Split leads into many small groups (industry and region
          together) and sort by the rate: the top and the bottom of the list are crowded with small groups, where
          one deal more or less changes everything. `take 10` keeps the first ten rows.
          """,
        query:
          "leads | agg leads = count(), won = count(won_at), won_share = conversion(\"lead\", \"won\") by industry, region | sort won_share desc | take 10",
        question: "How many leads do the groups at the top have? Would you move budget to them on this evidence?"),
    ],
    exercises: [
      Exercise(
        question: "By how many dollars did won revenue change from $previous_quarter to $quarter?",
        hint:
          "compare quarter(closed_at) \"$previous_quarter\" vs \"$quarter\" on revenue = sum(amount), over the won deals; read change.",
        solution:
          "deals | where stage == \"closed_won\" | compare quarter(closed_at) $previous_quarter vs $quarter on revenue = sum(amount)",
        answer: .value(row: 0, column: "change")),
      Exercise(
        question: "By what percentage did the number of new leads change from $previous_quarter to $quarter?",
        hint: "Compare quarter(created_at) on leads = count(); read change_pct.",
        solution: "leads | compare quarter(created_at) $previous_quarter vs $quarter on leads = count()",
        answer: .value(row: 0, column: "change_pct")),
    ])
}
