import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Overflows through the engine: the error names the expression as
/// written and points at it; the values next to the edges are right.
@Suite struct OverflowDiagnosticTests {
  typealias F = EngineFixture

  /// The run-time diagnostic of `marked` (1️⃣ where it must point), or nil when it runs.
  static func runtimeDiagnostic(_ marked: String) -> (Diagnostic?, column: Int) {
    let column = marked.components(separatedBy: "1️⃣").first.map { $0.unicodeScalars.count + 1 } ?? 0
    do {
      _ = try F.run(marked.replacingOccurrences(of: "1️⃣", with: ""))
      return (nil, column)
    } catch let d as Diagnostic {
      return (d, column)
    } catch {
      return (Diagnostic(message: "\(error)"), column)
    }
  }

  @Test(arguments: [
    (
      "deals | derive x = 1️⃣amount * 100000000000000000",
      "overflow in `amount * 100000000000000000`: the result leaves the range of decimal(2)"
    ),
    (
      "deals | agg 1️⃣sum(amount * 90000000000000)",
      "overflow in `sum(amount * 90000000000000)`: the result leaves the range of decimal(2)"
    ),
    (
      "deals | derive d = 1️⃣created_at + 100000000mo",
      "overflow in `created_at + 100000000mo`: the result leaves the range of date"
    ),
    (
      "1 + 1️⃣abs(-9223372036854775807 - 1)",
      "overflow in `abs(-9223372036854775807 - 1)`: the result leaves the range of int"
    ),
    ("1️⃣-(-9223372036854775807 - 1)", "overflow in `-(-9223372036854775807 - 1)`: the result leaves the range of int"),
    (
      "1️⃣round(9223372036854775807, -1)",
      "overflow in `round(9223372036854775807, -1)`: the result leaves the range of int"
    ),
    (
      "deals | where 1️⃣amount + 92233720368547758 > 0",
      "overflow in `amount + 92233720368547758`: the result leaves the range of decimal(2)"
    ),
  ])
  func overflowsArePositioned(source: String, message: String) throws {
    let (d, column) = Self.runtimeDiagnostic(source)
    let diagnostic = try #require(d)
    #expect(diagnostic.message == message)
    #expect(diagnostic.span?.column == column)
  }

  @Test(arguments: [
    ("round(1234.56, -2)", "1200"), ("9000000000000000.00 > 1.0001", "true"), ("1.0001 < 9000000000000000.00", "true"),
    ("5 % 0", ""), ("5 / 0", ""), ("-(-9223372036854775807)", "9223372036854775807"),
    ("@2026-01-31 + 1mo", "2026-02-28"), ("@9999-12-31 - 1y", "9998-12-31"),
  ])
  func valuesAtTheEdges(source: String, expected: String) throws {
    #expect(try F.scalar(source).rawText == expected)
  }

  @Test func aggregateWithNeitherKeysNorAggregatesHasItsRow() throws {
    #expect(F.rows(try F.table("deals | agg x = round(1234.56, -2)")) == ["1200"])
  }
}
