/// What a call of a metric gives: its value, or one number of the sample
/// behind it, which `compare` reads to test a change for significance.
public enum MetricPart: String, Sendable {
  case value
  /// A rate's numerator: the trials that succeeded (won deals of `win_rate()`).
  case successes
  /// A rate's denominator (decided deals of `win_rate()`).
  case trials
  /// A mean's number of values (won deals with an amount of `avg_deal_size()`).
  case count
  /// A mean's sample standard deviation (null under 2 values).
  case sd
}

/// How a built-in metric is sampled, for the significance tests of `compare`:
/// a rate of successes over trials (the two-proportion z-test), or a mean of
/// values (Welch's t-test). A metric not listed (a sum, a median, a ratio of
/// money) gets no test.
enum MetricSample {
  case proportion(successes: @Sendable (MetricGroup) -> Double?, trials: @Sendable (MetricGroup) -> Double?)
  /// The mean is the metric's value.
  case mean(count: @Sendable (MetricGroup) -> Double?, sd: @Sendable (MetricGroup) -> Double?)

  /// The sample of the metric called `name` (by its current name), or nil.
  static func of(_ name: String) -> MetricSample? {
    switch MetricRegistry.named(name)?.name ?? name {
    case "win_rate": return .proportion(successes: { $0.won }, trials: { $0.decided })
    case "conversion":
      return .proportion(
        successes: { g in g.stages.count == 2 ? g.reached(g.stages[1]) : nil },
        trials: { g in g.stages.count == 2 ? g.reached(g.stages[0]) : nil })
    case "mql_rate": return .proportion(successes: { $0.reached(.mql) }, trials: { $0.leads })
    case "mql_to_sql_rate": return .proportion(successes: { $0.reached(.sql) }, trials: { $0.reached(.mql) })
    case "ctr": return .proportion(successes: { $0.clicks }, trials: { $0.impressions })
    case "speed_to_lead_1h_share":
      return .proportion(successes: { $0.answeredWithinHour }, trials: { $0.responseBase })
    case "speed_to_lead_24h_share":
      return .proportion(successes: { $0.answeredWithinDay }, trials: { $0.responseBase })
    case "avg_deal_size": return .mean(count: { $0.wonWithAmount }, sd: { $0.wonAmountSD })
    case "acv": return .mean(count: { $0.wonWithTerm }, sd: { $0.wonAnnualSD })
    case "sales_cycle_days": return .mean(count: { $0.cycleCount }, sd: { $0.cycleSD })
    default: return nil
    }
  }

  /// The formula computing `part` of a group, or nil when the metric has no such part.
  static func formula(_ name: String, part: MetricPart) -> (@Sendable (MetricGroup) -> Double?)? {
    switch (of(name), part) {
    case (.proportion(let s, _)?, .successes): return s
    case (.proportion(_, let t)?, .trials): return t
    case (.mean(let c, _)?, .count): return c
    case (.mean(_, let s)?, .sd): return s
    default: return nil
    }
  }
}
