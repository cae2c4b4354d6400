import Dispatch
import Foundation
import FunnelSQL
import Synchronization

/// Hands the messages of a response stream from the asynchronous gRPC call
/// to the synchronous caller that reads them, a few at a time: when the
/// caller is slower than the network, the call waits (the server then
/// holds the rest of the result), so a large result never piles up in
/// memory ahead of the reader.
final class ResponsePipe: Sendable {
  enum Item: Sendable {
    /// An Arrow IPC stream.
    case arrow(Data)
    /// The call ended: normally when `nil`, with this error otherwise.
    case end(RemoteError?)
  }

  private struct State {
    var items: [Item] = []
    /// An item waiting for room, and the producer waiting with it.
    var waiting: (item: Item, producer: CheckedContinuation<Void, Never>)?
    var closed = false
  }

  private let capacity: Int
  private let state = Mutex(State())
  /// Counts the items the reader may take.
  private let available = DispatchSemaphore(value: 0)

  init(capacity: Int = 4) { self.capacity = capacity }

  /// Adds an item; suspends while the pipe is full. Does nothing once the
  /// reader has closed the pipe.
  func push(_ item: Item) async {
    await withCheckedContinuation { (producer: CheckedContinuation<Void, Never>) in
      let added = state.withLock { s -> Bool? in
        if s.closed { return nil }
        if s.items.count < capacity {
          s.items.append(item)
          return true
        }
        s.waiting = (item, producer)
        return false
      }
      switch added {
      case nil: producer.resume()
      case true?:
        available.signal()
        producer.resume()
      case false?: break
      }
    }
  }

  /// The next item; blocks the calling thread until there is one.
  func pop() -> Item {
    available.wait()
    let (item, producer) = state.withLock { s -> (Item, CheckedContinuation<Void, Never>?) in
      let item = s.items.removeFirst()
      guard let waiting = s.waiting else { return (item, nil) }
      s.items.append(waiting.item)
      s.waiting = nil
      return (item, waiting.producer)
    }
    if let producer {
      available.signal()
      producer.resume()
    }
    return item
  }

  /// The reader stops reading: a waiting producer goes on, and later items
  /// are dropped.
  func close() {
    let producer = state.withLock { s -> CheckedContinuation<Void, Never>? in
      s.closed = true
      s.items = []
      defer { s.waiting = nil }
      return s.waiting?.producer
    }
    producer?.resume()
  }
}
