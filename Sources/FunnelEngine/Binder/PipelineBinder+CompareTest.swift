import FunnelData

/// The significance test of one metric `compare` compares (`Significance`):
/// a rate of successes over trials gets the two-proportion z-test, a mean
/// Welch's t-test; each side's sample is one more aggregation over the same
/// rows and keys, so every engine computes it as it computes the metric.
extension PipelineBinder {
  static func compareTest(_ plan: AggregatePlan) -> CompareTest {
    let k = plan.keys.count
    guard case .column(let i, _, _) = plan.outputs[0].expr, i >= k, i - k < plan.aggregates.count else {
      return CompareTest(kind: .none("an expression of aggregates"))
    }
    let spec = plan.aggregates[i - k]
    func sample(_ specs: [AggregateSpec]) -> AggregatePlan {
      var p = plan
      p.aggregates = specs
      p.outputs = specs.enumerated().map {
        OutputColumn(name: "__sample_\($0.offset)", expr: .column(k + $0.offset, $0.element.type, .plain))
      }
      return p
    }
    func part(_ call: MetricCall, _ part: MetricPart) -> AggregateSpec {
      var s = spec
      var c = call
      c.part = part
      (s.function, s.type, s.hint) = (.metric(c), .double, .plain)
      return s
    }
    switch spec.function {
    case .avg:
      guard let argument = spec.argument, argument.type.isNumeric else {
        return CompareTest(kind: .none("not a mean of numbers"))
      }
      var count = spec, mean = spec, sd = spec
      (count.function, count.type, count.hint) = (.count, .int, .plain)
      (mean.type, mean.hint) = (.double, .plain)
      (sd.function, sd.type, sd.hint) = (.stddev, .double, .plain)
      return CompareTest(kind: .mean, stats: sample([count, mean, sd]))
    case .metric(let call):
      switch MetricSample.of(call.name) {
      case .proportion?:
        return CompareTest(kind: .proportion, stats: sample([part(call, .successes), part(call, .trials)]))
      case .mean?: return CompareTest(kind: .mean, stats: sample([part(call, .count), spec, part(call, .sd)]))
      case nil: return CompareTest(kind: .none("not a rate of counts or a mean"))
      }
    case .count, .countRows, .countIf, .countDistinct: return CompareTest(kind: .none("a count"))
    case .sum: return CompareTest(kind: .none("a sum"))
    default: return CompareTest(kind: .none("not a rate or a mean"))
    }
  }
}
