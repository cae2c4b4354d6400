/// The workbook's table of strings (`xl/sharedStrings.xml`), which text
/// cells point into by index: each `<si>` is one string, plain (`<t>`) or
/// rich text (the `<t>` of each `<r>` run, joined; phonetic guides in
/// `<rPh>` are not part of the text). Held as one byte buffer.
struct SharedStrings {
  private(set) var bytes: [UInt8] = []
  /// String k is `bytes[offsets[k]..<offsets[k + 1]]`.
  private(set) var offsets: [Int] = [0]

  var count: Int { offsets.count - 1 }

  init() {}

  init(_ archive: ZipArchive, budget: LoadBudget) throws {
    let part = "xl/sharedStrings.xml"
    // The XML and the strings taken from it are held at once.
    if let size = archive.size(of: part) { try budget.check(2 * size) }
    guard let data = try archive.read(part) else { return }
    let handler = SharedStringsHandler()
    handler.strings.bytes.reserveCapacity(data.count / 2)
    try XMLPart.parse(data, part: part, path: archive.path, with: handler)
    self = handler.strings
  }

  mutating func append(_ text: [UInt8]) {
    bytes += text
    offsets.append(bytes.count)
  }

  /// Appends string `index` to `into`; false when there is no such string.
  func copy(_ index: Int, into: inout [UInt8]) -> Bool {
    guard index >= 0, index < count else { return false }
    into.append(contentsOf: bytes[offsets[index]..<offsets[index + 1]])
    return true
  }
}

private final class SharedStringsHandler: XMLPartHandler {
  var strings = SharedStrings()
  private var current: [UInt8] = []
  private var inText = false
  private var inPhonetic = false

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "si": current.removeAll(keepingCapacity: true)
    case "t": inText = !inPhonetic
    case "rPh": inPhonetic = true
    default: break
    }
  }

  override func end(_ name: Substring) {
    switch name {
    case "si": strings.append(OOXMLText.unescaped(current))
    case "t": inText = false
    case "rPh": inPhonetic = false
    default: break
    }
  }

  override func text(_ string: String) {
    if inText { current += string.utf8 }
  }
}

/// Text as Office writes it in XML: characters XML cannot hold (control
/// characters) are written `_xHHHH_` (`_x000D_` for a carriage return), and
/// a literal `_x` before four hex digits as `_x005F_x`.
enum OOXMLText {
  static func unescaped(_ text: [UInt8]) -> [UInt8] {
    guard text.count >= 7, text.contains(UInt8(ascii: "_")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var i = 0
    while i < text.count {
      if text[i] == UInt8(ascii: "_"), i + 6 < text.count, text[i + 1] == UInt8(ascii: "x"),
        text[i + 6] == UInt8(ascii: "_"), let code = hex(text[(i + 2)..<(i + 6)]), let scalar = Unicode.Scalar(code)
      {
        out += Array(String(Character(scalar)).utf8)
        i += 7
        continue
      }
      out.append(text[i])
      i += 1
    }
    return out
  }

  private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
    var v: UInt32 = 0
    for d in digits {
      switch d {
      case 48...57: v = v * 16 + UInt32(d - 48)
      case 65...70: v = v * 16 + UInt32(d - 55)
      case 97...102: v = v * 16 + UInt32(d - 87)
      default: return nil
      }
    }
    return v
  }
}
