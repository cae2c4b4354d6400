import FunnelData

extension FunctionRegistry {
  /// Periods and dates.
  static let dates: [FunctionDefinition] = [
    period(
      "year", .year, "the year holding a date or timestamp, as 2026",
      example: "deals | select deal_id, created_at, y = year(created_at) | take 3"),
    period(
      "month", .month, "the month holding a date or timestamp, as 2026-03",
      example: "deals | count by m = month(created_at) | sort m | take 3"),
    period(
      "quarter", .quarter, "the quarter holding a date or timestamp, as 2026-Q1; periods sort in time order",
      example: "deals | agg n = count() by q = quarter(created_at) | sort q"),
    period(
      "week", .week, "the ISO week holding a date or timestamp, as 2026-W11",
      example: "touches | select touched_at, w = week(touched_at) | take 3"),
    period(
      "day", .day, "the day of a date or timestamp, as 2026-03-09",
      example: "touches | count by d = day(touched_at) | sort d desc | take 3"),
    FunctionDefinition(
      "date", .dates, ["date(s: text) → date", "date(t: timestamp) → date"],
      summary: "a date from text such as \"2026-01-31\", or a timestamp's day",
      nulls: "a null, or text that is not a date, gives null",
      example: "deals | where created_at >= date(\"2026-01-01\") | count",
      hook: .scalar { try $0.bindDate($1) }),
    FunctionDefinition(
      "today", .dates, ["today() → date"],
      summary: "the current date (the environment variable FUNNEL_TODAY=YYYY-MM-DD fixes it, for reproducible scripts)",
      nulls: "never null",
      example: "deals | select deal_id, age = days_between(created_at, today()) | take 3",
      hook: .scalar { try $0.bindToday($1) }),
    FunctionDefinition(
      "days_between", .dates, ["days_between(a: date, b: date) → int"],
      summary: "whole days from a to b (b - a)",
      nulls: "null when either date is null",
      example: "deals | where closed_at != null | select deal_id, days = days_between(created_at, closed_at) | take 3",
      hook: .scalar { try $0.bindDaysBetween($1) }),
  ]

  /// A period function: `year(d)` ... `day(d)`.
  private static func period(_ name: String, _ unit: PeriodUnit, _ summary: String, example: String)
    -> FunctionDefinition
  {
    FunctionDefinition(
      name, .dates, ["\(name)(d: date or timestamp) → period"], summary: summary, nulls: "a null date gives null",
      example: example, hook: .scalar { try $0.bindPeriod($1, unit) })
  }
}
