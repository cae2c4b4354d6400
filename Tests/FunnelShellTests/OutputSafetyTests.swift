import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelShell

/// What the shell writes for hostile values: escaped at a terminal whatever
/// the format, exact bytes into a pipe; `.mode csv safe` and `--safe-csv`.
@Suite struct OutputSafetyTests {
  static let hostile = "Acme\u{1B}]0;pwned\u{7}\u{1B}[2J"
  static let flipped = "abc\u{202E}fdp.exe"

  /// A session with one dataset, `h`, of two hostile companies; `terminal`
  /// says whether stdout is a terminal.
  static func session(terminal: Bool) -> (Session, () -> String) {
    var out = ""
    let console = Console(out: { out += $0 }, err: { out += $0 })
    let info = TerminalInfo(stdinIsTerminal: false, stdoutIsTerminal: terminal, stderrIsTerminal: false, noColor: true)
    let session = Session(terminal: info, console: console, environment: ["FUNNEL_TODAY": "2026-07-01"])
    session.catalog.setDataset(
      "h",
      Table(
        names: ["company", "amount"],
        columns: [
          Column.make(.string, [.string(hostile), .string(flipped), .string("=1+2")]),
          Column.make(.int, [.int(100), .int(-5), .int(7)]),
        ]))
    return (session, { out })
  }

  @Test(arguments: OutputFormat.allCases)
  func atATerminalEveryFormatShowsControlsVisibly(format: OutputFormat) {
    let (session, output) = Self.session(terminal: true)
    session.format = format
    #expect(session.run(SourceText(text: "h")))
    // An html page is written when the output ends.
    #expect(session.finish())
    let text = output()
    #expect(!text.unicodeScalars.contains("\u{1B}"), "\(format): \(text)")
    #expect(!text.unicodeScalars.contains("\u{202E}"), "\(format)")
    #expect(!text.unicodeScalars.contains("\u{7}"), "\(format)")
    let json = format == .json || format == .jsonl
    #expect(text.contains(json ? "Acme\\u001b]0;pwned\\u0007\\u001b[2J" : "Acme\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))
    #expect(text.contains(json ? "abc\\u202efdp.exe" : "abc\\u{202E}fdp.exe"))
  }

  @Test(arguments: [OutputFormat.csv, .tsv, .jsonl])
  func intoAPipeMachineFormatsKeepTheBytes(format: OutputFormat) {
    let (session, output) = Self.session(terminal: false)
    session.format = format
    #expect(session.run(SourceText(text: "h")))
    #expect(output().contains(Self.flipped))
    #expect(output().contains(format == .jsonl ? "Acme\\u001b]0;pwned\\u0007\\u001b[2J" : Self.hostile))
  }

  @Test(arguments: [OutputFormat.table, .markdown])
  func intoAPipeFormatsForPeopleStillEscape(format: OutputFormat) {
    let (session, output) = Self.session(terminal: false)
    session.format = format
    #expect(session.run(SourceText(text: "h")))
    #expect(!output().unicodeScalars.contains("\u{1B}"))
    #expect(output().contains("abc\\u{202E}fdp.exe"))
  }

  @Test func scalarsAreEscapedLikeCells() {
    let (session, _) = Self.session(terminal: false)
    #expect(session.scalarText(.string(Self.hostile), hint: .plain) == "Acme\\u{1B}]0;pwned\\u{7}\\u{1B}[2J")
    session.format = .csv
    #expect(session.scalarText(.string(Self.hostile), hint: .plain) == Self.hostile, "csv into a pipe: exact")
    session.safeMode = true
    #expect(session.scalarText(.string("=1+2"), hint: .plain) == "'=1+2")
    #expect(session.scalarText(.int(-5), hint: .plain) == "-5", "a number is not a formula")
  }

  @Test func modeCSVSafeGuardsFormulasAndSays() {
    let (session, output) = Self.session(terminal: false)
    #expect(session.run(SourceText(text: ".mode csv safe\n.mode\nh")))
    #expect(output() == "csv safe\ncompany,amount\n\(Self.hostile),100\n\(Self.flipped),-5\n'=1+2,7\n")
    #expect(session.catalog.saveOptions.safeFormulas)
    // Another mode drops it.
    #expect(session.run(SourceText(text: ".mode csv")))
    #expect(!session.safeCSV && !session.catalog.saveOptions.safeFormulas)
  }

  @Test func theFlagHoldsWhateverTheMode() {
    let (session, output) = Self.session(terminal: false)
    session.safeCSVFlag = true
    #expect(session.run(SourceText(text: ".mode tsv\n.mode\nh")))
    #expect(output() == "tsv safe\ncompany\tamount\n\(Self.hostile)\t100\n\(Self.flipped)\t-5\n'=1+2\t7\n")
    #expect(session.catalog.saveOptions.safeFormulas)
  }

  @Test func safeIsForCSVAndTSVOnly() {
    let (session, output) = Self.session(terminal: false)
    #expect(!session.run(SourceText(text: ".mode json safe")))
    #expect(output().contains("'safe' applies to csv and tsv, not json"))
    #expect(session.format == .table)
    #expect(!session.run(SourceText(text: ".mode csv sfe")))
    #expect(output().contains("unknown option 'sfe' for .mode"))
  }

  @Test func saveWritesSafeCSVWhenTheModeSaysSo() throws {
    let (session, _) = Self.session(terminal: false)
    let directory = NSTemporaryDirectory() + "funnel-safe-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(session.run(SourceText(text: "h | save \"\(directory)/plain.csv\"\n.mode csv safe")))
    #expect(session.run(SourceText(text: "h | save \"\(directory)/safe.csv\"\n.save h \(directory)/dot.csv")))
    let plain = try String(contentsOfFile: directory + "/plain.csv", encoding: .utf8)
    let safe = try String(contentsOfFile: directory + "/safe.csv", encoding: .utf8)
    let dot = try String(contentsOfFile: directory + "/dot.csv", encoding: .utf8)
    #expect(plain.hasSuffix("\n=1+2,7\n"))
    #expect(safe.hasSuffix("\n'=1+2,7\n"))
    #expect(dot == safe)
    // A file keeps the exact bytes of the values, whatever the terminal.
    #expect(safe.contains(Self.hostile))
  }

  @Test func messagesQuotingDataShowControlsToo() {
    let file = FileError(path: "x.csv", line: 4, column: "amount", message: "'\(Self.hostile)' is not an int")
    #expect(
      DiagnosticRenderer.render(file)
        == "error: x.csv:4: column 'amount': 'Acme\\u{1B}]0;pwned\\u{7}\\u{1B}[2J' is not an int\n")
    var d = Diagnostic(message: "unknown column 'x\u{202E}y'", span: nil)
    d.hints = ["did you mean '\(Self.flipped)'?"]
    let text = DiagnosticRenderer.render(d, in: nil)
    #expect(text == "error: unknown column 'x\\u{202E}y'\n  hint: did you mean 'abc\\u{202E}fdp.exe'?\n")
  }
}
