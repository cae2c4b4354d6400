import FunnelData

@testable import FunnelEngine

/// A tiny hand-made copy of the four standard datasets, small enough to work
/// every answer out by hand (the expected values in the tests are).
enum VocabularyFixture {
  static let today = day("2026-07-01")

  static func day(_ text: String) -> Int32 { Periods.parse(text, unit: .day) ?? 0 }
  static func date(_ text: String?) -> Value { text.map { .date(day($0)) } ?? .null }
  static func time(_ text: String, _ hour: Int) -> Value {
    .timestamp(Timestamps.make(day: day(text), hour: hour, minute: 0, second: 0))
  }
  static func money(_ cents: Int64?) -> Value { cents.map { .decimal($0, scale: 2) } ?? .null }
  static func text(_ s: String?) -> Value { s.map { .string($0) } ?? .null }
  static func int(_ i: Int64?) -> Value { i.map { .int($0) } ?? .null }

  /// Builds a table from named, typed columns of values.
  static func table(_ columns: [(String, DataType, [Value])]) -> Table {
    Table(names: columns.map(\.0), columns: columns.map { Column.make($0.1, $0.2) })
  }

  static let campaigns = table([
    ("campaign_id", .int, [1, 2, 3].map { int($0) }),
    ("name", .string, ["Alpha", "Beta", "Gamma"].map { text($0) }),
    ("channel", .string, ["search", "social", "search"].map { text($0) }),
    ("spend", .decimal(scale: 2), [100_000, 50_050, 25_025].map { money($0) }),
    ("impressions", .int, [10_000, 20_000, 0].map { int($0) }),
    ("clicks", .int, [200, 100, 0].map { int($0) }),
  ])

  static let leads = table([
    ("lead_id", .int, [1, 2, 3, 4, 5, 6].map { int($0) }),
    (
      "created_at", .date,
      ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-10", "2026-02-01", "2026-02-03"].map { date($0) }
    ),
    ("campaign_id", .int, [1, 1, 2, 2, 3, nil].map { int($0) }),
    ("channel", .string, ["search", "search", "social", "social", "search", "search"].map { text($0) }),
    ("stage", .string, ["won", "sql", "lost", "opportunity", "lead", "mql"].map { text($0) }),
    ("mql_at", .date, ["2026-01-03", "2026-01-05", "2026-01-06", "2026-01-12", nil, nil].map { date($0) }),
    ("sql_at", .date, ["2026-01-10", "2026-01-20", nil, "2026-01-15", nil, nil].map { date($0) }),
    ("opportunity_at", .date, ["2026-01-15", nil, nil, "2026-02-01", nil, nil].map { date($0) }),
    ("won_at", .date, ["2026-02-20", nil, nil, nil, nil, nil].map { date($0) }),
  ])

  static let deals = table([
    ("deal_id", .int, [10, 11, 12, 13].map { int($0) }),
    ("lead_id", .int, [1, 4, 2, 3].map { int($0) }),
    ("campaign_id", .int, [1, 2, 1, 2].map { int($0) }),
    ("created_at", .date, ["2026-01-15", "2026-02-01", "2026-01-20", "2026-01-06"].map { date($0) }),
    ("closed_at", .date, ["2026-02-20", nil, "2026-03-01", "2026-01-30"].map { date($0) }),
    ("stage", .string, ["closed_won", "negotiation", "closed_lost", "closed_won"].map { text($0) }),
    ("amount", .decimal(scale: 2), [1_200_000, 800_050, 500_000, 300_025].map { money($0) }),
    ("term_months", .int, [12, 24, 12, 36].map { int($0) }),
    ("lost_stage", .string, [nil, nil, "proposal", nil].map { text($0) }),
  ])

  /// Costs that are not campaign spend: 3,502.00 in all, sales' included.
  static let costs = table([
    ("month", .date, ["2026-01-01", "2026-01-01", "2026-02-01"].map { date($0) }),
    ("team", .string, ["marketing", "sales", "sales"].map { text($0) }),
    ("category", .string, ["salaries", "salaries", "commissions"].map { text($0) }),
    ("amount", .decimal(scale: 2), [100_000, 200_000, 50_200].map { money($0) }),
  ])

  static let touches = table([
    ("touch_id", .int, [100, 101, 102, 103, 104, 105, 106, 107].map { int($0) }),
    ("lead_id", .int, [1, 1, 1, 1, 1, 4, 4, 2].map { int($0) }),
    ("campaign_id", .int, [1, 2, 1, 3, 2, 2, 1, 1].map { int($0) }),
    (
      "touched_at", .timestamp,
      [
        time("2026-01-01", 9), time("2026-01-10", 12), time("2026-01-14", 8), time("2026-02-18", 10),
        time("2026-02-25", 10), time("2026-01-10", 10), time("2026-01-20", 10), time("2026-01-02", 10),
      ]
    ),
    ("kind", .string, ["ad", "email", "webinar", "sales_call", "sales_call", "ad", "email", "ad"].map { text($0) }),
  ])

  static func datasets(_ name: String) -> Table? {
    switch name {
    case "campaigns": return campaigns
    case "leads": return leads
    case "deals": return deals
    case "touches": return touches
    case "costs": return costs
    default: return nil
    }
  }

  static func context(_ origin: String?, datasets: @escaping (String) -> Table? = datasets) -> MetricContext {
    MetricContext(origin: origin, dataset: datasets, today: today)
  }

  /// A column's values as Doubles (nil for null), for comparing with tolerance.
  static func doubles(_ column: Column?) -> [Double?] {
    guard let c = column else { return [] }
    return (0..<c.count).map { c.value(at: $0).doubleValue }
  }

  /// A column's values as raw text.
  static func texts(_ column: Column?) -> [String] {
    guard let c = column else { return [] }
    return (0..<c.count).map { c.value(at: $0).rawText }
  }

  static func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    guard let a = a, let b = b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }

  static func closeAll(_ a: [Double?], _ b: [Double?]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1) }
  }
}

/// SplitMix64: a small seeded generator, so property tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
