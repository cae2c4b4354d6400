/// FunnelShell: the terminal front end. The only library that prints.
///
/// In the order a line travels:
/// 1. `REPL/`: `LineEditor` (libedit's readline API: prompt, history,
///    completion), `InterruptWatcher` (Ctrl-C → `Cancellation`), `Completer`
///    (cursor → candidates, a pure function), `REPL` (the loop).
/// 2. `Scripts/`: `ScriptRunner` (a script, `-c` text or standard input: stop
///    at the first failing statement).
/// 3. `Session/`: `Session` (catalog, settings, output target), which parses
///    source text, runs dot commands and pipelines, and shows outcomes through
///    `OutcomePrinter`; `DiagnosticRenderer` is the one place errors become text.
/// 4. `DotCommands/`: `DotCommand` rows, one per file, collected in
///    `DotCommand.all`; `.help` and completion are built from that table.
/// 5. `Terminal/`: what the terminal is (size, colour) and SGR styles.
public enum FunnelShellLibrary {
  /// The version `--version` and the banner show.
  public static let version = "0.1.0"
}
