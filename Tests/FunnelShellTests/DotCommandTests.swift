import Foundation
import Testing

@testable import FunnelShell

/// The command table: complete rows, help built from it, suggestions.
struct DotCommandTests {
  @Test func everyCommandHasUsageAndSummary() {
    for command in DotCommand.all {
      #expect(command.usage.hasPrefix("." + command.name), "usage of .\(command.name)")
      #expect(!command.summary.isEmpty, "summary of .\(command.name)")
    }
    #expect(Set(DotCommand.all.map(\.name)).count == DotCommand.all.count, "names are unique")
  }

  /// The first word of each line of `text` indented by two spaces and starting with `prefix`.
  static func listed(_ text: String, prefix: String = "") -> [String] {
    text.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("  " + prefix), !line.hasPrefix("   ") else { return nil }
      return line.dropFirst(2).split(separator: " ").first.map(String.init)
    }
  }

  /// `.help` lists the commands, in this order (written out here, not read
  /// from the table the help is made from).
  @Test func helpListsTheCommands() {
    let t = TestSession(demo: false)
    #expect(t.run(".help"))
    let expected = [
      "help", "tables", "schema", "load", "demo", "mode", "output", "read", "timer", "progress", "memory-limit",
      "param", "save",
      "explain", "sql", "engine", "lesson", "next", "prev", "again", "where", "edit",
      "hint", "solution", "check", "glossary", "history",
      "clear", "quit",
      "exit",
    ]
    #expect(Self.listed(t.out, prefix: ".") == expected.map { "." + $0 })
    #expect(t.out.contains("  .quit                        leave the shell (Ctrl-D too)\n"))
    #expect(t.out.contains("  .read PATH                   run a script in this session\n"))
  }

  @Test func helpTopics() {
    let t = TestSession(demo: false)
    #expect(t.run(".help stages"))
    let stages = [
      "where", "filter", "select", "derive", "drop", "rename", "agg", "count", "sort", "take", "top", "distinct",
      "join", "funnel", "attribute", "cohort", "stage_durations", "forecast", "pacing", "compare", "chart",
      "save",
    ]
    #expect(Self.listed(t.out) == stages)
    #expect(t.out.contains("  top              the N rows with the largest EXPR (sort desc, take N)\n"))
    #expect(t.out.contains("                   e.g. leads | count by stage\n"))
    t.out = ""
    #expect(t.run(".help .load"))
    #expect(t.out.hasPrefix(".load NAME PATH"))
    t.out = ""
    #expect(t.run(".help agg"))
    #expect(t.out.contains("example: deals | where"))
    #expect(!t.run(".help stagse"))
    #expect(t.err.contains("no help on 'stagse'"))
    #expect(t.err.contains("did you mean 'stages'?"))
  }

  @Test func misspelledCommandGetsASuggestion() {
    let t = TestSession(demo: false)
    #expect(!t.run(".tabels"))
    #expect(t.err.hasPrefix("1:1: error: unknown command '.tabels'\n  .tabels\n  ^"))
    #expect(t.err.contains("hint: did you mean '.tables'?"))
  }

  @Test func wrongArgumentCountShowsUsage() {
    let t = TestSession(demo: false)
    #expect(!t.run(".schema a b", name: "x.funnel"))
    #expect(t.err.hasPrefix("x.funnel:1:9: error: .schema takes 0 to 1 argument"))
    #expect(t.err.contains("hint: usage: .schema [NAME]"))
  }

  @Test func tablesSchemaAndModeWork() {
    let t = TestSession(leads: 300)
    #expect(t.run(".mode csv\n.tables"))
    #expect(t.out.hasPrefix("name,rows,columns\ncampaigns,"))
    #expect(t.out.contains("\nleads,300,15\n"))
    t.out = ""
    #expect(t.run(".schema deals"))
    #expect(t.out.contains("amount,decimal(2),0"))
    #expect(!t.run(".mode tabel"))
    #expect(t.err.contains("did you mean 'table'?"))
  }

  @Test func paramsAreSetAndListed() {
    let t = TestSession(demo: false)
    #expect(t.run(".param region North America\n.param min 100\n.mode csv\n.param"))
    #expect(t.session.catalog.parameters["region"] == "North America")
    #expect(t.out == "name,value\nmin,100\nregion,North America\n")
  }

  @Test func outputGoesToAFileWrittenOnClose() throws {
    let path = NSTemporaryDirectory() + "funnel-output-\(getpid()).csv"
    defer { unlink(path) }
    let t = TestSession(leads: 200)
    #expect(t.run(".mode csv\n.output \(path)\n.tables"))
    #expect(!FileManager.default.fileExists(atPath: path), "written only when closed")
    #expect(t.run(".output"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("name,rows,columns\n"))
    #expect(t.out.isEmpty)
  }

  @Test func quitStopsAScript() {
    let t = TestSession(demo: false)
    #expect(t.run(".quit\n.tables"))
    #expect(t.session.quitRequested)
    #expect(t.err.isEmpty)
  }
}
