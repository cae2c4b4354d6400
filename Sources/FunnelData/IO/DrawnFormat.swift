/// The files `save` draws rather than writes as rows: an HTML page of the
/// result (its table and chart) or its chart alone as SVG. The shell draws
/// them (the renderer is above the engine), after the pipeline has run.
///
/// ```swift
/// DrawnFormat(path: "report.html")   // .html
/// DrawnFormat(path: "funnel.svg")    // .svg
/// DrawnFormat(path: "deals.csv")     // nil: a FileFormat
/// ```
public enum DrawnFormat: String, CaseIterable, Sendable {
  case html, svg

  /// The format a path's extension names: `.html` (or `.htm`), `.svg`.
  public init?(path: String) {
    switch FileFormat.pathExtension(path) {
    case "html", "htm": self = .html
    case "svg": self = .svg
    default: return nil
    }
  }

  /// The extensions `init(path:)` knows, for messages.
  public static let knownExtensions = [".html", ".svg"]
}
