import FunnelData

/// What operators need besides their input: the catalog (for metrics and
/// the vocabulary), the cancellation flag Ctrl-C sets, and the memory limit
/// that big allocations are checked against before they are made, and the
/// warnings the run collects.
struct ExecutionContext {
  let catalog: Catalog
  let cancellation: Cancellation
  var memoryLimit: MemoryLimit = .standard
  /// Where steps note what the statement should be warned about (a text
  /// that never occurs in the column it is compared with).
  var warnings = WarningLog()
  /// Counts the plan's steps as they finish, for the shell's progress bar.
  var progress: ProgressMeter? = nil

  /// Throws `MemoryLimitExceeded` when `rows` rows of `bytesPerRow` bytes
  /// would not fit under the limit; `activity` finishes the message
  /// ("joining leads (80,000 rows)"; with `growing`, a count reached while
  /// the rows are still being made: "(more than 65,536 rows)").
  func checkMemory(
    rows: Int, bytesPerRow: Int, while activity: @autoclosure () -> String, growing: Bool = false
  ) throws {
    let (bytes, overflow) = rows.multipliedReportingOverflow(by: max(1, bytesPerRow))
    try memoryLimit.check(
      overflow ? Int.max : bytes, while: "\(activity()) (\(growing ? "more than " : "")\(Self.grouped(rows)) rows)")
  }

  /// `8,693,122`.
  static func grouped(_ n: Int) -> String {
    var out = ""
    for (i, c) in String(n).reversed().enumerated() {
      if i > 0, i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }
}
