import Foundation
import FunnelLanguage
import Testing

/// Hostile input: deep nesting, noise, huge lines. The parser must answer
/// with diagnostics, promptly, and never crash.
@Suite struct RobustnessTests {
  func diagnose(_ text: String) -> [Diagnostic] {
    Parser.parse(SourceText(text: text)).diagnostics
  }

  @Test func tenThousandOpenBrackets() {
    let open = String(repeating: "(", count: 10_000)
    let nested = "deals | where \(open)x\(String(repeating: ")", count: 10_000))"
    #expect(diagnose(open).map(\.message) == ["expression nested too deeply (more than 256 levels)"])
    #expect(diagnose(nested).map(\.message) == ["expression nested too deeply (more than 256 levels)"])
    #expect(!diagnose(String(repeating: "[", count: 10_000)).isEmpty)
    #expect(!diagnose("x in " + String(repeating: "[", count: 10_000)).isEmpty)
  }

  @Test func deepPrefixesCallsAndCases() {
    let tooDeep = "expression nested too deeply (more than 256 levels)"
    #expect(diagnose(String(repeating: "not ", count: 10_000) + "x").map(\.message) == [tooDeep])
    #expect(diagnose(String(repeating: "- ", count: 10_000) + "x").map(\.message) == [tooDeep])
    #expect(diagnose(String(repeating: "f(", count: 10_000)).map(\.message) == [tooDeep])
    #expect(diagnose(String(repeating: "case when ", count: 10_000)).map(\.message) == [tooDeep])
  }

  @Test func nestingUpToTheLimitParses() {
    func brackets(_ depth: Int) -> String {
      String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    }
    #expect(diagnose(brackets(Parser.maxNesting)).isEmpty)
    #expect(!diagnose(brackets(Parser.maxNesting + 1)).isEmpty)
    #expect(diagnose(String(repeating: "f(", count: 200) + "x" + String(repeating: ")", count: 200)).isEmpty)
  }

  /// A shell may parse on a secondary thread with a small stack.
  @Test func deepNestingOnASmallStack() {
    final class Outcome: @unchecked Sendable {
      var messages: [[String]] = []
      let done = DispatchSemaphore(value: 0)
    }
    let outcome = Outcome()
    let thread = Thread {
      for piece in ["(", "f(", "case when ", "not ", "- ", "x in ["] {
        let text = "deals | where " + String(repeating: piece, count: 10_000) + "x"
        outcome.messages.append(Parser.parse(SourceText(text: text)).diagnostics.map(\.message))
      }
      outcome.done.signal()
    }
    thread.stackSize = 256 << 10
    thread.start()
    outcome.done.wait()
    #expect(outcome.messages.count == 6)
    #expect(outcome.messages.allSatisfy { $0.count == 1 })
  }

  @Test func longFlatChainsAreRefusedBeforeTheyAreTooTallToWalk() {
    let chain = Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect(diagnose(chain).map(\.message) == ["expression too long (more than 256 operations deep)"])
    let fine = Array(repeating: "1", count: 250).joined(separator: " + ")
    #expect(diagnose(fine).isEmpty)
  }

  @Test func binaryNoiseGivesABoundedListOfDiagnostics() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1 << 20)
    for _ in 0..<(1 << 20) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 33))
    }
    let clock = ContinuousClock()
    let start = clock.now
    let diagnostics = diagnose(String(decoding: bytes, as: UTF8.self))
    #expect(clock.now - start < .seconds(30))
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.count <= Parser.maxDiagnostics + Lexer.maxDiagnostics + 2)
    #expect(diagnostics.allSatisfy { $0.span != nil || $0.message.hasPrefix("too many errors") })
  }

  @Test func tenMegabyteLines() {
    let clock = ContinuousClock()
    let start = clock.now
    let big = String(repeating: "a", count: 10_000_000)
    #expect(diagnose("deals | where name == \"\(big)\"").isEmpty)
    #expect(diagnose("deals | where \(big) > 1").isEmpty)
    // Ten million tokens: refused past Lexer.maxTokens rather than held in memory.
    let tokens = diagnose(String(repeating: "+", count: 10_000_000))
    #expect(tokens.contains { $0.message.hasPrefix("the input is too long") })
    #expect(clock.now - start < .seconds(60))
  }

  @Test func everyPrefixOfAScriptIsHandled() {
    // Truncating a valid script anywhere must give diagnostics or statements, never a crash.
    let script = """
      let won = deals | where stage == "closed_won" and amount between 1 and 1_000 # c
      won | agg revenue = sum(amount), n = count() by owner, m = month(created_at) | sort revenue desc | take 5
      leads | funnel steps mql, "sql", won by channel within 90d | chart bar step, count
      deals | derive t = case when x in [1, 2] then 'a\\n' else `b c` end | save "o.csv"
      .load x "y.csv" with sep=";"
      """
    var index = script.startIndex
    while index < script.endIndex {
      _ = Parser.parse(SourceText(text: String(script[..<index])))
      _ = Completeness.needsMore(String(script[..<index]))
      index = script.index(after: index)
    }
    #expect(parseClean(script).count == 5)
  }
}
