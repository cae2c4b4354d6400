import FunnelData

/// Small tables the render tests draw, built with `Column.make`.
enum TestTables {
  /// channel (text), leads (int), revenue (decimal(2), money), win_rate (double, rate).
  static let channels = Table(
    names: ["channel", "leads", "revenue", "win_rate"],
    columns: [
      Column.make(.string, ["email", "paid_search", "events"].map { Value.string($0) }),
      Column.make(.int, [.int(6120), .int(12_400), .int(310)]),
      Column.make(
        .decimal(scale: 2), [.decimal(41_250_000, scale: 2), .decimal(190_221_75, scale: 2), .null], hint: .money),
      Column.make(.double, [.double(0.125), .double(0.081), .double(1)], hint: .rate),
    ])

  /// `rows` × `columns` of ints (cell = row × columns + column).
  static func grid(rows: Int, columns: Int) -> Table {
    Table(
      names: (0..<columns).map { "c\($0)" },
      columns: (0..<columns).map { c in Column.make(.int, (0..<rows).map { .int(Int64($0 * columns + c)) }) })
  }

  /// A month series: month (period), leads, won.
  static let months: Table = {
    let first = Periods.parse("2025-07", unit: .month) ?? 0
    let leads: [Int64] = [500, 520, 610, 580, 700, 760, 820, 790, 900, 980, 1100, 1180]
    return Table(
      names: ["month", "leads", "won"],
      columns: [
        Column.make(.period(.month), (0..<12).map { .period(first + Int32($0), .month) }),
        Column.make(.int, leads.map { .int($0) }),
        Column.make(.int, leads.map { .int($0 / 10) }),
      ])
  }()

  /// What `leads | funnel by channel` returns: two funnels of five steps.
  static let funnel: Table = {
    let steps = ["lead", "mql", "sql", "opportunity", "won"]
    let email: [Int64] = [20_000, 12_400, 7_440, 2_232, 620]
    let paid: [Int64] = [8_000, 4_000, 1_000, 500, 100]
    var channel = [Value](), step = [Value](), count = [Value](), stepConv = [Value](), overall = [Value]()
    for (name, counts) in [("email", email), ("paid", paid)] {
      for (i, c) in counts.enumerated() {
        channel.append(.string(name))
        step.append(.string(steps[i]))
        count.append(.int(c))
        stepConv.append(.double(i == 0 ? 1 : Double(c) / Double(counts[i - 1])))
        overall.append(.double(Double(c) / Double(counts[0])))
      }
    }
    return Table(
      names: ["channel", "step", "count", "step_conversion", "overall_conversion"],
      columns: [
        Column.make(.string, channel), Column.make(.string, step), Column.make(.int, count),
        Column.make(.double, stepConv, hint: .rate), Column.make(.double, overall, hint: .rate),
      ])
  }()

  static func hasEscape(_ text: String) -> Bool { text.contains("\u{1B}") }
}
