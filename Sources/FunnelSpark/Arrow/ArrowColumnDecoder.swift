import FunnelData
import FunnelSQL

/// Turns one column of a record batch (its buffers within the message body)
/// into a Funnel column. Every buffer's size is checked before it is read;
/// values are copied out, so the column does not hold on to the message.
///
/// The loops read through unsafe buffers with unaligned loads: the body is
/// a slice of a protobuf message, with no alignment promised, and a result
/// of millions of rows passes through here.
struct ArrowColumnDecoder {
  let name: String
  let rows: Int

  func column(_ type: ArrowType, nullCount: Int, buffers: [UnsafeRawBufferPointer]) throws(RemoteError) -> Column {
    precondition(buffers.count == type.bufferCount, "one buffer slice per buffer of the type")
    if case .null = type {
      return Column(
        .string(codes: [Int32](repeating: 0, count: rows), dictionary: .nullRowsOnly),
        validity: Bitmap(count: rows, value: false))
    }
    let validity = try self.validity(buffers[0], nullCount: nullCount)
    func isValid(_ row: Int) -> Bool { validity?[row] ?? true }
    let values = buffers[1]
    switch type {
    case .null:
      preconditionFailure("handled above")
    case .int(let bits, let signed):
      try require(values, bytes: rows * bits / 8)
      switch (bits, signed) {
      case (64, true): return Column(.int(copied(values, as: Int64.self)), validity: validity)
      case (64, false):
        var out = [Int64](repeating: 0, count: rows)
        for row in 0..<rows {
          let v = values.loadUnaligned(fromByteOffset: row * 8, as: UInt64.self)
          if v > UInt64(Int64.max) {
            if isValid(row) { throw RemoteError.valueOutOfRange(name, "the unsigned integer \(v)") }
          } else {
            out[row] = Int64(v)
          }
        }
        return Column(.int(out), validity: validity)
      case (32, true): return Column(.int(widened(values, Int32.self)), validity: validity)
      case (32, false): return Column(.int(widened(values, UInt32.self)), validity: validity)
      case (16, true): return Column(.int(widened(values, Int16.self)), validity: validity)
      case (16, false): return Column(.int(widened(values, UInt16.self)), validity: validity)
      case (8, true): return Column(.int(widened(values, Int8.self)), validity: validity)
      default: return Column(.int(widened(values, UInt8.self)), validity: validity)
      }
    case .float(let bits):
      try require(values, bytes: rows * bits / 8)
      if bits == 64 { return Column(.double(copied(values, as: Double.self)), validity: validity) }
      let out = (0..<rows).map { Double(values.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self)) }
      return Column(.double(out), validity: validity)
    case .decimal(let precision, let scale, let bits):
      let width = bits / 8
      try require(values, bytes: rows * width)
      var out = [Int64](repeating: 0, count: rows)
      for row in 0..<rows {
        // Two's complement, little-endian words: the value fits an Int64 when
        // every word above the first only repeats its sign.
        let low = Int64(bitPattern: values.loadUnaligned(fromByteOffset: row * width, as: UInt64.self))
        var fits = true
        for word in 1..<(width / 8)
        where values.loadUnaligned(fromByteOffset: row * width + word * 8, as: Int64.self) != low >> 63 {
          fits = false
        }
        if fits {
          out[row] = low
        } else if isValid(row) {
          throw RemoteError.valueOutOfRange(name, "a decimal(\(precision),\(scale)) with more than 18 digits")
        }
      }
      return Column(.decimal(out, scale: scale), validity: validity)
    case .bool:
      try require(values, bytes: (rows + 7) / 8)
      let out = (0..<rows).map { values[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
      return Column(.bool(out), validity: validity)
    case .date(let milliseconds):
      guard milliseconds else {
        try require(values, bytes: rows * 4)
        return Column(.date(copied(values, as: Int32.self)), validity: validity)
      }
      try require(values, bytes: rows * 8)
      var out = [Int32](repeating: 0, count: rows)
      for row in 0..<rows {
        let ms = values.loadUnaligned(fromByteOffset: row * 8, as: Int64.self)
        let day = ms >= 0 ? ms / 86_400_000 : (ms + 1) / 86_400_000 - 1
        if let d = Int32(exactly: day) {
          out[row] = d
        } else if isValid(row) {
          throw RemoteError.valueOutOfRange(name, "a date \(day) days from 1970")
        }
      }
      return Column(.date(out), validity: validity)
    case .timestamp(let unitsPerSecond):
      try require(values, bytes: rows * 8)
      var out = copied(values, as: Int64.self)
      if unitsPerSecond > 1_000_000 {
        // Nanoseconds: floor to the microsecond, as for times before 1970.
        let d = unitsPerSecond / 1_000_000
        for row in 0..<rows {
          let t = out[row]
          out[row] = t >= 0 ? t / d : (t + 1) / d - 1
        }
      } else if unitsPerSecond < 1_000_000 {
        let m = 1_000_000 / unitsPerSecond
        for row in 0..<rows {
          let (t, overflow) = out[row].multipliedReportingOverflow(by: m)
          if overflow, isValid(row) { throw RemoteError.valueOutOfRange(name, "a timestamp") }
          out[row] = overflow ? 0 : t
        }
      }
      return Column(.timestamp(out), validity: validity)
    case .utf8(let large):
      return try text(offsets: values, data: buffers[2], large: large, validity: validity)
    }
  }

  /// The validity bitmap, or nil when no row is null (Arrow may then send no
  /// bitmap at all). Arrow's bit order, least significant bit first, is
  /// Funnel's.
  private func validity(_ bits: UnsafeRawBufferPointer, nullCount: Int) throws(RemoteError) -> Bitmap? {
    guard nullCount > 0 else { return nil }
    guard nullCount <= rows else { throw .malformedArrow("column '\(name)' has more nulls than rows") }
    let bytes = (rows + 7) / 8
    try require(bits, bytes: bytes)
    var bitmap = Bitmap(count: rows, value: true)
    for i in 0..<bytes where bits[i] != 0xFF {
      let byte = bits[i]
      for bit in 0..<8 where byte & (1 << UInt8(bit)) == 0 {
        let row = i * 8 + bit
        if row < rows { bitmap[row] = false }
      }
    }
    return bitmap
  }

  /// Text: `rows + 1` offsets (32 or 64 bits) into the bytes of the values.
  private func text(
    offsets: UnsafeRawBufferPointer, data: UnsafeRawBufferPointer, large: Bool, validity: Bitmap?
  ) throws(RemoteError) -> Column {
    let width = large ? 8 : 4
    guard rows > 0 else { return Column(.string(codes: [], dictionary: StringDictionary([]))) }
    try require(offsets, bytes: (rows + 1) * width)
    func offset(_ i: Int) -> Int {
      large
        ? Int(offsets.loadUnaligned(fromByteOffset: i * 8, as: Int64.self))
        : Int(offsets.loadUnaligned(fromByteOffset: i * 4, as: Int32.self))
    }
    var builder = StringDictionaryBuilder()
    var codes = [Int32](repeating: 0, count: rows)
    var start = offset(0)
    guard start >= 0 else { throw .malformedArrow("column '\(name)' has a negative text offset") }
    for row in 0..<rows {
      let end = offset(row + 1)
      guard end >= start, end <= data.count else {
        throw .malformedArrow("column '\(name)' has a text outside its buffer")
      }
      if validity?[row] ?? true {
        codes[row] = builder.code(
          for: String(decoding: UnsafeRawBufferPointer(rebasing: data[start..<end]), as: UTF8.self))
      }
      start = end
    }
    return Column(.string(codes: codes, dictionary: builder.build()), validity: validity)
  }

  private func require(_ buffer: UnsafeRawBufferPointer, bytes: Int) throws(RemoteError) {
    guard buffer.count >= bytes else {
      throw .malformedArrow("column '\(name)' has a buffer of \(buffer.count) bytes, \(bytes) needed")
    }
  }

  /// The first `rows` values, copied as they are (little-endian, as Arrow's).
  private func copied<T: BitwiseCopyable>(_ buffer: UnsafeRawBufferPointer, as _: T.Type) -> [T] {
    [T](unsafeUninitializedCapacity: rows) { out, n in
      UnsafeMutableRawBufferPointer(out).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: buffer[0..<(rows * MemoryLayout<T>.stride)]))
      n = rows
    }
  }

  private func widened<T: FixedWidthInteger>(_ buffer: UnsafeRawBufferPointer, _: T.Type) -> [Int64] {
    let size = MemoryLayout<T>.size
    return (0..<rows).map { Int64(T(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * size, as: T.self))) }
  }
}
