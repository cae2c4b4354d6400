import CLibEdit
import Foundation
import FunnelData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines at the terminal through libedit's readline-compatible API:
/// emacs keys, arrows, Ctrl-R search and history as libedit gives them,
/// Tab completion through `complete`.
///
/// It uses readline's callback interface (`rl_callback_handler_install` and
/// `rl_callback_read_char` under our own `select`) rather than `readline()`,
/// so that Ctrl-C at the prompt can throw the line away and start afresh:
/// the signal interrupts `select`, and reinstalling the handler resets
/// libedit's buffer and redraws the prompt.
final class LineEditor {
  /// What one call to `read(prompt:)` gave.
  enum Input: Equatable {
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
  }

  private let interrupts: InterruptWatcher

  /// - Parameter complete: the completer, called with the whole line and the
  ///   cursor (UTF-8 offset); returns candidates and where they start.
  init(interrupts: InterruptWatcher, complete: @escaping (String, Int) -> (candidates: [String], replaceFrom: Int)) {
    self.interrupts = interrupts
    completionProvider = complete
    // We handle signals ourselves (see InterruptWatcher); libedit's handlers
    // would re-raise SIGINT after restoring the terminal.
    funnel_rl_prepare(UnsafePointer(strdup("funnel")))
    rl_initialize()
    // Words for completion end at blanks and operators; `.` `/` `-` `` ` ``
    // and `"` stay inside a word so commands, paths and quoted names complete whole.
    funnel_rl_set_completion(strdup(" \t\n|,()=<>!+*%[];")) { text, start, end in
      LineEditor.attemptCompletion(text: text, start: Int(start), end: Int(end))
    }
  }

  /// Reads one line (without its newline). `prefill` starts the line with
  /// that text, cursor at its end, for the student to run with Enter or edit.
  func read(prompt: String, prefill: String? = nil) -> Input {
    lineResult = nil
    lineFinished = false
    rl_callback_handler_install(prompt) { line in
      LineEditor.lineFinished = true
      if let line {
        LineEditor.lineResult = String(cString: line)
        free(line)
      } else {
        LineEditor.lineResult = nil
      }
    }
    defer { rl_callback_handler_remove() }
    if let prefill, !prefill.isEmpty {
      // libedit calls rl_pre_input_hook only from readline(), not in callback
      // mode; installing the handler has just emptied the buffer and drawn
      // the prompt, so the text goes in now and a forced redraw shows it.
      // The redraw starts where the cursor is: back to the line's start first,
      // so the prompt is drawn over itself rather than twice.
      _ = rl_insert_text(prefill)
      fputs("\r", funnel_stdout())
      fflush(funnel_stdout())
      rl_forced_update_display()
    }
    while !LineEditor.lineFinished {
      var readSet = fd_set()
      fdZero(&readSet)
      fdSet(STDIN_FILENO, &readSet)
      // A timeout, so a Ctrl-C that lands just before select is seen soon.
      var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
      let ready = select(STDIN_FILENO + 1, &readSet, nil, nil, &timeout)
      if interrupts.takeInterrupt() {
        // Drop the half-typed line: a fresh buffer and prompt come with the next install.
        fputs("^C\n", funnel_stdout())
        fflush(funnel_stdout())
        return .interrupted
      }
      if interrupts.takeResize() { rl_resize_terminal() }
      if ready > 0 {
        rl_callback_read_char()
      } else if ready < 0 && errno != EINTR {
        return .endOfInput
      }
    }
    guard let line = LineEditor.lineResult else {
      // libedit has not moved past the prompt line on Ctrl-D.
      fputs("\n", funnel_stdout())
      fflush(funnel_stdout())
      return .endOfInput
    }
    return .line(line)
  }

  // MARK: - History

  /// Loads the history file (a missing file is an empty history) and caps it.
  func loadHistory(path: String, limit: Int) -> [String] {
    stifle_history(Int32(limit))
    _ = read_history(path)
    var entries: [String] = []
    let base = Int(funnel_history_base())
    for i in 0..<Int(funnel_history_length()) {
      if let entry = history_get(Int32(base + i)), let line = entry.pointee.line {
        entries.append(String(cString: line))
      }
    }
    return entries
  }

  func addHistory(_ entry: String) { add_history(entry) }

