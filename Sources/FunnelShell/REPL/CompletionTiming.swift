import Foundation
import FunnelData

/// `funnel --time-completion`: how long Tab takes on a wide table, for
/// scripts/bench. Loads a 200-column table `wide` and completes column names
/// at the end of a pipeline that derives one more, the slowest common case
/// (the prefix is parsed and bound on every Tab).
enum CompletionTiming {
  static func run(in session: Session) -> Int32 {
    let names = (1...200).map { "column_\($0)" }
    let columns = names.indices.map { i in Column(.int([Int64](repeating: Int64(i), count: 1_000))) }
    session.catalog.setDataset("wide", Table(names: names, columns: columns))
    let line = "wide | where column_1 > 0 | derive extra = column_2 * 2 | select column_1"
    var samples: [Double] = []
    var candidates = 0
    for _ in 0..<101 {
      let start = DispatchTime.now().uptimeNanoseconds
      candidates = Completer.complete(line: line, cursor: line.utf8.count, session: session).candidates.count
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    session.console.writeError(
      "completion: " + Session.milliseconds(samples[samples.count / 2]) + " (\(candidates) candidates)\n")
    session.console.flush()
    return 0
  }
}
