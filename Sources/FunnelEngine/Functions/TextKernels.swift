import FunnelData

/// `text(x)` and `concat(a, b, ...)`: values turned into text and joined.
enum TextKernels {
  /// Row by row, the arguments' texts joined. With `skippingNulls` a null
  /// argument adds nothing (`concat`); without, a null makes the row null (`text`).
  static func concat(_ args: [Column], skippingNulls: Bool) -> Column {
    let n = args.first?.count ?? 0
    let texts = args.map(rowTexts)
    var builder = StringDictionaryBuilder()
    var codes = [Int32](repeating: 0, count: n)
    var valid = Bitmap(count: n, value: true)
    for row in 0..<n {
      // Ctrl-C: a placeholder the statement throws away (see `Interruption`).
      if row & 0x3FFF == 0x3FFF {
        if Interruption.requested {
          builder.discard()
          return Column.empty(.string, count: n, allNull: true)
        }
        if row == sampleRows - 1 { builder.reserve(expectedDistinct(builder.count, of: row + 1, in: n)) }
      }
      var joined = ""
      var isNull = false
      for (a, column) in args.enumerated() {
        if column.isNull(row) {
          if !skippingNulls { isNull = true }
          continue
        }
        joined += texts[a](row)
      }
      if isNull { valid[row] = false } else { codes[row] = builder.code(for: joined) }
    }
    return Column(.string(codes: codes, dictionary: builder.build()), validity: valid)
  }

  /// Rows read before the dictionary's final size is guessed.
  private static let sampleRows = 1 << 16

  /// Distinct texts expected in `n` rows when the first `sampled` rows held
  /// `distinct`: mostly distinct samples stay so (ids joined with names),
  /// mostly repeated ones do not grow much. A little over, so the guess
  /// seldom leaves one last rehash of millions of texts to do.
  static func expectedDistinct(_ distinct: Int, of sampled: Int, in n: Int) -> Int {
    if distinct * 2 < sampled { return distinct * 2 }
    return min(n, Int(Double(n) * Double(distinct) / Double(sampled) * 1.05) + 1024)
  }

  /// A row's text: dictionary text for text columns (no copy per row), the
  /// machine-format text of the value otherwise.
  private static func rowTexts(_ c: Column) -> (Int) -> String {
    if c.dictionary != nil, case .string(let codes, let dict) = c.data { return { dict.values[Int(codes[$0])] } }
    return { c.value(at: $0).rawText }
  }
}
