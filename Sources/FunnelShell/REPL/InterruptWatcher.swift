import FunnelData
import Foundation
import FunnelEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into something safe to act on.
///
/// A signal handler may only do async-signal-safe things: ours sets a flag
/// and writes one byte to a pipe. A watcher thread reads the pipe and, while
/// a statement runs, sets the session's `Cancellation` (which takes a lock,
/// so it must not be touched from the handler). At the prompt, the line
/// editor sees the flag when its `select` is interrupted.
final class InterruptWatcher: @unchecked Sendable {
  private let cancellation: Cancellation
  private let lock = NSLock()
  private var running = false

  init(cancellation: Cancellation) {
    self.cancellation = cancellation
    var fds: [Int32] = [0, 0]
    if pipe(&fds) == 0 {
      pipeRead = fds[0]
      pipeWrite = fds[1]
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
    lock.lock()
    running = true
    lock.unlock()
    interruptFlag = 0
  }

  func endStatement() {
    lock.lock()
    running = false
    lock.unlock()
    interruptFlag = 0
  }

  /// Whether Ctrl-C was pressed since the last call (and forgets it).
  func takeInterrupt() -> Bool {
    if interruptFlag != 0 {
      interruptFlag = 0
      return true
    }
    return false
  }

  /// Whether the window changed size since the last call.
  func takeResize() -> Bool {
    if resizeFlag != 0 {
      resizeFlag = 0
      return true
    }
    return false
  }

  private func watch() {
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGINT)
    sigaddset(&blocked, SIGWINCH)
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let readEnd = pipeRead
    guard readEnd >= 0 else { return }
    var byte: UInt8 = 0
    while true {
      let n = read(readEnd, &byte, 1)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      lock.lock()
      let cancel = running
      lock.unlock()
      if cancel { cancellation.cancel() }
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

    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      interruptFlag = 1
      if pipeWrite >= 0 {
        var byte: UInt8 = 1
        _ = write(pipeWrite, &byte, 1)
      }
    }
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: the prompt's select must return EINTR to notice.
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)

    var resize = sigaction()
    resize.__sigaction_handler.sa_handler = { _ in resizeFlag = 1 }
    sigemptyset(&resize.sa_mask)
    resize.sa_flags = 0
    sigaction(SIGWINCH, &resize, nil)
  }
}

// Touched by the signal handlers, so plain globals of word size.
nonisolated(unsafe) private var interruptFlag: Int32 = 0
nonisolated(unsafe) private var resizeFlag: Int32 = 0
nonisolated(unsafe) private var pipeRead: Int32 = -1
nonisolated(unsafe) private var pipeWrite: Int32 = -1
