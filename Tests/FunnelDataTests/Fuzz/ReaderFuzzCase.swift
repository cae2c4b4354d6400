import Foundation
import FunnelData

#if canImport(FunnelTestSupport)
  import FunnelTestSupport
#endif

/// One fuzz input for the file readers: the first byte picks the read
/// options and the file's extension, the rest is the file. Shared by the
/// libFuzzer targets (Fuzz/csv, Fuzz/json) and the replay of saved inputs
/// (FuzzRegressionTests), so a saved crash replays through the same code.
///
/// Option byte, bit by bit: 0 the extension (csv: .csv or .tsv; json: .json
/// or .jsonl); 1 decimal comma; 2 null tokens `NA` and `unknown`; 3 date
/// format `%d/%m/%Y` and bool tokens `yes`/`no`; 4 the first header field
/// forced to the type in bits 5-7 (`ForcedType`'s cases in order, 7 = none).
///
/// A read must end in a `Table` (every column as long as the row count, each
/// value readable, the table writable as CSV and JSON) or a `FileError`.
enum ReaderFuzzCase {
  enum Family { case csv, json }

  /// A fresh temporary path to write an input to (removed after the read):
  /// the readers take paths, and the extension matters. Unique per call, as
  /// the tests replay inputs in parallel.
  static func path(_ fileExtension: String) -> String {
    NSTemporaryDirectory() + "funnel-fuzz-\(UUID().uuidString)." + fileExtension
  }

  static func run(_ bytes: [UInt8], family: Family) -> [String] {
    guard let flags = bytes.first else { return [] }
    let body = Array(bytes.dropFirst())
    let extensions = family == .csv ? ["csv", "tsv"] : ["json", "jsonl"]
    let path = path(extensions[Int(flags & 1)])
    guard FileManager.default.createFile(atPath: path, contents: Data(body)) else {
      return ["could not write \(path)"]
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let table: Table
    do {
      table = try TableReader.read(path: path, options: options(flags, body))
    } catch is FileError {
      return []
    } catch {
      return ["the reader threw \(type(of: error)): \(error)"]
    }
    return check(table)
  }

  static func options(_ flags: UInt8, _ body: [UInt8]) -> ReadOptions {
    var options = ReadOptions()
    options.decimalComma = flags & 1 << 1 != 0
    if flags & 1 << 2 != 0 { options.nullTokens = ["NA", "unknown"] }
    if flags & 1 << 3 != 0 {
      options.dateFormat = "%d/%m/%Y"
      options.boolTokens = ("yes", "no")
    }
    let kind = Int(flags >> 5)
    if flags & 1 << 4 != 0, kind < ForcedType.allCases.count {
      let header = body.prefix { $0 != 10 && $0 != 13 }
      let first = header.prefix { $0 != 44 && $0 != 59 && $0 != 9 && $0 != 124 }
      let name = String(decoding: first, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
      options.types[name] = ForcedType.allCases[kind]
    }
    return options
  }

  static func check(_ table: Table) -> [String] { TableCheck.problems(table, writing: [.csv, .json]) }

}
