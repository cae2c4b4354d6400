import FunnelData

/// `deals | forecast <period> [by keys]`: the quarter's (or month's) forecast
/// against quota, per period and key group (see `summary`).
///
/// For one rep's quarter with a won deal of 40,000, open deals of 50,000 at
/// 0.8 and 30,000 at 0.2, and a quota of 100,000:
/// ```
/// period   won     commit  weighted  best_case  quota    attainment  coverage  gap
/// 2026-Q3  40,000  50,000  46,000    80,000     100,000  40.0%       1.33      60,000
/// ```
public enum ForecastVerb {
  /// The rules in words (docs/metrics.md, `.explain forecast`).
  public static let summary = """
    `deals | forecast <period> [by <keys>]` sorts the flowing deals into
    periods: a won deal (stage closed_won) counts in the period of its
    `closed_at`, an open deal (any other stage but closed_lost, a null stage
    included) in the period of its `expected_close`; lost deals count nowhere.
    Write the period on expected_close (`quarter(expected_close)`): for a won
    deal the expression is read with closed_at in place of expected_close. A
    deal whose period is null counts nowhere. Stage words are read lowercased
    and trimmed. An open deal's probability is its `probability` column (0 to
    1) when the rows have one and it is not null, else its stage's default:
    prospecting 0.10, qualification 0.20, proposal 0.50, negotiation 0.80, any
    other open stage 0 (to use other numbers, derive probability before
    forecast). Per period and key group: `won` sums the won deals' amount;
    `commit` the open deals' amount at probability 0.7 or more; `weighted` the
    open deals' amount times probability; `best_case` all open deals' amount.
    `quota` sums the `quotas` rows (owner, period, amount) whose period (a date:
    the first day of the period the quota is for) falls in the row's period,
    matching every key by name and value (`by owner` matches quotas.owner; with
    no keys, the whole team's quota); it is null when quotas is not loaded,
    when a key is not a column of quotas, or when no quota row matches. So
    forecast by the period the quotas are set for, or a longer one: by month
    against quarterly quotas, a quarter's quota falls in its first month.
    `attainment` is won / quota; `coverage` is best_case / (quota - won), the
    open pipeline over what is still to win, null when quota <= won (nothing is
    left to cover) or quota is null; `gap` is quota - won (negative once the
    quota is beaten). Null amounts add nothing; sums over no deals are 0. One
    row per period and key group that has a won or open deal, in period then
    key order.
    """

  /// The default probability of each open stage.
  public static let stageProbability: [(stage: String, probability: Double)] = [
    ("prospecting", 0.1), ("qualification", 0.2), ("proposal", 0.5), ("negotiation", 0.8),
  ]
  /// The probability from which an open deal counts in `commit`.
  public static let commitProbability = 0.7

  /// The output columns after the period and the keys.
  package static let columns: [(name: String, type: DataType, hint: DisplayHint)] = [
    ("won", .double, .money), ("commit", .double, .money), ("weighted", .double, .money),
    ("best_case", .double, .money), ("quota", .double, .money), ("attainment", .double, .rate),
    ("coverage", .double, .plain), ("gap", .double, .money),
  ]

  /// How a row counts: 1 won, 2 open, 0 neither (the binder's `kind` expression).
  package static let wonKind: Int64 = 1
  package static let openKind: Int64 = 2

  /// nil when deals with `columns` can make a forecast.
  package static func check(columns: [String]) -> MetricProblem? {
    for c in ["stage", "amount", "closed_at", "expected_close"] where !columns.contains(c) {
      return MetricProblem(
        message: "forecast needs \(c) in the rows (deals' stage, amount, closed_at and expected_close)",
        hints: [
          "run it over deals: deals | forecast quarter(expected_close) by owner",
          "or map it when loading: .load deals FILE map \(c) = <your column>",
        ])
    }
    return nil
  }

  /// Why the quota cannot be matched for these keys, or nil when it can.
  package static func quotaProblem(keys: [(name: String, type: DataType)], quotas: TableSchema?) -> String? {
    guard let quotas else { return "no quotas dataset is loaded" }
    for c in ["period", "amount"] where !quotas.names.contains(c) { return "quotas has no column \(c)" }
    guard let pi = quotas.names.firstIndex(of: "period"), [.date, .timestamp].contains(quotas.types[pi]) else {
      return "quotas.period is not a date"
    }
    guard let ai = quotas.names.firstIndex(of: "amount"), quotas.types[ai].isNumeric else {
      return "quotas.amount is not a number"
    }
    for k in keys {
      guard let i = quotas.names.firstIndex(of: k.name), k.name != "period", k.name != "amount" else {
        return "quotas has no column \(k.name)"
      }
      if quotas.types[i] != k.type { return "quotas.\(k.name) is \(quotas.types[i].name), not \(k.type.name)" }
    }
    return nil
  }

