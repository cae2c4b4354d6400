import FunnelData
import Testing

@testable import FunnelRender

/// Control and bidirectional characters in values: escaped in every format a
/// person reads (table, markdown) and in every format bound for a terminal;
/// csv, tsv and json into a pipe or a file keep the exact bytes.
@Suite struct ControlCharacterTests {
  /// One of each kind, with the notation the visible formats use.
  static let hostile: [(scalar: Unicode.Scalar, shown: String, json: String)] = [
    ("\u{0}", "\\u{0}", "\\u0000"), ("\u{7}", "\\u{7}", "\\u0007"), ("\u{8}", "\\u{8}", "\\u0008"),
    ("\u{1B}", "\\u{1B}", "\\u001b"), ("\u{1F}", "\\u{1F}", "\\u001f"), ("\u{7F}", "\\u{7F}", "\\u007f"),
    ("\u{80}", "\\u{80}", "\\u0080"), ("\u{85}", "\\u{85}", "\\u0085"), ("\u{9B}", "\\u{9B}", "\\u009b"),
    ("\u{9F}", "\\u{9F}", "\\u009f"), ("\u{061C}", "\\u{61C}", "\\u061c"), ("\u{200E}", "\\u{200E}", "\\u200e"),
    ("\u{200F}", "\\u{200F}", "\\u200f"), ("\u{202A}", "\\u{202A}", "\\u202a"), ("\u{202B}", "\\u{202B}", "\\u202b"),
    ("\u{202C}", "\\u{202C}", "\\u202c"), ("\u{202D}", "\\u{202D}", "\\u202d"), ("\u{202E}", "\\u{202E}", "\\u202e"),
    ("\u{2066}", "\\u{2066}", "\\u2066"), ("\u{2067}", "\\u{2067}", "\\u2067"), ("\u{2068}", "\\u{2068}", "\\u2068"),
    ("\u{2069}", "\\u{2069}", "\\u2069"),
  ]

  static var indices: Range<Int> { hostile.indices }

  /// A one-row table whose text cell and column name hold the character.
  static func table(_ scalar: Unicode.Scalar) -> Table {
    let text = "Acme" + String(scalar) + "Corp"
    return Table(
      names: ["company" + String(scalar), "leads"],
      columns: [Column.make(.string, [.string(text)]), Column.make(.int, [.int(3)])])
  }

  /// `text` without the SGR codes colour adds (`ESC [ 1 m`), so the ESC
  /// left over can only have come from a cell.
  static func withoutStyles(_ text: String) -> String {
    var out = ""
    var scalars = text.unicodeScalars[...]
    while let s = scalars.popFirst() {
      if s == "\u{1B}", scalars.first == "[" {
        let rest = scalars.drop(while: { $0 == "[" || ("0"..."9").contains($0) || $0 == ";" })
        if rest.first == "m" {
          scalars = rest.dropFirst()
          continue
        }
      }
      out.unicodeScalars.append(s)
    }
    return out
  }

  static func holds(_ text: String, _ scalar: Unicode.Scalar) -> Bool {
    text.unicodeScalars.contains(scalar)
  }

  @Test(arguments: indices)
  func tableShowsEveryKindVisibly(index: Int) {
    let (scalar, shown, _) = Self.hostile[index]
    for options in [RenderOptions(), RenderOptions(width: 60, maxRows: 10, color: true)] {
      let text = Self.withoutStyles(TableRenderer.render(Self.table(scalar), options: options))
      #expect(!Self.holds(text, scalar), "raw U+\(String(scalar.value, radix: 16)) in a table")
      #expect(text.contains("Acme" + shown + "Corp"))
      #expect(text.contains("company" + shown))
    }
  }

  @Test(arguments: indices)
  func markdownShowsEveryKindVisiblyWherever(index: Int) {
    let (scalar, shown, _) = Self.hostile[index]
    for visible in [false, true] {
      let text = TableWriter.encode(Self.table(scalar), as: .markdown, options: WriteOptions(visibleControls: visible))
      #expect(!Self.holds(text, scalar))
      #expect(text.contains("| Acme" + shown + "Corp | 3 |"))
    }
  }

