import FunnelData

/// The credit `attribute` gives each key group, row after row (a deal or a
/// lead; the rules are `AttributionVerb`'s and `AttributionModel`'s).
///
/// The work per row (finding its touches, its positions, weighing them) is
/// split across the cores and written to one list of credits in row order: a
/// weight and a group per touch. The sums are then taken on one thread, along
/// that list: each group's total is added up in the same order as row after
/// row, touch after touch, so the results are the same to the last bit
/// whatever the number of cores.
struct AttributionCredits {
  /// `shares[m][i]` and `amounts[m][i]` for model m: i indexes `groups`, and
  /// the last slot is the rows with no touch.
  let shares: [[Double]]
  let amounts: [[Double]]
  /// The key groups some row's touches fell in, in key order.
  let groups: [Int]

  /// Credits the rows (`days.count` of them) to the groups of their touches:
  /// `groupAt[p]` is the key group of the touch at position p of `index`.
  init(
    index: TouchIndex, groupAt: [Int32], groupCount: Int, days: AttributionDays, amount: [Double],
    models: [AttributionModel]
  ) {
    let n = days.end.count
    let list = CreditList(index: index, days: days)
    let total = list.first[n]
    var group = [Int32](repeating: 0, count: total)
    for d in 0..<n {
      let lo = Int(list.runStart[d])
      for k in list.first[d]..<list.first[d + 1] { group[k] = groupAt[lo + k - list.first[d]] }
    }
    var shares: [[Double]] = []
    var amounts: [[Double]] = []
    var used = [Bool](repeating: false, count: groupCount)
    for g in group { used[Int(g)] = true }
    for model in models {
      let weight = list.weights(model, index: index, days: days)
      // The sums, row after row in order (see the type's description).
      var share = [Double](repeating: 0, count: groupCount + 1)
      var money = share
      for d in 0..<n {
        let value = amount[d]
        if list.first[d] == list.first[d + 1] {
          share[groupCount] += 1
          money[groupCount] += value
          continue
        }
        for k in list.first[d]..<list.first[d + 1] {
          let g = Int(group[k])
          share[g] += weight[k]
          money[g] += weight[k] * value
        }
      }
      shares.append(share)
      amounts.append(money)
    }
    // Only the groups of credited touches have a row (the index places every
    // touch of a row's lead, some after its window).
    let kept = (0..<groupCount).filter { used[$0] }
    self.groups = kept
    self.shares = shares.map { s in kept.map { s[$0] } + [s[groupCount]] }
    self.amounts = amounts.map { r in kept.map { r[$0] } + [r[groupCount]] }
  }

  /// The amount `model` credits to each row of `touches`, from `deals` on
  /// `basis` (`.closed`: each deal's amount over its touches up to its close;
  /// `.pipeline`: up to its creation; `.leads` takes leads and credits 1 each).
  /// Touches no row credits get 0; the credits of one deal sum to its amount
  /// (a deal with no touch credits none). For metrics that credit revenue to
  /// campaigns by a model: sum the result by `touches.campaign_id`.
  static func perTouch(
    rows: Table, basis: AttributionBasis, model: AttributionModel, context: MetricContext
  ) throws -> [Double] {
    try perTouchShares(rows: rows, basis: basis, model: model, context: context).credits
  }

  /// `perTouch`, with the share of a row each touch holds beside it (the
  /// shares of one row sum to 1): one index of the touches for both.
  static func perTouchShares(
    rows: Table, basis: AttributionBasis, model: AttributionModel, context: MetricContext
  ) throws -> (shares: [Double], credits: [Double]) {
    precondition(model != .compare, "perTouch takes one model")
    let input = try AttributionInput.read(rows: rows, basis: basis, context: context)
    let list = CreditList(index: input.index, days: input.days)
    let weight = list.weights(model, index: input.index, days: input.days)
    var shares = [Double](repeating: 0, count: input.touches.rowCount)
    var credits = shares
    for d in 0..<input.days.end.count {
      let lo = Int(list.runStart[d])
      for k in list.first[d]..<list.first[d + 1] {
        let t = Int(input.index.rows[lo + k - list.first[d]])
        shares[t] += weight[k]
        credits[t] += weight[k] * input.amount[d]
      }
    }
    return (shares, credits)
  }
}

/// The days that place one row's touches: its window ends on `end` (touches
/// on or before it count; also the day `time_decay` measures ages from), the
/// lead-creation touch is the last on or before `leadCreated`, the
/// opportunity-creation touch the last on or before `opened`
/// (`Column.nullDay` when unknown: then the first touch holds the position).
struct AttributionDays {
  var end: [Int32]
  var leadCreated: [Int32]
  var opened: [Int32]
}

/// Each row's run of counted touches, and their weights under a model: row
/// d's credits are `first[d]..<first[d + 1]` of a list in row order.
private struct CreditList {
  var runStart: [Int32]
  var first: [Int]

  init(index: TouchIndex, days: AttributionDays) {
    let n = days.end.count
    // Each row's touches: a prefix of its lead's run.
    var runStart = [Int32](repeating: 0, count: n)
    var runEnd = [Int32](repeating: 0, count: n)
    runStart.withUnsafeMutableBufferPointer { buffer in
      let runStart = buffer
      runEnd.withUnsafeMutableBufferPointer { buffer in
        let runEnd = buffer
        RowChunks.forEach(n) { _, rows in
          for d in rows {
            let run = index.touches(ofDeal: d, onOrBefore: days.end[d])
            (runStart[d], runEnd[d]) = (Int32(run.lowerBound), Int32(run.upperBound))
          }
        }
      }
    }
    var first = [Int](repeating: 0, count: n + 1)
    for d in 0..<n { first[d + 1] = first[d] + Int(runEnd[d] - runStart[d]) }
    self.runStart = runStart
    self.first = first
  }

  /// The weight of each credit in the list under `model`.
  func weights(_ model: AttributionModel, index: TouchIndex, days: AttributionDays) -> [Double] {
    let n = days.end.count
    var weight = [Double](repeating: 0, count: first[n])
    weight.withUnsafeMutableBufferPointer { buffer in
      let weight = buffer
      RowChunks.forEach(n) { _, rows in
        var weights = [Double](repeating: 0, count: 16)
        var ages = [Int32](repeating: 0, count: 16)
        for d in rows {
          let lo = Int(runStart[d]), count = first[d + 1] - first[d]
          if count == 0 { continue }
          if ages.count < count { ages = [Int32](repeating: 0, count: count) }
          let end = days.end[d], leadCreated = days.leadCreated[d], opened = days.opened[d]
          var positions = AttributionPositions()
          for i in 0..<count {
            let day = index.days[lo + i]
            ages[i] = end - day
            // Null days are Int32.min: no touch is on or before them.
            if day <= leadCreated { positions.leadCreation = i }
            if day <= opened { positions.opportunity = i }
          }
          model.weights(&weights, count: count, positions: positions, ages: ages)
          let at = first[d]
          for i in 0..<count { weight[at + i] = weights[i] }
        }
      }
    }
    return weight
  }
}
