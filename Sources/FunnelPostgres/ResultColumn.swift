import FunnelData
import FunnelSQL
import PostgresNIO

/// One column of a result, filled a cell at a time from PostgreSQL's binary
/// values and handed out as a `Column` once per batch. Texts are interned as
/// bytes (`ByteInterner`, as the file readers do), so a batch makes one
/// `String` per distinct text, not one per row.
struct ResultColumn {
  let name: String
  let source: PostgresType
  /// The Funnel type; nil until the first batch of a `numeric` without a
  /// scale has been seen.
  private(set) var type: DataType?

  private var ints: [Int64] = []
  private var doubles: [Double] = []
  private var days: [Int32] = []
  private var bools: [Bool] = []
  private var codes: [Int32] = []
  private var interner = ByteInterner()
  private var validity = Bitmap(count: 0, value: true)
  /// The first batch of a `numeric` without a scale, kept until its type is chosen.
  private var pending: [ByteBuffer?] = []

  /// The decimals an unscaled `numeric` may take before it is read as a
  /// double: PostgreSQL gives averages and quotients 16 and more, which are
  /// rounded anyway and would overflow an `Int64` of units.
  static let unscaledDecimalLimit = 6

  /// PostgreSQL counts days and microseconds from 2000-01-01.
  static let epochDays: Int32 = 10_957
  static let epochMicros: Int64 = 946_684_800_000_000

  init(name: String, source: PostgresType) {
    self.name = name
    self.source = source
    self.type = source.dataType
  }

  /// Adds one cell (nil is SQL null).
  mutating func append(_ cell: ByteBuffer?) throws(RemoteError) {
    guard var bytes = cell else {
      appendNull()
      return
    }
    if source == .numericUnscaled, type == nil {
      pending.append(bytes)
      return
    }
    validity.append(true)
    switch source {
    case .int2: ints.append(Int64(bytes.readInteger(as: Int16.self) ?? 0))
    case .int4: ints.append(Int64(bytes.readInteger(as: Int32.self) ?? 0))
    case .int8: ints.append(bytes.readInteger(as: Int64.self) ?? 0)
    case .oid: ints.append(Int64(bytes.readInteger(as: UInt32.self) ?? 0))
    case .float4: doubles.append(Double(Float(bitPattern: bytes.readInteger(as: UInt32.self) ?? 0)))
    case .float8: doubles.append(Double(bitPattern: bytes.readInteger(as: UInt64.self) ?? 0))
    case .bool: bools.append((bytes.readInteger(as: UInt8.self) ?? 0) != 0)
    case .date:
      let days = bytes.readInteger(as: Int32.self) ?? 0
      guard days != .max, days != .min else { throw infinite("date") }
      self.days.append(days &+ ResultColumn.epochDays)
    case .timestamp:
      let micros = bytes.readInteger(as: Int64.self) ?? 0
      guard micros != .max, micros != .min else { throw infinite("timestamp") }
      ints.append(micros &+ ResultColumn.epochMicros)
    case .numeric(let scale):
      ints.append(try units(bytes, scale: scale))
    case .numericDouble:
      doubles.append(bytes.withUnsafeReadableBytes { PostgresNumeric($0)?.double } ?? .nan)
    case .numericUnscaled:
      if case .decimal(let scale) = type {
        ints.append(try units(bytes, scale: scale))
      } else {
        doubles.append(bytes.withUnsafeReadableBytes { PostgresNumeric($0)?.double } ?? .nan)
      }
    case .text, .char:
      intern(bytes)
    case .jsonb:
      // A version byte (1) before the JSON text.
      bytes.moveReaderIndex(forwardBy: min(1, bytes.readableBytes))
      intern(bytes)
    case .uuid:
      let hex = (bytes.readBytes(length: bytes.readableBytes) ?? []).map {
        ($0 < 16 ? "0" : "") + String($0, radix: 16)
      }
      var text = hex.joined()
      for dash in [20, 16, 12, 8] where text.count > dash {
        text.insert("-", at: text.index(text.startIndex, offsetBy: dash))
      }
      let utf8 = Array(text.utf8)
      codes.append(utf8.withUnsafeBufferPointer { interner.code($0) })
    }
  }

