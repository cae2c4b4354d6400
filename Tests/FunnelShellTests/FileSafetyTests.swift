import Foundation
import FunnelData
import Testing

@testable import FunnelShell

/// Files written by the real binary: a signal during `save` leaves no
/// temporary file; `.output` on a full disk fails its statement and keeps
/// the old file; modes and symlinks as `SafeFileWriter` promises.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct FileSafetyTests {
  let folder: String

  init() throws {
    folder = NSTemporaryDirectory() + "funnel-files-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  var listing: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

  /// SIGTERM while a big table is written: the process ends by the signal
  /// and the temporary file is gone.
  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func aSignalDuringSaveRemovesTheTemporaryFile(_ signal: Int32) throws {
    let binary = try #require(FunnelBinary.path, "build funnel first (swift build)")
    let pid = try spawn(binary, ["--demo-size", "200000", "-c", "touches | save \"touches.csv\""])
    // The temporary file appears when the save starts (before encoding).
    var seen = false
    for _ in 0..<4000 where !seen {
      seen = listing.contains { $0.hasSuffix(".tmp") }
      if !seen { usleep(5000) }
    }
    try #require(seen, "the save never started")
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    // Ended by the signal itself (WIFSIGNALED, WTERMSIG), as without the cleanup.
    #expect(status & 0x7F == signal)
    #expect(listing == [])
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Starts the binary in `folder` as a shell would: signals at their
  /// default action and none blocked (a test runner's thread blocks some,
  /// and a blocked mask survives exec).
  func spawn(_ binary: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, s) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The child starts in `folder` through a shell's cd, then execs the binary.
    let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder, binary] + arguments
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArguments, environ)
    try #require(result == 0, "posix_spawn failed: \(result)")
    return pid
  }

  /// `save` over a 0600 file keeps it 0600 (it used to become 0644).
  @Test func saveKeepsTheMode() throws {
    let path = folder + "/private.csv"
    _ = FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
    chmod(path, 0o600)
    let result = try funnel(["-c", "campaigns | take 2 | save \"private.csv\""])
    #expect(result.status == 0)
    var info = stat()
    stat(path, &info)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(listing == ["private.csv"])
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// `.output` through a symlink someone planted: the link is replaced, the
  /// file it pointed to untouched.
  @Test func outputDoesNotFollowASymlink() throws {
    let victim = folder + "/victim.txt"
    _ = FileManager.default.createFile(atPath: victim, contents: Data("keep\n".utf8))
    try FileManager.default.createSymbolicLink(atPath: folder + "/out.txt", withDestinationPath: victim)
    // A link owned by someone else is what an attacker would plant.
    lchown(folder + "/out.txt", 65534, 65534)
    let result = try funnel(["-c", ".output out.txt\ncampaigns | take 1 | select name\n.output"])
    #expect(result.status == 0)
    #expect(String(decoding: FileManager.default.contents(atPath: victim) ?? Data(), as: UTF8.self) == "keep\n")
    #expect(listing == ["out.txt", "victim.txt"])
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// A full disk under `.output`: the statement fails with exit 1 and the
  /// old file is as it was (it used to be replaced by a cut file, exit 0).
  @Test func outputOnAFullDisk() throws {
    let small = folder + "/small"
    try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
    guard shell("mount -t tmpfs -o size=64k tmpfs \"$0\"", small) == 0 else {
      withKnownIssue("mounting a small tmpfs needs root") { Issue.record("not mounted") }
      return
    }
    defer {
      _ = shell("umount \"$0\"", small)
      try? FileManager.default.removeItem(atPath: folder)
    }
    _ = FileManager.default.createFile(atPath: small + "/o.txt", contents: Data("old\n".utf8))
    let result = try funnel(["-c", ".output small/o.txt\ncampaigns | take 2\ntouches\ncampaigns | take 1"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix("3:1: error: cannot write small/o.txt: No space left on device; it is left as it was"))
    #expect(
      String(decoding: FileManager.default.contents(atPath: small + "/o.txt") ?? Data(), as: UTF8.self) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: small) == ["o.txt"])
  }

  func funnel(_ arguments: [String]) throws -> FunnelBinary.Result {
    let binary = try #require(FunnelBinary.path, "build funnel first (swift build)")
    return try FunnelBinary.run(binary, arguments: arguments, in: URL(fileURLWithPath: folder))
  }

  func shell(_ script: String, _ argument: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script + " 2>/dev/null", argument]
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
