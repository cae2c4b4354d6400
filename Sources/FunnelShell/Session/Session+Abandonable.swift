import FunnelData

extension Session {
  /// `work` on a thread of its own while this one watches the session's
  /// cancellation (see `AbandonableWork`). A press just as the work
  /// finished still counts: the statement is cancelled and its result dropped.
  func abandonable<T: Sendable>(named name: String, _ work: @escaping @Sendable (Cancellation) throws -> T) throws -> T
  {
    let result = try AbandonableWork.run(named: name, watching: cancellation, work)
    try cancellation.check()
    return result
  }
}
