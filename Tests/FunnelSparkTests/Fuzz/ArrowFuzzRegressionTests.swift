import FunnelData
import FunnelTestSupport
import Testing

/// Replays the arrow fuzz target's inputs through the same code libFuzzer
/// runs (`ArrowFuzzCase`): every input that once crashed the reader
/// (Fuzz/regressions/arrow/) and every seed (Fuzz/corpus/arrow/, Arrow streams
/// written by pyarrow through Fuzz/make_binary_seeds.py).
@Suite struct ArrowFuzzRegressionTests {
  @Test(arguments: FuzzInputs.replayed("arrow"))
  func arrow(_ input: String) throws {
    #expect(ArrowFuzzCase.run(try FuzzInputs.bytes(input)) == [])
  }

  /// Seeds Funnel refuses, and why.
  static let refused = [
    "refused-time": "a time of day has no Funnel type",
    "type-u64": "2^63 leaves Int64",
    "type-dec38": "a 30-digit decimal leaves Int64",
    "all-types": "holds the two columns above",
  ]

  /// The seeds pyarrow wrote read into rows, not merely fail cleanly, except
  /// those refused above.
  @Test func theSeedsRead() throws {
    let seeds = FuzzInputs.inputs("corpus", "arrow")
    #expect(seeds.count > 20)
    for seed in seeds {
      let tables = ArrowFuzzCase.tables(try FuzzInputs.bytes(seed))
      if let name = seed.split(separator: "/").last, Self.refused[String(name)] != nil {
        #expect(tables == nil)
      } else if seed.hasSuffix("schema-only") {
        #expect(tables?.isEmpty == true)
      } else {
        let rows = tables?.reduce(0) { $0 + $1.rowCount }
        #expect(rows ?? 0 >= 4, "\(seed)")
      }
    }
  }

  @Test func aSeedReadsItsValues() throws {
    let tables = try #require(ArrowFuzzCase.tables(try FuzzInputs.bytes("corpus/arrow/batches")))
    let all = try #require(Table.concatenating(tables))
    #expect(all.names == ["owner", "n", "amount"])
    let amounts = (0..<all.rowCount).map { row -> Int64? in
      if case .decimal(let units, scale: 2) = all.columns[2].value(at: row) { units } else { nil }
    }
    #expect(amounts == [1000, nil, 725, 100, 0, 9999])
    #expect(all.columns[0].isNull(2))
  }
}
