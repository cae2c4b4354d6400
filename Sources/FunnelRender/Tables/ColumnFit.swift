/// Column widths for a terminal of a given width.
///
/// 1. Everything at its natural width, if that fits.
/// 2. Otherwise text columns give up room, never below `minimum` columns
///    (8) or their natural width, whichever is smaller; numbers, dates and
///    other exact values are never cut.
/// 3. If even that is too wide, columns are hidden from the right (always
///    keeping the first), then the text columns that stay grow back as far
///    as the room allows: they are cut evenly, the longest first, to one
///    common cap.
///
/// ```swift
/// ColumnFit(natural: [30, 6, 30], truncatable: [true, false, true], limit: 40)
/// // widths [15, 6, 15] (15 + 6 + 15 + 2 gaps of 2 = 40), hidden 0
/// ```
struct ColumnFit: Equatable {
  static let gap = 2
  static let minimum = 8

  /// Widths of the shown columns: the first `widths.count` of the table.
  let widths: [Int]

  /// How many columns at the right do not fit.
  var hiddenCount: Int

  init(natural: [Int], truncatable: [Bool], limit: Int?) {
    precondition(natural.count == truncatable.count, "one flag a column")
    guard let limit, !natural.isEmpty, ColumnFit.total(natural) > limit else {
      widths = natural
      hiddenCount = 0
      return
    }
    let floors = zip(natural, truncatable).map { w, cut in cut ? min(w, ColumnFit.minimum) : w }
    // Keep as many columns from the left as fit at their smallest.
    var kept = 1
    while kept < natural.count, ColumnFit.total(Array(floors[0...kept])) <= limit { kept += 1 }
    let keptNatural = Array(natural[0..<kept])
    let keptCut = Array(truncatable[0..<kept])
    let keptFloors = Array(floors[0..<kept])
    hiddenCount = natural.count - kept
    widths = ColumnFit.capped(natural: keptNatural, truncatable: keptCut, floors: keptFloors, limit: limit)
  }

  /// The widths with every text column cut to the largest common cap that
  /// fits (found by bisection: the total only grows with the cap).
  private static func capped(natural: [Int], truncatable: [Bool], floors: [Int], limit: Int) -> [Int] {
    func widths(cap: Int) -> [Int] {
      natural.indices.map { i in truncatable[i] ? max(floors[i], min(natural[i], cap)) : natural[i] }
    }
    if total(natural) <= limit { return natural }
    var low = 0  // fits (every text column at its floor), or nothing does
    var high = natural.max() ?? 0  // does not fit
    while high - low > 1 {
      let mid = (low + high) / 2
      if total(widths(cap: mid)) <= limit { low = mid } else { high = mid }
    }
    return widths(cap: low)
  }

  /// Columns a line of these widths takes, gaps included.
  static func total(_ widths: [Int]) -> Int {
    widths.reduce(0, +) + gap * max(0, widths.count - 1)
  }
}
