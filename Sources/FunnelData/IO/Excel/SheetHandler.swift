/// Turns the events of a sheet's XML into `SheetCells`: each `<c>` becomes
/// one cell's text, as the CSV reader would have read it from an export.
///
/// - a shared string (`t="s"`), an inline string (`t="inlineStr"`, its
///   `<t>` runs joined) or a formula's text (`t="str"`): the text;
/// - a boolean (`t="b"`): `true` or `false`;
/// - an error (`t="e"`: `#N/A`, `#DIV/0!`, ...): null;
/// - a number: as written (`1234.5`, `1.5E-3`; past 15 significant digits
///   rounded to them, as Excel shows it: `ExcelNumber`), or as an ISO date,
///   timestamp or time when its style's number format is a date or time format;
/// - a formula: its cached value, whatever type that is. A formula with no
///   cached value (a file written by a program that does not compute
///   formulas) stops the load rather than read as null.
final class SheetHandler: XMLPartHandler {
  private let strings: SharedStrings
  private let styles: CellStyles
  private let date1904: Bool
  private let path: String
  private let budget: LoadBudget
  private(set) var cells = SheetCells()

  private var row = 0
  private var column = -1
  private var type: Substring = "n"
  private var style = 0
  private var hasFormula = false
  private var hasValue = false
  private var value: [UInt8] = []
  private var inValue = false
  private var inInline = false
  private var inPhonetic = false

  init(strings: SharedStrings, styles: CellStyles, date1904: Bool, path: String, budget: LoadBudget) {
    self.strings = strings
    self.styles = styles
    self.date1904 = date1904
    self.path = path
    self.budget = budget
  }

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "c":
      column += 1
      if let reference = attributes["r"], let at = CellReference(reference) {
        column = at.column
        if let r = at.row { row = r }
      }
      type = attributes["t"].map { Substring($0) } ?? "n"
      style = attributes["s"].flatMap { Int($0) } ?? 0
      hasFormula = false
      hasValue = false
      value.removeAll(keepingCapacity: true)
    case "v":
      inValue = true
      hasValue = true
    case "t":
      if !inPhonetic {
        inInline = true
        hasValue = true
      }
    case "rPh": inPhonetic = true
    case "f": hasFormula = true
    case "row":
      row = attributes["r"].flatMap { Int($0) } ?? row + 1
      column = -1
    case "mergeCell":
      if let reference = attributes["ref"], let range = CellRange(reference) { cells.merges.append(range) }
    default: break
    }
  }

  override func text(_ string: String) {
    if inValue || inInline { value += string.utf8 }
  }

  override func end(_ name: Substring) {
    switch name {
    case "v": inValue = false
    case "t": inInline = false
    case "rPh": inPhonetic = false
    case "c": finishCell()
    default: break
    }
  }

  private func finishCell() {
    // An empty `<v/>` is no value, except for a formula giving text, which may give "".
    if hasFormula, !hasValue || (value.isEmpty && type != "str" && type != "inlineStr") {
      fail(
        FileError(
          path: path, line: row,
          message:
            "cell \(CellReference.name(column: column, row: row)) holds a formula with no saved value "
            + "(the program that wrote the file does not compute formulas); open and save it in Excel or LibreOffice"
        ))
      return
    }
    switch type {
    case "s":
      guard let index = Int(String(decoding: value, as: UTF8.self)) else {
        return fail(damaged("its shared string index '\(String(decoding: value, as: UTF8.self))' is not a number"))
      }
      let start = cells.startCell()
      guard strings.copy(index, into: &cells.bytes) else {
        return fail(damaged("points to shared string \(index), and the workbook has \(strings.count)"))
      }
      cells.finishCell(row: row, column: column, start: start)
    case "str", "inlineStr":
      cells.add(row: row, column: column, OOXMLText.unescaped(value))
    case "b":
      cells.add(row: row, column: column, value == [UInt8(ascii: "0")] ? Array("false".utf8) : Array("true".utf8))
    case "e":
      // #N/A, #DIV/0!, #REF!...: no value.
      break
    default:
      let format = styles.format(style)
      if format != .plain, let serial = Double(String(decoding: value, as: UTF8.self)),
        let text = ExcelSerial.text(serial, format, date1904: date1904)
      {
        cells.add(row: row, column: column, Array(text.utf8))
      } else {
        cells.add(row: row, column: column, ExcelNumber.shown(value))
      }
    }
    if cells.count & 0xFFFF == 0 {
      do {
        try budget.check(cells.bytes.count + 24 * cells.count)
      } catch {
        fail(error)
      }
    }
  }

  private func damaged(_ reason: String) -> FileError {
    FileError(
      path: path, line: row, message: "cell \(CellReference.name(column: column, row: row)) is damaged: " + reason)
  }
}
