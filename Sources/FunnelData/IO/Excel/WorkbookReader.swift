import Foundation

/// Reads one sheet of an Excel workbook (`.xlsx`, `.xlsm`) into a `Table`:
/// the first sheet, or the one `ReadOptions.sheet` names.
///
/// The parts are read in turn: `xl/workbook.xml` (the sheets and the date
/// system), `xl/sharedStrings.xml` (the text cells point into it),
/// `xl/styles.xml` (which cells have date formats), then the sheet's cells
/// (`SheetHandler`), laid out as a table (`SheetCells.layout`: the header
/// found, title rows above it passed over) and typed by the CSV reader's
/// own inference, so `"1,234"` stored as text, an ISO date typed in as
/// text and every other value read exactly as from a CSV export.
///
///     .load deals "Pipeline.xlsx" with sheet = "Deals"
///     Pipeline.xlsx: no sheet 'Deal'; the sheets are Deals, Notes
struct WorkbookReader {
  let archive: ZipArchive
  let options: ReadOptions

  func read() throws -> Table {
    let path = archive.path
    let rules = try FieldRules(options, path: path)
    let budget = LoadBudget(options, path: path)
    try budget.checkCancelled()
    let workbook = try WorkbookParts(archive)
    let sheet = try chosenSheet(workbook)
    guard !sheet.isChart else {
      throw FileError(path: path, message: "the sheet '\(sheet.name)' is a chart, not a sheet of cells")
    }
    let strings = try SharedStrings(archive, budget: budget)
    let styles = try CellStyles(archive)
    guard let size = archive.size(of: sheet.part) else {
      throw FileError(path: path, message: "the sheet '\(sheet.name)' is missing its part \(sheet.part)")
    }
    // The sheet's XML is held while its cells are read out of it.
    try budget.check(size + strings.bytes.count)
    guard let xml = try archive.read(sheet.part) else {
      throw FileError(path: path, message: "the sheet '\(sheet.name)' is missing its part \(sheet.part)")
    }
    let handler = SheetHandler(
      strings: strings, styles: styles, date1904: workbook.date1904, path: path, budget: budget)
    try XMLPart.parse(xml, part: sheet.part, path: path, with: handler)
    var cells = handler.cells
    if !cells.isInRowOrder { cells = cells.sortedByRow() }
    guard cells.bytes.count <= FieldGrid.maxBytes else {
      throw FileError(path: path, message: "the sheet '\(sheet.name)' holds more than 2 GB of text")
    }
    let grid = cells.grid(cells.layout(skip: options.skip))
    try budget.check(grid.bytes.count + 8 * grid.starts.count + 9 * grid.rowCount * grid.names.count)
    return try TableReader.table(from: grid, options: options, rules: rules, path: path)
  }

  /// The sheet `options.sheet` names (exactly, else ignoring case), or the first.
  private func chosenSheet(_ workbook: WorkbookParts) throws -> WorkbookParts.Sheet {
    let names = workbook.sheets.map(\.name)
    guard let wanted = options.sheet else {
      guard let first = workbook.sheets.first else {
        throw FileError(path: archive.path, message: "is a workbook with no sheets")
      }
      return first
    }
    if let exact = workbook.sheets.first(where: { $0.name == wanted }) { return exact }
    let lower = wanted.lowercased()
    if let near = workbook.sheets.first(where: { $0.name.lowercased() == lower }) { return near }
    throw FileError(
      path: archive.path, message: "no sheet '\(wanted)'; the sheets are " + names.joined(separator: ", "))
  }
}
