import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the process knows about its terminal: which standard streams are
/// terminals, whether colour is welcome, and how large the window is.
public struct TerminalInfo: Sendable {
  public var stdinIsTerminal: Bool
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  /// `NO_COLOR` is set (to anything): never colour.
  public var noColor: Bool

  public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool, noColor: Bool) {
    self.stdinIsTerminal = stdinIsTerminal
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.noColor = noColor
  }

  /// The streams of this process and its environment.
  public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalInfo {
    TerminalInfo(
      stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
      stderrIsTerminal: isatty(STDERR_FILENO) == 1, noColor: environment["NO_COLOR"] != nil)
  }

  /// A setting for tests and pipes: nothing is a terminal, no colour.
  public static let none = TerminalInfo(
    stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, noColor: true)

  /// Colour for results: stdout is a terminal and NO_COLOR is unset.
  public var colorOut: Bool { stdoutIsTerminal && !noColor }
  /// Colour for diagnostics: stderr is a terminal and NO_COLOR is unset.
  public var colorErr: Bool { stderrIsTerminal && !noColor }

  /// The window's size from `ioctl(TIOCGWINSZ)` on stdout (then stdin),
  /// else `$COLUMNS` / `$LINES`, else 80 × 24. Asked afresh each time, so
  /// a resized window takes effect at the next result.
  public static func size(environment: [String: String] = ProcessInfo.processInfo.environment) -> (
    columns: Int, rows: Int
  ) {
    for fd in [STDOUT_FILENO, STDIN_FILENO] {
      var w = winsize()
      if ioctl(fd, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 {
        return (Int(w.ws_col), w.ws_row > 0 ? Int(w.ws_row) : 24)
      }
    }
    let columns = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    let rows = environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 24
    return (columns, rows)
  }
}
