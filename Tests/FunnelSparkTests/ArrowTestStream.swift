import Foundation

/// A column of an Arrow record batch to write in a test: its type as a
/// Schema's Field declares it, and its buffers.
struct ArrowTestColumn {
  /// The Type union's tag and the type table's fields.
  var typeTag: UInt8
  var typeFields: [FlatField?]
  var length: Int
  var nullCount: Int
  var buffers: [[UInt8]]

  /// Values with nulls, fixed width: a validity bitmap and the values.
  static func fixed<T>(
    _ values: [T?], tag: UInt8, fields: [FlatField?], encode: (T?) -> [UInt8]
  ) -> ArrowTestColumn {
    ArrowTestColumn(
      typeTag: tag, typeFields: fields, length: values.count, nullCount: values.filter { $0 == nil }.count,
      buffers: [bitmap(values.map { $0 != nil }), values.flatMap(encode)])
  }

  static func int64(_ v: [Int64?]) -> Self {
    fixed(v, tag: 2, fields: [.int32(64), .bool(true)]) { littleEndian($0 ?? 0) }
  }
  static func int32(_ v: [Int32?]) -> Self {
    fixed(v, tag: 2, fields: [.int32(32), .bool(true)]) { littleEndian($0 ?? 0) }
  }
  static func int16(_ v: [Int16?]) -> Self {
    fixed(v, tag: 2, fields: [.int32(16), .bool(true)]) { littleEndian($0 ?? 0) }
  }
  static func int8(_ v: [Int8?]) -> Self {
    fixed(v, tag: 2, fields: [.int32(8), .bool(true)]) { littleEndian($0 ?? 0) }
  }
  static func uint64(_ v: [UInt64?]) -> Self {
    fixed(v, tag: 2, fields: [.int32(64), .bool(false)]) { littleEndian($0 ?? 0) }
  }
  static func double(_ v: [Double?]) -> Self {
    fixed(v, tag: 3, fields: [.int16(2)]) { littleEndian(($0 ?? 0).bitPattern) }
  }
  static func float(_ v: [Float?]) -> Self {
    fixed(v, tag: 3, fields: [.int16(1)]) { littleEndian(($0 ?? 0).bitPattern) }
  }
  /// Decimals given as (high, low) 64-bit words of the 128-bit value.
  static func decimal128(_ v: [(Int64, UInt64)?], precision: Int32, scale: Int32) -> Self {
    fixed(v, tag: 7, fields: [.int32(precision), .int32(scale)]) { d in
      let (high, low) = d ?? (0, 0)
      return littleEndian(low) + littleEndian(high)
    }
  }
  static func decimal128(_ v: [Int64?], precision: Int32, scale: Int32) -> Self {
    decimal128(v.map { $0.map { ($0 >> 63, UInt64(bitPattern: $0)) } }, precision: precision, scale: scale)
  }
  static func date32(_ v: [Int32?]) -> Self {
    fixed(v, tag: 8, fields: [.int16(0)]) { littleEndian($0 ?? 0) }
  }
  static func date64(_ v: [Int64?]) -> Self {
    fixed(v, tag: 8, fields: []) { littleEndian($0 ?? 0) }
  }
  /// Unit: 0 seconds, 1 milliseconds, 2 microseconds, 3 nanoseconds.
  static func timestamp(_ v: [Int64?], unit: Int16, zone: String? = nil) -> Self {
    fixed(v, tag: 10, fields: [.int16(unit), zone.map { .reference(.string($0)) }]) { littleEndian($0 ?? 0) }
  }
  static func bool(_ v: [Bool?]) -> Self {
    ArrowTestColumn(
      typeTag: 6, typeFields: [], length: v.count, nullCount: v.filter { $0 == nil }.count,
      buffers: [bitmap(v.map { $0 != nil }), bitmap(v.map { $0 ?? false })])
  }
  static func utf8(_ v: [String?], large: Bool = false) -> Self {
    var offsets: [UInt8] = large ? littleEndian(Int64(0)) : littleEndian(Int32(0))
    var data: [UInt8] = []
    for s in v {
      data += Array((s ?? "").utf8)
      offsets += large ? littleEndian(Int64(data.count)) : littleEndian(Int32(data.count))
    }
    return ArrowTestColumn(
      typeTag: large ? 20 : 5, typeFields: [], length: v.count, nullCount: v.filter { $0 == nil }.count,
      buffers: [bitmap(v.map { $0 != nil }), offsets, data])
  }
  static func null(_ count: Int) -> Self {
    ArrowTestColumn(typeTag: 1, typeFields: [], length: count, nullCount: count, buffers: [])
  }

  /// Bits least significant first, padded to whole bytes.
  static func bitmap(_ bits: [Bool]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
    for (i, b) in bits.enumerated() where b { out[i / 8] |= 1 << UInt8(i % 8) }
    return out
  }
}

/// Writes Arrow IPC streams as Spark Connect sends them: a Schema message,
/// then RecordBatch messages, each after the 0xFFFFFFFF marker and its
/// metadata length, then the end-of-stream marker.
enum ArrowTestStream {
  static func bytes(names: [String], batches: [[ArrowTestColumn]], endMarker: Bool = true) -> Data {
    guard let first = batches.first else { return Data() }
    var out = schema(names: names, columns: first)
    for batch in batches { out += recordBatch(batch) }
    if endMarker { out += littleEndian(UInt32.max) + littleEndian(UInt32(0)) }
    return Data(out)
  }

  /// The Schema message of columns like these.
  static func schema(names: [String], columns: [ArrowTestColumn]) -> [UInt8] {
    let fields = zip(names, columns).map { name, column in
      FlatValue.table([
        .reference(.string(name)), .bool(true), .uint8(column.typeTag), .reference(.table(column.typeFields)),
      ])
    }
    return message(header: 1, .table([.int16(0), .reference(.tables(fields))]), body: [])
  }

  static func recordBatch(_ columns: [ArrowTestColumn], compressed: Bool = false) -> [UInt8] {
    var body: [UInt8] = []
    var buffers: [[UInt8]] = []
    for buffer in columns.flatMap(\.buffers) {
      buffers.append(littleEndian(Int64(body.count)) + littleEndian(Int64(buffer.count)))
      body += buffer
      while body.count % 8 != 0 { body.append(0) }
    }
    let nodes = columns.map { littleEndian(Int64($0.length)) + littleEndian(Int64($0.nullCount)) }
    let header = FlatValue.table([
      .int64(Int64(columns.first?.length ?? 0)), .reference(.structs(nodes)), .reference(.structs(buffers)),
      compressed ? .reference(.table([.uint8(0)])) : nil,
    ])
    return message(header: 3, header, body: body)
  }

  /// One framed message: marker, metadata length, metadata, body.
  static func message(header type: UInt8, _ header: FlatValue, body: [UInt8]) -> [UInt8] {
    let metadata = FlatWriter.bytes(
      .table([.int16(4), .uint8(type), .reference(header), .int64(Int64(body.count))]))
    return littleEndian(UInt32.max) + littleEndian(Int32(metadata.count)) + metadata + body
  }
}
