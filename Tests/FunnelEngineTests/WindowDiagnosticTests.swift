import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Window functions in the wrong place, or with the wrong arguments: each
/// error points at the call and says how to write it.
@Suite struct WindowDiagnosticTests {
  typealias F = EngineFixture

  @Test(
    arguments: [
      (
        "deals | derive p = 1️⃣lag(amount)", "'lag' is a window function: it needs over (...) after the call",
        "as in: leads | agg n = count() by m = month(created_at) | derive prev = lag(n) over (sort m)"
      ),
      (
        "deals | where 1️⃣lag(amount) over (sort created_at) > 0", "window function 'lag' is not allowed in where",
        "window functions are computed in derive; derive the column, then use it: "
          + "derive prev = lag(n) over (sort m) | where prev > 0"
      ),
      ("deals | select 1️⃣row_number() over ()", "window function 'row_number' is not allowed in select", nil),
      ("deals | sort 1️⃣rank() over (sort amount)", "window function 'rank' is not allowed in sort", nil),
      (
        "deals | agg s = sum(1️⃣lag(amount) over ())", "window function 'lag' is not allowed in an aggregate's argument",
        nil
      ),
      ("deals | agg 1️⃣row_number() over ()", "window function 'row_number' is not allowed in agg", nil),
      (
        "deals | derive p = lag(1️⃣lag(amount) over ()) over ()",
        "window function 'lag' is not allowed in a window function's argument",
        "name it first, then use the name: derive prev = lag(n) over (sort m), d = change(prev) over (sort m)"
      ),
      (
        "deals | derive p = 1️⃣sum(amount) over (by owner)", "'sum' is an aggregate, not a window function",
        "running_sum(x) over (...) gives the total so far; pct_of_total(x) over (...) each row's share"
      ),
      (
        "deals | derive p = 1️⃣avg(amount) over ()", "'avg' is an aggregate, not a window function",
        "moving_avg(x, n) over (...) gives the mean of the last n rows"
      ),
      ("deals | derive p = 1️⃣round(amount) over ()", "'round' is a scalar function, not a window function", nil),
      ("deals | derive p = 1️⃣lagg(amount) over ()", "unknown window function 'lagg'", "did you mean 'lag'?"),
      (
        "deals | derive p = 1️⃣win_rate() over ()", "'win_rate' is a metric, not a window function",
        "metrics are computed in agg: agg win_rate() by <keys>"
      ),
      (
        "deals | derive p = lag(amount, 1️⃣0) over ()", "'lag' needs a whole number of rows from 1 to 2147483647, got 0",
        "as in: lag(amount, 2)"
      ),
      (
        "deals | derive p = lead(amount, 1️⃣-2) over ()",
        "'lead' needs a whole number of rows from 1 to 2147483647, got -2", nil
      ),
      ("deals | derive p = lag(amount, 1️⃣1.5) over ()", "'lag' needs a whole number of rows from 1 to 2147483647", nil),
      (
        "deals | derive p = moving_avg(amount, 1️⃣deal_id) over ()",
        "'moving_avg' needs a whole number of rows from 1 to 2147483647", "as in: moving_avg(amount, 3)"
      ),
      (
        "deals | derive p = lag(amount, 1️⃣3000000000) over ()",
        "'lag' needs a whole number of rows from 1 to 2147483647, got 3000000000", nil
      ),
      ("deals | derive p = 1️⃣moving_avg(amount) over ()", "'moving_avg' takes 2 arguments: moving_avg(x, n)", nil),
      ("deals | derive p = 1️⃣row_number(amount) over ()", "'row_number' takes no arguments", nil),
      (
        "deals | derive r = 1️⃣rank() over (by owner)",
        "'rank' needs 'sort' in its over (...): it ranks the rows by the sort keys",
        "as in: rank() over (by owner sort amount desc)"
      ),
      ("deals | derive p = running_sum(1️⃣owner) over ()", "'running_sum' needs a number, got text", nil),
      ("deals | derive p = pct_change(1️⃣created_at) over ()", "'pct_change' needs a number, got date", nil),
      (
        "deals | derive p = lag(amount) over (sort 1️⃣amont)", "unknown column 'amont' in deals", "did you mean 'amount'?"
      ),
      ("deals | derive p = lag(amount) over (by 1️⃣onwer)", "unknown column 'onwer' in deals", "did you mean 'owner'?"),
      (
        "deals | agg 1️⃣lead_velocity_rate() by owner",
        "lead_velocity_rate() needs a month among the keys, to compare each month with the one before",
        "as in: leads | agg lvr = lead_velocity_rate() by m = month(mql_at)"
      ),
      (
        "deals | agg 1️⃣lead_velocity_rate() by m = month(created_at)",
        "lead_velocity_rate() counts leads that reached mql, so it runs on leads, not deals",
        "rows of another name need a text column 'stage' and a date 'mql_at'"
      ),
      (
        "deals | compare owner \"ann\" vs \"bob\" on 1️⃣lead_velocity_rate()",
        "lead_velocity_rate() compares each month with the one before, so it stands only in agg", nil
      ),
    ] as [(String, String, String?)])
  func diagnostics(source: String, message: String, hint: String?) throws {
    let (d, line, column) = F.diagnostic(source)
    let diagnostic = try #require(d, "no error for \(source)")
    #expect(diagnostic.message == message)
    #expect(diagnostic.span?.line == line)
    #expect(diagnostic.span?.column == column)
    if let hint { #expect(diagnostic.hints.contains(hint), "\(diagnostic.hints)") }
  }

  /// The hint that lists the window functions names every one of them.
  @Test func theListNamesEveryWindowFunction() throws {
    let (d, _, _) = F.diagnostic("deals | derive p = 1️⃣max(amount) over ()")
    let hints = try #require(d).hints
    #expect(hints.last == "the window functions: " + FunctionRegistry.windowNames.joined(separator: ", "))
    #expect(
      FunctionRegistry.windowNames == [
        "lag", "lead", "running_sum", "running_count", "moving_avg", "row_number", "rank", "pct_of_total", "change",
        "pct_change",
      ])
  }
}
