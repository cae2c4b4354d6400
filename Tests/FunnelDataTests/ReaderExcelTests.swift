import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelData

/// Excel workbooks written by openpyxl at test time, read as the CSV export
/// of the same sheet would be: dates, date-times, empty and missing cells,
/// error cells, numbers stored as text, title rows above the header, the
/// 1900 and 1904 date systems, several sheets.
@Suite(.enabled(if: Spreadsheets.python != nil, Comment(rawValue: Spreadsheets.noOpenpyxl)))
struct ReaderExcelTests {
  let scratch = ReaderScratch()

  /// Runs an openpyxl script (with `wb`, a new workbook, and `ws`, its
  /// sheet; it saves `wb`) and returns the path of `name` it wrote.
  func workbook(_ name: String, _ body: String) throws -> String {
    let script = """
      import datetime, openpyxl
      wb = openpyxl.Workbook()
      ws = wb.active
      \(body)
      wb.save(\"\(name)\")
      """
    try Spreadsheets.openpyxl(script, in: scratch.directory)
    return scratch.directory + "/" + name
  }

  @Test func datesTimesNumbersAndEmptyCells() throws {
    let path = try workbook(
      "deals.xlsx",
      """
      ws.title = "Deals"
      ws.append(["id", "owner", "signed", "touched", "amount", "won", "note"])
      ws.append([1, "Ana", datetime.date(2026, 1, 31), datetime.datetime(2026, 1, 31, 9, 30, 15), 1234.5, True, "first"])
      ws.append([2, None, datetime.date(1999, 12, 31), datetime.datetime(2026, 2, 1, 0, 0, 0, 250000), 7, False, None])
      ws.append([3, "Bo", None, None, None, None, "last"])
      """)
    let table = try TableReader.read(path: path)
    #expect(table.names == ["id", "owner", "signed", "touched", "amount", "won", "note"])
    #expect(table.cells("id") == [.int(1), .int(2), .int(3)])
    #expect(table.cells("owner") == [.string("Ana"), .null, .string("Bo")])
    #expect(table.cells("signed") == [.date(civilDay(2026, 1, 31)), .date(civilDay(1999, 12, 31)), .null])
    let morning = Int64(civilDay(2026, 1, 31)) * 86_400_000_000 + (9 * 3600 + 30 * 60 + 15) * 1_000_000
    let midnight = Int64(civilDay(2026, 2, 1)) * 86_400_000_000 + 250_000
    #expect(table.cells("touched") == [.timestamp(morning), .timestamp(midnight), .null])
    #expect(table.cells("amount") == [.decimal(12345, scale: 1), .decimal(70, scale: 1), .null])
    #expect(table.cells("won") == [.bool(true), .bool(false), .null])
    #expect(table.cells("note") == [.string("first"), .null, .string("last")])
  }

  /// Text that looks like numbers or dates is typed as the CSV reader types
  /// it; ids with leading zeros stay text.
  @Test func numbersStoredAsTextReadAsInCSV() throws {
    let path = try workbook(
      "text.xlsx",
      """
      ws.append(["count", "price", "day", "zip"])
      ws.append(["42", "1234.50", "2026-03-01", "00123"])
      ws.append([7, "-3.25", "2026-03-02", "00456"])
      """)
    let table = try TableReader.read(path: path)
    #expect(table.cells("count") == [.int(42), .int(7)])
    #expect(table.cells("price") == [.decimal(123_450, scale: 2), .decimal(-325, scale: 2)])
    #expect(table.cells("day") == [.date(civilDay(2026, 3, 1)), .date(civilDay(2026, 3, 2))])
    #expect(table.cells("zip") == [.string("00123"), .string("00456")])
  }

