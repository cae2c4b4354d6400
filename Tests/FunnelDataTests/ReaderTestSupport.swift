import Foundation
import FunnelData

/// Temporary files for reader and writer tests, removed when the test ends.
final class ReaderScratch {
  let directory: String

  init() {
    directory = NSTemporaryDirectory() + "funnel-io-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// Writes `text` to `name` and returns its path.
  func file(_ name: String, _ text: String) -> String {
    file(name, bytes: Array(text.utf8))
  }

  func file(_ name: String, bytes: [UInt8]) -> String {
    let path = directory + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// Reads `text` saved as `name`.
  func read(_ name: String, _ text: String, options: ReadOptions = .init()) throws -> Table {
    try TableReader.read(path: file(name, text), options: options)
  }

  /// The files now in the directory.
  var listing: [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] }
}

extension Table {
  /// Column `name`'s cells as values (tests only).
  func cells(_ name: String) -> [Value] {
    guard let column = column(name) else { return [] }
    return (0..<rowCount).map { column.value(at: $0) }
  }

  func typeOf(_ name: String) -> DataType? { column(name)?.type }
}

/// Days since the epoch of an ISO date (tests only).
func civilDay(_ y: Int, _ m: Int, _ d: Int) -> Int32 { CivilDate(year: y, month: m, day: d).daysSinceEpoch }