  /// Writes the history file through `SafeFileWriter` (a new file is
  /// private, 0600, as libedit makes it); false when it cannot be written.
  /// libedit writes the temporary file (its format is its own); it checks
  /// none of its writes, so the result is counted before it replaces the old
  /// file: the format's first line, then one line per entry (an entry's own
  /// line ends are escaped). The history is already capped at `limit`
  /// (`stifle_history` in `loadHistory`).
  func saveHistory(path: String, limit: Int) -> Bool {
    guard let writer = try? SafeFileWriter(path: path, newFileMode: 0o600) else { return false }
    if writer.writesInPlace {
      // `/dev/null` (no history kept) or a pipe: nothing to replace or count.
      // libedit makes every file it writes history to private (0600), which
      // would lock other users out of /dev/null; it writes a private file of
      // its own, whose bytes then go to the target.
      let scratch = NSTemporaryDirectory() + "funnel-history-\(UUID().uuidString)"
      defer { unlink(scratch) }
      guard write_history(scratch) == 0, let bytes = FileManager.default.contents(atPath: scratch) else {
        writer.discard()
        return false
      }
      do {
        try writer.write([UInt8](bytes))
        try writer.commit()
        return true
      } catch {
        return false
      }
    }
    guard write_history(writer.temporaryPath) == 0,
      let written = FileManager.default.contents(atPath: writer.temporaryPath),
      written.last == 10,
      written.reduce(0, { $0 + ($1 == 10 ? 1 : 0) }) == Int(funnel_history_length()) + 1
    else {
      writer.discard()
      return false
    }
    do {
      try writer.commit()
      return true
    } catch {
      return false
    }
  }

  // MARK: - Completion (C callbacks reach the completer through statics)
  // `nonisolated(unsafe)`: a C callback takes no context, so these are
  // statics; libedit calls back only inside `read` (from `rl_callback_read_char`),
  // on the one thread that runs the prompt, so nothing touches them concurrently.

  nonisolated(unsafe) private static var lineFinished = false
  nonisolated(unsafe) private static var lineResult: String? = nil
  private var lineFinished: Bool {
    get { LineEditor.lineFinished }
    set { LineEditor.lineFinished = newValue }
  }
  private var lineResult: String? {
    get { LineEditor.lineResult }
    set { LineEditor.lineResult = newValue }
  }
  nonisolated(unsafe) private static var completionProvider:
    ((String, Int) -> (candidates: [String], replaceFrom: Int))? =
      nil
  private var completionProvider: ((String, Int) -> (candidates: [String], replaceFrom: Int))? {
    get { LineEditor.completionProvider }
    set { LineEditor.completionProvider = newValue }
  }
  nonisolated(unsafe) private static var pending: [String] = []
  nonisolated(unsafe) private static var pendingIndex = 0

  /// readline asks for the word `text` between `start` and `end` (bytes);
  /// our completer looks at the whole line and may start elsewhere, so its
  /// candidates are re-based onto readline's word.
  private static func attemptCompletion(text: UnsafePointer<CChar>?, start: Int, end: Int)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  {
    funnel_rl_completion_over()
    guard let provider = completionProvider, let buffer = funnel_rl_line_buffer(), let text else { return nil }
    let line = String(cString: buffer)
    let bytes = Array(line.utf8)
    let cursor = min(Int(funnel_rl_point()), bytes.count)
    let (candidates, from) = provider(line, cursor)
    guard !candidates.isEmpty else { return nil }
    let wordStart = min(start, bytes.count)
    var rebased: [String] = []
    for candidate in candidates {
      if from == wordStart {
        rebased.append(candidate)
      } else if from < wordStart {
        // The completer's word began earlier: drop what readline's word does not hold.
        let head = String(decoding: bytes[from..<wordStart], as: UTF8.self)
        guard candidate.hasPrefix(head) else { continue }
        rebased.append(String(candidate.dropFirst(head.count)))
      } else {
        rebased.append(String(decoding: bytes[wordStart..<min(from, bytes.count)], as: UTF8.self) + candidate)
      }
    }
    guard !rebased.isEmpty else { return nil }
    // A directory or an opened call keeps the cursor where the user goes on typing.
    let open = rebased.count == 1 && (rebased[0].hasSuffix("/") || rebased[0].hasSuffix("("))
    funnel_rl_set_append_character(open ? 0 : 32)
    pending = rebased
    pendingIndex = 0
    return rl_completion_matches(text) { _, state in
      if state == 0 { LineEditor.pendingIndex = 0 }
      guard LineEditor.pendingIndex < LineEditor.pending.count else { return nil }
      let next = LineEditor.pending[LineEditor.pendingIndex]
      LineEditor.pendingIndex += 1
      return strdup(next)
    }
  }
}

/// `FD_ZERO` and `FD_SET` are macros Swift does not import.
private func fdZero(_ set: inout fd_set) {
  set = fd_set()
}

private func fdSet(_ fd: Int32, _ set: inout fd_set) {
  let bits = MemoryLayout<Int>.size * 8
  withUnsafeMutableBytes(of: &set) { raw in
    let words = raw.bindMemory(to: Int.self)
    words[Int(fd) / bits] |= 1 << (Int(fd) % bits)
  }
}
