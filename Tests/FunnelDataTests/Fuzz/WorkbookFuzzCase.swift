import Foundation
import FunnelData

#if canImport(FunnelTestSupport)
  import FunnelTestSupport
#endif

/// One fuzz input for the Excel reader: the first byte picks the part of a
/// small workbook the rest of the input replaces, the rest is that part's
/// XML. The workbook is written as a stored (uncompressed) zip, so the
/// mutations reach the XML handlers and the cell layout rather than die in
/// inflating. Shared by the libFuzzer target (Fuzz/xlsx) and the replay of
/// saved inputs (FuzzRegressionTests).
///
/// Option byte: bits 0-1 the part (0 the sheet, 1 the shared strings, 2 the
/// styles, 3 the workbook); bit 2 the 1904 date system; bit 3 `skip = 1`;
/// bit 4 `sheet = "Data"`.
///
/// A read must end in a `Table` (checked as the CSV reader's are) or a `FileError`.
enum WorkbookFuzzCase {
  static let sheet = """
    <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
    <c r="C1" t="inlineStr"><is><t>when</t></is></c></row><row r="2"><c r="A2"><v>1</v></c>\
    <c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>45322.5</v></c></row><row r="4"><c r="B4" t="b"><v>1</v></c>\
    <c r="C4" t="e"><v>#N/A</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C1"/></mergeCells></worksheet>
    """
  static let strings = "<sst><si><t>id</t></si><si><r><t>na</t></r><r><t>me</t></r></si><si><t>a_x000D_b</t></si></sst>"
  static let styles = """
    <styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
    <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>
    """

  static func workbook(date1904: Bool) -> String {
    """
    <workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <workbookPr date1904="\(date1904 ? 1 : 0)"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  }

  static let relations = """
    <Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
    Target="worksheets/sheet1.xml"/></Relationships>
    """

  static func run(_ bytes: [UInt8]) -> [String] {
    guard let flags = bytes.first else { return [] }
    let body = Array(bytes.dropFirst())
    var parts: [(String, [UInt8])] = [
      ("xl/workbook.xml", Array(workbook(date1904: flags & 4 != 0).utf8)),
      ("xl/_rels/workbook.xml.rels", Array(relations.utf8)),
      ("xl/sharedStrings.xml", Array(strings.utf8)),
      ("xl/styles.xml", Array(styles.utf8)),
      ("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
    ]
    let replaced = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"][
      Int(flags & 3)]
    for k in parts.indices where parts[k].0 == replaced { parts[k].1 = body }
    let path = NSTemporaryDirectory() + "funnel-fuzz-\(UUID().uuidString).xlsx"
    guard FileManager.default.createFile(atPath: path, contents: Data(StoredZip.archive(parts))) else {
      return ["could not write \(path)"]
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    var options = ReadOptions()
    if flags & 8 != 0 { options.skip = 1 }
    if flags & 16 != 0 { options.sheet = "Data" }
    let table: Table
    do {
      table = try TableReader.read(path: path, options: options)
    } catch is FileError {
      return []
    } catch {
      return ["the reader threw \(type(of: error)): \(error)"]
    }
    return TableCheck.problems(table, writing: [.csv, .json])
  }
}

/// A zip archive of stored (uncompressed) files, as the smallest writer
/// that real zip readers take.
enum StoredZip {
  static func archive(_ files: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func u32(_ v: UInt32, _ into: inout [UInt8]) { for k in 0..<4 { into.append(UInt8(v >> (8 * k) & 0xFF)) } }
    for (name, data) in files {
      let offset = UInt32(out.count)
      let crc = crc32(data)
      let nameBytes = Array(name.utf8)
      u32(0x0403_4B50, &out)
      u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
      u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out)
      u16(nameBytes.count, &out); u16(0, &out)
      out += nameBytes + data
      u32(0x0201_4B50, &central)
      u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
      u32(crc, &central); u32(UInt32(data.count), &central); u32(UInt32(data.count), &central)
      u16(nameBytes.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
      u32(0, &central); u32(offset, &central)
      central += nameBytes
    }
    let start = UInt32(out.count)
    out += central
    u32(0x0605_4B50, &out)
    u16(0, &out); u16(0, &out); u16(files.count, &out); u16(files.count, &out)
    u32(UInt32(central.count), &out); u32(start, &out); u16(0, &out)
    return out
  }

  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
