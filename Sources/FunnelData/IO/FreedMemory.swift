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
public enum FreedMemory {
  /// One heap for every thread. glibc gives threads heaps of their own
  /// ("arenas"); a load runs on a thread of its own (so that Ctrl-C can leave
  /// it) and statements on the main one, so what one freed the other could
  /// not reuse: 6 MB more at the peak of the 1M-lead benchmark (243 against
  /// 237 MB). Funnel's threads allocate arrays, not streams of small objects
  /// at once, so sharing one heap cost no time there. Called once at start.
  public static func oneHeapForAllThreads() {
    set(arenaMax, to: 1)
  }

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
  private static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8

  private static func set(_ parameter: Int32, to bytes: Int32) {
    #if canImport(Glibc)
      // mallopt is declared in malloc.h, which the Glibc module leaves out.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(parameter, bytes)
    #endif
  }
}
