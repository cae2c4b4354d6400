import Synchronization

/// A flag the shell sets on Ctrl-C; readers, the demo generator and the
/// engine's operators check it between chunks of work and stop with
/// `Cancelled`. It lives in FunnelData so that loading a file can be
/// stopped as a query can.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)
  /// Called by `cancel()` while a remote engine runs a statement (see `forwarding`).
  private let hook = Mutex<(@Sendable () -> Void)?>(nil)

  public init() {}

  public func cancel() {
    flag.store(true, ordering: .relaxed)
    let forward = hook.withLock { $0 }
    forward?()
  }

  /// Runs `body` with `onCancel` called when the flag is set meanwhile (or
  /// was already): how Ctrl-C reaches a statement running on a server.
  public func forwarding<T>(to onCancel: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
    hook.withLock { $0 = onCancel }
    defer { hook.withLock { $0 = nil } }
    if isCancelled { onCancel() }
    return try body()
  }

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
