import Foundation
import FunnelData
import FunnelSQL

/// Reads the Arrow IPC stream format into tables: a Schema message, then
/// RecordBatch messages, each framed as
///
///     0xFFFFFFFF, Int32 metadata length, flatbuffer Message (padded), body
///
/// (streams written before Arrow 0.15 leave out the 0xFFFFFFFF; a length of
/// 0 ends the stream). Spark Connect sends one such stream in each
/// `ArrowBatch`, the schema repeated at its head; a reader keeps the last
/// schema it saw. Every length and offset is checked: bytes that do not
/// follow the format throw `RemoteError(.unsupported)`, never crash.
struct ArrowStreamReader {
  private(set) var schema: ArrowSchema?

  /// The record batches in `data`, a table each.
  mutating func tables(in data: Data) throws(RemoteError) -> [Table] {
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(RemoteError) -> [Table] in try tables(in: bytes) }
    }
    return try result.get()
  }

  /// The record batches in `bytes`, a table each.
  mutating func tables(in bytes: UnsafeRawBufferPointer) throws(RemoteError) -> [Table] {
    var out: [Table] = []
    var position = 0
    func int32(at p: Int) throws(RemoteError) -> Int32 {
      guard p + 4 <= bytes.count else { throw .malformedArrow("a message is cut short") }
      return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: p, as: Int32.self))
    }
    while position < bytes.count {
      var length = try int32(at: position)
      position += 4
      if length == -1 {
        length = try int32(at: position)
        position += 4
      }
      if length == 0 { break }
      guard length > 0, Int(length) <= bytes.count - position else {
        throw .malformedArrow("a message's metadata runs past the end")
      }
      let metadata = FlatBuffer(bytes: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))]))
      position += Int(length)
      let message = try metadata.root()
      let bodyLength = try message.scalar(3, default: Int64(0))
      guard bodyLength >= 0, bodyLength <= Int64(bytes.count - position) else {
        throw .malformedArrow("a message's body runs past the end")
      }
      let body = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(bodyLength))])
      position += Int(bodyLength)
      guard let header = try message.table(2) else { throw .malformedArrow("a message has no header") }
      // MessageHeader: 1 Schema, 2 DictionaryBatch, 3 RecordBatch, 4 and 5 tensors.
      switch try message.scalar(1, default: UInt8(0)) {
      case 1: schema = try ArrowSchema(header)
      case 3: out.append(try recordBatch(header, body: body))
      case 2: throw RemoteError(.unsupported, "the server sent dictionary-encoded Arrow data, which Funnel cannot read")
      default: throw .malformedArrow("a message of unknown kind")
      }
    }
    return out
  }

  /// A table with the schema's columns and no rows (a result without rows
  /// still has its columns).
  func emptyTable() -> Table? {
    guard let schema else { return nil }
    return Table(
      names: schema.fields.map(\.name),
      columns: schema.fields.map { Column.make($0.type.funnelType, []) })
  }

  /// A RecordBatch table: its row count, a FieldNode (length, null count)
  /// per column and the Buffers (offset, length in the body) in order.
  private func recordBatch(_ batch: FlatTable, body: UnsafeRawBufferPointer) throws(RemoteError) -> Table {
    guard let schema else { throw .malformedArrow("rows came before their schema") }
    if try batch.table(3) != nil {
      throw RemoteError(.unsupported, "the server sent compressed Arrow data, which Funnel cannot read")
    }
    let length = try batch.scalar(0, default: Int64(0))
    guard length >= 0, length <= Int64(Int32.max) else { throw .malformedArrow("a batch of \(length) rows") }
    let rows = Int(length)
    // A column takes at least a bit a row in the body, except a column of
    // the null type, which has no buffers: such rows are capped, so that a
    // damaged length cannot make the reader allocate gigabytes.
    guard rows <= max(body.count * 8, 1 << 20) else {
      throw .malformedArrow("a batch of \(rows) rows in \(body.count) bytes")
    }
    let nodes = try batch.vector(1)
    let buffers = try batch.vector(2)
    let bufferCount = schema.fields.reduce(0) { $0 + $1.type.bufferCount }
    guard (nodes?.count ?? 0) == schema.fields.count, (buffers?.count ?? 0) == bufferCount else {
      throw .malformedArrow("a batch does not match its schema's columns")
    }
    var columns: [Column] = []
    columns.reserveCapacity(schema.fields.count)
    var nextBuffer = 0
    for (i, field) in schema.fields.enumerated() {
      guard let nodes else { break }
      let node = try nodes.structPosition(at: i, size: 16)
      let nodeLength = try nodes.buffer.load(Int64.self, at: node)
      let nullCount = try nodes.buffer.load(Int64.self, at: node + 8)
      guard nodeLength == length, nullCount >= 0, nullCount <= length else {
        throw .malformedArrow("column '\(field.name)' does not have the batch's \(rows) rows")
      }
      var slices: [UnsafeRawBufferPointer] = []
      for _ in 0..<field.type.bufferCount {
        guard let buffers else { break }
        let b = try buffers.structPosition(at: nextBuffer, size: 16)
        nextBuffer += 1
        let offset = try buffers.buffer.load(Int64.self, at: b)
        let size = try buffers.buffer.load(Int64.self, at: b + 8)
        guard offset >= 0, size >= 0, offset <= Int64(body.count), size <= Int64(body.count) - offset else {
          throw .malformedArrow("a buffer of column '\(field.name)' lies outside the message body")
        }
        slices.append(UnsafeRawBufferPointer(rebasing: body[Int(offset)..<Int(offset + size)]))
      }
      let decoder = ArrowColumnDecoder(name: field.name, rows: rows)
      columns.append(try decoder.column(field.type, nullCount: Int(nullCount), buffers: slices))
    }
    if columns.isEmpty { return Table(rowCount: rows) }
    return Table(names: schema.fields.map(\.name), columns: columns)
  }
}
