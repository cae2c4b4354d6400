import Foundation

/// Where glibc's malloc takes big blocks from, while a file is read.
///
/// Reading a big file allocates and frees a chunk's worth of buffers many
/// times on several threads, beside the columns it builds. By default glibc
/// raises its mmap threshold after the first big free, so that blocks of up
/// to 32 MB then come from per-thread heaps that keep them when freed: a
/// loaded 1M-lead session held a third more than its columns need. While a
/// file is read, blocks from 256 KB up get their own mappings (freed columns
/// and buffers go straight back); afterwards the threshold is the largest
/// glibc allows, so that queries reuse the memory they free without page
/// faults.
enum FreedMemory {
  static func whileReading<R>(_ body: () throws -> R) rethrows -> R {
    set(mmapThreshold, to: 256 << 10)
    defer {
      set(mmapThreshold, to: 32 << 20)
      // What glibc's own adjustment would pair with that threshold: free
      // memory at the top of a heap is kept up to twice it.
      set(trimThreshold, to: 64 << 20)
    }
    return try body()
  }

  // The parameter numbers of malloc.h.
  private static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3

  private static func set(_ parameter: Int32, to bytes: Int32) {
    #if canImport(Glibc)
      // mallopt is declared in malloc.h, which the Glibc module leaves out.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(parameter, bytes)
    #endif
  }
}
