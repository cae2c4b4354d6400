import FunnelRender

/// Counts as the tables show them (`20,000`, `1 row`, `3 columns`), for the
/// shell's own lines.
enum Counts {
  static func grouped(_ n: Int) -> String { NumberFormat.display(.int(Int64(n)), hint: .plain) }

  static func of(_ n: Int, _ noun: String) -> String { grouped(n) + " " + noun + (n == 1 ? "" : "s") }
}
