import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage

/// Micro-benchmarks of the engine's hot operators, so that a regression shows
/// up as a number: `swift run -c release funnel-bench [leads] [runs] [case]`
/// (with a case, only the cases whose name contains it, and no CSV round trip).
///
/// Generates the demo data in memory, then times each case (the median of
/// `runs`, after one warm-up) with the data already loaded: the same shape
/// of work as the analyst's script of scripts/bench, operator by operator.
@main
enum Bench {
  static let cases: [(name: String, statement: String)] = [
    ("filter + count", #"leads | where channel == "email" and score >= 50 | count"#),
    ("group by 2 text keys", "leads | agg n = count(), s = avg(score) by region, company_size"),
    ("group by month + count_if", "leads | agg n = count(), m = count_if(mql_at != null) by month(created_at)"),
    ("count_distinct by campaign", "touches | agg l = count_distinct(lead_id) by campaign_id | top 5 by l"),
    ("join + group", #"deals | where stage == "closed_won" | join campaigns on campaign_id | agg r = sum(amount) by channel"#),
    ("join 3M touches to leads", "touches | join leads on lead_id | count by region"),
    ("sort + take", "deals | sort amount desc | take 10"),
    ("full sort of touches", "touches | sort touched_at | take 1"),
    ("median by channel", "leads | where won_at != null | agg d = median(days_between(created_at, won_at)) by channel"),
    ("funnel by channel", "leads | funnel by channel"),
    ("attribute linear", "deals | attribute linear by channel"),
    ("attribute time_decay", "deals | attribute time_decay by channel"),
    ("cohort by month", "leads | cohort month(created_at)"),
    ("scorecard", "scorecard"),
  ]

  static func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    let leads = arguments.first.flatMap { Int($0) } ?? 1_000_000
    let runs = max(1, arguments.dropFirst().first.flatMap { Int($0) } ?? 5)
    // Only the cases whose name contains this text (all when absent): one case alone, for a profiler.
    let only = arguments.dropFirst(2).first

    let start = DispatchTime.now()
    let demo = DemoData.generate(leads: leads, seed: DemoData.defaultSeed)
    print("demo data, \(leads) leads: \(format(milliseconds(since: start))) ms")

    let catalog = Catalog()
    for (name, table) in demo.all { catalog.setDataset(name, table) }
    catalog.today = CivilDate(year: 2026, month: 7, day: 1).daysSinceEpoch

    if only == nil { try csvRoundTrip(demo.touches) }
    print()
    print("case".padding(toLength: 30, withPad: " ", startingAt: 0) + "median ms")
    for (name, text) in cases where only.map({ name.contains($0) }) ?? true {
      let (statements, diagnostics) = Parser.parse(SourceText(text: text))
      guard diagnostics.isEmpty, let statement = statements.first else {
        print("\(name): does not parse: \(diagnostics.first?.message ?? "")")
        continue
      }
      var times: [Double] = []
      for run in 0...runs {
        let t = DispatchTime.now()
        let prepared = try Engine.prepare(statement, in: catalog)
        _ = try Engine.run(prepared, in: catalog, cancellation: Cancellation())
        if run > 0 { times.append(milliseconds(since: t)) }
      }
      times.sort()
      print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + format(times[times.count / 2]))
    }
  }

  /// Writes the touches to a CSV file and reads them back, timing both.
  static func csvRoundTrip(_ touches: Table) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("touches.csv").path
    var start = DispatchTime.now()
    try TableWriter.write(touches, to: path)
    let written = milliseconds(since: start)
    let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    start = DispatchTime.now()
    let read = try TableReader.read(path: path)
    let readTime = milliseconds(since: start)
    print("touches.csv, \(read.rowCount) rows, \(format(bytes / 1e6)) MB: write \(format(written)) ms, "
      + "read \(format(readTime)) ms (\(format(bytes / 1e6 / (readTime / 1000))) MB/s)")
  }

  static func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
  }

  static func format(_ v: Double) -> String { String(format: "%.1f", v) }
}
