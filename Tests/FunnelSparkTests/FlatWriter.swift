/// A flatbuffer to write, for building Arrow messages in tests: a table's
/// fields by declaration index (nil for absent), strings, vectors of tables
/// and vectors of inline structs.
indirect enum FlatValue {
  case table([FlatField?])
  case string(String)
  case tables([FlatValue])
  case structs([[UInt8]])
}

enum FlatField {
  case scalar([UInt8])
  case reference(FlatValue)

  static func int64(_ v: Int64) -> FlatField { .scalar(littleEndian(v)) }
  static func int32(_ v: Int32) -> FlatField { .scalar(littleEndian(v)) }
  static func int16(_ v: Int16) -> FlatField { .scalar(littleEndian(v)) }
  static func uint8(_ v: UInt8) -> FlatField { .scalar([v]) }
  static func bool(_ v: Bool) -> FlatField { .scalar([v ? 1 : 0]) }
}

func littleEndian<T: FixedWidthInteger>(_ v: T) -> [UInt8] {
  withUnsafeBytes(of: v.littleEndian) { Array($0) }
}

/// Lays a flatbuffer out front to back: every table's vtable just before
/// it, and what it refers to after it, so that references point forward
/// as flatbuffers require.
struct FlatWriter {
  private(set) var bytes: [UInt8] = []

  static func bytes(_ root: FlatValue) -> [UInt8] {
    var w = FlatWriter()
    w.put(UInt32(0))
    let p = w.write(root)
    w.patch(0, to: p)
    w.align(8)
    return w.bytes
  }

  private mutating func align(_ n: Int) { while bytes.count % n != 0 { bytes.append(0) } }

  private mutating func put<T: FixedWidthInteger>(_ v: T) { bytes += littleEndian(v) }

  private mutating func patch(_ at: Int, to target: Int) {
    let offset = littleEndian(UInt32(target - at))
    bytes.replaceSubrange(at..<(at + 4), with: offset)
  }

  private mutating func write(_ value: FlatValue) -> Int {
    switch value {
    case .string(let s):
      align(4)
      let p = bytes.count
      put(UInt32(s.utf8.count))
      bytes += Array(s.utf8) + [0]
      return p
    case .tables(let items):
      align(4)
      let p = bytes.count
      put(UInt32(items.count))
      bytes += [UInt8](repeating: 0, count: 4 * items.count)
      for (i, item) in items.enumerated() { patch(p + 4 + 4 * i, to: write(item)) }
      return p
    case .structs(let items):
      while (bytes.count + 4) % 8 != 0 { bytes.append(0) }
      let p = bytes.count
      put(UInt32(items.count))
      for item in items { bytes += item }
      return p
    case .table(let fields):
      // The table's inline layout: the vtable offset, then each field at an
      // offset aligned to its size.
      var offsets = [Int](repeating: 0, count: fields.count)
      var size = 4
      for (i, field) in fields.enumerated() {
        guard let field else { continue }
        let width: Int
        if case .scalar(let b) = field { width = b.count } else { width = 4 }
        size = (size + width - 1) / width * width
        offsets[i] = size
        size += width
      }
      align(2)
      let vtable = bytes.count
      put(UInt16(4 + 2 * fields.count))
      put(UInt16(size))
      for o in offsets { put(UInt16(o)) }
      align(8)
      let table = bytes.count
      put(Int32(table - vtable))
      bytes += [UInt8](repeating: 0, count: size - 4)
      var references: [(Int, FlatValue)] = []
      for (i, field) in fields.enumerated() {
        switch field {
        case .scalar(let b)?: bytes.replaceSubrange((table + offsets[i])..<(table + offsets[i] + b.count), with: b)
        case .reference(let v)?: references.append((table + offsets[i], v))
        case nil: break
        }
      }
      for (at, v) in references { patch(at, to: write(v)) }
      return table
    }
  }
}
