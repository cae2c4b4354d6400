import Foundation

/// Blocks of bytes handed from a producer thread to the reader, at most
/// `depth` waiting at a time, so the producer (an inflater) works while the
/// reader parses, and memory holds a few blocks whatever the file's size.
///
/// The producer calls `put` for each block and `finish` once; `put` answers
/// false once the reader has gone (`abandon`), and the producer stops. The
/// reader calls `take` until it answers nil (the end) or throws the
/// producer's error.
///
/// `@unchecked Sendable`: every field is read and written under `condition`.
final class BlockPipe: @unchecked Sendable {
  private let condition = NSCondition()
  private var blocks: [[UInt8]] = []
  private var first = 0
  private let depth: Int
  private var finished = false
  private var failure: FileError?
  private var abandoned = false

  init(depth: Int = 4) {
    self.depth = depth
  }

  /// Waits for room, then queues `block`; false when the reader has gone.
  func put(_ block: [UInt8]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while blocks.count - first >= depth, !abandoned { condition.wait() }
    if abandoned { return false }
    blocks.append(block)
    condition.broadcast()
    return true
  }

  /// The producer is done: at the end of its data, or with `error`.
  func finish(_ error: FileError? = nil) {
    condition.lock()
    finished = true
    failure = error
    condition.broadcast()
    condition.unlock()
  }

  /// The next block; nil at the end; the producer's error once the blocks
  /// before it are taken.
  func take() throws -> [UInt8]? {
    condition.lock()
    defer { condition.unlock() }
    while first == blocks.count, !finished { condition.wait() }
    if first < blocks.count {
      let block = blocks[first]
      blocks[first] = []
      first += 1
      if first > 64 {
        blocks.removeFirst(first)
        first = 0
      }
      condition.broadcast()
      return block
    }
    if let failure { throw failure }
    return nil
  }

  /// The reader stops early: the producer's next `put` answers false.
  func abandon() {
    condition.lock()
    abandoned = true
    blocks = []
    first = 0
    condition.broadcast()
    condition.unlock()
  }
}

/// The reading end of a `BlockPipe` as a `ByteLayer`: the producer starts
/// on a thread of its own at `init`, and stops when this layer goes away.
final class PipedLayer: ByteLayer {
  private let pipe = BlockPipe()
  private var block: [UInt8] = []
  private var next = 0
  private var ended = false

  /// Starts `produce` on a new thread; it must `put` its blocks into the
  /// pipe and end with `finish`.
  init(_ produce: @escaping @Sendable (BlockPipe) -> Void) {
    let pipe = self.pipe
    Thread.detachNewThread { produce(pipe) }
  }

  deinit { pipe.abandon() }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    var done = 0
    while done < count {
      if next == block.count {
        if ended { break }
        guard let taken = try pipe.take() else {
          ended = true
          break
        }
        block = taken
        next = 0
        continue
      }
      let n = min(count - done, block.count - next)
      block.withUnsafeBufferPointer { (into + done).update(from: $0.baseAddress.unsafelyUnwrapped + next, count: n) }
      next += n
      done += n
      // Hand back what is here rather than wait for the next block.
      if done > 0, next == block.count { break }
    }
    return done
  }
}