  /// A merged title and a note above the header are passed over by
  /// themselves; `skip` passes over a given number of rows.
  @Test func titleRowsAboveTheHeader() throws {
    let path = try workbook(
      "report.xlsx",
      """
      ws["A1"] = "Q3 pipeline"
      ws.merge_cells("A1:C1")
      ws["A2"] = "exported 2026-07-01"
      rows = [["region", "deals", "value"], ["EMEA", 3, 300], ["APAC", 2, 150]]
      for r, values in enumerate(rows, start=4):
          for c, value in enumerate(values, start=1):
              ws.cell(row=r, column=c, value=value)
      """)
    let table = try TableReader.read(path: path)
    #expect(table.names == ["region", "deals", "value"])
    #expect(table.cells("deals") == [.int(3), .int(2)])
    var options = ReadOptions()
    options.skip = 3
    #expect(try TableReader.read(path: path, options: options).names == ["region", "deals", "value"])
    options.skip = 4
    #expect(try TableReader.read(path: path, options: options).names == ["EMEA", "3", "300"])
  }

  /// Cells left out of a row (`r="C5"` after `A5`) and rows left out of the
  /// sheet read as nulls; columns with no header are named by position.
  @Test func sparseRowsAndMissingCells() throws {
    let path = try workbook(
      "sparse.xlsx",
      """
      ws.cell(row=1, column=1, value="a")
      ws.cell(row=1, column=3, value="c")
      ws.cell(row=2, column=1, value=1)
      ws.cell(row=2, column=4, value="far")
      ws.cell(row=5, column=2, value=2)
      ws.cell(row=5, column=3, value=3)
      """)
    let table = try TableReader.read(path: path)
    #expect(table.names == ["a", "column2", "c", "column4"])
    #expect(table.cells("a") == [.int(1), .null])
    #expect(table.cells("column2") == [.null, .int(2)])
    #expect(table.cells("c") == [.null, .int(3)])
    #expect(table.cells("column4") == [.string("far"), .null])
  }

  /// Error cells read as null.
  @Test func errorCellsAreNull() throws {
    let path = try workbook(
      "errors.xlsx",
      """
      ws.append(["id", "ratio"])
      ws.append([1, "#DIV/0!"])
      ws.append([2, 0.5])
      ws.append([3, "#N/A"])
      """)
    let table = try TableReader.read(path: path)
    #expect(table.cells("ratio") == [.null, .decimal(5, scale: 1), .null])
  }

