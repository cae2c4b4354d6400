import FunnelData

/// A date, timestamp or period column read as days a block of rows at a time,
/// for the vocabulary's kernels, which read several such columns side by side.
///
/// A block is the days (a pointer into the column itself for a date column,
/// else converted into a scratch buffer) and the validity words of its rows:
/// a kernel tests a row's bit rather than a sentinel, and nothing per row is
/// copied. Blocks start on a multiple of 64 rows (`RowChunks` cuts them so),
/// so a block's validity is a run of whole words of the column's bitmap.
struct DayBlocks {
  private let data: ColumnData
  private let validity: Bitmap?

  /// nil when the column is neither a date, a timestamp nor a period.
  init?(_ column: Column) {
    switch column.data {
    case .date, .timestamp, .period: break
    default: return nil
    }
    data = column.data
    validity = column.validity
  }

  /// Calls `body` with a reader of the column, valid only during the call.
  func withReader<R>(_ body: (DayReader) -> R) -> R {
    let words = validity?.words ?? []
    return words.withUnsafeBufferPointer { w in
      let valid = validity == nil ? nil : w.baseAddress
      switch data {
      case .date(let v):
        return v.withUnsafeBufferPointer { body(DayReader(source: .days($0.baseAddress), words: valid)) }
      case .timestamp(let v):
        return v.withUnsafeBufferPointer { body(DayReader(source: .timestamps($0.baseAddress), words: valid)) }
      case .period(let v, let unit):
        return v.withUnsafeBufferPointer { body(DayReader(source: .periods($0.baseAddress, unit), words: valid)) }
      default:
        return body(DayReader(source: .days(nil), words: valid))
      }
    }
  }

  /// Calls `body` with a reader of each column (nil for a missing one), all
  /// valid only during the call.
  static func withReaders<R>(_ columns: [DayBlocks?], _ body: ([DayReader?]) -> R) -> R {
    func nest(_ k: Int, _ readers: [DayReader?]) -> R {
      if k == columns.count { return body(readers) }
      guard let column = columns[k] else { return nest(k + 1, readers + [nil]) }
      return column.withReader { nest(k + 1, readers + [$0]) }
    }
    return nest(0, [])
  }
}

/// Pointers into one `DayBlocks` column (see there).
struct DayReader {
  enum Source {
    case days(UnsafePointer<Int32>?)
    case timestamps(UnsafePointer<Int64>?)
    case periods(UnsafePointer<Int32>?, PeriodUnit)
  }
  let source: Source
  /// The column's validity words; nil when no row is null.
  let words: UnsafePointer<UInt64>?

  /// The days of `rows`: in the column for a date column, else written to
  /// `scratch` (room for `rows.count`). The day of a null row is unspecified.
  @inline(__always)
  func days(_ rows: Range<Int>, scratch: UnsafeMutablePointer<Int32>) -> UnsafePointer<Int32> {
    let lo = rows.lowerBound
    switch source {
    case .days(let p):
      if let p { return p + lo }
    case .timestamps(let p):
      if let p { for i in 0..<rows.count { scratch[i] = Timestamps.day(of: p[lo + i]) } }
    case .periods(let p, let unit):
      if let p { for i in 0..<rows.count { scratch[i] = Periods.firstDay(p[lo + i], unit: unit) } }
    }
    return UnsafePointer(scratch)
  }

  /// The validity words of `rows` (`rows.lowerBound` a multiple of 64): bit i
  /// of word i / 64 is row `rows.lowerBound + i`. `allValid` (all ones, room
  /// for a block) stands in when the column has no nulls.
  @inline(__always)
  func validity(_ rows: Range<Int>, allValid: UnsafePointer<UInt64>) -> UnsafePointer<UInt64> {
    guard let words else { return allValid }
    return words + (rows.lowerBound >> 6)
  }
}

/// Scratch buffers of one block for a kernel reading several day columns: one
/// buffer of days per column, validity words of all ones, and words of all
/// zeros with null days for a column that is missing (every row null).
final class DayScratch {
  let columns: Int
  let days: UnsafeMutablePointer<Int32>
  let ones: UnsafeMutablePointer<UInt64>
  let zeros: UnsafeMutablePointer<UInt64>

  init(columns: Int) {
    self.columns = columns
    let block = RowChunks.blockSize
    days = .allocate(capacity: max(columns, 1) * block)
    days.initialize(repeating: Column.nullDay, count: max(columns, 1) * block)
    ones = .allocate(capacity: block / 64)
    ones.initialize(repeating: ~0, count: block / 64)
    zeros = .allocate(capacity: block / 64)
    zeros.initialize(repeating: 0, count: block / 64)
  }

  deinit {
    days.deallocate()
    ones.deallocate()
    zeros.deallocate()
  }

  /// Column k's scratch days.
  func days(_ k: Int) -> UnsafeMutablePointer<Int32> { days + k * RowChunks.blockSize }

  /// Points `day[k]` and `valid[k]` at the block `rows` of each reader (null
  /// days and no valid rows for a missing column).
  @inline(__always)
  func load(
    _ readers: [DayReader?], _ rows: Range<Int>, day: UnsafeMutablePointer<UnsafePointer<Int32>>,
    valid: UnsafeMutablePointer<UnsafePointer<UInt64>>
  ) {
    for k in 0..<readers.count {
      if let r = readers[k] {
        day[k] = r.days(rows, scratch: days(k))
        valid[k] = r.validity(rows, allValid: ones)
      } else {
        day[k] = UnsafePointer(days(k))
        valid[k] = UnsafePointer(zeros)
      }
    }
  }
}
