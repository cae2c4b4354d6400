import Foundation

/// Where the prompt's history lives and how much of it is kept.
struct HistoryFile {
  /// At most this many entries are kept, in memory and in the file.
  static let limit = 5_000

  let path: String

  /// `$FUNNEL_HISTORY`, else `~/.funnel_history`.
  init(environment: [String: String]) {
    if let path = environment["FUNNEL_HISTORY"], !path.isEmpty {
      self.path = path
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      self.path = home + "/.funnel_history"
    }
  }

  /// Whether `entry` should be added after `last`: not blank, and not the same
  /// as the entry just before (no consecutive duplicates).
  static func shouldAdd(_ entry: String, after last: String?) -> Bool {
    let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
    return !trimmed.isEmpty && entry != last
  }
}