  /// openpyxl saves formulas without their values: that is an error naming
  /// the cell, never a column of nulls.
  @Test func aFormulaWithNoSavedValueIsAnError() throws {
    let path = try workbook(
      "formulas.xlsx",
      """
      ws.append(["a", "twice"])
      ws.append([2, "=A2*2"])
      """)
    #expect {
      try TableReader.read(path: path)
    } throws: { error in
      "\(error)".contains("formulas.xlsx:2: cell B2 holds a formula with no saved value")
    }
  }

  @Test func theSheetOptionPicksASheet() throws {
    let path = try workbook(
      "two.xlsx",
      """
      ws.title = "Deals"
      ws.append(["deal", "amount"])
      ws.append(["d1", 10])
      notes = wb.create_sheet("Notes")
      notes.append(["note"])
      notes.append(["call back"])
      """)
    #expect(try TableReader.read(path: path).names == ["deal", "amount"])
    var options = ReadOptions()
    options.sheet = "Notes"
    #expect(try TableReader.read(path: path, options: options).cells("note") == [.string("call back")])
    options.sheet = "notes"
    #expect(try TableReader.read(path: path, options: options).names == ["note"])
    options.sheet = "Leads"
    #expect {
      try TableReader.read(path: path, options: options)
    } throws: { error in
      "\(error)" == "\(path): no sheet 'Leads'; the sheets are Deals, Notes"
    }
  }

  /// The 1900 date system counts a 29 February 1900 that never was; dates
  /// before it count from 1899-12-31, dates after from 1899-12-30. Old Mac
  /// workbooks count from 1904-01-01.
  @Test func dateSystems() throws {
    let path = try workbook(
      "serials.xlsx",
      """
      ws.append(["before", "after", "time"])
      for row, (a, b, t) in enumerate([(1, 61, 0.75), (59, 45322, 0.5)], start=2):
          ws.cell(row=row, column=1, value=a).number_format = "yyyy-mm-dd"
          ws.cell(row=row, column=2, value=b).number_format = "d/m/yy"
          ws.cell(row=row, column=3, value=t).number_format = "h:mm:ss"
      """)
    let table = try TableReader.read(path: path)
    #expect(table.cells("before") == [.date(civilDay(1900, 1, 1)), .date(civilDay(1900, 2, 28))])
    #expect(table.cells("after") == [.date(civilDay(1900, 3, 1)), .date(civilDay(2024, 1, 31))])
    #expect(table.cells("time") == [.string("18:00:00"), .string("12:00:00")])

    let mac = try workbook(
      "mac.xlsx",
      """
      from openpyxl.utils.datetime import CALENDAR_MAC_1904
      wb.epoch = CALENDAR_MAC_1904
      ws.append(["day"])
      ws.append([datetime.date(2026, 1, 31)])
      """)
    #expect(try TableReader.read(path: mac).cells("day") == [.date(civilDay(2026, 1, 31))])
  }

  /// Past Excel's 15 significant digits a saved number is the double's
  /// noise: it reads as the decimal the sheet shows.
  @Test func numbersAsExcelShowsThem() throws {
    let path = try workbook(
      "noise.xlsx",
      """
      ws.append(["amount", "big"])
      ws.append([886.06, 123456789012345678])
      ws.append([0.1 + 0.2, 1])
      """)
    let table = try TableReader.read(path: path)
    #expect(table.cells("amount") == [.decimal(88606, scale: 2), .decimal(30, scale: 2)])
    #expect(ExcelNumber.shown(Array("0.30000000000000004".utf8)) == Array("0.3".utf8))
    #expect(ExcelNumber.shown(Array("1.5E-3".utf8)) == Array("1.5E-3".utf8))
    #expect(ExcelNumber.shown(Array("-886.0599999999999".utf8)) == Array("-886.06".utf8))
  }

  @Test func serialsAsText() {
    #expect(ExcelSerial.text(45322, .date, date1904: false) == "2024-01-31")
    #expect(ExcelSerial.text(45322.5, .dateTime, date1904: false) == "2024-01-31 12:00:00")
    #expect(ExcelSerial.text(45322.25, .date, date1904: false) == "2024-01-31 06:00:00")
    #expect(ExcelSerial.text(60, .date, date1904: false) == "1900-02-29")
    #expect(ExcelSerial.text(0, .date, date1904: true) == "1904-01-01")
    #expect(ExcelSerial.text(0.1, .time, date1904: false) == "02:24:00")
    #expect(ExcelSerial.text(-1, .date, date1904: false) == nil)
    #expect(NumberFormat.classify("yyyy-mm-dd") == .date)
    #expect(NumberFormat.classify("[$-409]mmmm d, yyyy;@") == .date)
    #expect(NumberFormat.classify("dd/mm/yyyy hh:mm") == .dateTime)
    #expect(NumberFormat.classify("[h]:mm") == .time)
    #expect(NumberFormat.classify("#,##0.00 \"days\"") == .plain)
    #expect(NumberFormat.classify("[Red]0.00%") == .plain)
    #expect(NumberFormat.classify("General") == .plain)
  }

  @Test func notAWorkbookAndDamagedParts() throws {
    let junk = scratch.file("junk.xlsx", "id,name\n1,a\n")
    #expect {
      try TableReader.read(path: junk)
    } throws: { error in
      "\(error)" == "\(junk): is not a zip archive that can be read (it may be cut short or damaged)"
    }
    let script = """
      import zipfile
      with zipfile.ZipFile("broken.xlsx", "w") as z:
          z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='S' r:id='rId1'")
      """
    try Spreadsheets.openpyxl(script, in: scratch.directory)
    let broken = scratch.directory + "/broken.xlsx"
    #expect {
      try TableReader.read(path: broken)
    } throws: { error in
      "\(error)".hasPrefix("\(broken): the part xl/workbook.xml is damaged (")
    }
  }

  /// 100,000 rows in the time the same rows take as CSV, give or take.
  @Test func aHundredThousandRows() throws {
    let path = try workbook(
      "big.xlsx",
      """
      wb = openpyxl.Workbook(write_only=True)
      ws = wb.create_sheet("Leads")
      ws.append(["id", "channel", "created", "score", "value"])
      channels = ["Paid Search", "Email", "Events", "Referral"]
      for i in range(100000):
          ws.append([i, channels[i % 4], datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 365), i % 100, i / 4])
      """)
    let started = Date()
    let table = try TableReader.read(path: path)
    let seconds = Date().timeIntervalSince(started)
    #expect(table.rowCount == 100_000)
    #expect(table.typeOf("created") == .date)
    #expect(table.typeOf("value") == .decimal(scale: 2))
    #expect(table.cells("channel")[99_999] == .string("Referral"))
    #expect(table.cells("value")[99_999] == .decimal(2_499_975, scale: 2))
    // Debug builds are several times slower; this only catches a reader gone quadratic.
    #expect(seconds < 60)
  }
}

