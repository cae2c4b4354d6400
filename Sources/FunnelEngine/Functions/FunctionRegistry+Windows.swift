extension FunctionRegistry {
  /// Window functions: each row's value from the rows of its partition, in
  /// the partition's order (`derive name = f(...) over (by <keys> sort <keys>)`).
  static let windows: [FunctionDefinition] = [
    window(
      "lag", ["lag(x: any, n: int = 1) → any"],
      "the value of x n rows before in the partition's order (n a whole number from 1)",
      nulls: "null on the partition's first n rows, and where that row's x is null",
      example: "leads | agg n = count() by m = month(created_at) | derive prev = lag(n) over (sort m)"
    ) { try $0.shifted(lead: false) },
    window(
      "lead", ["lead(x: any, n: int = 1) → any"],
      "the value of x n rows after in the partition's order (n a whole number from 1)",
      nulls: "null on the partition's last n rows, and where that row's x is null",
      example: "deals | derive next_amount = lead(amount) over (by owner sort created_at) | take 5"
    ) { try $0.shifted(lead: true) },
    window(
      "running_sum", ["running_sum(x: number) → number"],
      "the total of x over the partition's rows so far, this row included; of x's type, exact for money",
      nulls: "a null x adds nothing; null until the partition's first value",
      example: "deals | derive to_date = running_sum(amount) over (by owner sort created_at) | take 5"
    ) { try $0.runningSum() },
    window(
      "running_count", ["running_count() → int", "running_count(x: any) → int"],
      "running_count() counts the partition's rows so far, this row included; running_count(x) the values of x "
        + "that are not null",
      nulls: "never null",
      example: "leads | derive nth = running_count() over (by channel sort created_at) | take 5"
    ) { try $0.runningCount() },
    window(
      "moving_avg", ["moving_avg(x: number, n: int) → number"],
      "the mean of x over this row and the n - 1 rows before it in the partition (fewer at its start)",
      nulls: "skips nulls in the window; null when it holds none",
      example: "leads | agg n = count() by m = month(created_at) | derive avg3 = moving_avg(n, 3) over (sort m)"
    ) { try $0.movingAverage() },
    window(
      "row_number", ["row_number() → int"],
      "1, 2, 3 ... in the partition's order; tied rows keep their input order",
      nulls: "never null",
      example: "deals | derive nth = row_number() over (by owner sort amount desc) | where nth <= 2"
    ) { try $0.rowNumber() },
    window(
      "rank", ["rank() → int"],
      "1 + the rows of the partition before this one by the sort keys: ties share a rank and leave a gap "
        + "(1, 2, 2, 4), as SQL's RANK; needs sort",
      nulls: "never null; null sort keys tie with each other, last",
      example: "deals | agg revenue = sum(amount) by owner | derive place = rank() over (sort revenue desc)"
    ) { try $0.rank() },
    window(
      "pct_of_total", ["pct_of_total(x: number) → number"],
      "x ÷ the total of x over the whole partition, shown as a percentage",
      nulls: "null for a null x and when the total is 0",
      example: "deals | agg revenue = sum(amount) by product | derive share = pct_of_total(revenue) over ()"
    ) { try $0.shareOfTotal() },
    window(
      "change", ["change(x: number) → number"],
      "x minus the previous row's x in the partition's order, of x's type (a change of a rate is in points)",
      nulls: "null on the partition's first row and where either x is null",
      example: "leads | agg n = count() by m = month(created_at) | derive delta = change(n) over (sort m)"
    ) { try $0.change() },
    window(
      "pct_change", ["pct_change(x: number) → number"],
      "(x − the previous row's x) ÷ the previous row's x, shown as a percentage",
      nulls: "null on the partition's first row, where either x is null and where the previous x is 0",
      example: "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)"
    ) { try $0.percentChange() },
  ]

  private static func window(
    _ name: String, _ signatures: [String], _ summary: String, nulls: String, example: String,
    hook: @escaping @Sendable (WindowCall) throws -> WindowDraft
  ) -> FunctionDefinition {
    FunctionDefinition(
      name, .windows, signatures, summary: summary, nulls: nulls, example: example, hook: .window(hook))
  }
}
