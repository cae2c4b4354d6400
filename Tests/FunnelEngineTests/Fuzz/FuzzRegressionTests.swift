import Foundation
import Testing

/// Replays the inputs of the pipeline fuzz target through the same code
/// libFuzzer runs (`PipelineFuzzCase`): every script that once crashed the
/// engine (Fuzz/regressions/pipeline/) and every seed
/// (Fuzz/corpus/pipeline/). Each statement must end in an outcome or a
/// proper error, with spans inside the script and whole result tables.
@Suite struct FuzzRegressionTests {
  static let fuzzRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz")

  /// `folder/pipeline/*` as paths relative to Fuzz/, sorted; none when the folder is missing.
  static func inputs(_ folder: String) -> [String] {
    let path = fuzzRoot.appendingPathComponent(folder).appendingPathComponent("pipeline").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/pipeline/\($0)" }
  }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fuzzRoot.appendingPathComponent(relative)))
  }

  @Test func theSeedsAreThere() {
    #expect(Self.inputs("corpus").count > 50)
  }

  /// The tiny demo catalog the case runs over has every dataset, with rows.
  @Test func theCatalogHasTheDemoData() {
    let catalog = PipelineFuzzCase.catalog()
    #expect(catalog.datasetNames.sorted() == ["campaigns", "deals", "leads", "touches"])
    #expect(catalog.dataset("leads")?.rowCount == PipelineFuzzCase.demoLeads)
  }

  /// Most seeds run to an outcome over the demo data, so the fuzzer starts
  /// from working statements rather than only from errors.
  @Test func mostSeedsRun() throws {
    let seeds = Self.inputs("corpus")
    let running = try seeds.filter { PipelineFuzzCase.replay(try Self.bytes($0)).outcomes > 0 }
    #expect(running.count * 2 > seeds.count, "\(running.count) of \(seeds.count) seeds run")
  }

  @Test(arguments: inputs("regressions") + inputs("corpus"))
  func pipeline(_ input: String) throws {
    #expect(PipelineFuzzCase.run(try Self.bytes(input)) == [])
  }
}
