import Foundation

/// A folder of its own under the system's temporary folder, for copies of
/// tables another program reads (a local Spark server reads the JSON Lines
/// copies of what `.load` read); removed with everything in it by `remove()`.
public struct ScratchFolder: Sendable {
  public let path: String

  /// `funnel-<name>` under the temporary folder; nothing is created yet.
  public init(name: String) {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-\(name)").path
  }

  /// Writes `table` as JSON Lines to a new file in the folder (made if need
  /// be) whose name starts with `stem`; returns its absolute path.
  public func write(_ table: Table, stem: String) throws -> String {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let safe = stem.filter { $0.isLetter || $0.isNumber || $0 == "_" }
    let file = path + "/\(safe)-\(UUID().uuidString).jsonl"
    try TableWriter.write(table, to: file, format: .jsonl)
    return file
  }

  /// Removes the folder and what it holds; nothing when it was never made.
  public func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// `path` made absolute against the working directory.
  public static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
