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

  /// `work()`, on another thread when `size` is at least `threshold`
  /// (see `AbandonableWork`), with kernels inside seeing the work's own flag
  /// through `Interruption`. Throws `Cancelled` within a few milliseconds of
  /// `cancellation` being set.
  static func run<T: Sendable>(size: Int, _ cancellation: Cancellation, _ work: @escaping @Sendable () throws -> T)
    throws -> T
  {
    if size < threshold { return try work() }
    return try AbandonableWork.run(named: "detached work", watching: cancellation) { stop in
      try Interruption.during(stop) { try work() }
    }
  }
}
