import Foundation
import FunnelData
import FunnelSQL

// Built into the libFuzzer binary together with the Arrow reader's sources
// and TableCheck.swift (scripts/fuzz), where there is no FunnelSpark or
// FunnelTestSupport module to import.
#if canImport(FunnelSpark)
  @testable import FunnelSpark
  import FunnelTestSupport
#endif

/// One fuzz input for the Arrow reader: the bytes as the body of one Spark
/// Connect `ArrowBatch`, read twice by the same reader (the second time with
/// the first read's schema kept, as a result's later batches are).
///
/// A read must end in tables (names and columns in step, every column as long
/// as the row count, each value readable, the table writable as CSV) or a
/// `RemoteError`, never a crash.
enum ArrowFuzzCase {
  static func run(_ bytes: [UInt8]) -> [String] {
    var reader = ArrowStreamReader()
    var problems: [String] = []
    for _ in 0..<2 {
      guard let tables = try? reader.tables(in: Data(bytes)) else { return problems }
      for table in tables { problems += check(table) }
    }
    return problems
  }

  /// The tables an input reads into; nil when it is refused.
  static func tables(_ bytes: [UInt8]) -> [Table]? {
    var reader = ArrowStreamReader()
    return try? reader.tables(in: Data(bytes))
  }

  static func check(_ table: Table) -> [String] { TableCheck.problems(table, writing: [.csv]) }

}
