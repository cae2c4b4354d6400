import Dispatch

/// Runs an engine's asynchronous work (its gRPC calls) on a serial queue of
/// its own, not on Swift's shared pool of threads. The engine's callers
/// block while they wait for that work (the shell is synchronous); were
/// the work to need a pool thread while every pool thread was blocked in
/// such a wait (tests run on the pool; the pool has one thread per core),
/// nothing would ever run again.
final class SparkTaskExecutor: TaskExecutor {
  private let queue = DispatchQueue(label: "funnel.spark.grpc")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}
