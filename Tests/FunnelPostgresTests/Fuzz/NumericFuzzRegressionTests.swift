import Foundation
import FunnelTestSupport
import Testing

/// Replays the pgnumeric fuzz target's inputs through the same code
/// libFuzzer runs (`NumericFuzzCase`): every input that once broke a promise
/// (Fuzz/regressions/pgnumeric/) and every seed (Fuzz/corpus/pgnumeric/,
/// written by Fuzz/make_binary_seeds.py as PostgreSQL sends numerics).
@Suite struct NumericFuzzRegressionTests {
  @Test(arguments: FuzzInputs.replayed("pgnumeric"))
  func pgnumeric(_ input: String) throws {
    #expect(NumericFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }

  /// Each seed is named after the value it holds (`02-1234_50` is 1234.50)
  /// and reads back as that text.
  @Test(arguments: FuzzInputs.inputs("corpus", "pgnumeric"))
  func seedReadsAsItsName(_ seed: String) throws {
    let name = seed.split(separator: "/").last.map(String.init) ?? ""
    let value = name.split(separator: "-", maxSplits: 1).last.map { $0.replacingOccurrences(of: "_", with: ".") }
    let reading = try #require(NumericReading(try FuzzInputs.bytes(seed)))
    #expect(reading.text == value)
  }
}
