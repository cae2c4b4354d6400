import FunnelData
import FunnelSQL

/// The Arrow types Funnel reads, as a Schema message declares them
/// (format/Schema.fbs), and the Funnel type each one becomes.
enum ArrowType: Equatable {
  /// Every row null: a text column, as an empty column of a file is.
  case null
  case int(bitWidth: Int, signed: Bool)
  /// Single (32-bit) or double precision.
  case float(bitWidth: Int)
  case decimal(precision: Int, scale: Int, bitWidth: Int)
  /// `utf8` (32-bit offsets) or `large_utf8` (64-bit offsets).
  case utf8(large: Bool)
  case bool
  /// `date32` (days) or `date64` (milliseconds).
  case date(milliseconds: Bool)
  /// Seconds, milliseconds, microseconds or nanoseconds since 1970; the
  /// zone, when there is one, is the session's (UTC, see `SparkEngine`).
  case timestamp(unitsPerSecond: Int64)

  /// The column type it becomes.
  var funnelType: DataType {
    switch self {
    case .null, .utf8: return .string
    case .int: return .int
    case .float: return .double
    case .decimal(_, let scale, _): return .decimal(scale: scale)
    case .bool: return .bool
    case .date: return .date
    case .timestamp: return .timestamp
    }
  }

  /// How many buffers a column of this type has in a record batch.
  var bufferCount: Int {
    switch self {
    case .null: return 0
    case .utf8: return 3
    default: return 2
    }
  }
}

/// A column of a schema.
struct ArrowField: Equatable {
  var name: String
  var type: ArrowType
}

/// The columns of an Arrow stream.
struct ArrowSchema: Equatable {
  var fields: [ArrowField]

  /// Reads a Schema table; a type Funnel cannot hold throws, naming the column.
  init(_ table: FlatTable) throws(RemoteError) {
    // Endianness: 0 little, 1 big.
    guard try table.scalar(0, default: Int16(0)) == 0 else {
      throw RemoteError(.unsupported, "the server sent big-endian Arrow data, which Funnel cannot read")
    }
    fields = []
    guard let list = try table.vector(1) else { return }
    for i in 0..<list.count {
      let field = try list.table(at: i)
      let name = try field.string(0) ?? ""
      if try field.table(4) != nil {
        throw RemoteError(.unsupported, "column '\(name)' is dictionary-encoded Arrow, which Funnel cannot read")
      }
      fields.append(ArrowField(name: name, type: try ArrowSchema.type(of: field, named: name)))
    }
  }

  init(fields: [ArrowField]) { self.fields = fields }

  /// The type of a Field table: its `type_type` (the Type union's tag) and `type`.
  private static func type(of field: FlatTable, named name: String) throws(RemoteError) -> ArrowType {
    let tag = try field.scalar(2, default: UInt8(0))
    let details = try field.table(3)
    func detail<T: FixedWidthInteger>(_ index: Int, _ value: T) throws(RemoteError) -> T {
      try details?.scalar(index, default: value) ?? value
    }
    switch tag {
    case 1: return .null
    case 2:
      let bits = Int(try detail(0, Int32(0)))
      let signed = try details?.bool(1) ?? false
      guard [8, 16, 32, 64].contains(bits) else { throw .malformedArrow("column '\(name)' has \(bits)-bit integers") }
      return .int(bitWidth: bits, signed: signed)
    case 3:
      switch try detail(0, Int16(0)) {
      case 1: return .float(bitWidth: 32)
      case 2: return .float(bitWidth: 64)
      default: throw RemoteError.unsupportedColumn(name, "half-precision float")
      }
    case 5: return .utf8(large: false)
    case 20: return .utf8(large: true)
    case 6: return .bool
    case 7:
      let precision = Int(try detail(0, Int32(0)))
      let scale = Int(try detail(1, Int32(0)))
      let bits = Int(try detail(2, Int32(128)))
      guard bits == 128 || bits == 256 else { throw .malformedArrow("column '\(name)' has \(bits)-bit decimals") }
      guard (0...18).contains(scale) else {
        throw RemoteError.unsupportedColumn(
          name, "decimal(\(precision),\(scale))", reason: "Funnel keeps up to 18 decimals")
      }
      return .decimal(precision: precision, scale: scale, bitWidth: bits)
    case 8:
      // DateUnit: 0 days, 1 milliseconds (the default).
      return .date(milliseconds: try detail(0, Int16(1)) != 0)
    case 10:
      // TimeUnit: second, millisecond, microsecond, nanosecond.
      switch try detail(0, Int16(0)) {
      case 0: return .timestamp(unitsPerSecond: 1)
      case 1: return .timestamp(unitsPerSecond: 1000)
      case 2: return .timestamp(unitsPerSecond: 1_000_000)
      case 3: return .timestamp(unitsPerSecond: 1_000_000_000)
      default: throw .malformedArrow("column '\(name)' has an unknown time unit")
      }
    default:
      throw RemoteError.unsupportedColumn(name, ArrowSchema.typeNames[Int(tag)] ?? "Arrow type \(tag)")
    }
  }

  /// Names of the Type union's members Funnel does not read, for messages.
  private static let typeNames: [Int: String] = [
    4: "binary", 9: "time", 11: "interval", 12: "array", 13: "struct", 14: "union", 15: "fixed-size binary",
    16: "fixed-size array", 17: "map", 18: "duration", 19: "binary", 21: "array", 22: "run-end encoded",
    23: "binary", 24: "string view", 25: "array", 26: "array",
  ]
}
