import Dispatch
import Foundation
import Synchronization

/// Work on a thread of its own while the calling thread watches a
/// `Cancellation`, so that Ctrl-C gives control back at once even while the
/// work waits on a pipe, sorts in the standard library or frees gigabytes.
///
/// On Ctrl-C the work's own flag (the argument it gets) is set for good and
/// `run` throws `Cancelled`; the work stops at its next check and its
/// result, if it ever comes, is dropped. Only work that reads nothing the
/// next statement may change belongs here (columns, a file), never the
/// catalog.
public enum AbandonableWork {
  /// How often the calling thread looks at the cancellation while it waits.
  static let pollMilliseconds = 10

  /// `work(stop)` on a new thread named `name`, with the main thread's stack
  /// size (expressions nest; deeply nested JSON recurses). Throws
  /// `Cancelled` within `pollMilliseconds` of `watching` being cancelled.
  public static func run<T: Sendable>(
    named name: String, watching cancellation: Cancellation,
    _ work: @escaping @Sendable (Cancellation) throws -> T
  ) throws -> T {
    let stop = Cancellation()
    let outcome = Outcome<T>()
    let thread = Thread { outcome.finish(Result { try work(stop) }) }
    thread.name = name
    thread.stackSize = 8 << 20
    thread.start()
    while !outcome.wait(milliseconds: pollMilliseconds) {
      if cancellation.isCancelled {
        stop.cancel()
        throw Cancelled()
      }
    }
    return try outcome.result()
  }

  /// The result of the work, handed from one thread to the other under a lock.
  private final class Outcome<T: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let value = Mutex<Result<T, Error>?>(nil)

    func finish(_ result: Result<T, Error>) {
      value.withLock { $0 = result }
      done.signal()
    }

    /// Whether the work finished within `milliseconds`.
    func wait(milliseconds: Int) -> Bool {
      done.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    func result() throws -> T {
      guard let value = value.withLock({ $0 }) else { throw Cancelled() }
      return try value.get()
    }
  }
}
