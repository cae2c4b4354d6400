/// A text column's distinct values escaped once for a format, back to back:
/// value `code` is `pieces[offsets[code]..<offsets[code + 1]]`. Made once per
/// column before a table is written slice by slice, so each slice copies
/// bytes instead of escaping the same company name again.
struct EscapedDictionary {
  let pieces: [UInt8]
  let offsets: [Int]

  init(_ dictionary: StringDictionary, escaping: TextEscaping) {
    var pieces: [UInt8] = []
    var offsets = [0]
    offsets.reserveCapacity(dictionary.count + 1)
    for value in dictionary.values {
      escaping.escape(value, into: &pieces)
      offsets.append(pieces.count)
    }
    self.pieces = pieces
    self.offsets = offsets
  }

  /// For each column of `table`: its escaped dictionary when it is a text
  /// column whose dictionary is not much larger than the rows written (a
  /// few rows of a big dictionary are cheaper escaped one by one).
  static func forColumns(_ table: Table, escaping: TextEscaping) -> [EscapedDictionary?] {
    Parallel.map(table.columnCount) { c in
      guard let dictionary = table.columns[c].dictionary, dictionary.count <= 4 * table.rowCount + 64 else {
        return nil
      }
      return EscapedDictionary(dictionary, escaping: escaping)
    }
  }
}
