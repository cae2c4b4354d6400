import Foundation
import FunnelData

/// Splits a scan over rows into contiguous ranges, one per core when the input
/// is large, so a kernel can keep a partial result per range (counts, minima)
/// and the caller merges them. Small inputs stay on the calling thread: below a
/// few hundred thousand rows, starting threads costs more than it saves.
///
/// The ranges depend only on the row count and the number of cores, and the
/// results come back in range order, so merging them in that order is the same
/// on every run. Ranges, and the blocks a kernel reads them in, start on a
/// multiple of 64 rows: a block's validity is then whole words of a bitmap.
enum RowChunks {
  /// Inputs shorter than this run as one range on the calling thread.
  static let parallelThreshold = 100_000

  /// How many threads a large scan uses.
  static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The ranges `0..<count` is split into: one when small, else one per core.
  static func ranges(_ count: Int) -> [Range<Int>] {
    let k = count < parallelThreshold ? 1 : cores
    // Cut at multiples of 64; the last range ends at `count`.
    func cut(_ i: Int) -> Int { i == k ? count : (count * i / k) & ~63 }
    return (0..<k).map { i in cut(i)..<cut(i + 1) }
  }

  /// `body` applied to each of `ranges(count)` (with its index), concurrently
  /// when there are several; the results in range order.
  ///
  /// `body` runs on several threads at once: it may read what it captures
  /// but write only its own result, or rows of `range` in a buffer it
  /// captures (see `RangeKernel`).
  static func map<T>(_ count: Int, _ body: (_ index: Int, _ range: Range<Int>) -> T) -> [T] {
    let parts = ranges(count)
    if parts.count == 1 { return [body(0, parts[0])] }
    // Worker threads see the statement's cancellation as the caller does.
    let cancellation = Interruption.current
    return withoutActuallyEscaping(body) { body in
      let kernel = RangeKernel(body: body)
      return Parallel.map(parts.count) { i in kernel.call(i, parts[i], cancellation) }.map(\.result)
    }
  }

  /// `body` applied to each of `ranges(count)`; the results in range order.
  static func map<T>(_ count: Int, _ body: (Range<Int>) -> T) -> [T] {
    map(count) { _, range in body(range) }
  }

  /// Runs `body` over each of `ranges(count)` (with its index), concurrently when there are several.
  static func forEach(_ count: Int, _ body: (_ index: Int, _ range: Range<Int>) -> Void) {
    _ = map(count, body)
  }

  /// Rows are read in blocks of this many (a multiple of 64): the per-block
  /// scratch buffers of a kernel stay in the first-level cache.
  static let blockSize = 1024

  /// Calls `body` with consecutive blocks of `range`, each at most `blockSize` rows.
  @inline(__always)
  static func blocks(of range: Range<Int>, _ body: (Range<Int>) -> Void) {
    var start = range.lowerBound
    while start < range.upperBound {
      let end = min(start + blockSize, range.upperBound)
      body(start..<end)
      start = end
    }
  }
}

/// A scan's kernel, called by several threads at once, one range each.
///
/// `@unchecked Sendable` because the kernels capture buffer pointers (their
/// columns' storage, their scratch and output buffers), which are never
/// `Sendable`. Sharing them is safe by the rule every kernel keeps: a call
/// reads the shared inputs and writes only its own result or the rows of
/// its own range, and `RowChunks.map` returns only when every call has
/// ended, inside the scopes that own the buffers.
/// A range's result (a partial count, a histogram) goes back to the calling
/// thread the same way: made by one call, read only after all have ended.
private struct RangeKernel<T>: @unchecked Sendable {
  let body: (Int, Range<Int>) -> T

  struct Handed: @unchecked Sendable {
    let result: T
  }

  func call(_ index: Int, _ range: Range<Int>, _ cancellation: Cancellation?) -> Handed {
    Handed(result: Interruption.during(cancellation) { body(index, range) })
  }
}
