/// Guesses the field separator of delimited text from its first lines.
///
/// Each candidate (`,` `;` tab `|`) is counted outside quotes on up to 20
/// non-empty lines; the winner splits every sampled line into the same number
/// (more than one) of fields, the most fields winning and earlier candidates
/// winning ties. Failing that, the candidate most frequent in the header wins;
/// text without any candidate is one column, read with `,`.
enum SeparatorSniffer {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]

  static func sniff(_ bytes: [UInt8]) -> UInt8 {
    let lines = sampleCounts(bytes, maxLines: 20)
    guard let header = lines.first else { return candidates[0] }
    var best: (separator: UInt8, fields: Int)?
    for (k, sep) in candidates.enumerated() {
      let fields = header[k] + 1
      guard fields > 1, lines.allSatisfy({ $0[k] == header[k] }) else { continue }
      if best == nil || fields > best?.fields ?? 0 { best = (sep, fields) }
    }
    if let best { return best.separator }
    var most = 0
    for k in candidates.indices where header[k] > header[most] { most = k }
    return candidates[most]
  }

  /// For each sampled line, how often each candidate occurs outside quotes.
  /// Quoted newlines stay inside their record, as the scanner will see them.
  private static func sampleCounts(_ bytes: [UInt8], maxLines: Int) -> [[Int]] {
    var lines: [[Int]] = []
    var counts = [0, 0, 0, 0]
    var inQuotes = false
    var lineHasText = false
    var i = 0
    // 1 MB is plenty for 20 lines, and keeps a file without line ends cheap.
    let n = min(bytes.count, 1 << 20)
    if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    while i < n, lines.count < maxLines {
      let b = bytes[i]
      i += 1
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
        lineHasText = true
        continue
      }
      if inQuotes { continue }
      if b == 10 || b == 13 {
        if lineHasText { lines.append(counts) }
        counts = [0, 0, 0, 0]
        lineHasText = false
        continue
      }
      lineHasText = true
      if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
    }
    if lineHasText, lines.count < maxLines, i >= bytes.count { lines.append(counts) }
    return lines
  }
}
