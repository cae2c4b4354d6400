import FunnelData

/// The significance columns of `compare` (`Significance`): each side's sample
/// of a tested metric per key (successes and trials, or count, mean and
/// standard deviation), then the test of b against a.
extension CompareOperator {
  /// The sample numbers of one side per key row.
  static func samplesByKey(_ side: Table, _ stats: AggregatePlan, _ context: ExecutionContext) throws
    -> [[Value]: [Double?]]
  {
    let table = try AggregateOperator.run(side, stats, context)
    let keyCount = stats.keys.count
    var out = [[Value]: [Double?]]()
    for r in 0..<table.rowCount {
      let row = table.row(r)
      out[Array(row.prefix(keyCount))] = row.dropFirst(keyCount).map(\.doubleValue)
    }
    return out
  }

  /// The test of one metric's change; a side with no rows for the key has an empty sample.
  static func outcomeOf(_ kind: CompareTest.Kind, _ a: [Double?]?, _ b: [Double?]?) -> SignificanceOutcome {
    func number(_ s: [Double?]?, _ i: Int) -> Double { (s.flatMap { $0[i] }) ?? 0 }
    switch kind {
    case .proportion: return Significance.proportions(number(a, 0), number(a, 1), number(b, 0), number(b, 1))
    case .mean:
      return Significance.means(number(a, 0), number(a, 1), number(a, 2), number(b, 0), number(b, 1), number(b, 2))
    case .none(let reason): return SignificanceOutcome(reason: reason)
    }
  }

  /// The cells of `CompareTest.columns` for an outcome (all null for a metric not tested).
  static func testValues(_ outcome: SignificanceOutcome?) -> [Value] {
    guard let o = outcome else { return Array(repeating: .null, count: CompareTest.columns.count) }
    func cell(_ x: Double?) -> Value { x.map { $0.isFinite ? .double($0) : .null } ?? .null }
    return [
      cell(o.statistic), cell(o.df), cell(o.p), cell(o.low), cell(o.high), o.significant.map(Value.bool) ?? .null,
    ]
  }
}