  private mutating func intern(_ bytes: ByteBuffer) {
    let code = bytes.withUnsafeReadableBytes { raw in
      interner.code(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
    }
    codes.append(code)
  }

  private mutating func appendNull() {
    if source == .numericUnscaled, type == nil {
      pending.append(nil)
      return
    }
    validity.append(false)
    switch type {
    case .int, .decimal, .timestamp: ints.append(0)
    case .double: doubles.append(0)
    case .date: days.append(0)
    case .bool: bools.append(false)
    default: codes.append(0)
    }
  }

  private func units(_ bytes: ByteBuffer, scale: Int) throws(RemoteError) -> Int64 {
    let read = bytes.withUnsafeReadableBytes { raw -> (units: Int64?, text: String)? in
      guard let numeric = PostgresNumeric(raw) else { return nil }
      return (numeric.units(scale: scale), numeric.text)
    }
    guard let read else {
      throw RemoteError(.unsupported, "column '\(name)' holds a numeric that could not be read")
    }
    if let units = read.units { return units }
    throw RemoteError(
      .unsupported, "column '\(name)' holds \(read.text), which does not fit decimal(\(scale))",
      hint: "a decimal holds 18 digits; cast the column to double precision, or to numeric(p, s) with more decimals")
  }

  private func infinite(_ kind: String) -> RemoteError {
    RemoteError(
      .unsupported, "column '\(name)' holds an infinite \(kind), which Funnel cannot hold",
      hint: "filter the rows out, or replace the value with CASE ... WHEN '\(kind)' 'infinity' ... in SQL")
  }

  /// The rows so far as a column; the column starts empty again.
  mutating func finish() throws(RemoteError) -> Column {
    if source == .numericUnscaled, type == nil { try chooseUnscaledType() }
    let data: ColumnData
    switch type ?? .double {
    case .int: data = .int(ints)
    case .decimal(let scale): data = .decimal(ints, scale: scale)
    case .double: data = .double(doubles)
    case .date: data = .date(days)
    case .timestamp: data = .timestamp(ints)
    case .bool: data = .bool(bools)
    default: data = .string(codes: codes, dictionary: StringDictionary(interner.strings()))
    }
    let column = Column(data, validity: validity)
    let rows = validity.count
    (ints, doubles, days, bools, codes) = ([], [], [], [], [])
    ints.reserveCapacity(rows)
    doubles.reserveCapacity(rows)
    interner = ByteInterner()
    validity = Bitmap(count: 0, value: true)
    validity.reserveCapacity(rows)
    return column
  }

  /// Chooses the type of a `numeric` without a scale from its first batch:
  /// a decimal at the largest scale shown, when every value fits it and the
  /// scale is at most `unscaledDecimalLimit`; a double otherwise (and with no
  /// rows). Later batches must fit the choice.
  private mutating func chooseUnscaledType() throws(RemoteError) {
    let cells = pending
    pending = []
    // Each cell is read in place, once per pass (see `PostgresNumeric`).
    func read<R>(_ cell: ByteBuffer, _ f: (PostgresNumeric) -> R) throws(RemoteError) -> R {
      guard let r = cell.withUnsafeReadableBytes({ raw in PostgresNumeric(raw).map(f) }) else {
        throw RemoteError(.unsupported, "column '\(name)' holds a numeric that could not be read")
      }
      return r
    }
    var scale = 0
    var decimal = !cells.isEmpty
    for case let cell? in cells {
      let (shown, finite) = try read(cell) { ($0.scale, $0.isFinite) }
      scale = max(scale, shown)
      if !finite { decimal = false }
    }
    if scale > ResultColumn.unscaledDecimalLimit { decimal = false }
    var units: [Int64] = []
    if decimal {
      for cell in cells {
        guard let cell else {
          units.append(0)
          continue
        }
        guard let u = try read(cell, { $0.units(scale: scale) }) else {
          decimal = false
          break
        }
        units.append(u)
      }
    }
    type = decimal ? .decimal(scale: scale) : .double
    for (i, cell) in cells.enumerated() {
      guard let cell else {
        appendNull()
        continue
      }
      validity.append(true)
      if decimal { ints.append(units[i]) } else { doubles.append(try read(cell) { $0.double }) }
    }
  }
}
