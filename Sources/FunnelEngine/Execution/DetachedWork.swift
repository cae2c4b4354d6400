import Dispatch
import Foundation
import FunnelData

/// Work that cannot stop part way (a sort of millions of rows), run on a
/// thread of its own while the statement's thread watches for Ctrl-C.
///
/// A sort hands its comparisons to the standard library: checking the flag
/// inside each would slow every sort by a fifth. Instead, when Ctrl-C comes,
/// the statement throws `Cancelled` at once and the detached work finishes
/// in the background (seconds at most), its result dropped.
enum DetachedWork {
  /// Inputs smaller than this run on the calling thread: they finish sooner
  /// than a person can press a key.
  static let threshold = 500_000

  /// `work()`, on another thread when `size` is at least `threshold`.
  /// Throws `Cancelled` within a few milliseconds of `cancellation` being set.
  static func run<T>(size: Int, _ cancellation: Cancellation, _ work: @escaping () -> T) throws -> T {
    if size < threshold { return work() }
    let outcome = Outcome<T>(work)
    let thread = Thread { outcome.run() }
    thread.name = "detached work"
    thread.stackSize = 8 << 20
    thread.start()
    while !outcome.wait(milliseconds: 10) {
      try cancellation.check()
    }
    return try outcome.result()
  }

  /// The work and its result, handed from one thread to the other under a
  /// semaphore: the work is only touched by the worker, the result only
  /// after the semaphore says it is there.
  private final class Outcome<T>: @unchecked Sendable {
    private let work: () -> T
    private let done = DispatchSemaphore(value: 0)
    private var value: T?

    init(_ work: @escaping () -> T) { self.work = work }

    func run() {
      value = work()
      done.signal()
    }

    func wait(milliseconds: Int) -> Bool {
      done.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    func result() throws -> T {
      guard let value else { throw Cancelled() }
      return value
    }
  }
}
