import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `funnel` binary run in a pseudo-terminal, driven like a person
/// at a keyboard: keys in, screen text out, every wait bounded.
final class PseudoTerminal {
  /// `$FUNNEL_BIN`, else the package's `.build/debug/funnel`; nil when neither exists.
  static let binary: String? = {
    if let path = ProcessInfo.processInfo.environment["FUNNEL_BIN"], FileManager.default.isExecutableFile(atPath: path)
    {
      return path
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = root.appendingPathComponent(".build/debug/funnel").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()

  let pid: pid_t
  let master: Int32
  /// Everything the program has written so far.
  private var bytes: [UInt8] = []
  /// Where the next `expect` starts looking (a byte offset, so a character
  /// split across two reads is never cut).
  private var mark = 0
  let home: String

  /// Starts the binary with `arguments` in a fresh temporary HOME (history
  /// there too), holding `homeFiles` (name → text) before it starts. Without
  /// `progress` it runs with `--no-progress`: on a loaded machine any
  /// statement may pass a second, and the bar it then draws would come
  /// between a test's expected lines.
  init(
    arguments: [String] = [], extraEnvironment: [String: String] = [:], homeFiles: [String: String] = [:],
    progress: Bool = false
  ) throws {
    guard let binary = PseudoTerminal.binary else { throw PseudoTerminalError(message: "no funnel binary") }
    let arguments = progress ? arguments : ["--no-progress"] + arguments
    home = NSTemporaryDirectory() + "funnel-pty-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    for (name, text) in homeFiles { try text.write(toFile: home + "/" + name, atomically: true, encoding: .utf8) }
    var environment = [
      "NO_COLOR": "1", "FUNNEL_TODAY": "2026-07-01", "HOME": home, "TERM": "xterm",
      "FUNNEL_HISTORY": home + "/history", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
    ]
    environment.merge(extraEnvironment) { _, new in new }
    // Everything the child needs is made before fork: after it, only exec.
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var size = winsize(ws_row: 30, ws_col: 110, ws_xpixel: 0, ws_ypixel: 0)
    var fd: Int32 = -1
    let child = forkpty(&fd, nil, nil, &size)
    if child == 0 {
      execve(binary, argv, envp)
      _exit(127)
    }
    guard child > 0 else { throw PseudoTerminalError(message: "forkpty failed: \(errno)") }
    pid = child
    master = fd
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
    try? FileManager.default.removeItem(atPath: home)
  }

  /// Types `keys` (use "\r" for Enter, "\t" for Tab, "\u{03}" for Ctrl-C).
  func send(_ keys: String) {
    var bytes = Array(keys.utf8)
    _ = write(master, &bytes, bytes.count)
  }

  /// Reads until `pattern` appears after the last match, or `timeout` passes.
  /// Returns whether it appeared; the text read is kept for messages.
  @discardableResult
  func expect(_ pattern: String, timeout: Double = 30) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if find(pattern) { return true }
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { return false }
      guard readSome(waitingAtMost: left) else { return find(pattern) }
    }
  }

  private func find(_ pattern: String) -> Bool {
    let text = unmatched
    guard let range = text.range(of: pattern) else { return false }
    mark += text[..<range.upperBound].utf8.count
    return true
  }

  /// The last piece of everything written so far, between carriage returns
  /// or line ends, that contains `text`: a line redrawn in place, as seen.
  func lastSegment(containing text: String) -> String? {
    String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
      .last { $0.contains(text) }.map(String.init)
  }

  /// Everything written after the last occurrence of `text` (nil when it never came).
  func written(afterLast text: String) -> String? {
    let all = String(decoding: bytes, as: UTF8.self)
    return all.range(of: text, options: .backwards).map { String(all[$0.upperBound...]) }
  }

  /// The text since the last match (for failure messages).
  var unmatched: String { String(decoding: bytes[mark...], as: UTF8.self) }

  /// Waits for the process to end; its exit status, or nil after `timeout`.
  func exitStatus(timeout: Double = 30) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      _ = readSome(waitingAtMost: 0.05)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
    }
    return nil
  }

  /// Reads what is ready within `seconds`; false at end of output.
  private func readSome(waitingAtMost seconds: Double) -> Bool {
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&poller, 1, Int32(max(1, min(seconds, 0.2) * 1000)))
    if ready <= 0 { return true }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = read(master, &buffer, buffer.count)
    if n <= 0 { return false }
    bytes += buffer[0..<n]
    return true
  }
}

struct PseudoTerminalError: Error {
  var message: String
}
