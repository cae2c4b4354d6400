/// The machine text of every cell of one column (`Value.rawText` semantics,
/// escaped for one format), written column by column: one type switch a
/// column, then a tight loop over the typed array, with no `Value` and no
/// `String` per cell. Text cells are escaped once per distinct dictionary
/// value used. One encoder holds a range of rows, so a big table is written
/// a slice at a time and never held as text whole. The text is freed with
/// the encoder.
final class CellEncoder: Sendable {
  /// All cells back to back; cell `i` of the range ends at `ends[i]`.
  let text: ByteSink
  let ends: [Int]

  /// Encodes every column over `rows`, on all cores (columns are independent).
  /// `dictionaries[c]` is column `c`'s escaped dictionary, if it has one.
  static func encodeColumns(
    _ table: Table, rows: Range<Int>, escaping: TextEscaping, dictionaries: [EscapedDictionary?]
  ) -> [CellEncoder] {
    Parallel.map(table.columnCount) { c in
      CellEncoder(table.columns[c], rows: rows, escaping: escaping, escapedDictionary: dictionaries[c])
    }
  }

  /// The text of the `i`th row of the range (0 = its first row).
  @inline(__always)
  func cell(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = i == 0 ? 0 : ends[i - 1]
    assert(start <= ends[i] && ends[i] <= text.count)
    return UnsafeBufferPointer(start: text.base + start, count: ends[i] - start)
  }

  /// `escapedDictionary`: a text column's dictionary escaped once for the
  /// whole table (see `EscapedDictionary`); nil escapes each used value.
  init(_ column: Column, rows: Range<Int>, escaping: TextEscaping, escapedDictionary: EscapedDictionary? = nil) {
    var sink = ByteSink(capacity: rows.count * 8 + 64)
    var ends = [Int](repeating: 0, count: rows.count)
    let null: [UInt8] = escaping.syntax == .json ? Array("null".utf8) : []
    let quoted = escaping.syntax == .json
    let validity = column.validity
    let first = rows.lowerBound
    func each(_ sink: inout ByteSink, _ body: (Int, inout ByteSink) -> Void) {
      for row in rows {
        if let validity, !validity[row] {
          sink.append(null)
        } else {
          body(row, &sink)
        }
        ends[row - first] = sink.count
      }
    }
    func texts<Code: FixedWidthInteger>(_ codes: [Code], _ dictionary: StringDictionary, _ sink: inout ByteSink) {
      if let escaped = escapedDictionary {
        escaped.pieces.withUnsafeBufferPointer { p in
          each(&sink) { r, s in
            let c = Int(codes[r])
            s.append(UnsafeBufferPointer(rebasing: p[escaped.offsets[c]..<escaped.offsets[c + 1]]))
          }
        }
      } else {
        // A few rows of a big dictionary: escape only what is used.
        each(&sink) { r, s in s.append(escaping.escape(dictionary.values[Int(codes[r])])) }
      }
    }
    // Narrow columns are read in place: `data` would widen the whole column
    // for each slice of rows.
    if let narrow = column.narrowInts {
      each(&sink) { r, s in CellEncoder.appendInteger(Int64(narrow[r]), to: &s) }
    } else if let (codes, dictionary) = column.narrowText {
      texts(codes, dictionary, &sink)
    } else {
      switch column.data {
      case .int(let v): each(&sink) { r, s in CellEncoder.appendInteger(v[r], to: &s) }
      case .decimal(let v, let scale): each(&sink) { r, s in CellEncoder.appendDecimal(v[r], scale: scale, to: &s) }
      case .double(let v):
        each(&sink) { r, s in
          if quoted, !v[r].isFinite { s.append(null) } else { s.append(Decimal64.format(double: v[r])) }
        }
      case .bool(let v): each(&sink) { r, s in s.append(v[r] ? CellEncoder.trueText : CellEncoder.falseText) }
      case .date(let v):
        each(&sink) { r, s in
          if quoted { s.append(34) }
          CellEncoder.appendDate(v[r], to: &s)
          if quoted { s.append(34) }
        }
      case .timestamp(let v):
        each(&sink) { r, s in
          if quoted { s.append(34) }
          CellEncoder.appendTimestamp(v[r], to: &s)
          if quoted { s.append(34) }
        }
      case .period(let v, let unit):
        each(&sink) { r, s in
          if quoted { s.append(34) }
          s.append(Periods.format(v[r], unit: unit))
          if quoted { s.append(34) }
        }
      case .string(let codes, let dictionary): texts(codes, dictionary, &sink)
      }
    }
    text = sink
    self.ends = ends
  }

  private static let trueText = Array("true".utf8)
  private static let falseText = Array("false".utf8)

  @inline(__always)
  static func appendInteger(_ value: Int64, to out: inout ByteSink) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    out.appendDigits(value.magnitude)
  }

  @inline(__always)
  static func appendDecimal(_ units: Int64, scale: Int, to out: inout ByteSink) {
    if scale == 0 { return appendInteger(units, to: &out) }
    if units < 0 { out.append(UInt8(ascii: "-")) }
    let p = UInt64(Decimal64.intPowersOfTen[scale])
    out.appendDigits(units.magnitude / p)
    out.append(UInt8(ascii: "."))
    out.appendDigits(units.magnitude % p, minimumWidth: scale)
  }

  static func appendDate(_ day: Int32, to out: inout ByteSink) {
    let c = CivilDate(daysSinceEpoch: day)
    if c.year < 0 || c.year > 9999 { return out.append(c.description) }
    out.appendDigits(UInt64(c.year), minimumWidth: 4)
    out.append(UInt8(ascii: "-"))
    out.appendDigits(UInt64(c.month), minimumWidth: 2)
    out.append(UInt8(ascii: "-"))
    out.appendDigits(UInt64(c.day), minimumWidth: 2)
  }

  static func appendTimestamp(_ t: Int64, to out: inout ByteSink) {
    let day = Timestamps.day(of: t)
    let rest = t - Int64(day) * Timestamps.microsPerDay
    appendDate(day, to: &out)
    let seconds = UInt64(rest / Timestamps.microsPerSecond)
    out.append(32)
    out.appendDigits(seconds / 3600, minimumWidth: 2)
    out.append(UInt8(ascii: ":"))
    out.appendDigits(seconds / 60 % 60, minimumWidth: 2)
    out.append(UInt8(ascii: ":"))
    out.appendDigits(seconds % 60, minimumWidth: 2)
    var micros = UInt64(rest % Timestamps.microsPerSecond)
    if micros != 0 {
      // Fractions only when present, without trailing zeros (as `Timestamps.format`).
      var width = 6
      while micros % 10 == 0 {
        micros /= 10
        width -= 1
      }
      out.append(UInt8(ascii: "."))
      out.appendDigits(micros, minimumWidth: width)
    }
  }
}
