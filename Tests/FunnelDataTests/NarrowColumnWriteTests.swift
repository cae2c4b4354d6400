import Testing

@testable import FunnelData

/// Narrow columns (32-bit ints, byte codes of text) are written cell for
/// cell as the same values at full width, in every format and in slices of
/// any size: the writer reads them in place, a slice at a time.
struct NarrowColumnWriteTests {
  static func tables() -> (wide: Table, narrow: Table) {
    let n = 1_000
    let ints = (0..<n).map { (i: Int) -> Int64 in i % 3 == 0 ? Int64(-i * 1_000) : Int64(i) }
    var validity = Bitmap(count: n, value: true)
    for r in stride(from: 7, to: n, by: 11) { validity[r] = false }
    let dictionary = StringDictionary(["email", "paid, search", "say \"hi\"", "=cmd", "événement"])
    let codes = (0..<n).map { Int32($0 % 5) }
    let wide = Table(
      names: ["id", "channel"],
      columns: [
        Column(.int(ints), validity: validity),
        Column(.string(codes: codes, dictionary: dictionary), validity: validity),
      ])
    let narrow = Table(
      names: ["id", "channel"],
      columns: [
        Column.ints(ints, validity: validity),
        Column.texts(codes: codes, dictionary: dictionary, validity: validity),
      ])
    return (wide, narrow)
  }

  @Test(arguments: [1, 7, 65_536])
  func sameBytesNarrowOrWide(sliceRows: Int) {
    let (wide, narrow) = Self.tables()
    #expect(narrow.columns[0].narrowInts != nil)
    #expect(narrow.columns[1].narrowCodes != nil)
    for format in FileFormat.allCases {
      for options in [WriteOptions(), WriteOptions(safeFormulas: true)] {
        var a: [UInt8] = [], b: [UInt8] = []
        TableEncoder.encode(wide, as: format, options: options, sliceRows: sliceRows) { a += $0 }
        TableEncoder.encode(narrow, as: format, options: options, sliceRows: sliceRows) { b += $0 }
        #expect(a == b, "\(format), \(options)")
        #expect(a.count > 5_000, "\(format): the rows were written")
      }
    }
  }
}
