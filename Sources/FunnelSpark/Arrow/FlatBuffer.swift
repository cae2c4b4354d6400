import FunnelSQL

/// A flatbuffer (Arrow's message metadata) read in place, with every offset
/// checked against the bytes: a malformed buffer throws, it never reads past
/// the end. The bytes belong to the caller and must outlive the reader.
///
/// Layout, as flatbuffers define it: a table starts with an `Int32` giving,
/// backwards, the place of its vtable; the vtable lists, for each field in
/// declaration order, the field's offset from the table's start (0 when the
/// field is absent and takes its default). References to strings, vectors
/// and tables are `UInt32` offsets forward from where they are stored.
struct FlatBuffer {
  let bytes: UnsafeRawBufferPointer

  /// The little-endian integer at `position`.
  func load<T: FixedWidthInteger>(_: T.Type, at position: Int) throws(RemoteError) -> T {
    guard position >= 0, position <= bytes.count - MemoryLayout<T>.size else {
      throw .malformedArrow("an offset points outside the message metadata")
    }
    return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
  }

  /// The root table, whose offset the buffer's first four bytes hold.
  func root() throws(RemoteError) -> FlatTable {
    try table(at: Int(load(UInt32.self, at: 0)))
  }

  func table(at position: Int) throws(RemoteError) -> FlatTable {
    let vtable = position - Int(try load(Int32.self, at: position))
    let size = Int(try load(UInt16.self, at: vtable))
    guard size >= 4, size % 2 == 0, vtable + size <= bytes.count else {
      throw .malformedArrow("a table's field list is damaged")
    }
    return FlatTable(buffer: self, position: position, vtable: vtable, vtableSize: size)
  }
}

/// One table of a flatbuffer; fields are read by their declaration index.
struct FlatTable {
  let buffer: FlatBuffer
  let position: Int
  let vtable: Int
  let vtableSize: Int

  /// Where field `index` is stored, or nil when the table leaves it out.
  func fieldPosition(_ index: Int) throws(RemoteError) -> Int? {
    let slot = 4 + 2 * index
    guard slot + 2 <= vtableSize else { return nil }
    let offset = Int(try buffer.load(UInt16.self, at: vtable + slot))
    return offset == 0 ? nil : position + offset
  }

  func scalar<T: FixedWidthInteger>(_ index: Int, default value: T) throws(RemoteError) -> T {
    guard let p = try fieldPosition(index) else { return value }
    return try buffer.load(T.self, at: p)
  }

  func bool(_ index: Int, default value: Bool = false) throws(RemoteError) -> Bool {
    try scalar(index, default: UInt8(value ? 1 : 0)) != 0
  }

  /// Where the string, vector or table that field `index` refers to starts.
  private func target(_ index: Int) throws(RemoteError) -> Int? {
    guard let p = try fieldPosition(index) else { return nil }
    return p + Int(try buffer.load(UInt32.self, at: p))
  }

  func table(_ index: Int) throws(RemoteError) -> FlatTable? {
    guard let t = try target(index) else { return nil }
    return try buffer.table(at: t)
  }

  func string(_ index: Int) throws(RemoteError) -> String? {
    guard let t = try target(index) else { return nil }
    let length = Int(try buffer.load(UInt32.self, at: t))
    guard length <= buffer.bytes.count - t - 4 else {
      throw .malformedArrow("a name runs past the end of the message metadata")
    }
    return String(decoding: UnsafeRawBufferPointer(rebasing: buffer.bytes[(t + 4)..<(t + 4 + length)]), as: UTF8.self)
  }

  func vector(_ index: Int) throws(RemoteError) -> FlatVector? {
    guard let t = try target(index) else { return nil }
    let count = Int(try buffer.load(UInt32.self, at: t))
    return FlatVector(buffer: buffer, start: t + 4, count: count)
  }
}

/// A vector of a flatbuffer: of tables (stored as offsets) or of structs
/// (stored inline, `size` bytes each).
struct FlatVector {
  let buffer: FlatBuffer
  let start: Int
  let count: Int

  func table(at i: Int) throws(RemoteError) -> FlatTable {
    precondition(i >= 0 && i < count, "index within the vector")
    let p = start + 4 * i
    return try buffer.table(at: p + Int(try buffer.load(UInt32.self, at: p)))
  }

  /// Where struct `i` of `size` bytes starts, checked to lie within the buffer.
  func structPosition(at i: Int, size: Int) throws(RemoteError) -> Int {
    precondition(i >= 0 && i < count, "index within the vector")
    let p = start + size * i
    guard p + size <= buffer.bytes.count else {
      throw .malformedArrow("a list of buffers runs past the end of the message metadata")
    }
    return p
  }
}
