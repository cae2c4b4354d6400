import FunnelData
import Testing

@testable import FunnelEngine

/// Over no rows every verb still gives its columns, with the types of a full
/// run: the binder learns a verb's output columns this way.
@Suite struct VocabularyShapeTests {
  typealias F = VocabularyFixture

  func shape(_ t: Table) -> [String] { zip(t.names, t.columns).map { "\($0.0):\($0.1.type.name)" } }

  @Test func funnelOverNoRows() throws {
    let full = try FunnelVerb.run(
      leads: F.leads, steps: nil, keys: [("channel", F.leads.column("channel")!)], withinDays: 30)
    let none = try FunnelVerb.run(
      leads: F.leads.gather([]), steps: nil,
      keys: [("channel", F.leads.column("channel")!.gather([]))], withinDays: 30)
    #expect(shape(none) == shape(full))
    #expect(none.rowCount == 0)
    let noKeys = try FunnelVerb.run(leads: F.leads.gather([]), steps: ["mql", "won"], keys: [], withinDays: nil)
    #expect(F.texts(noKeys.column("count")) == ["0", "0"])
    #expect(F.doubles(noKeys.column("step_conversion")) == [1, nil])
  }

  @Test func attributeOverNoDeals() throws {
    let context = F.context("deals")
    for model in [AttributionModel.linear, .compare] {
      let full = try AttributionVerb.run(
        rows: F.deals, model: model, keys: ["channel", "campaign_id"], context: context)
      let none = try AttributionVerb.run(
        rows: F.deals.gather([]), model: model, keys: ["channel", "campaign_id"],
        context: context)
      #expect(shape(none) == shape(full))
      #expect(none.rowCount == 0)
    }
  }

  @Test func cohortOverNoRows() throws {
    let months = Column.make(.period(.month), [])
    let t = try CohortVerb.run(
      leads: F.leads.gather([]), cohort: months, cohortName: "cohort", keys: [], byMonths: false)
    #expect(shape(t) == ["cohort:month", "leads:int", "mql:double", "sql:double", "opportunity:double", "won:double"])
    let m = try CohortVerb.run(
      leads: F.leads.gather([]), cohort: months, cohortName: "cohort", keys: [], byMonths: true)
    // The month columns are fixed, so later stages can name them before any data is read.
    #expect(m.names == ["cohort", "leads"] + (0...12).map { "m\($0)" })
  }

  @Test func metricsOverNoRows() throws {
    for metric in MetricRegistry.all {
      let arguments: [Value] = metric.parameters.isEmpty ? [] : [.string("mql"), .string("sql")]
      let origin = metric.datasets[0]
      let c = try MetricEvaluator.evaluate(
        metric.name, arguments: arguments, input: try #require(F.datasets(origin)).gather([]),
        grouping: .single(rows: 0), context: F.context(origin))
      #expect(c.count == 1 && c.type == .double && c.hint == metric.hint, "\(metric.name)")
    }
  }
}