  @Test(arguments: indices)
  func delimitedFormatsEscapeOnlyForATerminal(index: Int) {
    let (scalar, shown, _) = Self.hostile[index]
    for format in [FileFormat.csv, .tsv] {
      let raw = TableWriter.encode(Self.table(scalar), as: format)
      #expect(raw.contains("Acme" + String(scalar) + "Corp"), "\(format) into a pipe keeps the bytes")
      let shownText = TableWriter.encode(Self.table(scalar), as: format, options: WriteOptions(visibleControls: true))
      #expect(!Self.holds(shownText, scalar), "\(format) at a terminal")
      #expect(shownText.contains("Acme" + shown + "Corp"))
      #expect(shownText.hasPrefix("company" + shown))
    }
  }

  @Test(arguments: indices)
  func jsonUsesItsOwnEscapesAtATerminal(index: Int) {
    let (scalar, _, json) = Self.hostile[index]
    for format in [FileFormat.json, .jsonl] {
      let raw = TableWriter.encode(Self.table(scalar), as: format)
      // JSON must escape C0 itself; the others pass through a pipe as they are.
      #expect(raw.contains(scalar.value < 0x20 ? "Acme" + json + "Corp" : "Acme" + String(scalar) + "Corp"))
      let shown = TableWriter.encode(Self.table(scalar), as: format, options: WriteOptions(visibleControls: true))
      #expect(!Self.holds(shown, scalar))
      #expect(shown.contains("\"Acme" + json + "Corp\""))
    }
  }

  @Test func lineBreaksAndTabsPerFormat() {
    let table = Table(names: ["note"], columns: [Column.make(.string, [.string("a\nb\r\nc\td\re")])])
    let terminal = WriteOptions(visibleControls: true)
    #expect(TableRenderer.render(table, options: RenderOptions()).hasSuffix("a\\nb\\r\\nc\\td\\re"))
    // csv at a terminal keeps the line feeds it quotes; the carriage return and tab show.
    #expect(TableWriter.encode(table, as: .csv, options: terminal) == "note\n\"a\nb\\r\nc\\td\\re\"\n")
    #expect(TableWriter.encode(table, as: .csv) == "note\n\"a\nb\r\nc\td\re\"\n")
    #expect(TableWriter.encode(table, as: .tsv, options: terminal) == "note\na\\nb\\r\\nc\\td\\re\n")
    #expect(TableWriter.encode(table, as: .markdown) == "| note |\n| --- |\n| a<br>b<br>c\\td\\re |\n")
    #expect(TableWriter.encode(table, as: .json, options: terminal) == "[\n{\"note\":\"a\\nb\\r\\nc\\td\\re\"}\n]\n")
  }

  @Test func cleanTextIsUntouched() {
    for text in ["plain", "東京 🚀", "café", "C:\\temp\\u{1B}", "إعلان", "a|b"] {
      #expect(VisibleText.escaped(text) == text)
      #expect(!VisibleText.needsEscape(text))
    }
    // Characters near the ranges are not controls.
    for text in ["\u{A0}", "\u{2029}", "\u{2065}", "\u{206A}", "\u{200D}", "\u{061B}"] {
      #expect(!VisibleText.needsEscape(text), "\(text.unicodeScalars.map { $0.value })")
    }
  }

  @Test func chartLabelsAreVisibleToo() {
    let table = Table(
      names: ["company", "leads"],
      columns: [
        Column.make(.string, [.string("Acme\u{1B}[2J"), .string("abc\u{202E}xe")]),
        Column.make(.int, [.int(3), .int(5)]),
      ])
    let text = ChartRenderer.render(table, chart: ChartRequest(kind: .bar), options: RenderOptions())
    #expect(!Self.holds(text, "\u{1B}") && !Self.holds(text, "\u{202E}"))
    #expect(text.contains("Acme\\u{1B}[2J"))
  }
}
