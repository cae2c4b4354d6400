import FunnelLanguage
import Testing

/// Operator precedence and associativity, shown as S-expressions.
@Suite struct PrecedenceTests {
  @Test(arguments: [
    ("a or b and not c == d ?? e + f * -g", "(or a (and b (not (== c (?? d (+ e (* f (- g))))))))"),
    ("a and b or c", "(or (and a b) c)"),
    ("not a and b", "(and (not a) b)"),
    ("not not a", "(not (not a))"),
    ("not a == b", "(not (== a b))"),
    ("a - b - c", "(- (- a b) c)"),
    ("a / b * c % d", "(% (* (/ a b) c) d)"),
    ("a + b * c", "(+ a (* b c))"),
    ("(a + b) * c", "(* (+ a b) c)"),
    ("-a * b", "(* (- a) b)"),
    ("- -a", "(- (- a))"),
    ("-5 + 2", "(+ -5 2)"),
    ("-2.5", "-2.5"),
    ("a ?? b + 1", "(?? a (+ b 1))"),
    ("a ?? b ?? c", "(?? (?? a b) c)"),
    ("a ?? b == c", "(== (?? a b) c)"),
    ("a + b in [1, 2]", "(in (+ a b) [1 2])"),
    ("a not in [1] and b", "(and (not-in a [1]) b)"),
    ("not a in [1]", "(not (in a [1]))"),
    ("a between 1 and 2 and b", "(and (between a 1 2) b)"),
    ("a not between b + 1 and c * 2 or d", "(or (not-between a (+ b 1) (* c 2)) d)"),
    ("a in []", "(in a [])"),
    ("x == null or y != null", "(or (== x null) (!= y null))"),
    ("a <= b and c >= d and e < f and g > h", "(and (and (and (<= a b) (>= c d)) (< e f)) (> g h))"),
    ("f(a, b + c)(d)", "<error>"),
    ("case when a then b when c then d end + 1", "(+ (case (when a b) (when c d)) 1)"),
    ("case x + 1 when 2 then case when y then 3 end else 4 end", "(case (+ x 1) (when 2 (case (when y 3))) (else 4))"),
    ("$limit * 2", "(* $limit 2)"),
    ("month(created_at) == month", "(== (call month created_at) month)"),
  ])
  func shape(source: String, expected: String) {
    if expected == "<error>" {
      #expect(!Parser.parse(SourceText(text: source)).diagnostics.isEmpty)
    } else {
      #expect(printed(source) == expected)
    }
  }

  @Test func spansRunFromFirstToLastToken() throws {
    let statement = try #require(parseClean("deals | where a + b * c > 10").first)
    guard case .run(let pipeline) = statement.kind, case .where(let predicate) = pipeline.stages[0].kind else {
      Issue.record("not a where")
      return
    }
    #expect(predicate.span.column == 15)
    #expect(predicate.span.length == "a + b * c > 10".count)
    #expect(pipeline.stages[0].keywordSpan == Span(line: 1, column: 9, offset: 8, length: 5))
    #expect(pipeline.stages[0].span.length == "where a + b * c > 10".count)
    #expect(statement.span.length == "deals | where a + b * c > 10".count)
    guard case .binary(.greater, let left, _) = predicate.kind, case .binary(.add, _, let product) = left.kind else {
      Issue.record("unexpected shape")
      return
    }
    #expect(product.span.column == 19)
    #expect(product.span.length == 5)
  }

  @Test func parenthesesBelongToTheSpan() throws {
    let statement = try #require(parseClean("(a + b)").first)
    guard case .run(let pipeline) = statement.kind, case .expression(let e) = pipeline.source else { return }
    #expect(e.span.column == 1)
    #expect(e.span.length == 7)
  }
}
