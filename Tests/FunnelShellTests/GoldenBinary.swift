import Foundation

/// The built `funnel` executable, for tests that run it end to end.
enum FunnelBinary {
  /// `$FUNNEL_BIN`, else `.build/debug/funnel` in the package.
  static let path: String? = {
    if let p = ProcessInfo.processInfo.environment["FUNNEL_BIN"], FileManager.default.isExecutableFile(atPath: p) {
      return p
    }
    let p = GoldenScriptTests.packageRoot.appendingPathComponent(".build/debug/funnel").path
    return FileManager.default.isExecutableFile(atPath: p) ? p : nil
  }()

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs the binary with no terminal, a fixed `today`, no colour and a
  /// throwaway home, so output is the same on every machine.
  static func run(_ binary: String, arguments: [String], in directory: URL, input: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["FUNNEL_TODAY"] = "2026-07-01"
    environment["HOME"] = home.path
    environment["FUNNEL_HISTORY"] = home.appendingPathComponent("history").path
    environment["FUNNEL_PROGRESS"] = home.appendingPathComponent("progress").path
    environment.removeValue(forKey: "COLUMNS")
    process.environment = environment
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    // Read both pipes concurrently so a large output cannot block the child.
    let collected = PipeReads()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      collected.set(stdout: out.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      collected.set(stderr: err.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    let (outData, errData) = collected.both
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }
}

/// What the two pipe readers collected, behind a lock (they finish on
/// other threads).
private final class PipeReads: @unchecked Sendable {
  private let lock = NSLock()
  private var stdout = Data(), stderr = Data()

  func set(stdout data: Data) { lock.withLock { stdout = data } }
  func set(stderr data: Data) { lock.withLock { stderr = data } }
  var both: (Data, Data) { lock.withLock { (stdout, stderr) } }
}
