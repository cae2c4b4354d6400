import FunnelData

/// The credit `attribute` gives each key group, deal by deal (the rules are
/// `AttributionVerb`'s and `AttributionModel`'s).
///
/// The work per deal (finding its touches before the close, weighing them) is
/// split across the cores and written to one list of credits in deal order: a
/// weight and a group per touch. The sums are then taken on one thread, along
/// that list: each group's total is added up in the same order as deal after
/// deal, touch after touch, so the results are the same to the last bit
/// whatever the number of cores.
struct AttributionCredits {
  /// `shares[m][i]` and `revenue[m][i]` for model m: i indexes `groups`, and
  /// the last slot is the deals with no touch.
  let shares: [[Double]]
  let revenue: [[Double]]
  /// The key groups some deal's touches fell in, in key order.
  let groups: [Int]

  /// Credits the deals (a row each in `closed`) to the groups of their touches:
  /// `groupAt[p]` is the key group of the touch at position p of `index`.
  /// `closed` and `created` are the deals' days (a null close counts as `today`).
  init(
    index: TouchIndex, groupAt: [Int32], groupCount: Int, closed: [Int32], created: [Int32]?, today: Int32,
    amount: MoneyColumn, models: [AttributionModel]
  ) {
    let n = closed.count
    let nullDay = Column.nullDay
    // Each deal's touches: a prefix of its lead's run.
    var runStart = [Int32](repeating: 0, count: n)
    var runEnd = [Int32](repeating: 0, count: n)
    runStart.withUnsafeMutableBufferPointer { buffer in
      let runStart = buffer
      runEnd.withUnsafeMutableBufferPointer { buffer in
        let runEnd = buffer
        RowChunks.forEach(n) { _, deals in
          for d in deals {
            let run = index.touches(ofDeal: d, onOrBefore: closed[d] == nullDay ? today : closed[d])
            (runStart[d], runEnd[d]) = (Int32(run.lowerBound), Int32(run.upperBound))
          }
        }
      }
    }
    // Deal d's credits are `first[d]..<first[d + 1]` of the list.
    var starts = [Int](repeating: 0, count: n + 1)
    for d in 0..<n { starts[d + 1] = starts[d] + Int(runEnd[d] - runStart[d]) }
    let first = starts
    let total = first[n]

    // The group of each credit (filled with the first model's weights) and its weight under each model.
    var group = [Int32](repeating: 0, count: total)
    var weight = [Double](repeating: 0, count: total)
    var shares: [[Double]] = []
    var revenue: [[Double]] = []
    var used = [Bool](repeating: false, count: groupCount)
    for (m, model) in models.enumerated() {
      group.withUnsafeMutableBufferPointer { buffer in
        let group = buffer
        weight.withUnsafeMutableBufferPointer { buffer in
          let weight = buffer
          RowChunks.forEach(n) { _, deals in
            var weights = [Double](repeating: 0, count: 16)
            var ages = [Int32](repeating: 0, count: 16)
            for d in deals {
              let lo = Int(runStart[d]), count = Int(runEnd[d]) - lo
              if count == 0 { continue }
              if ages.count < count { ages = [Int32](repeating: 0, count: count) }
              let close = closed[d] == nullDay ? today : closed[d]
              let opened = created?[d] ?? nullDay
              var opportunity: Int? = nil
              for i in 0..<count {
                let day = index.days[lo + i]
                ages[i] = close - day
                if opened != nullDay, day <= opened { opportunity = i }
              }
              model.weights(&weights, count: count, opportunity: opportunity, ages: ages)
              let at = first[d]
              for i in 0..<count { weight[at + i] = weights[i] }
              if m == 0 { for i in 0..<count { group[at + i] = groupAt[lo + i] } }
            }
          }
        }
      }
      // The sums, deal after deal in row order (see the type's description).
      var share = [Double](repeating: 0, count: groupCount + 1)
      var money = share
      share.withUnsafeMutableBufferPointer { buffer in
        let share = buffer
        money.withUnsafeMutableBufferPointer { buffer in
          let money = buffer
          for d in 0..<n {
            let value = amount.isNull(d) ? 0 : amount.double(d)
            if first[d] == first[d + 1] {
              share[groupCount] += 1
              money[groupCount] += value
              continue
            }
            for k in first[d]..<first[d + 1] {
              let g = Int(group[k])
              share[g] += weight[k]
              money[g] += weight[k] * value
            }
          }
        }
      }
      if m == 0 { for g in group { used[Int(g)] = true } }
      shares.append(share)
      revenue.append(money)
    }
    // Only the groups of credited touches have a row (the index places every
    // touch of a deal's lead, some after the close).
    let kept = (0..<groupCount).filter { used[$0] }
    self.groups = kept
    self.shares = shares.map { s in kept.map { s[$0] } + [s[groupCount]] }
    self.revenue = revenue.map { r in kept.map { r[$0] } + [r[groupCount]] }
  }
}
