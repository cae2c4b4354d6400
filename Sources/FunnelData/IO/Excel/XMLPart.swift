import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// The workbook's XML is read with Foundation's `XMLParser` (FoundationXML on
// Linux, over libxml2) driven as a SAX parser: elements arrive as events
// and only the cells' values are kept, so a sheet of 100,000 rows is never
// a tree in memory. XMLCoder and SWXMLHash both build a tree (XMLCoder
// decodes it into Codable values) over this same parser, which for a sheet
// would cost several times its size in nodes and strings.

/// A SAX handler for one part of a workbook: `XMLPart.parse` feeds it
/// elements (by local name) and text, and it stops the parse with `fail`.
///
/// Subclasses override `start`, `end` and `text`, not the delegate
/// methods: on Linux `XMLParserDelegate` is a Swift protocol whose methods
/// are bound where the conformance is declared, here.
class XMLPartHandler: NSObject, XMLParserDelegate {
  /// A problem found while handling events; the parse stops at it.
  private(set) var failure: Error?
  fileprivate weak var parser: XMLParser?

  func start(_ name: Substring, _ attributes: [String: String]) {}
  func end(_ name: Substring) {}
  func text(_ string: String) {}

  /// Stops the parse; `XMLPart.parse` throws `error`.
  func fail(_ error: Error) {
    if failure == nil { failure = error }
    parser?.abortParsing()
  }

  /// Elements open: not 0 at the end when the part is cut short (the
  /// parser does not always say so).
  fileprivate(set) var depth = 0

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    depth += 1
    start(XMLPartHandler.local(elementName), attributes)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    depth -= 1
    end(XMLPartHandler.local(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

  /// The local name of an element (`x:c` and `c` are both `c`: some
  /// writers prefix every element).
  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
  }
}

/// Parsing one XML part of a workbook with a handler.
enum XMLPart {
  /// Runs `handler` over `data`; a parse error or the handler's own failure
  /// is thrown as a `FileError` naming the archive and the part.
  static func parse(_ data: Data, part: String, path: String, with handler: XMLPartHandler) throws {
    // From a stream, which the parser reads a block at a time: given the
    // data whole, libxml2 takes it as one chunk and stops at 10 MB with
    // "huge input lookup" (a sheet of 100,000 rows is on one line).
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = handler
    handler.parser = parser
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let parsed = parser.parse()
    if let failure = handler.failure { throw failure }
    if parsed, handler.depth != 0 {
      throw FileError(path: path, message: "the part \(part) is damaged (it ends before its elements are closed)")
    }
    if !parsed {
      let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
      throw FileError(
        path: path, message: "the part \(part) is damaged (XML error at line \(parser.lineNumber): \(reason))")
    }
  }
}
