import Dispatch
import Foundation
import FunnelData

/// Work over many rows that cannot stop part way (a sort handed to the
/// standard library), run on a thread of its own while the statement's
/// thread watches for Ctrl-C. Used only where a check inside is impossible:
/// joins and grouping measured 15-20% slower on a secondary thread.
///
/// When Ctrl-C comes, the statement throws `Cancelled` at once and abandons
/// the work. The work sees a flag of its own through `Interruption` (set on
/// abandoning and never reset), so kernels that check it stop soon after;
/// the others finish in the background, their result dropped. Only pure
/// work over columns goes here, never work that reads the catalog, which
/// the next statement may change.
enum DetachedWork {
  /// Inputs smaller than this run on the calling thread: they finish sooner
  /// than a person can press a key.
  static let threshold = 500_000

  /// `work()`, on another thread when `size` is at least `threshold`.
  /// Throws `Cancelled` within a few milliseconds of `cancellation` being set.
  static func run<T>(size: Int, _ cancellation: Cancellation, _ work: @escaping () throws -> T) throws -> T {
    if size < threshold { return try work() }
    let abandoned = Cancellation()
    let outcome = Outcome<T>(work, abandoned)
    let thread = Thread { outcome.run() }
    thread.name = "detached work"
    // As the main thread's: expressions nest.
    thread.stackSize = 8 << 20
    thread.start()
    while !outcome.wait(milliseconds: 10) {
      if cancellation.isCancelled {
        abandoned.cancel()
        throw Cancelled()
      }
    }
    return try outcome.result()
  }

  /// The work and its result, handed from one thread to the other: the work
  /// is only touched by the worker, the result only after the semaphore
  /// says it is there.
  private final class Outcome<T>: @unchecked Sendable {
    private let work: () throws -> T
    private let abandoned: Cancellation
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<T, Error>?

    init(_ work: @escaping () throws -> T, _ abandoned: Cancellation) {
      self.work = work
      self.abandoned = abandoned
    }

    func run() {
      value = Interruption.during(abandoned) { Result { try work() } }
      done.signal()
    }

    func wait(milliseconds: Int) -> Bool {
      done.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    func result() throws -> T {
      guard let value else { throw Cancelled() }
      return try value.get()
    }
  }
}
