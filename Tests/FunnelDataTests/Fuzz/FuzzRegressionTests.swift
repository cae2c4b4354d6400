import Foundation
import FunnelData
import Testing

/// Replays the inputs of the csv and json fuzz targets through the same code
/// libFuzzer runs (`ReaderFuzzCase`): every input that once crashed a reader
/// (Fuzz/regressions/<target>/) and every seed (Fuzz/corpus/<target>/). Each
/// must read into a whole table or fail with a `FileError`.
@Suite struct FuzzRegressionTests {
  static let fuzzRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz")

  /// `folder/target/*` as paths relative to Fuzz/, sorted; none when the folder is missing.
  static func inputs(_ folder: String, _ target: String) -> [String] {
    let path = fuzzRoot.appendingPathComponent(folder).appendingPathComponent(target).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\(target)/\($0)" }
  }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fuzzRoot.appendingPathComponent(relative)))
  }

  @Test func theSeedsAreThere() {
    #expect(Self.inputs("corpus", "csv").count > 10)
    #expect(Self.inputs("corpus", "json").count > 5)
  }

  /// The seeds made from real files must read, not merely fail cleanly.
  @Test func aRealSliceReadsIntoRows() throws {
    var read = 0
    let path = ReaderFuzzCase.path("csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for seed in Self.inputs("corpus", "csv") {
      let data = try Self.bytes(seed)
      guard data.first == 0 else { continue }
      try Data(data.dropFirst()).write(to: URL(fileURLWithPath: path))
      if let table = try? TableReader.read(path: path), table.rowCount > 0 { read += 1 }
    }
    #expect(read > 5)
  }

  @Test(arguments: inputs("regressions", "csv") + inputs("corpus", "csv"))
  func csv(_ input: String) throws {
    #expect(ReaderFuzzCase.run(try Self.bytes(input), family: .csv) == [])
  }

  @Test(arguments: inputs("regressions", "json") + inputs("corpus", "json"))
  func json(_ input: String) throws {
    #expect(ReaderFuzzCase.run(try Self.bytes(input), family: .json) == [])
  }
}
