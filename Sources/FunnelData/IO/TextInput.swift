/// A file as UTF-8 text, whatever it is on disk: opened once, gzip data
/// (found by its magic bytes, whatever the extension) inflated as it is
/// read, UTF-16 and UTF-32 with a byte-order mark transcoded, a UTF-8 mark
/// skipped, and anything that is not text refused before a single row is
/// read:
///
///     junk.csv: this does not look like text (CSV/TSV/JSON)
///
/// A regular file can be read again from the start (a second pass of the
/// delimited reader); a stream (a pipe, a device) cannot, and is read once.
final class TextInput {
  let path: String
  private let opener: () throws -> any ByteOrigin
  private let raw: any ByteOrigin
  private var top: ByteLayer
  /// Decoded bytes handed out since open or the last rewind.
  private(set) var delivered = 0
  /// How the file is stored, for messages and tests ("gzip", "UTF-16LE").
  private(set) var layers: [String] = []

  /// How much of a file is looked at to tell text from binary.
  static let sampleSize = 1 << 16

  /// `progress`, when given, counts the file's bytes as they are read from
  /// disk (compressed bytes for a compressed file), out of its size.
  convenience init(path: String, progress: ProgressMeter? = nil) throws {
    try self.init(path: path) { try RawFile(path: path) }
    if let progress, let file = raw as? RawFile {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      progress.start("loading " + name, total: file.size, unit: .bytes)
      progress.advance(file.consumed)
      file.meter = progress
    }
  }

  /// Text whose bytes come from `origin` (called again to count lines for
  /// a message): a file in a zip archive. `path` names it in messages.
  init(path: String, origin: @escaping () throws -> any ByteOrigin) throws {
    self.path = path
    opener = origin
    raw = try origin()
    top = raw
    top = try open()
  }

  /// Whether `rewind()` can read the file again.
  var isRewindable: Bool { raw.isRewindable }

  /// Reads up to `count` decoded bytes; 0 at the end of the file.
  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    let got = try top.read(into, count)
    delivered += got
    return got
  }

  /// Back to the start, through fresh layers.
  func rewind() throws {
    try raw.rewind()
    delivered = 0
    top = try open()
  }

  /// The decoded size a regular file will likely have, from the share of
  /// it read so far (exact for plain UTF-8); nil for a stream.
  var estimatedSize: Int? {
    guard let size = raw.size else { return nil }
    guard raw.consumed > 0, delivered > 0 else { return size }
    return Int(Double(delivered) * Double(size) / Double(raw.consumed))
  }

  /// Builds the layers over the raw bytes from the first byte.
  private func open() throws -> ByteLayer {
    layers = []
    var head = try raw.head(8)
    if let what = TextSniffer.knownBinary(head) {
      throw FileError(path: path, message: TextSniffer.notText + ": " + what)
    }
    // `head` has been read from `below`, and comes before what is left of it.
    var below: ByteLayer = raw
    if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B {
      below = try GzipLayer(path: path, source: PrefixedLayer(head, then: raw))
      layers.append("gzip")
      head = try below.head(4)
    }
    let layer: ByteLayer
    if let (encoding, mark) = UnicodeLayer.Encoding.fromMark(head) {
      layer = UnicodeLayer(encoding, source: PrefixedLayer(head[mark...], then: below))
      layers.append(encoding.rawValue)
    } else if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF {
      layer = PrefixedLayer(head[3...], then: below)
    } else {
      layer = PrefixedLayer(head, then: below)
    }
    let sample = try layer.head(TextInput.sampleSize)
    let text = sample.withUnsafeBufferPointer { TextSniffer.looksLikeText($0) }
    if !text {
      let reason = sample.withUnsafeBufferPointer { TextSniffer.likelyReason($0) }
      throw FileError(path: path, message: TextSniffer.notText + (reason.map { ": " + $0 } ?? ""))
    }
    return PrefixedLayer(sample, then: layer)
  }
}

extension TextInput {
  /// The same text opened a second time, from the start.
  func reopened() throws -> TextInput { try TextInput(path: path, origin: opener) }
}
