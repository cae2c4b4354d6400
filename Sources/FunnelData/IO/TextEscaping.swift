/// How each output format writes a piece of text (a string cell or a column name).
enum TextEscaping {
  case csv
  case tsv
  case json
  case markdown

  init(_ format: FileFormat) {
    switch format {
    case .csv: self = .csv
    case .tsv: self = .tsv
    case .json, .jsonl: self = .json
    case .markdown: self = .markdown
    }
  }

  /// `text` as the format writes it, quotes included where the format needs them.
  func escape(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    escape(text, into: &out)
    return out
  }

  func escape(_ text: String, into out: inout [UInt8]) {
    let utf8 = text.utf8
    switch self {
    case .csv:
      // RFC 4180: quote a field holding the separator, a quote, CR or LF.
      let needsQuotes = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
      guard needsQuotes else {
        out.append(contentsOf: utf8)
        return
      }
      out.append(34)
      for b in utf8 {
        out.append(b)
        if b == 34 { out.append(34) }
      }
      out.append(34)
    case .tsv:
      for b in utf8 {
        switch b {
        case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
        case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
        case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
        default: out.append(b)
        }
      }
    case .markdown:
      for b in utf8 {
        switch b {
        case UInt8(ascii: "|"): out.append(contentsOf: [92, UInt8(ascii: "|")])
        case 10: out.append(contentsOf: Array("<br>".utf8))
        case 13: break
        default: out.append(b)
        }
      }
    case .json:
      out.append(34)
      for b in utf8 {
        switch b {
        case 34: out.append(contentsOf: [92, 34])
        case 92: out.append(contentsOf: [92, 92])
        case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
        case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
        case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
        case 0..<32:
          let hex = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: out.append(b)
        }
      }
      out.append(34)
    }
  }
}
