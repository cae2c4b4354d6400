/// Infers one column's type and builds it as runs of fields arrive, so that a
/// file can be read a chunk at a time and never held whole.
///
/// Ints, decimals, dates, timestamps and booleans are parsed once, by the
/// inference itself, and kept. A column whose first value is text becomes a
/// `ColumnAppender` at once and interns from there. Only a column that turns
/// out otherwise after values were kept (numbers, then a word; numbers too
/// big for 64 bits, decimals with many places) stops keeping and asks for a
/// second pass over the file, once its type is known.
struct ColumnAccumulator {
  let builder: ColumnBuilder
  private var tally = TypeTally()
  private var mode = Mode.inferring
  /// Kept parses (`TypeTally.Parsed`) of every row so far, while inferring:
  /// in `narrow` while every one fits in 32 bits (ids, counts and days do,
  /// and a column then never needs its 64-bit form), else in `values`.
  private var values: [Int64] = []
  private var narrow: [Int32] = []
  private var isNarrow = true
  /// One chunk's parses, reused from chunk to chunk.
  private var chunkValues: [Int64] = []
  /// The parses' tags, a row each, only once they differ (`mixedTags`): in
  /// most columns every value has the same tag (`uniformTag`), and a byte a
  /// row was memory the load held for nothing.
  private var tags: [UInt8] = []
  private var mixedTags = false
  private var uniformTag: UInt8?
  /// One chunk's tags, reused from chunk to chunk.
  private var chunkTags: [UInt8] = []
  private var validity = Bitmap(count: 0, value: true)
  /// A non-null value has been kept (a text column can then no longer start
  /// interning where it stands).
  private var keptValue = false
  private var appender: ColumnAppender?
  private var rows = 0

  private enum Mode { case inferring, appending, tallying }

  init(builder: ColumnBuilder) { self.builder = builder }

  /// The type settled on (final once every row has been added).
  var type: DataType { tally.type }

  /// Interning text as it comes (codes and a dictionary, not parsed values).
  var isText: Bool { mode == .appending }

  /// Room for about `rows` rows in total.
  mutating func reserveCapacity(_ rows: Int) {
    switch mode {
    case .inferring:
      if isNarrow { narrow.reserveCapacity(rows) } else { values.reserveCapacity(rows) }
      if mixedTags { tags.reserveCapacity(rows) }
      validity.reserveCapacity(rows)
    case .appending: appender?.reserveCapacity(rows)
    case .tallying: break
    }
  }

  /// Adds every field of the cursor's column.
  mutating func add(_ cursor: inout FieldCursor) {
    let count = cursor.view.rowCount
    defer { rows += count }
    switch mode {
    case .inferring: infer(&cursor)
    case .appending: appender?.append(&cursor)
    case .tallying: tallyOnly(&cursor, from: 0)
    }
  }

  private mutating func infer(_ cursor: inout FieldCursor) {
    let count = cursor.view.rowCount
    let base = validity.count
    // The chunk's rows are parsed into arrays made once and written through
    // pointers: an append a value checks the arrays' capacity and uniqueness
    // each time, which cost as much as the parse itself.
    var parsed = chunkValues
    chunkValues = []
    if parsed.count < count { parsed = [Int64](repeating: 0, count: count) }
    var chunk = chunkTags
    chunkTags = []
    if chunk.count < count { chunk = [UInt8](repeating: 0, count: count) }
    validity.append(repeating: true, count: count)
    let stoppedAt = parsed.withUnsafeMutableBufferPointer { parsed in
      chunk.withUnsafeMutableBufferPointer { tags in
        let tags = UnsafeMutableBufferPointer(rebasing: tags[0..<count])
        let values = UnsafeMutableBufferPointer(rebasing: parsed[0..<count])
        tags.update(repeating: 0)
        values.update(repeating: 0)
        return ColumnAccumulator.parse(
          &cursor, rows: count, rules: builder.rules, tally: &tally, validity: &validity,
          values: values, tags: tags, keptValue: &keptValue)
      }
    }
    guard let r = stoppedAt else {
      keep(parsed, count: count)
      chunkValues = parsed
      chunkTags = chunk
      keepTags(from: base, count: count)
      return
    }
    let reserved = max(values.capacity, narrow.capacity)
    values = []
    narrow = []
    tags = []
    validity = Bitmap(count: 0, value: true)
    if tally.isSettled, !keptValue {
      // Text from its first value on: intern from here, nulls before.
      var appender = ColumnAppender(type: .string, rules: builder.rules)
      appender.reserveCapacity(max(reserved, rows + count))
      appender.appendNulls(rows + r)
      appender.append(&cursor, from: r)
      self.appender = appender
      mode = .appending
    } else {
      mode = .tallying
      tallyOnly(&cursor, from: r + 1)
    }
  }

  /// Appends a chunk's parses: narrow while they all fit in 32 bits; at the
  /// first chunk with one that does not, the rows so far are widened, once.
  private mutating func keep(_ parsed: [Int64], count: Int) {
    if isNarrow {
      if parsed.withUnsafeBufferPointer({ Column.allFit32(UnsafeBufferPointer(rebasing: $0[0..<count])) }) {
        let start = narrow.count
        narrow.append(contentsOf: repeatElement(0, count: count))
        narrow.withUnsafeMutableBufferPointer { n in
          parsed.withUnsafeBufferPointer { p in
            for i in 0..<count { n[start + i] = Int32(truncatingIfNeeded: p[i]) }
          }
        }
        return
      }
      values.reserveCapacity(max(narrow.capacity, rows + count))
      values.append(contentsOf: narrow.lazy.map { Int64($0) })
      narrow = []
      isNarrow = false
    }
    values.append(contentsOf: parsed[0..<count])
  }

