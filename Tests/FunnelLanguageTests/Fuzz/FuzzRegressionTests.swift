import Foundation
import FunnelTestSupport
import Testing

/// Replays the inputs of the lexer and parser fuzz targets through the same
/// code libFuzzer runs (`LexerFuzzCase`, `ParserFuzzCase`): every input that
/// once crashed (Fuzz/regressions/<target>/) and every seed
/// (Fuzz/corpus/<target>/). Each must give tokens and statements or
/// positioned diagnostics that keep the promises the cases check.
@Suite struct FuzzRegressionTests {
  @Test func theSeedsAreThere() {
    #expect(FuzzInputs.inputs("corpus", "lexer").count > 20)
    #expect(FuzzInputs.inputs("corpus", "parser").count > 20)
  }

  @Test(arguments: FuzzInputs.replayed("lexer"))
  func lexer(_ input: String) throws {
    #expect(LexerFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }

  @Test(arguments: FuzzInputs.replayed("parser"))
  func parser(_ input: String) throws {
    #expect(ParserFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }
}
