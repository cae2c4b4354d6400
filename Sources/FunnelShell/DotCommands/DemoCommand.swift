import FunnelData

extension DotCommand {
  /// `.demo [leads] [seed]`: regenerates the five standard datasets.
  static let demo = DotCommand(
    name: "demo", arguments: [.value, .value], usage: ".demo [LEADS] [SEED]",
    summary: "make the demo datasets again (default 20,000 leads, seed 42)", argumentCount: 0...2
  ) { session, invocation in
    var leads = DemoData.defaultLeads
    var seed = DemoData.defaultSeed
    let words = invocation.words
    if words.count > 0 {
      guard let n = Int(words[0].text.replacingOccurrences(of: "_", with: "")), n >= 1, n <= DemoData.maxLeads else {
        throw invocation.error(
          "the number of leads must be a whole number from 1 to \(Counts.grouped(DemoData.maxLeads))", at: words[0])
      }
      leads = n
    }
    if words.count > 1 {
      guard let s = UInt64(words[1].text) else {
        throw invocation.error("the seed must be a whole number", at: words[1])
      }
      seed = s
    }
    do {
      try session.loadDemo(leads: leads, seed: seed)
    } catch let exceeded as MemoryLimitExceeded {
      throw session.memoryDiagnostic(exceeded, at: words.first?.span ?? invocation.nameSpan)
    }
    if session.interactive { session.note(session.datasetSummary()) }
  }
}

extension Session {
  /// `campaigns 48 · leads 20,000 · ...`: the loaded datasets with row
  /// counts; on a server, its address and its tables.
  public func datasetSummary() -> String {
    let names = catalog.datasetNames
    if let remote {
      let tables =
        names.isEmpty
        ? "no tables yet; '.load NAME PATH' copies a file there"
        : Counts.of(names.count, "table") + ": " + names.joined(separator: ", ")
      return "engine: \(remote.address) · " + tables
    }
    if names.isEmpty { return "no datasets loaded" }
    return names.map { name in
      name + " " + Counts.grouped(catalog.dataset(name)?.rowCount ?? 0)
    }.joined(separator: " · ")
  }
}
