import Foundation
import FunnelData

/// A CSV file of the demo leads, written once in a temporary folder for the
/// CSV reader's benchmark.
struct DemoFile {
  let path: String

  /// Writes the leads of `DemoQuery.leads` demo leads (about 17 MB).
  static func leads() throws -> DemoFile {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("leads.csv").path
    try TableWriter.write(DemoData.generate(leads: DemoQuery.leads, seed: DemoData.defaultSeed).leads, to: path)
    return DemoFile(path: path)
  }

  /// Removes the folder of the files.
  static func removeAll() {
    try? FileManager.default.removeItem(at: folder)
  }

  func read() throws -> Table {
    try TableReader.read(path: path)
  }

  /// A folder of this process's own.
  private static var folder: URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("funnel-bench-guard-\(getpid())")
  }
}
