import FunnelData
import FunnelSQL

extension DotCommand {
  /// `.engine [memory|postgres://…|sc://…]`: where statements run.
  static let engine = DotCommand(
    name: "engine", arguments: [.engine], usage: ".engine [memory|postgres://USER@HOST:PORT/DB|sc://HOST:PORT]",
    summary: "where statements run: in memory, on PostgreSQL or on Spark (no argument: which one)",
    argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit("engine: " + (session.remote.map { "\($0.dialect.rawValue) at \($0.address)" } ?? "memory") + "\n")
      return
    }
    do {
      try session.connect(engine: word.text)
    } catch let error as RemoteError {
      var d = invocation.error(error.message, at: word)
      if let hint = error.hint { d.hints.append(hint) }
      throw d
    }
    if let remote = session.remote {
      let count = session.catalog.datasetNames.count
      session.note("engine: \(remote.dialect.rawValue) at \(remote.address); " + Counts.of(count, "table"))
    } else {
      session.note("engine: memory; " + Counts.of(session.catalog.datasetNames.count, "dataset"))
    }
  }
}
