/// How the demo data is named where a person reads it (`.tables`'s sources,
/// the progress file) and read back from that text (`.progress export`'s
/// seed and leads columns): "demo data, 20,000 leads, seed 42".
struct DemoDescription {
  let leads: Int
  let seed: UInt64

  init(leads: Int, seed: UInt64) {
    self.leads = leads
    self.seed = seed
  }

  /// Nil for any text `text` did not make (a file's path, a server).
  init?(_ text: String) {
    guard text.hasPrefix("demo data, "), let leadsEnd = text.range(of: " leads, seed ") else { return nil }
    let leadsText = text[text.index(text.startIndex, offsetBy: 11)..<leadsEnd.lowerBound].filter { $0 != "," }
    let seedText = text[leadsEnd.upperBound...].prefix { $0.isNumber }
    guard let leads = Int(leadsText), let seed = UInt64(seedText) else { return nil }
    self.leads = leads
    self.seed = seed
  }

  var text: String { "demo data, \(Counts.grouped(leads)) leads, seed \(seed)" }
}
