import Foundation
import FunnelLanguage

@testable import FunnelShell

/// A session whose output is collected instead of printed, on a small demo.
/// Lesson progress goes to a file of its own, removed with the session.
final class TestSession {
  /// What the session printed, collected by its console.
  private final class Printed {
    var out = ""
    var err = ""
  }

  private let printed = Printed()
  var out: String {
    get { printed.out }
    set { printed.out = newValue }
  }
  var err: String {
    get { printed.err }
    set { printed.err = newValue }
  }
  let session: Session
  /// Where this session's lesson progress is saved.
  let progressPath = NSTemporaryDirectory() + "funnel-test-progress-\(UUID().uuidString)"

  init(demo: Bool = true, leads: Int = 500) {
    let console = Console(out: { [printed] in printed.out += $0 }, err: { [printed] in printed.err += $0 })
    session = Session(
      terminal: .none, console: console,
      environment: ["FUNNEL_TODAY": "2026-07-01", "FUNNEL_PROGRESS": progressPath])
    // 500 leads fit any memory limit and nothing cancels them.
    if demo { try? session.loadDemo(leads: leads, seed: 42) }
  }

  deinit { try? FileManager.default.removeItem(atPath: progressPath) }

  /// Runs `text` as a script named `name` (nil: like -c) and returns whether it succeeded.
  @discardableResult
  func run(_ text: String, name: String? = nil) -> Bool {
    session.run(SourceText(name: name, text: text))
  }
}
