/// The file formats the writers produce (and, except markdown, the readers take).
public enum FileFormat: String, CaseIterable, Sendable {
  case csv, tsv, json, jsonl, markdown

  /// The format a path's extension names: `.csv`, `.tsv`, `.json`, `.jsonl`
  /// (or `.ndjson`), `.md` (or `.markdown`); nil for anything else.
  public init?(path: String) {
    switch FileFormat.pathExtension(path) {
    case "csv": self = .csv
    case "tsv": self = .tsv
    case "json": self = .json
    case "jsonl", "ndjson": self = .jsonl
    case "md", "markdown": self = .markdown
    default: return nil
    }
  }

  /// The extensions `init(path:)` knows, for messages.
  public static let knownExtensions = [".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".md", ".markdown"]

  /// The extension that says how to read a path: `leads.csv.gz` reads as
  /// `csv` (the content, not the name, says whether it is compressed).
  static func contentExtension(_ path: String) -> String {
    let outer = pathExtension(path)
    guard outer == "gz" || outer == "gzip" else { return outer }
    return pathExtension(String(path.dropLast(outer.count + 1)))
  }

  /// The lower-cased text after the last dot of the last path component ("" if none).
  static func pathExtension(_ path: String) -> String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }
}
