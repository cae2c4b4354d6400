import FunnelData

/// A text column read as small per-row classes (a lead's stage rank), a block of
/// rows at a time: what `Column.classified` gives, without a per-row array.
/// Each distinct text is classified once; the rows only look up their code.
struct ClassBlocks {
  private let codes: [Int32]
  private let classOfCode: [Int8]
  private let validity: Bitmap?
  private let nullClass: Int8

  /// nil when the column is not text. `classify` sees each distinct text once,
  /// lowercased and trimmed; null rows get `nullClass`.
  init?(_ column: Column, nullClass: Int8, _ classify: (String) -> Int8) {
    guard column.dictionary != nil, case .string(let codes, let dictionary) = column.data else { return nil }
    self.codes = codes
    classOfCode = dictionary.values.map { classify($0.lowercased().trimmingSpaces) }
    validity = column.validity
    self.nullClass = nullClass
  }

  /// Writes the classes of `rows` to `out[0..<rows.count]`.
  func fill(_ rows: Range<Int>, into out: UnsafeMutablePointer<Int8>) {
    let lo = rows.lowerBound
    if classOfCode.isEmpty {
      // No texts at all: every row is null.
      out.update(repeating: nullClass, count: rows.count)
      return
    }
    codes.withUnsafeBufferPointer { c in
      classOfCode.withUnsafeBufferPointer { table in
        for i in 0..<rows.count { out[i] = table[Int(c[lo + i])] }
      }
    }
    guard let valid = validity else { return }
    valid.words.withUnsafeBufferPointer { words in
      for i in 0..<rows.count {
        let r = lo + i
        // 0 for a valid row, all ones for a null one: no branch on random nulls.
        let null = Int8(truncatingIfNeeded: (words[r >> 6] >> UInt64(r & 63)) & 1) &- 1
        out[i] = (out[i] & ~null) | (nullClass & null)
      }
    }
  }
}
