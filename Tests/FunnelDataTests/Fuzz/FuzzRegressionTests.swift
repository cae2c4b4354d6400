import Foundation
import FunnelData
import FunnelTestSupport
import Testing

/// Replays the inputs of the csv and json fuzz targets through the same code
/// libFuzzer runs (`ReaderFuzzCase`): every input that once crashed a reader
/// (Fuzz/regressions/<target>/) and every seed (Fuzz/corpus/<target>/). Each
/// must read into a whole table or fail with a `FileError`.
@Suite struct FuzzRegressionTests {
  @Test func theSeedsAreThere() {
    #expect(FuzzInputs.inputs("corpus", "csv").count > 10)
    #expect(FuzzInputs.inputs("corpus", "json").count > 5)
    #expect(FuzzInputs.inputs("corpus", "xlsx").count >= 4)
  }

  /// The seeds made from real files must read, not merely fail cleanly.
  @Test func aRealSliceReadsIntoRows() throws {
    var read = 0
    let path = ReaderFuzzCase.path("csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for seed in FuzzInputs.inputs("corpus", "csv") {
      let data = try FuzzInputs.bytes(seed)
      guard data.first == 0 else { continue }
      try Data(data.dropFirst()).write(to: URL(fileURLWithPath: path))
      if let table = try? TableReader.read(path: path), table.rowCount > 0 { read += 1 }
    }
    #expect(read > 5)
  }

  @Test(arguments: FuzzInputs.replayed("csv"))
  func csv(_ input: String) throws {
    #expect(ReaderFuzzCase.run(try FuzzInputs.bytes(input), family: .csv) == [])
  }

  @Test(arguments: FuzzInputs.replayed("xlsx"))
  func xlsx(_ input: String) throws {
    #expect(WorkbookFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }

  @Test(arguments: FuzzInputs.replayed("json"))
  func json(_ input: String) throws {
    #expect(ReaderFuzzCase.run(try FuzzInputs.bytes(input), family: .json) == [])
  }
}
