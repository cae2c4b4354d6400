import Foundation
import FunnelData
import FunnelSQL
import Testing

@testable import FunnelSpark

/// Bytes that are not a well-formed Arrow stream: the reader throws
/// `RemoteError(.unsupported)` (or, where the damage happens to leave a
/// valid stream, reads it); it never crashes and never reads out of bounds.
struct ArrowMalformedTests {
  static let valid = ArrowTestStream.bytes(
    names: ["id", "name", "amount", "day", "at", "ok", "x"],
    batches: [
      [
        .int64([1, nil, 3]), .utf8(["a", nil, "ccc"]), .decimal128([100, 250, nil], precision: 10, scale: 2),
        .date32([1, 2, nil]), .timestamp([nil, 5, 6], unit: 2, zone: "UTC"), .bool([true, nil, false]),
        .double([0.5, 1, nil]),
      ],
      [
        .int64([4]), .utf8(["d"]), .decimal128([1], precision: 10, scale: 2), .date32([4]),
        .timestamp([7], unit: 2, zone: "UTC"), .bool([true]), .double([2]),
      ],
    ])

  func readOrFail(_ data: Data) {
    var reader = ArrowStreamReader()
    do {
      _ = try reader.tables(in: data)
    } catch {
      #expect(error.kind == .unsupported)
    }
  }

  @Test func theValidStreamReads() throws {
    var reader = ArrowStreamReader()
    #expect(try reader.tables(in: Self.valid).map(\.rowCount) == [3, 1])
  }

  @Test func everyPrefixIsReadOrRefused() {
    for n in 0..<Self.valid.count { readOrFail(Self.valid.prefix(n)) }
  }

  @Test func everyByteDamagedIsReadOrRefused() {
    for i in 0..<Self.valid.count {
      for flip: UInt8 in [0xFF, 0x80, 0x01, 0x7F] {
        var damaged = Self.valid
        damaged[i] ^= flip
        readOrFail(damaged)
      }
    }
  }

  @Test func randomBytesAreRefused() {
    var rng = SplitMix(seed: 42)
    for _ in 0..<2_000 {
      let count = Int(rng.next() % 300)
      var bytes = [UInt8](repeating: 0, count: count)
      for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
      // Half of them start like a message, to get past the first check.
      if count >= 8, rng.next() % 2 == 0 { bytes.replaceSubrange(0..<4, with: [0xFF, 0xFF, 0xFF, 0xFF]) }
      readOrFail(Data(bytes))
    }
  }

  @Test func rowsBeforeTheSchemaAreRefused() {
    let batch = Data(ArrowTestStream.recordBatch([.int64([1])]))
    var reader = ArrowStreamReader()
    let error = #expect(throws: RemoteError.self) { try reader.tables(in: batch) }
    #expect(error?.message.contains("before their schema") == true)
  }

  @Test func compressedBatchesAreRefused() {
    let column = ArrowTestColumn.int64([1])
    let stream = Data(
      ArrowTestStream.schema(names: ["n"], columns: [column]) + ArrowTestStream.recordBatch([column], compressed: true))
    var reader = ArrowStreamReader()
    let error = #expect(throws: RemoteError.self) { try reader.tables(in: stream) }
    #expect(error?.message.contains("compressed") == true)
  }

  @Test func nestedTypesAreRefusedByColumnName() {
    // The Type union's tag 12 is a list.
    let list = ArrowTestColumn(typeTag: 12, typeFields: [], length: 0, nullCount: 0, buffers: [])
    let stream = ArrowTestStream.bytes(names: ["tags"], batches: [[list]])
    var reader = ArrowStreamReader()
    let error = #expect(throws: RemoteError.self) { try reader.tables(in: stream) }
    #expect(error?.message == "column 'tags' has type array, which Funnel cannot hold")
  }

  @Test func aBufferOutsideTheBodyIsRefused() {
    var column = ArrowTestColumn.int64([1, 2])
    column.length = 1_000
    let stream = ArrowTestStream.bytes(names: ["n"], batches: [[column]])
    var reader = ArrowStreamReader()
    #expect(throws: RemoteError.self) { try reader.tables(in: stream) }
  }
}

/// A small deterministic generator for the random inputs.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
