import FunnelData
import PostgresNIO

/// A table in the text format of `COPY ... FROM STDIN`: one line per row,
/// fields split by tabs, `\N` for null, and `\\`, `\t`, `\n`, `\r` inside
/// texts. Each text of a column's dictionary is escaped once, not once a row.
///
///     name    amount  closed
///     Acme\tInc       1200.50 2026-03-09
///     \N      0.00    \N
struct CopyEncoder {
  private let table: Table
  /// Each column's values, read once: `Column.data` widens a narrow column
  /// at every call, which a row at a time would repeat for every row.
  private let data: [ColumnData]
  /// The escaped bytes of each text column's dictionary entries.
  private let texts: [[[UInt8]]?]

  /// Bytes a piece of the stream holds before it is sent.
  static let pieceBytes = 1 << 20

  init(_ table: Table) {
    self.table = table
    data = table.columns.map(\.data)
    texts = table.columns.map { column in
      guard let dictionary = column.dictionary else { return nil }
      return dictionary.values.map(CopyEncoder.escaped)
    }
  }

  /// Hands the rows to `write` in pieces of about `pieceBytes`.
  func encode(_ write: (ByteBuffer) async throws -> Void) async throws {
    var buffer = ByteBuffer()
    buffer.reserveCapacity(CopyEncoder.pieceBytes + 4096)
    for row in 0..<table.rowCount {
      for (c, column) in table.columns.enumerated() {
        if c > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        append(column, data[c], c, row, to: &buffer)
      }
      buffer.writeInteger(UInt8(ascii: "\n"))
      if buffer.readableBytes >= CopyEncoder.pieceBytes {
        try await write(buffer)
        buffer.clear()
      }
    }
    if buffer.readableBytes > 0 { try await write(buffer) }
  }

  private func append(_ column: Column, _ data: ColumnData, _ c: Int, _ row: Int, to buffer: inout ByteBuffer) {
    if column.isNull(row) {
      buffer.writeStaticString("\\N")
      return
    }
    switch data {
    case .int(let v): buffer.writeString(String(v[row]))
    case .double(let v):
      let x = v[row]
      if x.isNaN {
        buffer.writeStaticString("NaN")
      } else if x.isInfinite {
        buffer.writeStaticString(x > 0 ? "Infinity" : "-Infinity")
      } else {
        buffer.writeString(Decimal64.format(double: x))
      }
    case .decimal(let v, let scale): buffer.writeString(Decimal64.format(units: v[row], scale: scale))
    case .date(let v): buffer.writeString(CivilDate(daysSinceEpoch: v[row]).description)
    case .timestamp(let v): buffer.writeString(Timestamps.format(v[row]))
    case .bool(let v): buffer.writeStaticString(v[row] ? "t" : "f")
    case .string(let codes, _):
      if let escaped = texts[c]?[Int(codes[row])] { buffer.writeBytes(escaped) }
    case .period(let v, let unit): buffer.writeBytes(CopyEncoder.escaped(Periods.format(v[row], unit: unit)))
    }
  }

  /// A text with COPY's escapes.
  static func escaped(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      default: out.append(b)
      }
    }
    return out
  }
}
