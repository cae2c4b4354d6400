import Foundation
import Synchronization

/// The temporary files being written right now, kept where a signal handler
/// can reach them: SIGINT, SIGTERM or SIGHUP while a file is written removes
/// its temporary file, then ends the process as the signal would have.
///
/// A handler may only call async-signal-safe functions, so the paths live in
/// one fixed C buffer (slots of `PATH_MAX` bytes, allocated once) and the
/// handler does nothing but `unlink` each path, restore the default action
/// and raise the signal again. A slot is published by writing its first
/// byte last, and withdrawn by clearing that byte first, so the handler never
/// reads half a path. A signal that already has a handler (Ctrl-C at the
/// prompt cancels the statement instead) is left to it.
enum TemporaryFiles {
  // Literals (PATH_MAX on Linux), so the handler reads no lazily made value.
  static let slots = 32
  static let slotSize = 4096

  /// Which slots are taken, and whether the handlers are in place.
  private struct State {
    var used = [Bool](repeating: false, count: TemporaryFiles.slots)
    var handlersInstalled = false
  }

  private static let state = Mutex(State())

  /// Publishes `path`; the slot to pass to `withdraw`, nil when the path is
  /// too long or every slot is taken (the file is then written without
  /// the signal's cleanup).
  static func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count < slotSize, !bytes.contains(0) else { return nil }
    return state.withLock { state in
      installHandlers(&state)
      guard let slot = state.used.firstIndex(of: false) else { return nil }
      state.used[slot] = true
      let base = temporaryPathSlots + slot * slotSize
      for (k, b) in bytes.enumerated().dropFirst() { base[k] = CChar(bitPattern: b) }
      base[bytes.count] = 0
      atomicStore(base, CChar(bitPattern: bytes[0]))
      return slot
    }
  }

  /// Forgets a slot (its file was renamed into place or removed).
  static func withdraw(_ slot: Int) {
    state.withLock { state in
      atomicStore(temporaryPathSlots + slot * slotSize, 0)
      state.used[slot] = false
    }
  }

  private static func atomicStore(_ pointer: UnsafeMutablePointer<CChar>, _ value: CChar) {
    // A byte store is not torn; the fence orders it after the path's bytes.
    atomicMemoryFence(ordering: .sequentiallyConsistent)
    pointer.pointee = value
    atomicMemoryFence(ordering: .sequentiallyConsistent)
  }

  /// Installs the cleanup handler for each signal still at its default action.
  private static func installHandlers(_ state: inout State) {
    guard !state.handlersInstalled else { return }
    state.handlersInstalled = true
    // Made now, before a handler can look at it.
    _ = temporaryPathSlots
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var current = sigaction()
      guard sigaction(signal, nil, &current) == 0 else { continue }
      // Only a default action (not ignored, not handled by someone else).
      guard current.__sigaction_handler.sa_handler == nil else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = removeTemporaryFilesAndDie
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
  }
}

/// The slots, allocated (zeroed) before any handler can run.
///
/// `nonisolated(unsafe)` because a pointer is never `Sendable`: the slots are
/// written only under `TemporaryFiles.state`'s lock, a path published by its
/// first byte last (see `register`), and the handler only reads them.
nonisolated(unsafe) private let temporaryPathSlots: UnsafeMutablePointer<CChar> = {
  let slots = UnsafeMutablePointer<CChar>.allocate(capacity: TemporaryFiles.slots * TemporaryFiles.slotSize)
  slots.initialize(repeating: 0, count: TemporaryFiles.slots * TemporaryFiles.slotSize)
  return slots
}()

/// The handler: async-signal-safe calls only.
private func removeTemporaryFilesAndDie(_ signal: Int32) {
  for slot in 0..<32 {
    let path = temporaryPathSlots + slot * 4096
    if path.pointee != 0 { unlink(path) }
  }
  var action = sigaction()
  action.__sigaction_handler.sa_handler = nil  // SIG_DFL
  sigemptyset(&action.sa_mask)
  sigaction(signal, &action, nil)
  raise(signal)
}
