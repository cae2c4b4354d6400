import FunnelData

/// How results are written: an aligned table for people, one of the
/// machine formats (raw values) that `TableWriter` produces, or an HTML
/// page of every result (`HTMLReport`).
public enum OutputFormat: String, CaseIterable, Sendable {
  case table, csv, tsv, json, jsonl, markdown, html

  /// The writer's format; nil for `table` and `html`, which the renderer draws.
  public var fileFormat: FileFormat? {
    switch self {
    case .table, .html: return nil
    case .csv: return .csv
    case .tsv: return .tsv
    case .json: return .json
    case .jsonl: return .jsonl
    case .markdown: return .markdown
    }
  }

  /// The names `.mode` and `--format` accept.
  public static var names: [String] { allCases.map(\.rawValue) }
}
