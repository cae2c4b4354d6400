import Foundation
import FunnelData
import FunnelLanguage

/// A reusable aggregate defined with `metric name = <aggregate expression>`.
///
/// The body is kept as syntax and bound where the metric is used, so
/// `metric wr = count_if(stage == "closed_won") / count()` works over any
/// dataset that has a `stage` column.
public struct UserMetric: Sendable {
  public var name: String
  public var body: Expr
  /// The body's source text, for `.explain`.
  public var text: String

  public init(name: String, body: Expr, text: String) {
    self.name = name
    self.body = body
    self.text = text
  }
}

/// The session's datasets and names: loaded and `let` datasets, `let`
/// scalars, parameters, user metrics and the day `today()` returns.
public final class Catalog {
  private var order: [String] = []
  private var tables: [String: Table] = [:]

  /// Raw text from `--param name=VALUE` or `.param name VALUE`; typed when used.
  public var parameters: [String: String] = [:]
  /// `let x = <expression>`.
  public var scalars: [String: Value] = [:]
  /// Days since 1970-01-01; the shell sets it from FUNNEL_TODAY or the clock.
  public var today: Int32
  /// `metric name = ...`.
  public var userMetrics: [String: UserMetric] = [:]
  /// How `save "<path>"` writes text: the shell turns `safeFormulas` on
  /// for `--safe-csv` and `.mode csv safe`.
  public var saveOptions = WriteOptions()
  /// The last attribution input, kept for the next `attribute` over the same
  /// rows; emptied whenever a dataset changes (see `AttributionMemo`).
  public let attributionMemo = AttributionMemo()

  public init() {
    // UTC days; the shell overrides it from FUNNEL_TODAY when set.
    let seconds = Date().timeIntervalSince1970
    today = Int32((seconds / 86_400).rounded(.down))
  }

  /// Dataset names in the order they were first set.
  public var datasetNames: [String] { order }

  public func dataset(_ name: String) -> Table? { tables[name] }

  /// The tables of the data a schema view stands for (nil in a catalog of data).
  private var data: [String: Table]? = nil

  /// Dataset `name`'s rows, for a step to read when the plan runs, never while
  /// it binds (`days_in_stage()` reads stage_changes so): the closure holds
  /// the table the plan was bound against.
  package func rowsWhenRun(_ name: String) -> @Sendable () -> Table? {
    let table = data?[name] ?? tables[name]
    return { table }
  }

  /// The rows a dataset has: its table's, or in a schema view the count of
  /// the table it stands for.
  public func rowCount(of name: String) -> Int? { viewRowCounts?[name] ?? tables[name]?.rowCount }

  /// Row counts of the tables a schema view stands for (nil for a catalog of data).
  private var viewRowCounts: [String: Int]? = nil

  /// The same names with no data: each dataset a table of its columns and no
  /// rows (a dataset of one row and one column keeps its value, which reads as
  /// a scalar). The binder sees only this, so binding cannot read a row.
  func schemaView() -> Catalog {
    let view = Catalog()
    view.order = order
    view.parameters = parameters
    view.scalars = scalars
    view.today = today
    view.userMetrics = userMetrics
    view.saveOptions = saveOptions
    var counts = [String: Int]()
    for (name, table) in tables {
      counts[name] = table.rowCount
      if table.rowCount == 1 && table.columnCount == 1 {
        view.tables[name] = table
      } else {
        view.tables[name] = Table(names: table.names, columns: table.columns.map(Self.noRows))
      }
    }
    view.viewRowCounts = counts
    view.data = data ?? tables
    return view
  }

  /// A column's type and hint, with no rows.
  static func noRows(_ column: Column) -> Column {
    var c = Column.empty(column.type, count: 0, allNull: false)
    c.hint = column.hint
    return c
  }

  public func setDataset(_ name: String, _ table: Table) {
    if tables[name] == nil { order.append(name) }
    tables[name] = table
    attributionMemo.clear()
  }

  public func removeDataset(_ name: String) {
    tables[name] = nil
    attributionMemo.clear()
    order.removeAll { $0 == name }
  }
}
