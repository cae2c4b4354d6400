import CLibEdit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the shell's text goes: results to one stream, diagnostics and notes
/// to another. The standard console writes to stdout and stderr; tests pass
/// closures that collect the text.
public final class Console {
  private let out: (String) -> Void
  private let err: (String) -> Void
  private let flushOut: () -> Void

  public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, flush: @escaping () -> Void = {}) {
    self.out = out
    self.err = err
    self.flushOut = flush
  }

  /// stdout (buffered, flushed after each statement) and stderr.
  public static func standard() -> Console {
    Console(
      out: { text in fputs(text, funnel_stdout()) },
      err: { text in
        // Results written so far come first, so a message follows what it is about.
        fflush(funnel_stdout())
        fputs(text, funnel_stderr())
      },
      flush: { fflush(funnel_stdout()) })
  }

  /// Writes `text` to the results stream as is.
  public func write(_ text: String) { out(text) }

  /// Writes `text` to the diagnostics stream as is.
  public func writeError(_ text: String) { err(text) }

  public func flush() { flushOut() }
}
