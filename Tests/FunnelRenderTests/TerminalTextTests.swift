import Testing

@testable import FunnelRender

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("", 0), ("email", 5), ("東京", 4), ("café", 4), ("cafe\u{301}", 4), ("🚀", 2), ("👍🏽", 2),
    ("❤️", 2), ("a\tb", 2), ("Ｆｕｌｌ", 8), ("한국어", 6), ("→", 1), ("…", 1),
  ])
  func width(text: String, columns: Int) {
    #expect(TerminalText.width(text) == columns)
  }

  @Test func truncateKeepsTheLimitAndEndsInEllipsis() {
    #expect(TerminalText.truncate("enterprise software", to: 10) == "enterpris…")
    #expect(TerminalText.truncate("short", to: 10) == "short")
    #expect(TerminalText.truncate("exactly10!", to: 10) == "exactly10!")
    // A wide character never straddles the cut.
    let cut = TerminalText.truncate("東京都渋谷区", to: 6)
    #expect(cut == "東京…")
    #expect(TerminalText.width(cut) <= 6)
  }

  @Test func controlCharactersAreMadeVisible() {
    #expect(TerminalText.printable("a\nb\tc") == "a\\nb\\tc")
    #expect(TerminalText.printable("x\u{1B}[31my") == "x\\u{1B}[31my")
    #expect(TerminalText.printable("plain") == "plain")
  }

  @Test func padding() {
    #expect(TerminalText.pad("東京", to: 6, right: false) == "東京  ")
    #expect(TerminalText.pad("42", to: 5, right: true) == "   42")
    #expect(TerminalText.pad("toolong", to: 3, right: true) == "toolong")
  }
}
