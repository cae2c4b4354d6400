/// Which rows of a result a terminal table shows.
///
/// With no limit, or when every row fits, all of them. Otherwise the first
/// and the last rows, as the DuckDB shell does: the head shows where a sorted
/// result starts, the tail where it ends, and a `⋮` line marks the gap. Of
/// `maxRows` shown rows the head takes the larger half:
///
/// ```swift
/// RowWindow(rowCount: 20_000, maxRows: 40)   // head 0..<20, tail 19980..<20000, isCut
/// RowWindow(rowCount: 25, maxRows: 40)       // head 0..<25, no tail
/// ```
///
/// `maxRows` counts data rows; the header, the rule, the `⋮` line and the
/// footer come on top of it.
struct RowWindow: Equatable {
  let rowCount: Int
  let head: Range<Int>
  let tail: Range<Int>

  init(rowCount: Int, maxRows: Int?) {
    self.rowCount = rowCount
    guard let limit = maxRows, rowCount > max(limit, 0) else {
      head = 0..<rowCount
      tail = rowCount..<rowCount
      return
    }
    let shown = max(limit, 0)
    let headCount = (shown + 1) / 2
    head = 0..<headCount
    tail = (rowCount - (shown - headCount))..<rowCount
  }

  /// Rows not shown.
  var isCut: Bool { shownCount < rowCount }

  var shownCount: Int { head.count + tail.count }

  /// The shown rows in order, head then tail.
  var rows: [Int] { Array(head) + Array(tail) }

  /// Where the `⋮` line goes: after this many shown rows (nil when none is cut).
  var gapAfter: Int? { isCut ? head.count : nil }
}
