import FunnelData
import FunnelLanguage
import Synchronization

/// A text a statement compares a column with (`==`, `!=`, `in`) that no row
/// of the column holds: most often a typo (`channel == "emial"`), which would
/// otherwise answer `(no rows)` in silence.
public struct ValueWarning: Sendable, Equatable {
  /// The text as written, without quotes.
  public let literal: String
  /// The column's name.
  public let column: String
  /// The column's value that differs from it only in case, or one a few
  /// edits away; nil when none is near.
  public let nearest: String?
  /// Every row of the column is null: it holds no value at all.
  public var allNull = false

  public init(literal: String, column: String, nearest: String?, allNull: Bool = false) {
    self.literal = literal
    self.column = column
    self.nearest = nearest
    self.allNull = allNull
  }

  /// `"emial" never occurs in channel; did you mean "email"?`
  public var message: String {
    var text = "\(Self.quoted(literal)) never occurs in \(column)"
    if allNull { return text + ": every row of it is null" }
    if let nearest {
      if nearest.lowercased() == literal.lowercased() {
        text += "; \(Self.quoted(nearest)) differs only in case"
      } else {
        text += "; did you mean \(Self.quoted(nearest))?"
      }
    }
    return text
  }

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

/// The warnings a statement's run collects, in the order found, each once.
public final class WarningLog: Sendable {
  private let found = Mutex<[ValueWarning]>([])

  public init() {}

  public var warnings: [ValueWarning] { found.withLock { $0 } }

  func add(_ warnings: [ValueWarning]) {
    guard !warnings.isEmpty else { return }
    found.withLock { list in
      for w in warnings where !list.contains(w) { list.append(w) }
    }
  }
}

/// Finds, in a filter's predicate, the texts compared with a text column
/// that are not in the column's dictionary. A text column holds each
/// distinct value once in its dictionary, so a text absent from it occurs in
/// no row: the check is one hash lookup per text, whatever the row count.
/// (The dictionary may hold values no selected row has; such a text is not
/// reported, so a warning is never wrong, only sometimes missing.)
package enum NeverOccurs {
  /// Dictionaries up to this many values are searched for a near value; a
  /// bigger one (ids, e-mail addresses) still warns, without a suggestion.
  static let searchedForNearest = 50_000

  package static func check(_ predicate: BoundExpr, in table: Table) -> [ValueWarning] {
    var out: [ValueWarning] = []
    visit(predicate, table, &out)
    return out
  }

  private static func visit(_ e: BoundExpr, _ table: Table, _ out: inout [ValueWarning]) {
    switch e {
    case .and(let a, let b), .or(let a, let b):
      visit(a, table, &out)
      visit(b, table, &out)
    case .not(let a), .located(let a, _):
      visit(a, table, &out)
    case .compare(let op, let a, let b) where op == .equal || op == .notEqual:
      if let (column, text) = columnAndText(a, b) ?? columnAndText(b, a) {
        report(text, column: column, table, &out)
      }
    case .member(let subject, let set):
      guard case .column(let index, .string, _) = strip(subject), case .texts(let texts) = set.values else { return }
      for bytes in texts.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        report(String(decoding: bytes, as: UTF8.self), column: index, table, &out)
      }
    default:
      return
    }
  }

  /// The column's position and the text, when `a` is a text column and `b` a text constant.
  private static func columnAndText(_ a: BoundExpr, _ b: BoundExpr) -> (Int, String)? {
    guard case .column(let index, .string, _) = strip(a) else { return nil }
    switch strip(b) {
    case .constant(.string(let s), _), .parameter(_, .string(let s), _): return (index, s)
    default: return nil
    }
  }

  private static func strip(_ e: BoundExpr) -> BoundExpr {
    if case .located(let inner, _) = e { return strip(inner) }
    return e
  }

  private static func report(_ text: String, column index: Int, _ table: Table, _ out: inout [ValueWarning]) {
    guard index < table.columnCount, table.rowCount > 0,
      let dictionary = table.columns[index].dictionary,
      dictionary.code(of: text) == nil
    else { return }
    let column = table.columns[index]
    if let validity = column.validity, validity.setCount == 0 {
      out.append(ValueWarning(literal: text, column: table.names[index], nearest: nil, allNull: true))
      return
    }
    // An empty text is never offered: it stands in for the null rows of a column with no values.
    let nearest =
      dictionary.count <= searchedForNearest ? dictionary.values.filter { !$0.isEmpty }.nearest(to: text) : nil
    out.append(ValueWarning(literal: text, column: table.names[index], nearest: nearest))
  }
}
