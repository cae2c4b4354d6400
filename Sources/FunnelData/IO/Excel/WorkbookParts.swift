/// What `xl/workbook.xml` and its relationships say: the sheets in tab
/// order (name → the part holding its cells) and the date system.
struct WorkbookParts {
  struct Sheet {
    var name: String
    var part: String
    /// A chart sheet (no cells) rather than a worksheet.
    var isChart: Bool
  }

  var sheets: [Sheet] = []
  /// Serial dates count from 1904-01-01 (old Mac workbooks), not 1900.
  var date1904 = false

  init(_ archive: ZipArchive) throws {
    let workbook = WorkbookHandler()
    guard let data = try archive.read("xl/workbook.xml") else {
      throw FileError(path: archive.path, message: "is not an Excel workbook (it has no xl/workbook.xml)")
    }
    try XMLPart.parse(data, part: "xl/workbook.xml", path: archive.path, with: workbook)
    let relations = RelationsHandler()
    if let data = try archive.read("xl/_rels/workbook.xml.rels") {
      try XMLPart.parse(data, part: "xl/_rels/workbook.xml.rels", path: archive.path, with: relations)
    }
    date1904 = workbook.date1904
    for (index, sheet) in workbook.sheets.enumerated() {
      var part = "xl/worksheets/sheet\(index + 1).xml"
      var isChart = false
      if let id = sheet.relation, let target = relations.targets[id] {
        // Targets are relative to xl/, or absolute from the archive's root.
        part = target.target.hasPrefix("/") ? String(target.target.dropFirst()) : "xl/" + target.target
        isChart = target.type.hasSuffix("/chartsheet")
      }
      sheets.append(Sheet(name: sheet.name, part: part, isChart: isChart))
    }
  }
}

/// `<sheet name= r:id=>` in order, and `<workbookPr date1904=>`.
private final class WorkbookHandler: XMLPartHandler {
  var sheets: [(name: String, relation: String?)] = []
  var date1904 = false

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "sheet":
      let relation = attributes.first { XMLPartHandler.local($0.key) == "id" && $0.key != "sheetId" }?.value
      sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relation))
    case "workbookPr":
      let value = attributes["date1904"]?.lowercased()
      date1904 = value == "1" || value == "true"
    default: break
    }
  }
}

/// `<Relationship Id= Target= Type=>` of the workbook.
private final class RelationsHandler: XMLPartHandler {
  var targets: [String: (target: String, type: String)] = [:]

  override func start(_ name: Substring, _ attributes: [String: String]) {
    guard name == "Relationship", let id = attributes["Id"],
      let target = attributes["Target"]
    else { return }
    targets[id] = (target, attributes["Type"] ?? "")
  }
}
