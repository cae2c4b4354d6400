import Synchronization

/// A flag the shell sets on Ctrl-C; readers, the demo generator and the
/// engine's operators check it between chunks of work and stop with
/// `Cancelled`. It lives in FunnelData so that loading a file can be
/// stopped as a query can.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public func cancel() { flag.store(true, ordering: .relaxed) }

  public func reset() { flag.store(false, ordering: .relaxed) }

  public var isCancelled: Bool { flag.load(ordering: .relaxed) }

  /// Throws `Cancelled` when the flag is set.
  public func check() throws {
    if isCancelled { throw Cancelled() }
  }
}

/// A run stopped by `Cancellation.cancel()`.
public struct Cancelled: Error, Sendable {
  public init() {}
}
