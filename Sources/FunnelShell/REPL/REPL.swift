import Foundation
import FunnelLanguage

/// The interactive shell: banner, prompt, continuation lines, history, Ctrl-C
/// and Ctrl-D, each statement run in the session as it is finished.
final class REPL {
  static let prompt = "funnel> "
  static let continuationPrompt = "   ...> "

  let session: Session
  let quiet: Bool
  private let historyFile: HistoryFile
  private let interrupts: InterruptWatcher
  private lazy var editor = LineEditor(interrupts: interrupts) { [unowned self] line, cursor in
    // Earlier lines of an unfinished statement are part of what completes.
    let before = self.pending.isEmpty ? "" : self.pending.joined(separator: "\n") + "\n"
    let result = Completer.complete(line: before + line, cursor: before.utf8.count + cursor, session: self.session)
    return (result.candidates, max(0, result.replaceFrom - before.utf8.count))
  }
  /// Lines of a statement that is not finished yet.
  private var pending: [String] = []
  private var warnedAboutHistory = false

  init(session: Session, quiet: Bool) {
    self.session = session
    self.quiet = quiet
    historyFile = HistoryFile(environment: session.environment)
    interrupts = InterruptWatcher(cancellation: session.cancellation)
    session.interactive = true
  }

  /// Runs until Ctrl-D or `.quit`; returns the exit status (0).
  func run() -> Int32 {
    session.history = editor.loadHistory(path: historyFile.path, limit: HistoryFile.limit)
    if !quiet { session.console.writeError(banner()) }
    pending = []
    while !session.quitRequested {
      // Text is put at the prompt only when asked for, with `.edit`.
      let prefill = pending.isEmpty ? session.takeEditRequest() : nil
      let input = editor.read(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt, prefill: prefill)
      switch input {
      case .endOfInput:
        saveHistory()
        session.finish()
        return 0
      case .interrupted:
        pending = []
        continue
      case .line(let line):
        // Enter on an empty prompt runs the query a lesson page (or `.solution`) offers.
        if pending.isEmpty, prefill == nil, line.allSatisfy({ $0 == " " || $0 == "\t" }),
          let offered = session.lessons(ifOpen: { $0.takePendingQuery() })
        {
          showAsTyped(offered)
          remember(offered)
          runStatement(offered)
          continue
        }
        pending.append(REPL.typedOver(prefill, line))
      }
      let text = pending.joined(separator: "\n")
      if text.trimmingCharacters(in: .whitespaces).isEmpty {
        pending = []
        continue
      }
      if Completeness.needsMore(text) { continue }
      pending = []
      remember(text)
      runStatement(text)
    }
    saveHistory()
    session.finish()
    return 0
  }

  /// The line to run when `prefill` was waiting at the prompt and the
  /// person typed after it: a dot command typed at its end (`.next`,
  /// `.check 4.1 31.5`) is that command, not part of the query
  /// (`leads | funnel.next`).
  static func typedOver(_ prefill: String?, _ line: String) -> String {
    guard let prefill, !prefill.isEmpty, line.hasPrefix(prefill) else { return line }
    let typed = line.dropFirst(prefill.count).drop { $0 == " " }
    guard typed.hasPrefix("."),
      let word = typed.dropFirst().split(whereSeparator: { $0 == " " }).first,
      DotCommand.named(String(word)) != nil
    else { return line }
    return String(typed)
  }

  /// Writes `query` on the prompt's line just left empty, as if it had been
  /// typed there, so the result below it reads like any other.
  private func showAsTyped(_ query: String) {
    let terminal = session.terminal.stdoutIsTerminal
    session.console.write((terminal ? "\u{1B}[A\r" + REPL.prompt : REPL.prompt) + query + "\n")
  }

  /// Runs a finished statement with Ctrl-C armed to cancel it.
  private func runStatement(_ text: String) {
    var source = SourceText(name: nil, text: text)
    source.typedAtPrompt = true
    interrupts.beginStatement()
    let ran = session.run(source)
    interrupts.endStatement()
    // A lesson page's query has just run: its question is above the result, out of sight.
    if ran, let question = session.lessons(ifOpen: { $0.questionAfter(text) }) { session.emit(question) }
    session.console.flush()
  }

  private func remember(_ text: String) {
    guard HistoryFile.shouldAdd(text, after: session.history.last) else { return }
    session.history.append(text)
    if session.history.count > HistoryFile.limit { session.history.removeFirst() }
    editor.addHistory(text)
  }

  private func saveHistory() {
    if !editor.saveHistory(path: historyFile.path, limit: HistoryFile.limit) && !warnedAboutHistory {
      warnedAboutHistory = true
      session.console.writeError("warning: cannot write the history file \(historyFile.path)\n")
    }
  }

  /// `Funnel 0.1.0`, the datasets, and how to get help and leave.
  func banner() -> String {
    let color = session.terminal.colorErr
    var text = Style.bold.apply("Funnel \(FunnelShellLibrary.version)", when: color) + "\n"
    text += session.datasetSummary() + "\n"
    let hints = "'.help' for help, '.lesson' to learn, '.glossary' for the words, Ctrl-D to quit"
    text += Style.dim.apply(hints, when: color) + "\n"
    return text
  }
}
