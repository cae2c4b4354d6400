extension Lessons {
  /// Lesson 9: the sales forecast: weighted pipeline, commit, quota, coverage, slipped deals.
  static let forecasting = Lesson(
    number: 9, title: "Forecasting: where the quarter will land",
    summary:
      "Weigh open deals by their chance of closing, set won and committed revenue against quota, read coverage, and find the deals that slipped or stalled.",
    pages: [
      LessonPage(
        text: """
          Every week a sales team is asked one question: how much will we close this quarter? The open deals
          are the raw material, but a deal in prospecting is not worth what a deal in negotiation is. So each
          open deal carries a `probability` of closing, set by its stage (here prospecting 10%, qualification
          20%, proposal 50%, negotiation 80%; every CRM keeps such a table and teams tune it) and sometimes
          changed by the rep who knows the buyer. `amount * probability` is what the deal is worth on average; summed, it is the
          weighted pipeline. `avg(x)` is the mean of a column.
          """,
        query:
          "deals | where closed_at == null | agg deals = count(), pipeline = sum(amount), weighted = sum(amount * probability), avg_probability = avg(probability) by stage",
        question:
          "Which stage holds the most pipeline? Which holds the most weighted pipeline? Why can the two rankings differ, even when here they do not?"
      ),
      LessonPage(
        text: """
          The stage `forecast` does the whole sum for each period. Open deals count in the period of their
          `expected_close`, won deals in the period they closed. Per period you get `won` (already in), `commit`
          (open deals at probability 0.7 or more, the ones the team says it will win), `weighted`, `best_case`
          (every open deal, if all of them closed), and against the `quotas` dataset the `quota` (the target
          the company set), `attainment` (won ÷ quota) and `gap` (quota − won, still to win).
          """,
        query: "deals | forecast quarter(expected_close) | where period >= $quarter",
        question:
          "Did the team make its $quarter quota? For $next_quarter, would commit alone reach the quota? Would weighted?"
      ),
      LessonPage(
        text: """
          `coverage` is the open pipeline divided by what is still to win (best_case ÷ gap). Since most open deals
          are lost, a team needs several times its gap in pipeline: a common rule of thumb is three times. Below
          that, the rep needs more pipeline (a job for marketing and prospecting); far above it, the rep has
          plenty and needs to close. `forecast ... by owner` gives each rep's own numbers against their own quota.
          """,
        query:
          "deals | forecast quarter(expected_close) by owner | where period == $next_quarter | select owner, best_case, quota, gap, coverage | sort coverage",
        question:
          "Which reps are under three times coverage? What would you ask marketing for, and what would you ask the reps with the most coverage?"
      ),
      LessonPage(
        text: """
          A forecast is only as good as its close dates. A deal whose expected close has passed but is still open
          has slipped: the rep either knows something the CRM does not, or the deal is stuck. The data was
          exported on $as_of, so here the slipped deals are the open ones expected before that day.
          (`slipped()` asks the same of today's date, for data that is current.) `count_if` counts the rows where a
          condition holds, and `if(test, a, b)` keeps an amount only for those rows.
          """,
        query:
          "deals | where closed_at == null | agg open = count(), slipped = count_if(expected_close < date($as_of)), slipped_amount = sum(if(expected_close < date($as_of), amount, 0)) by owner | sort slipped_amount desc",
        question:
          "Whose pipeline has the most slipped money? Should that money count in this quarter's forecast?"),
      LessonPage(
        text: """
          Where do deals wait? `stage_durations` reads `stage_changes`, every move of every deal from one stage to
          the next, and gives per stage how many deals entered and left it, the mean and median days they spent
          there, and how many are still there. A stage where deals sit much longer than usual is where a
          forecast goes wrong first.
          """,
        query: "deals | stage_durations",
        question:
          "In which stage do deals spend the most days, by the median? And by the mean: why can the two disagree? Does either match the stage with the most open deals still in it?"
      ),
    ],
    exercises: [
      Exercise(
        question: "What is the team's weighted pipeline for deals expected to close in $next_quarter?",
        hint: "forecast quarter(expected_close), keep the period $next_quarter, and read weighted.",
        solution: "deals | forecast quarter(expected_close) | where period == $next_quarter",
        answer: .value(row: 0, column: "weighted")),
      Exercise(
        question:
          "Among the reps with deals expected in $next_quarter, which has the thinnest pipeline coverage for it?",
        hint: "forecast quarter(expected_close) by owner, keep $next_quarter, and sort by coverage, smallest first.",
        solution:
          "deals | forecast quarter(expected_close) by owner | where period == $next_quarter | sort coverage",
        answer: .topLabel(column: "owner")),
      Exercise(
        question: "In which stage do deals spend the most days, by the median?",
        hint: "stage_durations, sorted by median_days, largest first.",
        solution: "deals | stage_durations | sort median_days desc",
        answer: .topLabel(column: "stage")),
    ])
}
