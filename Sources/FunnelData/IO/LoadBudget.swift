/// What one load may spend, checked as it goes: the memory limit (the
/// session's, or 80% of physical memory when none is set, so that a stream
/// that never ends stops with a message instead of ending the process) and
/// the `Cancellation` Ctrl-C sets.
///
///     memory limit of 64 MiB exceeded while loading /dev/stdin
struct LoadBudget {
  let limit: MemoryLimit
  let cancellation: Cancellation?
  let path: String

  init(_ options: ReadOptions, path: String) {
    limit = options.memoryLimit ?? .standard
    cancellation = options.cancellation
    self.path = path
  }

  /// Throws when `bytes` would go over the limit, or when the load was cancelled.
  func check(_ bytes: Int) throws {
    try cancellation?.check()
    try limit.check(bytes, while: "loading \(path)")
  }

  /// Throws when the load was cancelled.
  func checkCancelled() throws { try cancellation?.check() }
}
