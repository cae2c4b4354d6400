import Foundation

/// The CPU time of the whole process, every thread, from the scheduler's own
/// accounting (`CLOCK_PROCESS_CPUTIME_ID`): exact to the nanosecond, where
/// the library's `cpuTotal` reads /proc/self/stat and moves in whole ticks
/// of the kernel's clock (10 ms here), coarser than most of the operators.
enum ProcessTime {
  /// The CPU time the process has used so far, in microseconds.
  static func microseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Int(time.tv_sec) * 1_000_000 + Int(time.tv_nsec) / 1_000
  }
}
