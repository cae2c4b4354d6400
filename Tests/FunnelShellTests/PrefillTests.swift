import Testing

@testable import FunnelShell

/// A query `.edit` put at the prompt; what a student types after it.
struct PrefillTests {
  let query = "leads | funnel"

  @Test func aDotCommandTypedAfterTheQueryIsTheCommand() {
    #expect(REPL.typedOver(query, query + ".next") == ".next")
    #expect(REPL.typedOver(query, query + " .check 4.1 31.5") == ".check 4.1 31.5")
    #expect(REPL.typedOver(query, query + ".solution") == ".solution")
  }

  @Test func anythingElseIsTheLineAsTyped() {
    #expect(REPL.typedOver(query, query) == query)
    #expect(REPL.typedOver(query, query + " by channel") == query + " by channel")
    // Not a command: a query may go on with a dot (a decimal, a name).
    #expect(REPL.typedOver(query, query + ".nosuchcommand") == query + ".nosuchcommand")
    #expect(REPL.typedOver(nil, ".next") == ".next")
    // The student edited the query itself: it runs as edited.
    #expect(REPL.typedOver(query, "leads | funnel by region.next") == "leads | funnel by region.next")
  }
}