  /// Keeps the tags of the chunk's rows (from row `base` on): nothing while
  /// every non-null row so far has the same one; at the first that differs,
  /// a tag for every row, those before it taking the one they shared.
  private mutating func keepTags(from base: Int, count: Int) {
    if mixedTags {
      tags.append(contentsOf: chunkTags[0..<count])
      return
    }
    var shared = uniformTag
    var differs = false
    chunkTags.withUnsafeBufferPointer { t in
      if count > 0, validity.allSet(in: base..<base + count) {
        // No null among the chunk's rows (the usual case): the tags are
        // compared in one pass, with no bit read a row.
        let tag = shared ?? t[0]
        var diff: UInt8 = 0
        for r in 0..<count { diff |= t[r] ^ tag }
        shared = tag
        differs = diff != 0
        return
      }
      for r in 0..<count where validity[base + r] {
        guard let tag = shared else {
          shared = t[r]
          continue
        }
        if t[r] != tag {
          differs = true
          break
        }
      }
    }
    uniformTag = shared
    guard differs else { return }
    mixedTags = true
    tags.reserveCapacity(max(values.capacity, narrow.capacity))
    tags.append(contentsOf: repeatElement(shared ?? 0, count: base))
    tags.append(contentsOf: chunkTags[0..<count])
  }

  /// Parses the cursor's rows into `values` and `tags` (null rows clear their
  /// bit of `validity`, counted from the end of the chunk's rows). Returns the
  /// first row whose value cannot be kept, if any.
  @inline(__always)
  private static func parse(
    _ cursor: inout FieldCursor, rows count: Int, rules: FieldRules, tally: inout TypeTally,
    validity: inout Bitmap, values: UnsafeMutableBufferPointer<Int64>, tags: UnsafeMutableBufferPointer<UInt8>,
    keptValue: inout Bool
  ) -> Int? {
    let base = validity.count - count
    for r in 0..<count {
      let (t, readable) = cursor.textReadable(r)
      if rules.isNull(t) {
        validity[base + r] = false
        continue
      }
      let p = t.baseAddress.unsafelyUnwrapped
      // Most columns settle on their first rows: a plain integer in a
      // column of integers needs none of the general reading.
      if let v = tally.plainInt(p, t.count, readable: readable) {
        values[r] = v
        keptValue = true
        continue
      }
      if let parsed = tally.add(p, t.count, rules: rules) {
        values[r] = parsed.value
        tags[r] = parsed.tag
        keptValue = true
        continue
      }
      return r
    }
    return nil
  }

  private mutating func tallyOnly(_ cursor: inout FieldCursor, from start: Int) {
    let rules = builder.rules
    for r in start..<cursor.view.rowCount {
      if tally.isSettled { return }
      let t = cursor.text(r)
      if !rules.isNull(t) { _ = tally.add(t.baseAddress.unsafelyUnwrapped, t.count, rules: rules) }
    }
  }

  /// The finished column; nil when the values must be read again with the
  /// type settled on (`type`). The kept values move
  /// into it (no copy), so the accumulator is empty afterwards.
  mutating func finish() -> Column? {
    switch mode {
    case .tallying: return nil
    case .appending: return appender?.column(hint: builder.hint(for: .string))
    case .inferring: break
    }
    let type = tally.type
    let narrow = self.narrow, isNarrow = self.isNarrow
    self.narrow = []
    // Decimals and timestamps are rescaled in 64 bits.
    var values = isNarrow && type != .int && type != .date ? narrow.map { Int64($0) } : self.values
    self.values = []
    defer {
      tags = []
      chunkTags = []
      chunkValues = []
    }
    switch type {
    case .int:
      return isNarrow ? Column(narrowInts: narrow, validity: validity) : Column(.int(values), validity: validity)
    case .decimal(let scale):
      // With one tag for all, every value has the column's places already.
      assert(mixedTags || uniformTag.map { Int($0) == scale } ?? true, "a shared tag is the decimal's scale")
      if mixedTags {
        for r in 0..<rows where tags[r] != scale {
          values[r] *= Decimal64.intPowersOfTen[scale - Int(tags[r])]
        }
      }
      return Column(.decimal(values, scale: scale), validity: validity, hint: builder.hint(for: type))
    case .timestamp:
      // With one tag for all, every value is a timestamp (dates alone make a date column).
      assert(mixedTags || uniformTag == nil || uniformTag == TypeTally.timestampTag, "a shared tag is a timestamp's")
      if mixedTags {
        for r in 0..<rows where tags[r] == TypeTally.dayTag { values[r] *= Timestamps.microsPerDay }
      }
      return Column(.timestamp(values), validity: validity)
    case .date:
      // Days always fit in 32 bits.
      return Column(.date(isNarrow ? narrow : values.map { Int32(truncatingIfNeeded: $0) }), validity: validity)
    case .bool:
      return Column(.bool(values.map { $0 != 0 }), validity: validity)
    case .string:
      // No value at all: a text column of nulls.
      return Column(
        .string(codes: [Int32](repeating: 0, count: rows), dictionary: StringDictionary([])),
        validity: Bitmap(count: rows, value: false))
    default:
      // Decimals with more places than a decimal column keeps are doubles,
      // parsed again from their text.
      return nil
    }
  }
}
