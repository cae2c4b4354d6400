import Foundation
import Testing

/// Replays the inputs of the lexer and parser fuzz targets through the same
/// code libFuzzer runs (`LexerFuzzCase`, `ParserFuzzCase`): every input that
/// once crashed (Fuzz/regressions/<target>/) and every seed
/// (Fuzz/corpus/<target>/). Each must give tokens and statements or
/// positioned diagnostics that keep the promises the cases check.
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
    #expect(Self.inputs("corpus", "lexer").count > 20)
    #expect(Self.inputs("corpus", "parser").count > 20)
  }

  @Test(arguments: inputs("regressions", "lexer") + inputs("corpus", "lexer"))
  func lexer(_ input: String) throws {
    #expect(LexerFuzzCase.run(try Self.bytes(input)) == [])
  }

  @Test(arguments: inputs("regressions", "parser") + inputs("corpus", "parser"))
  func parser(_ input: String) throws {
    #expect(ParserFuzzCase.run(try Self.bytes(input)) == [])
  }
}
