import Dispatch
import Foundation
import FunnelData
import Synchronization

extension Session {
  /// Runs `work` on a thread of its own while this one watches the
  /// session's cancellation, so Ctrl-C gives the prompt back at once even
  /// while the work waits on a pipe or frees gigabytes. On Ctrl-C the work's
  /// own flag (the argument it gets) is set for good and this throws
  /// `Cancelled`; the work stops at its next check and its result, if it
  /// ever comes, is dropped. A press just as the work finished still counts.
  func abandonable<T: Sendable>(
    named name: String, _ work: @escaping @Sendable (Cancellation) throws -> T
  ) throws -> T {
    let stop = Cancellation()
    let outcome = AbandonableOutcome<T>()
    let thread = Thread { outcome.finish(Result { try work(stop) }) }
    thread.name = name
    // As the main thread's: deeply nested JSON recurses.
    thread.stackSize = 8 << 20
    thread.start()
    while !outcome.wait(milliseconds: 10) {
      if cancellation.isCancelled {
        stop.cancel()
        throw Cancelled()
      }
    }
    try cancellation.check()
    return try outcome.result()
  }
}

/// The result of work on another thread, handed over under a lock.
private final class AbandonableOutcome<T: Sendable>: Sendable {
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
