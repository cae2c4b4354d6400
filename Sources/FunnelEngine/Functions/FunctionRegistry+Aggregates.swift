extension FunctionRegistry {
  /// Built-in aggregates: many rows of a group in, one value out.
  static let aggregates: [FunctionDefinition] = [
    aggregate(
      "count", ["count() → int", "count(x: any) → int"],
      "count() counts the rows; count(x) the rows where x is not null",
      nulls: "count(x) skips nulls; over no rows 0",
      example: "deals | agg n = count(), closed = count(closed_at) by stage"
    ) { try $0.count() },
    aggregate(
      "count_if", ["count_if(condition: bool) → int"], "the rows where the condition is true",
      nulls: "a null condition is not counted; over no rows 0",
      example: "deals | agg won = count_if(stage == \"closed_won\") by owner"
    ) { try $0.condition(share: false) },
    aggregate(
      "count_distinct", ["count_distinct(x: any) → int"], "the distinct values of x",
      nulls: "nulls are not counted; over no rows 0", example: "touches | agg leads = count_distinct(lead_id) by kind"
    ) { try $0.countDistinct() },
    aggregate(
      "sum", ["sum(x: number) → number"], "the total, of the type of x; a sum of money is exact",
      example: "deals | where stage == \"closed_won\" | agg revenue = sum(amount) by product"
    ) { try $0.sum() },
    aggregate(
      "avg", ["avg(x: number) → number"], "the mean",
      example: "deals | agg avg_amount = avg(amount) by owner | take 3"
    ) { try $0.spread(.avg) },
    aggregate(
      "min", ["min(x: any) → any"], "the smallest value",
      example: "deals | agg first = min(created_at), smallest = min(amount) by product"
    ) { try $0.extreme(.min) },
    aggregate(
      "max", ["max(x: any) → any"], "the largest value",
      example: "leads | agg best = max(score), last = max(created_at) by channel"
    ) { try $0.extreme(.max) },
    aggregate(
      "median", ["median(x: number) → number", "median(x: date) → date"],
      "the middle value; for an even count the mean of the two middle values "
        + "(of dates: rounded down to a day, as DuckDB does)",
      example: "deals | agg typical = median(amount), mid = median(created_at) by product"
    ) { try $0.median() },
    aggregate(
      "percentile", ["percentile(x: number, p: number) → number"],
      "the value a fraction p (0 to 1) of x lies below, interpolating linearly between the two nearest values",
      example: "deals | agg p90 = percentile(amount, 0.9) by product"
    ) { try $0.percentile() },
    aggregate(
      "stddev", ["stddev(x: number) → number"], "the sample standard deviation",
      nulls: "skips nulls; null for fewer than two values",
      example: "leads | agg spread = stddev(score) by channel"
    ) { try $0.spread(.stddev) },
    aggregate(
      "share", ["share(condition: bool) → number"],
      "the fraction of rows where the condition is true, shown as a percentage",
      nulls: "a null condition counts as not true; over no rows null",
      example: "leads | agg hot = share(score >= 80) by channel"
    ) { try $0.condition(share: true) },
    aggregate(
      "lead_velocity_rate", ["lead_velocity_rate() → number"],
      "month-on-month growth of MQLs: (this month's MQLs − the previous calendar month's) ÷ the previous month's, "
        + "shown as a percentage; needs a month among the keys (docs/metrics.md)",
      nulls: "null for a series' first month, after a month with no MQLs or no row, and for a null month",
      example: "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by m = month(mql_at)"
    ) { try $0.leadVelocityRate() },
  ]

  private static func aggregate(
    _ name: String, _ signatures: [String], _ summary: String, nulls: String = "skips nulls; over no values null",
    example: String, hook: @escaping @Sendable (AggregateCall) throws -> BoundExpr
  ) -> FunctionDefinition {
    FunctionDefinition(
      name, .aggregates, signatures, summary: summary, nulls: nulls, example: example, hook: .aggregate(hook))
  }
}
