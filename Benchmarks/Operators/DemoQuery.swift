import FunnelData
import FunnelEngine
import FunnelLanguage

/// One statement over the demo data of the regression guard, parsed once;
/// `run()` binds and runs it as the shell would.
struct DemoQuery {
  /// The demo data's size: a few seconds for the whole guard on two cores,
  /// yet enough rows that each operator's own work outweighs its setup.
  static let leads = 200_000

  let statement: Statement
  let catalog: Catalog

  init(_ text: String) throws {
    let (statements, diagnostics) = Parser.parse(SourceText(text: text))
    guard diagnostics.isEmpty, statements.count == 1, let statement = statements.first else {
      throw SetupError(message: "'\(text)' is not one statement: \(diagnostics.first?.message ?? "")")
    }
    self.statement = statement
    catalog = Catalog()
    for (name, table) in DemoData.generate(leads: Self.leads, seed: DemoData.defaultSeed).all {
      catalog.setDataset(name, table)
    }
    // The demo data's last day, so that `today` never moves the results.
    catalog.today = CivilDate(year: 2026, month: 7, day: 1).daysSinceEpoch
    // Once before the measurement: a statement that fails would otherwise be
    // measured failing.
    guard case .table(let table, _) = try run(), table.rowCount > 0 else {
      throw SetupError(message: "'\(text)' gives no rows")
    }
  }

  /// Binds and runs the statement, its whole work every time: the
  /// attribution input the session kept from the last run is let go first.
  func run() throws -> Outcome {
    catalog.attributionMemo.clear()
    return try Engine.run(try Engine.prepare(statement, in: catalog), in: catalog, cancellation: Cancellation())
  }
}

/// Why a benchmark could not be set up.
struct SetupError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
