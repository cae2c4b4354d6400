import FunnelLanguage
import Testing

/// `f(args) over (by ... sort ...)`: the shape it parses to, and the errors
/// that teach its grammar.
@Suite struct WindowSyntaxTests {
  @Test(arguments: [
    (
      "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)",
      "leads | agg [n=(call count)] by [m=(call month created_at)] | derive [g=(window pct_change n (over (sort m)))]"
    ),
    ("t | derive r = row_number() over ()", "t | derive [r=(window row_number (over))]"),
    (
      "t | derive p = lag(x, 2) over (by a, b sort c desc, d asc)",
      "t | derive [p=(window lag x 2 (over (by a b) (sort c desc d)))]"
    ),
    ("t | derive s = running_sum(x) over (by a)", "t | derive [s=(window running_sum x (over (by a)))]"),
    (
      "t | derive d = x - lag(x) over (sort month(at)) * 2",
      "t | derive [d=(- x (* (window lag x (over (sort (call month at)))) 2))]"
    ),
    // `over` is a name where no call precedes it.
    ("t | select over, x = over + 1", "t | select [over x=(+ over 1)]"),
    // A line break inside the brackets continues the statement.
    (
      "t | derive r = rank() over (\n  by a\n  sort b desc)", "t | derive [r=(window rank (over (by a) (sort b desc)))]"
    ),
  ])
  func parses(source: String, expected: String) {
    #expect(printed(source) == expected)
  }

  @Test(arguments: [
    ("t | derive g = lag(x) over 1️⃣sort m", "expected '(' after 'over', found 'sort'"),
    ("t | derive g = lag(x) over (by 1️⃣sort m)", "expected a key after 'by', found 'sort'"),
    ("t | derive g = lag(x) over (sort 1️⃣)", "expected a key after 'sort', found ')'"),
    ("t | derive g = lag(x) over (1️⃣partition by a)", "unexpected 'partition' in 'over'"),
    ("t | derive g = lag(x) over (1️⃣order by m)", "unexpected 'order' in 'over'"),
    ("t | derive g = lag(x) over (sort m 1️⃣by a)", "'by' comes before 'sort' in 'over'"),
    ("t | derive g = lag(x) over 1️⃣(sort m", "unclosed '('"),
    ("t | derive g = lag(x) over (by a 1️⃣m)", "expected ')' to close 'over (', found 'm'"),
    ("t | derive g = x 1️⃣over (sort m)", "'over' must follow a window function's call"),
  ])
  func reportsAtMarker(source: String, message: String) {
    assertDiagnostic(source, message: message)
  }

  @Test func sqlSpellingGetsTheFunnelWord() {
    assertDiagnostic(
      "t | derive g = lag(x) over (1️⃣order by m)", message: "unexpected 'order' in 'over'",
      hint: "Funnel writes 'sort' where SQL writes 'order by', as in: lag(n) over (by channel sort m)")
    assertDiagnostic(
      "t | derive g = lag(x) over (1️⃣partition by a sort m)", message: "unexpected 'partition' in 'over'",
      hint: "Funnel writes 'by' where SQL writes 'partition by', as in: lag(n) over (by channel sort m)")
  }

  @Test func windowSpanRunsFromTheNameToTheClosingBracket() throws {
    let statements = parseClean("t | derive g = lag(x) over (sort m)")
    guard case .run(let pipeline) = try #require(statements.first).kind,
      case .derive(let items) = pipeline.stages[0].kind
    else {
      Issue.record("not a derive")
      return
    }
    let e = items[0].expr
    #expect(e.span.column == 16)
    #expect(e.span.length == "lag(x) over (sort m)".count)
    guard case .window(_, _, let clause) = e.kind else {
      Issue.record("not a window")
      return
    }
    #expect(clause.span.column == 23)
    #expect(clause.span.length == "over (sort m)".count)
  }
}
