import Dispatch
import Synchronization

/// Runs postgres-nio's async calls for a caller that blocks until they end:
/// the shell is synchronous, and every `RemoteEngine` call waits for the
/// server.
///
/// The work runs on a serial queue of its own (a task executor preference),
/// never on Swift's cooperative pool: a caller that blocks may itself be on
/// that pool (a test, an async shell command), and on a 2-core machine the
/// pool has 2 threads, so work waiting for a free one would never run.
final class BlockingBridge: TaskExecutor, @unchecked Sendable {
  // @unchecked: the queue is the only state, and DispatchQueue is thread-safe.
  private let queue = DispatchQueue(label: "funnel.postgres")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }

  /// Runs `work` to its end and returns its result; the calling thread waits.
  func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Result<T, any Error>?>(nil)
    Task(executorPreference: self) {
      let outcome: Result<T, any Error>
      do {
        outcome = .success(try await work())
      } catch {
        outcome = .failure(error)
      }
      result.withLock { $0 = outcome }
      done.signal()
    }
    done.wait()
    // The task set the result before it signalled.
    guard let outcome = result.withLock({ $0 }) else { preconditionFailure("the task ended without a result") }
    return try outcome.get()
  }
}
