import FunnelLanguage

@testable import FunnelShell

/// A session whose output is collected instead of printed, on a small demo.
final class TestSession {
  var out = ""
  var err = ""
  private(set) var session: Session!

  init(demo: Bool = true, leads: Int = 500) {
    let console = Console(out: { [unowned self] in self.out += $0 }, err: { [unowned self] in self.err += $0 })
    session = Session(terminal: .none, console: console, environment: ["FUNNEL_TODAY": "2026-07-01"])
    if demo { session.loadDemo(leads: leads, seed: 42) }
  }

  /// Runs `text` as a script named `name` (nil: like -c) and returns whether it succeeded.
  @discardableResult
  func run(_ text: String, name: String? = nil) -> Bool {
    session.run(SourceText(name: name, text: text))
  }
}
