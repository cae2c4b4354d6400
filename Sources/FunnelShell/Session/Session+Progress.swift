import CLibEdit
import Foundation
import FunnelData

extension Session {
  /// Whether long work draws a progress bar: progress is on and stderr is a
  /// terminal, so nothing is ever written into a pipe or a file.
  var showsProgress: Bool { progress && terminal.stderrIsTerminal }

  /// `body(meter)` with a `ProgressBar` drawing `meter` on stderr while it
  /// runs (after its first second), erased before this returns or throws;
  /// `body(nil)` when `showsProgress` is false.
  func withProgress<T>(_ body: (ProgressMeter?) throws -> T) rethrows -> T {
    guard showsProgress else { return try body(nil) }
    let meter = ProgressMeter()
    let bar = ProgressBar(meter: meter, width: TerminalInfo.size().columns) { text in
      fputs(text, funnel_stderr())
      fflush(funnel_stderr())
    }
    bar.start()
    defer { bar.stop() }
    return try body(meter)
  }
}
