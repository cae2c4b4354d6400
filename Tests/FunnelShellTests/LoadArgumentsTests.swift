import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelShell

/// `.load NAME PATH [with ...] [map ...]` and `--with`.
struct LoadArgumentsTests {
  static func parse(_ text: String) throws -> LoadRequest {
    let span = Span(line: 1, column: 7, offset: 6, length: 0)
    return try LoadArguments.parse(
      CommandWord.split(text, at: span, punctuation: true), usage: ".load NAME PATH", at: span)
  }

  @Test func nameAndPathAlone() throws {
    let r = try Self.parse("deals \"my deals.csv\"")
    #expect(r.name == "deals")
    #expect(r.path == "my deals.csv")
    #expect(r.map.isEmpty)
    #expect(r.options.separator == nil)
  }

  @Test func everyOption() throws {
    let r = try Self.parse(
      #"crm crm.csv with sep=";", null="unknown", null="NA", date="%d/%m/%Y", decimal=",", bool="yes/no", types amount=decimal closed=date"#
    )
    #expect(r.options.separator == UInt8(ascii: ";"))
    #expect(r.options.nullTokens == ["unknown", "NA"])
    #expect(r.options.dateFormat == "%d/%m/%Y")
    #expect(r.options.decimalComma)
    #expect(r.options.boolTokens?.true == "yes" && r.options.boolTokens?.false == "no")
    #expect(r.options.types == ["amount": .decimal, "closed": .date])
  }

  @Test func withThenMap() throws {
    let r = try Self.parse(#"deals pipeline.csv with sep="\t" map amount = close_value, owner = sales_agent"#)
    #expect(r.options.separator == UInt8(ascii: "\t"))
    #expect(r.map.map(\.new) == ["amount", "owner"])
    #expect(r.map.map(\.old) == ["close_value", "sales_agent"])
  }

  @Test func mapAlone() throws {
    let r = try Self.parse("deals p.csv map amount=close_value")
    #expect(r.map.count == 1 && r.map[0].new == "amount" && r.map[0].old == "close_value")
  }

  @Test(arguments: [
    ("deals", ".load needs a name and a path", 7),
    ("deals p.csv wiht sep=\";\"", "expected 'with' or 'map', found 'wiht'", 19),
    ("deals p.csv with sepp=\";\"", "unknown option 'sepp'", 24),
    ("deals p.csv with sep=\";;\"", "a separator is one character, such as \";\" or \"tab\"", 28),
    ("deals p.csv with types amount=money", "unknown type 'money'", 37),
    ("deals p.csv map amount", "expected '=' after 'amount'", 23),
  ])
  func errorsPointAtTheWord(text: String, message: String, column: Int) {
    do {
      _ = try Self.parse(text)
      Issue.record("no error for \(text)")
    } catch let d as Diagnostic {
      #expect(d.message == message)
      #expect(d.span?.column == column)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func withFlagText() throws {
    let options = try LoadArguments.readOptions(#"sep=";", null="NA""#)
    #expect(options.separator == UInt8(ascii: ";"))
    #expect(options.nullTokens == ["NA"])
    var load = ShellOptions.Load(name: "x", path: "x.csv")
    try load.apply(with: "decimal=\",\"")
    try load.apply(with: "bool=\"y/n\"")
    #expect(load.options.decimalComma && load.options.boolTokens?.true == "y")
    #expect(throws: ShellOptionError.self) { try load.apply(with: "colour=red") }
  }

  @Test func loadInAScriptNamesTheFileAndLine() throws {
    let dir = NSTemporaryDirectory() + "funnel-load-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "id;Close Value;won\n1;1.234,50;yes\n2;99,00;no\n".write(
      toFile: dir + "/crm.csv", atomically: true, encoding: .utf8)
    let t = TestSession(demo: false)
    #expect(
      t.run(
        ".load crm \(dir)/crm.csv with sep=\";\", decimal=\",\", bool=\"yes/no\" map amount = `Close Value`"
          .replacingOccurrences(of: "`", with: "\"")))
    let table = try #require(t.session.catalog.dataset("crm"))
    #expect(table.names == ["id", "amount", "won"])
    #expect(table.columns[2].type == .bool)
    #expect(!t.run("\n.load nope \(dir)/missing.csv", name: "s.funnel"))
    #expect(t.err.hasPrefix("s.funnel:2:12: error: \(dir)/missing.csv"))
  }
}
