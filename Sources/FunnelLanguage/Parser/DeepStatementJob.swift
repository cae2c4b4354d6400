import Foundation

/// Parses one deeply nested statement on a thread with a large stack.
///
/// The parser recurses once per nesting level and refuses more than
/// `StatementParser.maxNesting` levels, but a level costs kilobytes of stack
/// (more in a debug build), and the caller's thread may be a small secondary
/// one. Statements with few openers are parsed in place; the others here,
/// where 256 levels always fit.
final class DeepStatementJob: @unchecked Sendable {
  /// Reserved, not committed: pages are only touched as deep as the parse goes.
  static let stackSize = 32 << 20
  /// Statements with more tokens that can open a nesting level than this go to a thread.
  static let inlineOpeners = 16

  private var parser: StatementParser
  private var statement: Statement?
  private let done = DispatchSemaphore(value: 0)

  private init(_ parser: StatementParser) {
    self.parser = parser
  }

  /// Whether `tokens` could nest deeper than is safe on an unknown stack.
  static func needsLargeStack(_ tokens: [Token]) -> Bool {
    var openers = 0
    for token in tokens {
      switch token.kind {
      case .leftParen, .leftBracket, .minus: openers += 1
      case .word where token.text == "not" || token.text == "case": openers += 1
      default: continue
      }
      if openers > inlineOpeners { return true }
    }
    return false
  }

  /// The statement (nil when it has problems) and the parser's diagnostics.
  static func parse(_ parser: StatementParser) -> (Statement?, [Diagnostic]) {
    let job = DeepStatementJob(parser)
    let thread = Thread { job.run() }
    thread.stackSize = stackSize
    thread.start()
    job.done.wait()
    return (job.statement, job.parser.diagnostics)
  }

  private func run() {
    statement = parser.parseStatement()
    done.signal()
  }
}
