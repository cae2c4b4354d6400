import FunnelData

/// The running statement's `Cancellation`, for kernels that cannot throw.
///
/// Scalar kernels (`concat` over millions of rows) and aggregate kernels
/// (`count_distinct`) return values, not errors, so they cannot stop a
/// statement themselves. They ask `Interruption.requested` every 16K-64K
/// rows and, when Ctrl-C was pressed, finish at once with a well-formed
/// placeholder (an all-null column of the right length). The
/// placeholder never reaches anyone: the flag stays set until the statement
/// ends, every operator checks it after each step, and `Engine.run` checks
/// it once more before it returns or binds a result.
///
/// The flag is bound for the thread running the statement; `RowChunks`
/// binds it again on each of its worker threads.
enum Interruption {
  @TaskLocal static var current: Cancellation?

  /// Whether the statement running on this thread was cancelled.
  static var requested: Bool { current?.isCancelled ?? false }

  /// Throws `Cancelled` when the statement was cancelled: for steps that
  /// can throw, between the phases of a verb or a metric.
  static func check() throws {
    if requested { throw Cancelled() }
  }

  /// Runs `body` with `cancellation` visible to the kernels it calls.
  static func during<T>(_ cancellation: Cancellation?, _ body: () throws -> T) rethrows -> T {
    try $current.withValue(cancellation) { try body() }
  }
}
