import Testing

@testable import FunnelData

/// `--safe-csv` / `.mode csv safe`: text a spreadsheet would run as a formula
/// gets a leading `'`; typed numbers and other formats are left alone.
struct SafeFormulaTests {
  static let safe = WriteOptions(safeFormulas: true)

  static let table = Table(
    names: ["=name", "amount", "note"],
    columns: [
      Column.make(
        .string,
        ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tlead", "\rx", "plain", "a=b", " =1"].map {
          Value.string($0)
        }),
      Column.make(.int, (0..<9).map { .int(Int64(-$0)) }),
      Column.make(.double, (0..<9).map { .double(-0.5 * Double($0 + 1)) }),
    ])

  @Test func csvGuardsTextButNotNumbers() {
    let lines = TableWriter.encode(Self.table, as: .csv, options: Self.safe).split(separator: "\n").map(String.init)
    #expect(lines[0] == "'=name,amount,note")
    #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0,-0.5")
    #expect(lines[2] == "'+1,-1,-1")
    #expect(lines[3] == "'-2,-2,-1.5")
    #expect(lines[4] == "'@SUM(A1),-3,-2")
    #expect(lines[5] == "'\tlead,-4,-2.5")
    #expect(lines[6] == "\"'\rx\",-5,-3")
    #expect(lines[7] == "plain,-6,-3.5")
    #expect(lines[8] == "a=b,-7,-4")
    #expect(lines[9] == " =1,-8,-4.5")
  }

  @Test func tsvGuardsTextToo() {
    let lines = TableWriter.encode(Self.table, as: .tsv, options: Self.safe).split(separator: "\n").map(String.init)
    #expect(lines[0] == "'=name\tamount\tnote")
    #expect(lines[5] == "'\\tlead\t-4\t-2.5")
    #expect(lines[6] == "'\\rx\t-5\t-3")
  }

  @Test func offByDefaultAndNeverInJSONOrMarkdown() {
    #expect(TableWriter.encode(Self.table, as: .csv).hasPrefix("=name,amount,note\n\"=HYPERLINK("))
    #expect(!TableWriter.encode(Self.table, as: .json, options: Self.safe).contains("'"))
    #expect(!TableWriter.encode(Self.table, as: .markdown, options: Self.safe).contains("'"))
  }

  @Test func guardingOneText() {
    #expect(WriteOptions.guardingFormula("=1") == "'=1")
    #expect(WriteOptions.guardingFormula("") == "")
    #expect(WriteOptions.guardingFormula("x=1") == "x=1")
  }

  @Test func slicesJoinToTheWholeTable() {
    // Written a few rows at a time, the text is the same as in one go.
    for format in FileFormat.allCases {
      var pieces: [[UInt8]] = []
      TableEncoder.encode(Self.table, as: format, options: Self.safe, sliceRows: 2) { pieces.append(Array($0)) }
      #expect(pieces.count >= 5, "\(format): header and five slices")
      let joined = String(decoding: pieces.flatMap { $0 }, as: UTF8.self)
      #expect(joined == TableWriter.encode(Self.table, as: format, options: Self.safe), "\(format)")
    }
  }
}
