import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The progress bar as a person at a terminal sees it: a load fed slowly
/// through a named pipe shows the bar mid-load, and the bar is gone (erased
/// in place) when the result comes; with `.progress off` nothing is drawn.
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct ProgressTerminalTests {
  static let prompt = "funnel> "

  /// Writes a header and rows into the named pipe `path` a block at a time;
  /// after the first 2 MiB it waits for `resume` before writing the rest.
  func slowWriter(_ path: String, resume: DispatchSemaphore) {
    Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      defer { close(fd) }
      let header = Array("id,channel,amount\n".utf8)
      _ = write(fd, header, header.count)
      var block: [UInt8] = []
      for i in 0..<20_000 { block += Array("\(i),email,\(i % 997).5\n".utf8) }
      for round in 0..<12 {
        if round == 8 { _ = resume.wait(timeout: .now() + 60) }
        if block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) < 0 { return }
      }
    }.start()
  }

  @Test func aSlowLoadShowsTheBarAndErasesIt() throws {
    let shell = try PseudoTerminal(progress: true)
    #expect(shell.expect(Self.prompt, timeout: 120), "first prompt: \(shell.unmatched)")
    let pipe = shell.home + "/slow.csv"
    #expect(mkfifo(pipe, 0o600) == 0)
    let resume = DispatchSemaphore(value: 0)
    slowWriter(pipe, resume: resume)
    shell.send(".load slow = \(pipe)\r")
    // Mid-load: the name, the bytes read so far and the rate.
    #expect(shell.expect("loading slow.csv  ", timeout: 30), "the bar: \(shell.unmatched)")
    #expect(shell.expect("MiB/s", timeout: 10), "the rate: \(shell.unmatched)")
    let drawn = shell.lastSegment(containing: "loading slow.csv")
    print("progress bar mid-load: \(drawn ?? "none")")
    #expect(drawn?.contains(" MiB · ") == true, "\(drawn ?? "")")
    resume.signal()
    #expect(shell.expect(Self.prompt, timeout: 60), "\(shell.unmatched)")
    // Erased: after the last drawing, the line is blanked and the cursor
    // back at its start before anything else is written.
    let after = shell.written(afterLast: "loading slow.csv") ?? ""
    #expect(after.contains("\r" + String(repeating: " ", count: 30)), "no erasing: \(after.debugDescription)")
    shell.send("slow | count\r")
    #expect(shell.expect("240,000"), "every row arrived: \(shell.unmatched)")
  }

  /// A regular file's bar shows its share, the bytes of its size and the time left.
  @Test func aFileOfKnownSizeShowsItsShare() throws {
    let shell = try PseudoTerminal(progress: true)
    #expect(shell.expect(Self.prompt, timeout: 120), "first prompt: \(shell.unmatched)")
    // The demo touches of 300,000 leads, about 60 MB: loading takes well past
    // a second in a debug build (and the test waits for a line either way).
    shell.send(".demo 300000\r")
    #expect(shell.expect(Self.prompt, timeout: 240), "\(shell.unmatched)")
    let path = shell.home + "/touches.csv"
    shell.send("touches | save \"\(path)\"\r")
    #expect(shell.expect(Self.prompt, timeout: 240), "\(shell.unmatched)")
    shell.send(".load t \(path)\r")
    #expect(shell.expect(Self.prompt, timeout: 240), "\(shell.unmatched)")
    // A drawing from before the end: it says how long is left.
    if let drawn = shell.lastSegment(containing: " s left") ?? shell.lastSegment(containing: "loading touches.csv") {
      print("progress bar mid-load: \(drawn)")
      #expect(drawn.contains("% · "), "\(drawn)")
      #expect(drawn.contains(" of ") && drawn.contains(" MiB"), "\(drawn)")
    } else {
      print("progress bar: the load finished within a second; nothing to see")
    }
  }

  @Test func progressOffDrawsNothing() throws {
    let shell = try PseudoTerminal(progress: true)
    #expect(shell.expect(Self.prompt, timeout: 120), "first prompt: \(shell.unmatched)")
    shell.send(".progress off\r")
    #expect(shell.expect(Self.prompt))
    let pipe = shell.home + "/slow.csv"
    #expect(mkfifo(pipe, 0o600) == 0)
    let resume = DispatchSemaphore(value: 0)
    slowWriter(pipe, resume: resume)
    shell.send(".load slow = \(pipe)\r")
    Thread.sleep(forTimeInterval: 2)
    resume.signal()
    shell.send("slow | count\r")
    #expect(shell.expect("240,000", timeout: 60), "\(shell.unmatched)")
    _ = shell.expect(Self.prompt)
    shell.send(".progress\r")
    #expect(shell.expect("off"))
  }

  /// The same slow load with stderr not a terminal: no bar in what was written.
  @Test func neverIntoAPipe() throws {
    let folder = NSTemporaryDirectory() + "funnel-progress-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pipe = folder + "/slow.csv"
    #expect(mkfifo(pipe, 0o600) == 0)
    let resume = DispatchSemaphore(value: 0)
    slowWriter(pipe, resume: resume)
    DispatchQueue.global().asyncAfter(deadline: .now() + 2) { resume.signal() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(PseudoTerminal.binary))
    process.arguments = ["--no-demo", "-c", ".load slow = \(pipe)\nslow | count"]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let written = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: written, as: UTF8.self).contains("240,000"))
    #expect(!String(decoding: errors + written, as: UTF8.self).contains("loading slow.csv"))
  }
}
