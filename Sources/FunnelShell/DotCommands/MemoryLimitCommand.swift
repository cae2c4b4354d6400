import FunnelData

extension DotCommand {
  /// `.memory-limit [SIZE]`: the most one statement may ask for; alone, the
  /// current limit.
  ///
  ///     .memory-limit 2GB
  ///     .memory-limit          # 2.0 GiB
  static let memoryLimit = DotCommand(
    name: "memory-limit", arguments: [.value], usage: ".memory-limit [SIZE]",
    summary: "the most memory one statement may use: 512MB, 4GB, 50% (alone: the current limit)",
    details: """
      A load, the demo data, a join, a sort, a grouping or a result that would need
      more stops with "memory limit of SIZE exceeded while ..." and the session keeps
      its data. Sizes count in 1024s (4GB = 4 GiB); a percentage is of the machine's
      physical memory. The default is 80% of it; --memory-limit sets it at start.
      """,
    argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit(session.memoryLimit.description + "\n")
      return
    }
    guard let limit = MemoryLimit(parsing: word.text) else {
      throw invocation.error(
        "expected a size such as 512MB, 4GB or 50%, found '\(word.text)'", at: word,
        hints: ["usage: " + invocation.usage])
    }
    session.memoryLimit = limit
  }
}
