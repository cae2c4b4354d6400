import Foundation
import Testing

/// The real binary with its results going to a pseudo-terminal: whatever the
/// format, a value's escape sequences and bidi controls are shown, not sent
/// to the terminal. (The golden scripts run without a terminal, where csv,
/// tsv and json keep the exact bytes.)
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct TerminalOutputTests {
  /// A CSV file whose first company sets the window title and clears the
  /// screen, and whose second reverses its text; removed by the caller.
  static func hostileFile() throws -> String {
    let path = NSTemporaryDirectory() + "funnel-hostile-\(UUID().uuidString.prefix(8)).csv"
    let text = "company,amount\n\"Acme\u{1B}]0;pwned\u{7}\u{1B}[2J\",1200\ninvoice\u{202E}fdp.exe,-50\nBel\u{9B}31m,7\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Everything the program printed, once it has ended.
  static func output(of shell: PseudoTerminal) -> (status: Int32?, text: String) {
    let status = shell.exitStatus(timeout: 20)
    // Reads what is left up to the end of output; the pattern never occurs.
    shell.expect("\u{0}never\u{0}", timeout: 1)
    return (status, shell.unmatched)
  }

  @Test(arguments: ["table", "markdown", "csv", "tsv", "json", "jsonl"])
  func everyFormatShowsControlsAtATerminal(format: String) throws {
    let path = try Self.hostileFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try PseudoTerminal(arguments: ["--no-demo", "--load", "h=" + path, "--format", format, "-c", "h"])
    let (status, text) = Self.output(of: shell)
    #expect(status == 0, "\(text)")
    #expect(!text.unicodeScalars.contains("\u{1B}"), "\(format): raw ESC reached the terminal")
    #expect(!text.unicodeScalars.contains("\u{7}"), "\(format): raw BEL")
    #expect(!text.unicodeScalars.contains("\u{9B}"), "\(format): raw CSI")
    #expect(!text.unicodeScalars.contains("\u{202E}"), "\(format): raw right-to-left override")
    let json = format.hasPrefix("json")
    #expect(
      text.contains(json ? "Acme\\u001b]0;pwned\\u0007\\u001b[2J" : "Acme\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "\(text)")
    #expect(text.contains(json ? "invoice\\u202efdp.exe" : "invoice\\u{202E}fdp.exe"), "\(text)")
  }

  @Test func safeCSVAtATerminalGuardsAndEscapes() throws {
    let path = try Self.hostileFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try PseudoTerminal(arguments: [
      "--no-demo", "--load", "h=" + path, "--format", "csv", "--safe-csv", "-c",
      "h | derive f = \"=1+\" | select f, amount",
    ])
    let (status, text) = Self.output(of: shell)
    #expect(status == 0, "\(text)")
    #expect(text.contains("'=1+,1200\r\n'=1+,-50\r\n"), "\(text)")
  }
}
