import Foundation
import FunnelTestSupport
import Testing

/// Replays the inputs of the pipeline fuzz target through the same code
/// libFuzzer runs (`PipelineFuzzCase`): every script that once crashed the
/// engine (Fuzz/regressions/pipeline/) and every seed
/// (Fuzz/corpus/pipeline/). Each statement must end in an outcome or a
/// proper error, with spans inside the script and whole result tables.
@Suite struct FuzzRegressionTests {
  @Test func theSeedsAreThere() {
    #expect(FuzzInputs.inputs("corpus", "pipeline").count > 50)
  }

  /// The tiny demo catalog the case runs over has every dataset, with rows.
  @Test func theCatalogHasTheDemoData() {
    let catalog = PipelineFuzzCase.catalog()
    #expect(
      catalog.datasetNames.sorted() == [
        "campaigns", "costs", "deals", "leads", "quotas", "stage_changes", "touches",
      ])
    #expect(catalog.dataset("leads")?.rowCount == PipelineFuzzCase.demoLeads)
  }

  /// Most seeds run to an outcome over the demo data, so the fuzzer starts
  /// from working statements rather than only from errors.
  @Test func mostSeedsRun() throws {
    let seeds = FuzzInputs.inputs("corpus", "pipeline")
    let running = try seeds.filter { PipelineFuzzCase.replay(try FuzzInputs.bytes($0)).outcomes > 0 }
    #expect(running.count * 2 > seeds.count, "\(running.count) of \(seeds.count) seeds run")
  }

  @Test(arguments: FuzzInputs.replayed("pipeline"))
  func pipeline(_ input: String) throws {
    #expect(PipelineFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }
}
