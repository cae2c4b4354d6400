import Foundation
import FunnelTestSupport
import Testing

/// Workbooks and zipped files through the real binary: the Excel example
/// of examples/real prints what the CSV it came from prints, and `--load`
/// with `--with` takes the sheet and entry options.
@Suite(
  .enabled(if: FunnelBinary.path != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"),
  .enabled(if: Spreadsheets.python != nil, Comment(rawValue: Spreadsheets.noOpenpyxl)))
struct ExcelLoadTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-excel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func run(_ arguments: [String]) throws -> FunnelBinary.Result {
    try FunnelBinary.run(try #require(FunnelBinary.path), arguments: arguments, in: folder)
  }

  /// examples/real/excel/maven_from_excel.funnel over the workbook make_xlsx.py
  /// saves from the real CSV, against the same script loading the CSV.
  @Test(.enabled(if: RealData.isPresent, Comment(rawValue: RealData.absent)))
  func theExcelExamplePrintsWhatTheCSVPrints() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = RealData.folder + "/maven-crm/sales_pipeline.csv"
    let examples = Spreadsheets.packageRoot.appendingPathComponent("examples/real/excel")
    try Spreadsheets.openpyxl(
      "import runpy, sys; sys.argv = ['make_xlsx.py', '\(csv)', 'sales_pipeline.xlsx', 'Pipeline']; "
        + "runpy.run_path('\(examples.path)/make_xlsx.py', run_name='__main__')",
      in: folder.path)
    let script = try String(
      contentsOf: examples.appendingPathComponent("maven_from_excel.funnel"), encoding: .utf8)
    let load = ".load pipeline sales_pipeline.xlsx with sheet = \"Pipeline\""
    #expect(script.contains(load))
    try script.write(to: folder.appendingPathComponent("excel.funnel"), atomically: true, encoding: .utf8)
    try script.replacingOccurrences(of: load, with: ".load pipeline \"\(csv)\"")
      .write(to: folder.appendingPathComponent("csv.funnel"), atomically: true, encoding: .utf8)
    let fromExcel = try run(["excel.funnel"])
    let fromCSV = try run(["csv.funnel"])
    #expect(fromExcel.status == 0, "\(fromExcel.stderr)")
    #expect(fromExcel.stderr == "")
    #expect(fromExcel.stdout == fromCSV.stdout)
    #expect(fromExcel.stdout.contains("engage_date     date"))
  }

  @Test func loadOptionsOnTheCommandLine() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try Spreadsheets.openpyxl(
      """
      import openpyxl, zipfile
      wb = openpyxl.Workbook()
      wb.active.title = "Notes"
      wb.active.append(["note"])
      ws = wb.create_sheet("Deals")
      ws.append(["deal", "amount"])
      ws.append(["d1", 10])
      ws.append(["d2", 32.5])
      wb.save("book.xlsx")
      with zipfile.ZipFile("export.zip", "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("leads.csv", "id,channel\\n1,Email\\n2,Events\\n")
          z.writestr("deals.csv", "id,amount\\n1,5\\n")
      """, in: folder.path)
    let book = try run(["--load", "deals=book.xlsx", "--with", "sheet=\"Deals\"", "-c", "deals | agg sum(amount)"])
    #expect(book.status == 0, "\(book.stderr)")
    #expect(book.stdout.contains("42.5"))
    let zip = try run(["--load", "leads=export.zip", "--with", "entry=\"leads.csv\"", "-c", "leads | agg count()"])
    #expect(zip.status == 0, "\(zip.stderr)")
    #expect(zip.stdout.contains("2"))
    let both = try run(["--load", "leads=export.zip", "-c", "leads | agg count()"])
    #expect(both.status != 0)
    #expect(
      both.stderr.contains(
        "export.zip: holds 2 data files: leads.csv, deals.csv; pick one with entry = \"leads.csv\""), "\(both.stderr)")
    let wrong = try run([
      "-c", ".load deals book.xlsx with sheet = \"Deal\"",
    ])
    #expect(wrong.stderr.contains("book.xlsx: no sheet 'Deal'; the sheets are Notes, Deals"), "\(wrong.stderr)")
  }
}
