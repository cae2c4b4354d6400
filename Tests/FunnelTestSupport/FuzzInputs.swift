import Foundation

/// The inputs a fuzz target keeps in the repository, for the tests that
/// replay them through the same code libFuzzer runs: every input that once
/// crashed (Fuzz/regressions/<target>/) and every seed (Fuzz/corpus/<target>/).
public enum FuzzInputs {
  /// The repository's Fuzz/ folder, found from this file's place in the tree.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")

  /// `folder/target/*` as paths relative to Fuzz/, sorted; none when the folder is missing.
  public static func inputs(_ folder: String, _ target: String) -> [String] {
    let path = root.appendingPathComponent(folder).appendingPathComponent(target).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\(target)/\($0)" }
  }

  /// The regressions, then the seeds, of `target`.
  public static func replayed(_ target: String) -> [String] {
    inputs("regressions", target) + inputs("corpus", target)
  }

  /// The bytes of an input given relative to Fuzz/.
  public static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }
}
