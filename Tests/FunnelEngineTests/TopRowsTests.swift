import FunnelData
import Testing

@testable import FunnelEngine

/// `sort x | take n` on one key keeps the best `n` rows without sorting them
/// all, each half of the rows on a core, most rows turned away by a test of
/// the worst value kept. The rows it gives must be the first `n` of a full
/// stable sort: ties by row number, nulls last in either direction.
struct TopRowsTests {
  /// The first `limit` rows of a full sort, made the plain way.
  static func expected(_ values: [Int64], valid: [Bool], descending: Bool, limit: Int) -> [Int32] {
    let order = values.indices.sorted { a, b in
      if valid[a] != valid[b] { return valid[a] }
      if !valid[a] || values[a] == values[b] { return a < b }
      return descending ? values[a] > values[b] : values[a] < values[b]
    }
    return order.prefix(limit).map { Int32($0) }
  }

  @Test(arguments: [false, true])
  func theBestRowsOfAFullSort(descending: Bool) {
    var random = SplitMix64(seed: descending ? 7 : 11)
    for trial in 0..<300 {
      let n = Int.random(in: 40...3_000, using: &random)
      // Few distinct values make ties common; some trials have no nulls,
      // some mostly nulls, some only nulls at the start.
      let spread = Int64([3, 50, 1_000_000][trial % 3])
      let nullShare = [0, 10, 90, 0][trial % 4]
      var values: [Int64] = []
      var valid: [Bool] = []
      for r in 0..<n {
        values.append(Int64.random(in: -spread...spread, using: &random))
        let isNull = trial % 4 == 3 ? r < n / 3 : Int.random(in: 0..<100, using: &random) < nullShare
        valid.append(!isNull)
      }
      let limit = Int.random(in: 1...(n / 4 - 1), using: &random)
      let validity = valid.allSatisfy { $0 } ? nil : Bitmap(valid)
      let got = SortKeys.permutation(
        [(values: values, validity: validity, descending: descending)], count: n, limit: limit)
      let want = TopRowsTests.expected(values, valid: valid, descending: descending, limit: limit)
      #expect(got == want, "trial \(trial): n \(n), limit \(limit), spread \(spread), nulls \(nullShare)%")
      if got != want { return }
    }
  }

  /// The general path (two keys) keeps the same rule.
  @Test func twoKeysAgreeWithAFullSort() {
    var random = SplitMix64(seed: 3)
    let n = 2_000
    let first = (0..<n).map { _ in Int64.random(in: 0...4, using: &random) }
    let second = (0..<n).map { _ in Int64.random(in: 0...9, using: &random) }
    let got = SortKeys.permutation(
      [(values: first, validity: nil, descending: true), (values: second, validity: nil, descending: false)],
      count: n, limit: 37)
    let want = (0..<n).sorted { a, b in
      if first[a] != first[b] { return first[a] > first[b] }
      if second[a] != second[b] { return second[a] < second[b] }
      return a < b
    }.prefix(37).map { Int32($0) }
    #expect(got == want)
  }
}
