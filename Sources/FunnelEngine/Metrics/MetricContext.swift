import FunnelData

/// What a metric or a verb may reach beyond the rows it is given: the session's
/// datasets by name, which standard dataset the rows are, and the date of today.
public struct MetricContext {
  /// The standard dataset the input rows are (`campaigns`, `leads`, `touches`,
  /// `deals`) when known; nil for rows of any other origin.
  public var origin: String?
  /// The session's current table of a name, or nil when there is none.
  public var dataset: (String) -> Table?
  /// Days since 1970-01-01; the close date of a deal that is still open.
  public var today: Int32
  /// The session's last attribution input, for a statement that credits
  /// the same rows again; nil where nothing is kept between statements.
  public var attributionMemo: AttributionMemo?

  public init(
    origin: String?, dataset: @escaping (String) -> Table?, today: Int32, attributionMemo: AttributionMemo? = nil
  ) {
    self.origin = origin
    self.dataset = dataset
    self.today = today
    self.attributionMemo = attributionMemo
  }
}
