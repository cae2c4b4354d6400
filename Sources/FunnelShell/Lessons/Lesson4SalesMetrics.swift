extension Lessons {
  /// Lesson 4: how sales measures itself, deal by deal.
  static let salesMetrics = Lesson(
    number: 4, title: "Sales metrics: from pipeline to revenue",
    summary: "Win rate, average deal size, sales cycle, pipeline value and pipeline velocity, by owner and by product.",
    pages: [
      LessonPage(
        text: """
          Once a lead is a real opportunity it becomes a row in `deals`, with an owner, a product and an amount.
          A deal moves through stages: prospecting, qualification, proposal, negotiation, and finally
          closed_won or closed_lost. Deals that are not closed yet (closed_at is empty) make up the pipeline.
          """,
        query: "deals | agg deals = count(), value = sum(amount) by stage",
        question: "How many deals are still open (in the four stages before closed_won and closed_lost)?"),
      LessonPage(
        text: """
          Win rate is the share of finished deals that were won: won ÷ (won + lost). Open deals do not count,
          because nobody knows yet how they end. Sales teams compare it by owner, and a big difference is a
          reason to talk, not yet a verdict: look at how many deals each owner had.
          """,
        query: "deals | agg deals = count(), win_rate() by owner | sort win_rate desc",
        question: "How far apart are the best and the worst win rates? Do the owners at the top have many deals or few?"
      ),
      LessonPage(
        text: """
          Average deal size is the mean amount of won deals, each a whole contract of one to three years;
          `acv()` divides each by its years (term_months ÷ 12), the value of a year. The sales cycle is the
          mean number of days from opening a deal to winning it, as CRM reports give it.
          `median_sales_cycle_days()` is the middle deal's wait: when the mean is well above it, a few deals
          dragged on. Bigger purchases usually take longer, because more people must agree.
          """,
        query:
          "deals | agg avg_deal_size(), sales_cycle_days(), median_sales_cycle_days(), win_rate() by product | sort avg_deal_size desc",
        question: "Does the product with the biggest deals also have the longest sales cycle?"),
      LessonPage(
        text: """
          Pipeline value is the total amount of the open deals: what could be won. Pipeline velocity combines four
          levers into money per day: open deals × win rate × average deal size ÷ sales cycle days. More deals,
          better odds, bigger deals or faster closing all raise it.
          """,
        query: "deals | agg pipeline_value(), pipeline_velocity() by owner | sort pipeline_velocity desc",
        question:
          "Who has the most money moving through the pipeline each day? Is it the same person as the one with the largest pipeline value?"
      ),
    ],
    exercises: [
      Exercise(
        question: "What is the win rate over all deals?",
        hint: "win_rate() inside agg, with no `by`.",
        solution: "deals | agg win_rate()",
        answer: .value(row: 0, column: "win_rate")),
      Exercise(
        question: "Which owner has the largest open pipeline value?",
        hint: "pipeline_value() by owner, largest first.",
        solution: "deals | agg pipeline_value() by owner | sort pipeline_value desc",
        answer: .topLabel(column: "owner")),
      Exercise(
        question: "What is the median sales cycle, in days, of $product deals?",
        hint: "Keep only the rows where product == \"$product\", then ask for median_sales_cycle_days().",
        solution: "deals | where product == $product | agg median_sales_cycle_days()",
        answer: .value(row: 0, column: "median_sales_cycle_days")),
    ])
}
