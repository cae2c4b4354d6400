import FunnelData
import FunnelLanguage

/// `save "<path>"`: writes the table atomically (format from the extension);
/// a failure is a run-time diagnostic at the path. `.html` and `.svg` are
/// left to the shell, which draws them from the statement's result.
enum SaveOperator {
  static func write(
    _ table: Table, path: String, span: Span, options: WriteOptions, cancellation: Cancellation
  ) throws {
    // A page or a chart is drawn by the shell once the statement has run.
    guard DrawnFormat(path: path) == nil else { return }
    do {
      try TableWriter.write(table, to: path, options: options, cancellation: cancellation)
    } catch let c as Cancelled {
      throw c
    } catch let e as FileError {
      throw Diagnostic(message: "cannot save: \(e.message)", span: span, hints: ["path: \(e.path)"])
    } catch {
      throw Diagnostic(message: "cannot save to '\(path)': \(error)", span: span)
    }
  }
}
