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

  public init() {
    // UTC days; the shell overrides it from FUNNEL_TODAY when set.
    let seconds = Date().timeIntervalSince1970
    today = Int32((seconds / 86_400).rounded(.down))
  }

  /// Dataset names in the order they were first set.
  public var datasetNames: [String] { order }

  public func dataset(_ name: String) -> Table? { tables[name] }

  public func setDataset(_ name: String, _ table: Table) {
    if tables[name] == nil { order.append(name) }
    tables[name] = table
  }

  public func removeDataset(_ name: String) {
    tables[name] = nil
    order.removeAll { $0 == name }
  }
}