/// Workbooks saved by LibreOffice: formulas with their computed values, and
/// a CSV converted the way a user would.
@Suite(
  .serialized,
  .enabled(if: Spreadsheets.python != nil, Comment(rawValue: Spreadsheets.noOpenpyxl)),
  .enabled(if: Spreadsheets.soffice != nil, Comment(rawValue: Spreadsheets.noLibreOffice)))
struct ReaderLibreOfficeTests {
  let scratch = ReaderScratch()

  @Test func formulasReadTheirCachedValues() throws {
    let script = """
      import datetime, openpyxl
      wb = openpyxl.Workbook()
      ws = wb.active
      ws.append(["units", "price", "total", "label", "due", "check"])
      ws.append([3, 2.5, "=A2*B2", '=IF(A2>2,"big","small")', "=DATE(2026,1,31)+A2", "=A2>2"])
      ws.append([1, 4, "=A3*B3", '=IF(A3>2,"big","small")', "=DATE(2026,1,31)+A3", "=A3/0"])
      ws["E2"].number_format = "yyyy-mm-dd"
      ws["E3"].number_format = "yyyy-mm-dd"
      wb.save("formulas.xlsx")
      """
    try Spreadsheets.openpyxl(script, in: scratch.directory)
    try FileManager.default.createDirectory(
      atPath: scratch.directory + "/in", withIntermediateDirectories: true)
    try FileManager.default.moveItem(
      atPath: scratch.directory + "/formulas.xlsx", toPath: scratch.directory + "/in/formulas.xlsx")
    let path = try Spreadsheets.convert(scratch.directory + "/in/formulas.xlsx", to: "xlsx", in: scratch.directory)
    let table = try TableReader.read(path: path)
    #expect(table.cells("total") == [.decimal(75, scale: 1), .decimal(40, scale: 1)])
    #expect(table.cells("label") == [.string("big"), .string("small")])
    #expect(table.cells("due") == [.date(civilDay(2026, 2, 3)), .date(civilDay(2026, 2, 1))])
    #expect(table.cells("check") == [.bool(true), .null])
  }

  @Test func aCSVConvertedByLibreOffice() throws {
    let csv = scratch.file(
      "leads.csv",
      "lead_id,channel,created,score,amount\nL1,Email,2026-01-05,12,100.25\nL2,Events,2026-02-10,,7\nL3,,2026-03-15,40,\n"
    )
    let path = try Spreadsheets.convert(csv, to: "xlsx", in: scratch.directory)
    let fromExcel = try TableReader.read(path: path)
    let fromCSV = try TableReader.read(path: csv)
    #expect(fromExcel.names == fromCSV.names)
    for name in fromCSV.names {
      #expect(fromExcel.cells(name) == fromCSV.cells(name), "\(name)")
    }
    #expect(fromExcel.typeOf("created") == .date)
  }
}
