import Foundation

/// A flag the shell sets on Ctrl-C; operators check it between batches and
/// stop with `Cancelled`.
public final class Cancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var flag = false

  public init() {}

  public func cancel() {
    lock.lock()
    flag = true
    lock.unlock()
  }

  public func reset() {
    lock.lock()
    flag = false
    lock.unlock()
  }

  public var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return flag
  }

  /// Throws `Cancelled` when the flag is set.
  func check() throws {
    if isCancelled { throw Cancelled() }
  }
}

/// A run stopped by `Cancellation.cancel()`.
public struct Cancelled: Error, Sendable {
  public init() {}
}
