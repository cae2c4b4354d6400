import Foundation
import FunnelLanguage

/// Scripts and standard input: the whole text parsed, then run statement by
/// statement until the first one fails.
enum ScriptRunner {
  /// Runs the script at `path`; messages name it as given (`report.funnel:3:17`).
  static func runFile(_ path: String, in session: Session) -> Bool {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      session.console.writeError(
        DiagnosticRenderer.render(
          message: "cannot read \(path): " + Session.reason(error), color: session.terminal.colorErr))
      return false
    }
    return session.run(SourceText(name: path, text: text))
  }

  /// Runs everything on standard input as one script whose messages say `line:col`.
  static func runStandardInput(in session: Session) -> Bool {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self)
    return session.run(SourceText(name: nil, text: text))
  }
}
