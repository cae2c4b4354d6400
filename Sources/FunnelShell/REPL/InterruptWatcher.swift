import Foundation
import FunnelData
import FunnelEngine
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into something safe to act on.
///
/// A signal handler may only do async-signal-safe things: ours sets a flag
/// and writes one byte to a pipe. A watcher thread reads the pipe and, while
/// a statement runs, sets the session's `Cancellation`. At the prompt, the
/// line editor sees the flag when its `select` is interrupted.
final class InterruptWatcher: Sendable {
  private let cancellation: Cancellation
  private let running = Atomic<Bool>(false)

  init(cancellation: Cancellation) {
    self.cancellation = cancellation
    var fds: [Int32] = [0, 0]
    if pipe(&fds) == 0 {
      pipeRead.store(fds[0], ordering: .sequentiallyConsistent)
      pipeWrite.store(fds[1], ordering: .sequentiallyConsistent)
    }
    installHandlers()
    // The handler must run on the main thread (so the prompt's select wakes
    // up): the watcher blocks the signals it would otherwise take.
    let thread = Thread { [weak self] in self?.watch() }
    thread.name = "interrupts"
    thread.start()
  }

  /// Between `begin` and `end` a Ctrl-C cancels the running statement.
  func beginStatement() {
    // Numbered, so a Ctrl-C the watcher reads late (a loaded machine) cancels
    // only the statement that was running when it was pressed, never a later one.
    let number = statementsBegun.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
    runningStatement.store(number == 0 ? 1 : number, ordering: .sequentiallyConsistent)
    running.store(true, ordering: .sequentiallyConsistent)
    interruptFlag.store(false, ordering: .sequentiallyConsistent)
  }

  func endStatement() {
    running.store(false, ordering: .sequentiallyConsistent)
    runningStatement.store(0, ordering: .sequentiallyConsistent)
    interruptFlag.store(false, ordering: .sequentiallyConsistent)
  }

  /// Whether Ctrl-C was pressed since the last call (and forgets it).
  func takeInterrupt() -> Bool {
    interruptFlag.exchange(false, ordering: .sequentiallyConsistent)
  }

  /// Whether the window changed size since the last call.
  func takeResize() -> Bool {
    resizeFlag.exchange(false, ordering: .sequentiallyConsistent)
  }

  private func watch() {
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGINT)
    sigaddset(&blocked, SIGWINCH)
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let readEnd = pipeRead.load(ordering: .sequentiallyConsistent)
    guard readEnd >= 0 else { return }
    var byte: UInt8 = 0
    while true {
      let n = read(readEnd, &byte, 1)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      let pressedDuring = signalledStatement.exchange(0, ordering: .sequentiallyConsistent)
      if running.load(ordering: .sequentiallyConsistent), pressedDuring != 0,
        pressedDuring == runningStatement.load(ordering: .sequentiallyConsistent)
      {
        cancellation.cancel()
      }
    }
  }

  private func installHandlers() {
    // A parent may have started us with these signals blocked (a blocked
    // mask survives exec); the prompt depends on them.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    sigaddset(&wanted, SIGINT)
    sigaddset(&wanted, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    // The globals are made now: a handler must not be the first to touch one.
    _ = interruptFlag.load(ordering: .relaxed)
    _ = resizeFlag.load(ordering: .relaxed)
    _ = runningStatement.load(ordering: .relaxed)
    _ = signalledStatement.load(ordering: .relaxed)

    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      interruptFlag.store(true, ordering: .sequentiallyConsistent)
      signalledStatement.store(
        runningStatement.load(ordering: .sequentiallyConsistent), ordering: .sequentiallyConsistent)
      let writeEnd = pipeWrite.load(ordering: .sequentiallyConsistent)
      if writeEnd >= 0 {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
      }
    }
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: the prompt's select must return EINTR to notice.
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)

    var resize = sigaction()
    resize.__sigaction_handler.sa_handler = { _ in resizeFlag.store(true, ordering: .sequentiallyConsistent) }
    sigemptyset(&resize.sa_mask)
    resize.sa_flags = 0
    sigaction(SIGWINCH, &resize, nil)
  }
}

// Touched by the signal handlers, so globals (a handler takes no context)
// and lock-free atomics (async-signal-safe, unlike a lock).
private let interruptFlag = Atomic<Bool>(false)
private let resizeFlag = Atomic<Bool>(false)
private let pipeRead = Atomic<Int32>(-1)
private let pipeWrite = Atomic<Int32>(-1)
/// The number of the statement running now (0 at the prompt), and the one
/// that was running when Ctrl-C was last pressed.
private let runningStatement = Atomic<Int>(0)
private let signalledStatement = Atomic<Int>(0)
private let statementsBegun = Atomic<Int>(0)
