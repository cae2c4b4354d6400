/// Tells text from what is not, by a file's first bytes, so that a
/// spreadsheet, an archive or an image is refused with a clear message
/// instead of loading as a table of junk:
///
///     photo.csv: this does not look like text (CSV/TSV/JSON)
///     /dev/stdin: this does not look like text (CSV/TSV/JSON): it is a zip archive (an .xlsx workbook is one), which is read from a file, not a stream
enum TextSniffer {
  static let notText = "this does not look like text (CSV/TSV/JSON)"

  /// What the first bytes of a file say it is, when that is a format that
  /// is not text and that Funnel does not unpack (gzip is unpacked).
  static func knownBinary(_ head: [UInt8]) -> String? {
    func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      // A zip in a file is read before this (ZippedTable); here it is a
      // stream or a file inside another archive.
      return
        "it is a zip archive (an .xlsx workbook is one), which is read from a file, not a stream or another archive"
    }
    if starts([0x42, 0x5A, 0x68]) { return "it is bzip2-compressed; decompress it first (bunzip2)" }
    if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "it is xz-compressed; decompress it first (unxz)" }
    if starts([0x28, 0xB5, 0x2F, 0xFD]) { return "it is zstd-compressed; decompress it first (unzstd)" }
    if starts([0x50, 0x41, 0x52, 0x31]) { return "it is a Parquet file" }
    if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "it is an old Office file (.xls); export the sheet as CSV" }
    if starts([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66]) { return "it is an SQLite database" }
    return nil
  }

  /// Whether the first block of decoded bytes is text: no NUL byte (which
  /// text never holds, and binary formats almost always do), and bytes that
  /// are neither valid UTF-8 nor ordinary control characters at most a
  /// quarter of it. A Latin-1 file, with an accent here and there, is still
  /// text; it loads with U+FFFD for each accented letter.
  static func looksLikeText(_ sample: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = sample.count
    var odd = 0
    var i = 0
    while i < n {
      let b = sample[i]
      if b == 0 { return false }
      if b < 0x80 {
        // Tab, line feed, vertical tab, form feed, carriage return and escape are text.
        if b < 0x20, !(9...13).contains(b), b != 0x1B { odd += 1 }
        i += 1
        continue
      }
      let length = sequenceLength(sample, at: i)
      if length == 0 {
        // A sequence cut by the end of the sample is not held against it.
        if n - i < 4, b >= 0xC2, b <= 0xF4 { break }
        odd += 1
        i += 1
      } else {
        i += length
      }
    }
    return odd * 4 <= n
  }

  /// Why a sample that is not text may still be text: UTF-16 without a
  /// byte-order mark has a NUL beside most ASCII characters, on one side.
  static func likelyReason(_ sample: UnsafeBufferPointer<UInt8>) -> String? {
    let pairs = sample.count / 2
    guard pairs >= 8 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for k in 0..<pairs {
      if sample[2 * k] == 0 { evenZeros += 1 }
      if sample[2 * k + 1] == 0 { oddZeros += 1 }
    }
    let most = pairs * 3 / 5, few = pairs / 20
    if (oddZeros >= most && evenZeros <= few) || (evenZeros >= most && oddZeros <= few) {
      return "it looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
    }
    return nil
  }

  /// The length of the valid UTF-8 sequence at `i`, 0 when it is not one.
  private static func sequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let b = s[i]
    let length: Int
    let low: UInt8, high: UInt8
    switch b {
    case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
    case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
    case 0xED: (length, low, high) = (3, 0x80, 0x9F)
    case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
    case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
    case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
    default: return 0
    }
    guard i + length <= s.count, (low...high).contains(s[i + 1]) else { return 0 }
    for k in 2..<length where !(0x80...0xBF).contains(s[i + k]) { return 0 }
    return length
  }
}
