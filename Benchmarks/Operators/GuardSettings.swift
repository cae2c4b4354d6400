import Benchmark
import Foundation

/// What the regression guard measures, and how far a measurement may stray
/// from its threshold in Benchmarks/Thresholds before the check fails. A
/// threshold is the 90th percentile of the iterations when it was recorded;
/// the check compares this run's 90th percentile with it.
enum GuardSettings {
  /// The CPU time of an iteration in microseconds (`ProcessTime`).
  static let cpuTime = BenchmarkMetric.custom("cpuTimeMicroseconds")

  static var configuration: Benchmark.Configuration {
    var metrics: [BenchmarkMetric] = [.mallocCountTotal, .mallocBytesCount, cpuTime]
    var thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
      // The same code allocates the same number of times however busy the
      // machine is; the library's and Dispatch's own threads add a few
      // allocations that come and go (up to 15 between runs of `funnel`).
      .mallocCountTotal: .init(absolute: [.p90: 25]),
      // A column copied where it was shared, or an array grown without its
      // capacity reserved, shows here when the count barely moves.
      .mallocBytesCount: .init(relative: [.p90: 5]),
      // Time is what the user feels, but on a shared machine one run differs
      // from the next by up to 40%: only a gross slowdown fails.
      cpuTime: .init(relative: [.p90: 50]),
    ]
    if hasInstructionCounter {
      metrics.append(.instructions)
      thresholds[.instructions] = .init(relative: [.p90: 3])
    }
    return .init(
      metrics: metrics, warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20, thresholds: thresholds)
  }

  /// Whether the processor's instruction counter can be read. The library
  /// counts instructions with perf_event_open on Linux and leaves the metric
  /// out when the kernel offers no hardware counter, as in most virtual
  /// machines (no `cpu` among /sys/bus/event_source/devices), so asking for
  /// it there only brings warnings.
  static var hasInstructionCounter: Bool {
    #if os(Linux)
      let devices = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/bus/event_source/devices")) ?? []
      return devices.contains { $0 == "cpu" || $0.hasPrefix("cpu_") || $0.hasPrefix("armv8") }
    #else
      return true
    #endif
  }
}
