/// Turns the generator's typed arrays into columns. The generator marks a
/// missing value with a sentinel while drawing (one array, no per-row
/// optionals); here the sentinel becomes a null and its slot a zero, because
/// readers of a column may compute on null slots (a code must index the
/// dictionary, a date must not overflow a week bucket).
enum DemoColumns {
  /// Marks a missing date in the generator's arrays.
  static let noDate = Int32.min

  /// Dates given as day offsets from 2024-07-01; `noDate` is null.
  static func dates(offsets: [Int32]) -> Column {
    var valid = Bitmap(count: offsets.count, value: true)
    var days = [Int32](repeating: 0, count: offsets.count)
    let base = DemoCalendar.firstDay
    for i in offsets.indices {
      let d = offsets[i]
      if d == noDate { valid[i] = false } else { days[i] = d &+ base }
    }
    return Column(.date(days), validity: valid)
  }

  /// Dictionary codes; a negative code is null.
  static func text(codes: [Int32], dictionary: StringDictionary) -> Column {
    guard codes.contains(where: { $0 < 0 }) else { return Column(.string(codes: codes, dictionary: dictionary)) }
    var valid = Bitmap(count: codes.count, value: true)
    var clean = codes
    for i in clean.indices where clean[i] < 0 {
      clean[i] = 0
      valid[i] = false
    }
    return Column(.string(codes: clean, dictionary: dictionary), validity: valid)
  }

  /// A text column of strings, coded in order of first appearance.
  static func text(_ values: [String]) -> Column {
    var builder = StringDictionaryBuilder()
    var codes = [Int32]()
    codes.reserveCapacity(values.count)
    for v in values { codes.append(builder.code(for: v)) }
    return Column(.string(codes: codes, dictionary: builder.build()))
  }

  /// Integers; a negative value is null (ids and scores are never negative).
  static func ints(_ values: [Int64]) -> Column {
    guard values.contains(where: { $0 < 0 }) else { return Column(.int(values)) }
    var valid = Bitmap(count: values.count, value: true)
    var clean = values
    for i in clean.indices where clean[i] < 0 {
      clean[i] = 0
      valid[i] = false
    }
    return Column(.int(clean), validity: valid)
  }

  /// Amounts of money in cents.
  static func money(cents: [Int64]) -> Column { Column(.decimal(cents, scale: 2), hint: .money) }
}