  /// The table: the period, the keys, then `columns`.
  public static func run(
    period: Column, periodName: String, keys: [(name: String, column: Column)], kind: Column, amount: Column,
    probability: Column, quotas: Table?
  ) throws -> Table {
    guard case .period(let unit) = period.type, case .int(let kinds) = kind.data,
      case .double(let amounts) = amount.data, case .double(let probabilities) = probability.data
    else { throw MetricProblem.internalError("forecast row values of unexpected types") }
    // The rows that count: won or open, with a period.
    var rows: [Int32] = []
    for r in 0..<period.count where !period.isNull(r) && !kind.isNull(r) && kinds[r] != 0 { rows.append(Int32(r)) }
    let keyColumns = keys.map { $0.column.gather(rows) }
    let periods = period.gather(rows)
    let groups = try Grouping.byKeyOrder([periods] + keyColumns, rows: rows.count)
    try Interruption.check()
    let g = groups.groupCount
    var won = [Double](repeating: 0, count: g), commit = won, weighted = won, best = won
    for (k, r32) in rows.enumerated() {
      let r = Int(r32)
      guard !amount.isNull(r) else { continue }
      let group = Int(groups.groupOfRow[k]), a = amounts[r]
      if kinds[r] == wonKind {
        won[group] += a
      } else {
        let p = probability.isNull(r) ? 0 : probabilities[r]
        best[group] += a
        weighted[group] += a * p
        if p >= commitProbability { commit[group] += a }
      }
    }
    let outKeys = groups.keyColumns([periods] + keyColumns)
    let quota = try quotaSums(
      quotas, unit: unit, period: outKeys[0], keys: Array(zip(keys.map(\.name), outKeys.dropFirst())), groups: g)
    var attainment = [Double?](repeating: nil, count: g), coverage = attainment, gap = attainment
    for i in 0..<g {
      guard let q = quota[i] else { continue }
      attainment[i] = q != 0 ? won[i] / q : nil
      coverage[i] = q > won[i] ? best[i] / (q - won[i]) : nil
      gap[i] = q - won[i]
    }
    var columns = outKeys
    for (values, hint) in [(won, DisplayHint.money), (commit, .money), (weighted, .money), (best, .money)] {
      columns.append(Column(.double(values), hint: hint))
    }
    columns.append(MetricEvaluator.column(quota, hint: .money))
    columns.append(MetricEvaluator.column(attainment, hint: .rate))
    columns.append(MetricEvaluator.column(coverage, hint: .plain))
    columns.append(MetricEvaluator.column(gap, hint: .money))
    return Table(names: [periodName] + keys.map(\.name) + Self.columns.map(\.name), columns: columns)
  }

  /// Each output row's quota: the quotas rows in its period with its keys' values.
  private static func quotaSums(
    _ quotas: Table?, unit: PeriodUnit, period: Column, keys: [(String, Column)], groups: Int
  ) throws -> [Double?] {
    let none = [Double?](repeating: nil, count: groups)
    let keyTypes = keys.map { (name: $0.0, type: $0.1.type) }
    guard let quotas, quotaProblem(keys: keyTypes, quotas: TableSchema(quotas, rowCount: quotas.rowCount)) == nil,
      let periodColumn = quotas.column("period"), let days = periodColumn.days(),
      let amountColumn = quotas.column("amount"), let amounts = MoneyColumn(amountColumn)
    else { return none }
    let quotaKeys = keys.compactMap { quotas.column($0.0) }
    // (period bucket, key texts) → the row's group.
    var index: [[String]: Int] = [:]
    for i in 0..<groups {
      let texts = keys.map { $0.1.isNull(i) ? nil : $0.1.value(at: i).rawText }
      guard case .period(let bucket, _) = period.value(at: i), !texts.contains(nil) else { continue }
      index[[String(bucket)] + texts.compactMap { $0 }] = i
    }
    var sums = none
    for r in 0..<quotas.rowCount where !periodColumn.isNull(r) && !amounts.isNull(r) {
      let texts = quotaKeys.map { $0.isNull(r) ? nil : $0.value(at: r).rawText }
      guard !texts.contains(nil) else { continue }
      let key = [String(Periods.bucket(day: days[r], unit: unit))] + texts.compactMap { $0 }
      guard let i = index[key] else { continue }
      sums[i] = (sums[i] ?? 0) + amounts.double(r)
    }
    return sums
  }
}
