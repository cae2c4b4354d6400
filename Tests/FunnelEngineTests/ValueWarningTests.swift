import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// A text compared with a text column that holds it in no row is reported,
/// with the nearest value; a text that occurs, or a column that is not text,
/// is not.
@Suite struct ValueWarningTests {
  static func catalog() -> Catalog {
    let catalog = Catalog()
    catalog.setDataset(
      "leads",
      Table(
        names: ["id", "channel", "region"],
        columns: [
          Column(.int([1, 2, 3, 4])),
          Column(.string(codes: [0, 1, 0, 2], dictionary: StringDictionary(["email", "paid_search", "webinar"]))),
          Column(.string(codes: [0, 1, 1, 0], dictionary: StringDictionary(["EMEA", "LATAM"]))),
        ]))
    return catalog
  }

  static func warnings(_ query: String) throws -> (rows: Int, warnings: [ValueWarning]) {
    let catalog = catalog()
    let (statements, diagnostics) = Parser.parse(SourceText(text: query))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let statement = try #require(statements.first)
    let log = WarningLog()
    let outcome = try Engine.run(
      try Engine.prepare(statement, in: catalog), in: catalog, cancellation: Cancellation(), warnings: log)
    guard case .table(let table, _) = outcome else { return (-1, log.warnings) }
    return (table.rowCount, log.warnings)
  }

  @Test func aTypoIsReportedWithTheNearestValue() throws {
    let (rows, warnings) = try Self.warnings("leads | where channel == \"emial\"")
    #expect(rows == 0)
    #expect(warnings == [ValueWarning(literal: "emial", column: "channel", nearest: "email")])
    #expect(warnings.first?.message == "\"emial\" never occurs in channel; did you mean \"email\"?")
  }

  @Test func eitherSideAndNotEqual() throws {
    #expect(try Self.warnings("leads | where \"webinr\" == channel").warnings.map(\.nearest) == ["webinar"])
    let (rows, warnings) = try Self.warnings("leads | where channel != \"webinr\"")
    #expect(rows == 4 && warnings.map(\.literal) == ["webinr"])
  }

  @Test func aCaseDifferenceIsNamed() throws {
    let warnings = try Self.warnings("leads | where region in [\"EMEA\", \"Latam\"]").warnings
    #expect(warnings.map(\.message) == ["\"Latam\" never occurs in region; \"LATAM\" differs only in case"])
  }

  @Test func aTextWithNothingNearHasNoSuggestion() throws {
    let warnings = try Self.warnings("leads | where id > 1 and (channel == \"zzzzzzzz\" or region == \"EMEA\")")
      .warnings
    #expect(warnings == [ValueWarning(literal: "zzzzzzzz", column: "channel", nearest: nil)])
    #expect(warnings.first?.message == "\"zzzzzzzz\" never occurs in channel")
  }

  @Test func textsThatOccurAndOtherColumnsAreNotReported() throws {
    #expect(try Self.warnings("leads | where channel == \"email\" and region in [\"LATAM\"]").warnings.isEmpty)
    #expect(try Self.warnings("leads | where id == 3").warnings.isEmpty)
    #expect(try Self.warnings("leads | where channel > \"zzz\"").warnings.isEmpty)
  }

  @Test func aDerivedColumnIsCheckedToo() throws {
    // The filter runs below the derive (the plan moves it there), on the column c copies.
    let warnings = try Self.warnings("leads | derive c = channel | where c == \"emial\"").warnings
    #expect(warnings.map(\.column) == ["channel"])
  }

  @Test func eachTextIsReportedOnce() throws {
    let warnings = try Self.warnings("leads | where channel == \"emial\" or channel == \"emial\"").warnings
    #expect(warnings.count == 1)
  }
}
