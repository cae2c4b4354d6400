import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Micro-benchmarks of the engine's hot operators, so that a regression shows
/// up as a number: `swift run -c release funnel-bench [leads] [runs] [case]`
/// (with a case, only the cases whose name contains it, and no CSV round trip).
///
/// Generates the demo data in memory, then times each case (the median of
/// `runs`, after one warm-up) with the data already loaded: the same shape
/// of work as the analyst's script of scripts/bench, operator by operator.
/// After the timed runs, one more run reports how far the process's resident
/// memory rose above the data while the case ran (Linux only; 0 elsewhere).
@main
enum Bench {
  static let cases: [(name: String, statement: String)] = [
    ("filter + count", #"leads | where channel == "email" and score >= 50 | count"#),
    ("group by 2 text keys", "leads | agg n = count(), s = avg(score) by region, company_size"),
    (
      "filter + group by 2 keys",
      #"leads | where channel == "email" and score >= 50 | agg n = count(), s = avg(score) by region, company_size"#
    ),
    ("group by month + count_if", "leads | agg n = count(), m = count_if(mql_at != null) by month(created_at)"),
    ("count_distinct by campaign", "touches | agg l = count_distinct(lead_id) by campaign_id | top 5 by l"),
    (
      "join + group",
      #"deals | where stage == "closed_won" | join campaigns on campaign_id | agg r = sum(amount) by channel"#
    ),
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
    if only == nil || only == "value check" { try valueCheck(catalog, runs: runs) }
    if only == "value check" { return }
    print()
    print(column("case", 30) + column("median ms", 12) + "peak MiB")
    for (name, text) in cases where only.map({ name.contains($0) }) ?? true {
      let (statements, diagnostics) = Parser.parse(SourceText(text: text))
      guard diagnostics.isEmpty, let statement = statements.first else {
        print("\(name): does not parse: \(diagnostics.first?.message ?? "")")
        continue
      }
      var times: [Double] = []
      for run in 0...runs {
        // Each run does the statement's whole work: nothing kept from the last.
        catalog.attributionMemo.clear()
        let t = DispatchTime.now()
        let prepared = try Engine.prepare(statement, in: catalog)
        _ = try Engine.run(prepared, in: catalog, cancellation: Cancellation())
        if run > 0 { times.append(milliseconds(since: t)) }
      }
      times.sort()
      catalog.attributionMemo.clear()
      let rise = try ResidentPeak.rise {
        let prepared = try Engine.prepare(statement, in: catalog)
        _ = try Engine.run(prepared, in: catalog, cancellation: Cancellation())
      }
      print(column(name, 30) + column(format(times[times.count / 2]), 12) + format(Double(rise) / 1_048_576))
    }
  }

  /// What the check for a text that never occurs (`NeverOccurs`) adds to a
  /// filter: the check alone against the whole statement, medians of `runs`.
  /// The check is a dictionary lookup per literal, whatever the row count;
  /// the nearest value is searched only when the text is missing.
  static func valueCheck(_ catalog: Catalog, runs: Int) throws {
    let checks: [(name: String, statement: String)] = [
      ("== found", #"leads | where channel == "email" | count"#),
      ("== misspelt", #"leads | where channel == "emial" | count"#),
      ("in, 3 values", #"touches | where kind in ["demo", "sales_call", "sales_emial"] | count"#),
      ("== on owner", #"leads | where owner == "nobody" | count"#),
    ]
    print()
    print(column("value check", 30) + column("statement ms", 14) + column("check ms", 12) + "share")
    for (name, text) in checks {
      let (statements, _) = Parser.parse(SourceText(text: text))
      guard let statement = statements.first else { continue }
      let prepared = try Engine.prepare(statement, in: catalog)
      guard case .pipeline(let root, _) = prepared.plan.physical, let (dataset, predicate) = filterOverScan(root),
        let table = catalog.dataset(dataset)
      else {
        print("\(name): no filter over a dataset in its plan")
        continue
      }
      var whole: [Double] = [], check: [Double] = []
      for run in 0...runs {
        var t = DispatchTime.now()
        _ = try Engine.run(prepared, in: catalog, cancellation: Cancellation())
        if run > 0 { whole.append(milliseconds(since: t)) }
        t = DispatchTime.now()
        _ = NeverOccurs.check(predicate, in: table)
        if run > 0 { check.append(milliseconds(since: t)) }
      }
      whole.sort()
      check.sort()
      let (w, c) = (whole[whole.count / 2], check[check.count / 2])
      print(
        column(name, 30) + column(format(w), 14) + column(String(format: "%.4f", c), 12)
          + String(format: "%.3f%%", 100 * c / w))
    }
  }

  /// The first filter whose input is a dataset (under any `prune`), and that dataset.
  static func filterOverScan(_ node: PlanNode) -> (String, BoundExpr)? {
    switch node {
    case .filter(let input, let predicate, _):
      var under = input
      while case .prune(let inner, _, _) = under { under = inner }
      if case .scan(let name, _) = under { return (name, predicate) }
      return filterOverScan(input)
    case .prune(let input, _, _), .project(let input, _, _, _), .aggregate(let input, _), .sort(let input, _, _),
      .limit(let input, _), .topN(let input, _, _, _), .chart(let input, _):
      return filterOverScan(input)
    default:
      return nil
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
    print(
      "touches.csv, \(read.rowCount) rows, \(format(bytes / 1e6)) MB: write \(format(written)) ms, "
        + "read \(format(readTime)) ms (\(format(bytes / 1e6 / (readTime / 1000))) MB/s)")
  }

  static func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
  }

  static func format(_ v: Double) -> String { String(format: "%.1f", v) }

  /// `text` padded with spaces to `width` characters.
  static func column(_ text: String, _ width: Int) -> String {
    text.padding(toLength: width, withPad: " ", startingAt: 0)
  }
}

/// How far the resident memory of the process rises while some work runs: the
/// memory a query takes on top of the data. A second thread reads the resident
/// size every 50 µs; freed memory is first handed back to the system, so the
/// rise is what the work touches, not what an earlier run left behind.
final class ResidentPeak: Sendable {
  private let stopped = Atomic<Bool>(false)
  private let peak: Atomic<Int>
  private let done = DispatchSemaphore(value: 0)

  private init(start: Int) { peak = Atomic(start) }

  /// The rise in bytes of the resident size while `body` runs.
  static func rise(_ body: () throws -> Void) rethrows -> Int {
    trimHeap()
    let start = resident()
    let sampler = ResidentPeak(start: start)
    Thread.detachNewThread { sampler.sample() }
    try body()
    sampler.stopped.store(true, ordering: .sequentiallyConsistent)
    sampler.done.wait()
    return max(0, max(sampler.peak.load(ordering: .sequentiallyConsistent), resident()) - start)
  }

  private func sample() {
    while true {
      let now = ResidentPeak.resident()
      _ = peak.max(now, ordering: .sequentiallyConsistent)
      if stopped.load(ordering: .sequentiallyConsistent) { break }
      usleep(50)
    }
    done.signal()
  }

  /// Hands freed heap memory back to the system (glibc's malloc_trim, looked up
  /// at run time since Swift does not see malloc.h); nothing where there is none.
  static func trimHeap() {
    #if canImport(Glibc)
      typealias Trim = @convention(c) (Int) -> Int32
      if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
  }

  /// The resident size in bytes (the second field of /proc/self/statm, in pages); 0 where there is none.
  static func resident() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
