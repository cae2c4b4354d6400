import Dispatch

/// Lets go of big values on another thread. Freeing a few gigabytes of
/// columns (the pages handed back to the system one by one) or millions of
/// texts takes most of a second; done on the statement's thread it keeps the
/// prompt waiting after Ctrl-C and adds to every big query.
public enum Discard {
  /// Holds `value` for a moment on another thread, so that the last
  /// reference, and with it the freeing, is most likely that thread's. The
  /// caller drops its own references within microseconds; if it has not
  /// after the wait, the caller frees as it would have anyway: only where
  /// the work happens depends on the timing, never what happens.
  public static func aside<T: Sendable>(_ value: T) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(20)) {
      withExtendedLifetime(value) {}
    }
  }
}
