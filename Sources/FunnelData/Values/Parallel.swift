import Dispatch

/// Work spread over the cores with `DispatchQueue.concurrentPerform`, where
/// iteration `i` reads what it likes but writes only element `i` of one array:
/// the typing of a file's columns, the writing of a slice's cells, a scan's
/// ranges. The one place that hands a buffer to several threads.
///
///     let widths = Parallel.map(table.columnCount) { c in width(of: table.columns[c]) }
public enum Parallel {
  /// `body(i)` for every `i` in `0..<count`, on all cores; the results in index order.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      let slots = Slots(base: base)
      DispatchQueue.concurrentPerform(iterations: count) { i in
        (slots.base + i).initialize(to: body(i))
      }
      initialized = count
    }
  }

  /// `body(i, &elements[i])` for every element, on all cores; with `extra`,
  /// that too, as one more piece of the same work (handed out first).
  public static func update<T: Sendable>(
    _ elements: inout [T], alongside extra: (@Sendable () -> Void)? = nil, _ body: @Sendable (Int, inout T) -> Void
  ) {
    let count = elements.count
    let first = extra == nil ? 0 : 1
    elements.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else {
        extra?()
        return
      }
      let slots = Slots(base: base)
      DispatchQueue.concurrentPerform(iterations: count + first) { i in
        if i < first {
          extra?()
        } else {
          body(i - first, &slots.base[i - first])
        }
      }
    }
  }
}

/// One buffer's elements, handed to the iterations of one `concurrentPerform`.
///
/// `@unchecked Sendable` because a pointer is never `Sendable`; sharing it is
/// safe here: iteration `i` touches only element `i`, so no element is seen by
/// two threads, and `concurrentPerform` returns only when every iteration has
/// finished, so the caller sees all their writes and none outlives the buffer.
private struct Slots<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
}

/// Bytes that the iterations of one parallel loop all read.
///
/// `@unchecked Sendable` because a buffer pointer never is; sharing it is
/// safe when nothing writes to the bytes while the loop runs and the loop
/// ends inside the `withUnsafeBufferPointer` that made the buffer (as
/// `Parallel`'s loops do: they return only when every iteration has ended).
struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}
