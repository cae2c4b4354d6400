/// The number format of each cell style (`xl/styles.xml`): a cell's `s`
/// attribute indexes `<cellXfs>`, whose `<xf numFmtId=>` names a built-in
/// format or a `<numFmt>` of the workbook's own.
struct CellStyles {
  private(set) var formats: [NumberFormat] = []

  init() {}

  init(_ archive: ZipArchive) throws {
    let part = "xl/styles.xml"
    guard let data = try archive.read(part) else { return }
    let handler = StylesHandler()
    try XMLPart.parse(data, part: part, path: archive.path, with: handler)
    formats = handler.styles.map { id in
      if let code = handler.custom[id] { return NumberFormat.classify(code) }
      return NumberFormat.builtIn(id)
    }
  }

  /// The format of style `index` (style 0, and any style not listed, is plain).
  @inline(__always)
  func format(_ index: Int) -> NumberFormat {
    index >= 0 && index < formats.count ? formats[index] : .plain
  }
}

private final class StylesHandler: XMLPartHandler {
  var custom: [Int: String] = [:]
  var styles: [Int] = []
  private var inCellStyles = false

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
        custom[id] = code
      }
    case "cellXfs": inCellStyles = true
    case "xf" where inCellStyles: styles.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
    default: break
    }
  }

  override func end(_ name: Substring) {
    if name == "cellXfs" { inCellStyles = false }
  }
}
