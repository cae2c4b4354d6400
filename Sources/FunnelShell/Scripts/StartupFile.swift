import Foundation
import FunnelLanguage

/// The start-up file: statements run before the first prompt, as sqlite3
/// runs `~/.sqliterc` (settings, `.param`, `let`, `metric`, `.load`).
///
/// At the interactive prompt it is `$FUNNEL_RC` when set (empty: none), else
/// `~/.funnelrc` when it exists. `--init FILE` runs FILE instead, in every
/// mode (a script or `-c` too), and a missing FILE is an error; `--no-init`
/// runs none. Scripts and `-c` never read `~/.funnelrc`, so a saved analysis
/// gives the same answers on every machine.
///
/// Its statements run as a script's do: the first that fails stops the
/// file, with its path, line and column, and the shell opens all the same
/// with what ran before it.
enum StartupFile {
  enum Choice: Equatable {
    case none
    /// `required`: given with `--init` or `$FUNNEL_RC`, so a missing file is reported.
    case run(path: String, required: Bool)
  }

  static func choose(_ options: ShellOptions, environment: [String: String], interactive: Bool) -> Choice {
    if options.noInit { return .none }
    if let file = options.initFile { return .run(path: file, required: true) }
    guard interactive else { return .none }
    if let rc = environment["FUNNEL_RC"] { return rc.isEmpty ? .none : .run(path: rc, required: true) }
    guard let home = environment["HOME"], !home.isEmpty else { return .none }
    let path = home + "/.funnelrc"
    return FileManager.default.fileExists(atPath: path) ? .run(path: path, required: false) : .none
  }

  /// Runs the file's statements; false when it could not be read or a statement failed.
  static func run(_ path: String, required: Bool, in session: Session) -> Bool {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      if !required && !FileManager.default.fileExists(atPath: path) { return true }
      session.console.writeError(
        DiagnosticRenderer.render(
          message: "cannot read the start-up file \(path): " + Session.reason(error), color: session.terminal.colorErr)
      )
      return false
    }
    let ok = session.run(SourceText(name: path, text: text))
    session.console.flush()
    if !ok {
      session.note("note: the rest of \(path) was not run")
    }
    return ok
  }
}
