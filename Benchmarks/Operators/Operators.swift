import Benchmark
import FunnelData

/// The engine's hot operators on 200,000 demo leads (about 790,000 touches,
/// 24,000 deals), measured in counts that do not depend on how busy the
/// machine is: heap allocations always, instructions where the machine has a
/// hardware counter, and CPU time with a wide tolerance (see
/// `GuardSettings`). `scripts/bench-guard` runs them and checks them against
/// Benchmarks/Thresholds.
///
/// The library runs each benchmark in a process of its own, so the data is
/// made in each one's `setup` (outside the measurement), never here.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = GuardSettings.configuration

  Benchmark("csv load") { benchmark, file in
    for _ in benchmark.scaledIterations { try timed(benchmark) { try file.read() } }
  } setup: {
    try DemoFile.leads()
  } teardown: {
    DemoFile.removeAll()
  }

  statement("filter", #"leads | where channel == "email" and score >= 50 | count"#)
  statement("group by", "leads | agg n = count(), s = avg(score) by region, company_size")
  statement("count_distinct", "touches | agg l = count_distinct(lead_id) by campaign_id | top 5 by l")
  statement("join", "touches | join leads on lead_id | count by region")
  statement("sort + take", "touches | sort touched_at desc | take 10")
  statement("funnel", "leads | funnel by channel")
  statement("attribution", "deals | attribute linear by channel")
}

/// A benchmark of one statement, bound and run on the demo data each iteration.
private func statement(_ name: String, _ text: String) {
  Benchmark(name) { benchmark, query in
    for _ in benchmark.scaledIterations { try timed(benchmark) { try query.run() } }
  } setup: {
    try DemoQuery(text)
  }
}

/// Runs `body` once, recording its CPU time as `GuardSettings.cpuTime`.
private func timed<T>(_ benchmark: Benchmark, _ body: () throws -> T) rethrows {
  let start = ProcessTime.microseconds()
  blackHole(try body())
  benchmark.measurement(GuardSettings.cpuTime, ProcessTime.microseconds() - start)
}
