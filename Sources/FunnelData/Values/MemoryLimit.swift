import Foundation

/// The most memory one statement may ask for (`--memory-limit`,
/// `.memory-limit`). Places that make large allocations (loading, the demo
/// generator, joins, sorts, grouping, output) estimate what they need first
/// and throw `MemoryLimitExceeded` instead of letting the allocation fail,
/// which would end the process and lose the session.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
  public var bytes: Int

  public init(bytes: Int) { self.bytes = max(0, bytes) }

  /// 80% of the machine's physical memory.
  public static var standard: MemoryLimit {
    MemoryLimit(bytes: Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.8))
  }

  /// Reads `512MB`, `4GB`, `1.5GiB`, `2000000` (bytes) or `50%` (of physical
  /// memory); units are powers of 1024 whether written `GB` or `GiB`.
  public init?(parsing text: String) {
    let t = text.trimmingCharacters(in: .whitespaces).uppercased()
    if t.hasSuffix("%") {
      guard let p = Double(t.dropLast()), p > 0, p <= 100 else { return nil }
      self.init(bytes: Int(Double(ProcessInfo.processInfo.physicalMemory) * p / 100))
      return
    }
    let kib = 1024.0, mib = kib * 1024, gib = mib * 1024, tib = gib * 1024
    let units: [(String, Double)] = [
      ("TIB", tib), ("GIB", gib), ("MIB", mib), ("KIB", kib), ("TB", tib), ("GB", gib), ("MB", mib),
      ("KB", kib), ("T", tib), ("G", gib), ("M", mib), ("K", kib), ("B", 1),
    ]
    var number = Substring(t)
    var scale = 1.0
    for (suffix, s) in units where t.hasSuffix(suffix) {
      number = t.dropLast(suffix.count)
      scale = s
      break
    }
    guard let n = Double(number.trimmingCharacters(in: .whitespaces)), n > 0, n * scale < 9e18 else { return nil }
    self.init(bytes: Int(n * scale))
  }

  /// `512 MiB`, `4.0 GiB`.
  public var description: String {
    let b = Double(bytes)
    if b >= Double(1 << 30) { return String(format: "%.1f GiB", b / Double(1 << 30)) }
    if b >= Double(1 << 20) { return String(format: "%.0f MiB", b / Double(1 << 20)) }
    if b >= Double(1 << 10) { return String(format: "%.0f KiB", b / Double(1 << 10)) }
    return "\(bytes) bytes"
  }

  /// Throws when `needed` bytes would go over the limit; `activity` finishes
  /// the message ("loading leads.csv", "sorting 8,700,000 rows").
  public func check(_ needed: Int, while activity: @autoclosure () -> String) throws {
    if needed > bytes { throw MemoryLimitExceeded(limit: self, activity: activity()) }
  }
}

/// A statement stopped because it would need more memory than the limit.
public struct MemoryLimitExceeded: Error, Sendable, Equatable, CustomStringConvertible {
  public var limit: MemoryLimit
  public var activity: String

  public init(limit: MemoryLimit, activity: String) {
    self.limit = limit
    self.activity = activity
  }

  public var description: String { "memory limit of \(limit) exceeded while \(activity)" }
}
