import FunnelData

/// The key columns of `attribute` for the credited touches, and its output table.
enum AttributionKeys {
  /// The value of each key at each of `touchRows`: read from the touch, or from
  /// the touched campaign (null when the touch's campaign is not in campaigns).
  static func columns(
    _ sources: [(String, AttributionVerb.KeySource)], touchRows: [Int32], touches: Table, context: MetricContext
  ) throws -> [(name: String, column: Column)] {
    var campaignRow: [Int32]? = nil
    var out: [(name: String, column: Column)] = []
    for (key, source) in sources {
      switch source {
      case .touches:
        guard let c = touches.column(key) else { throw MetricProblem.internalError("touches.\(key) vanished") }
        out.append((key, c.gather(touchRows)))
      case .campaigns:
        guard let campaigns = context.dataset("campaigns"), let c = campaigns.column(key) else {
          throw MetricProblem.internalError("campaigns.\(key) vanished")
        }
        if campaignRow == nil { campaignRow = try rowsOfCampaigns(touchRows, touches: touches, campaigns: campaigns) }
        out.append((key, gatherOrNull(c, campaignRow ?? [])))
      }
    }
    return out
  }

  /// For each touch row, the row of its campaign in `campaigns`, -1 when none.
  /// Only the ids of those touches are read, not the whole column.
  private static func rowsOfCampaigns(_ touchRows: [Int32], touches: Table, campaigns: Table) throws -> [Int32] {
    guard let tc = touches.column("campaign_id"), let cc = campaigns.column("campaign_id") else {
      throw MetricProblem(message: "campaign_id must be int or text in touches and campaigns")
    }
    // Int ids on both sides, the usual case: read each touch's id in place.
    if let ids = tc.narrowInts, let campaignIds = cc.ids() {
      return campaignRows(ids, validity: tc.validity, of: touchRows, campaignIds: campaignIds)
    }
    if case .int(let ids) = tc.data, let campaignIds = cc.ids() {
      return campaignRows(ids, validity: tc.validity, of: touchRows, campaignIds: campaignIds)
    }
    guard let (touchIds, campaignIds) = Column.linkKeys(tc.gather(touchRows), cc) else {
      throw MetricProblem(message: "campaign_id must be int or text in touches and campaigns")
    }
    let rowOfSlot = firstRows(campaignIds)
    return touchIds.map { id in
      let s = rowOfSlot.index.slot(id)
      return s < 0 ? -1 : rowOfSlot.rows[Int(s)]
    }
  }

  /// For each of `touchRows`, the row of its campaign (-1 when none), from
  /// the touches' int campaign ids as loaded, 32 or 64 bits wide.
  private static func campaignRows<T: FixedWidthInteger & SignedInteger>(
    _ ids: [T], validity: Bitmap?, of touchRows: [Int32], campaignIds: [Int64]
  ) -> [Int32] {
    let rowOfSlot = firstRows(campaignIds)
    let words = validity?.words ?? []
    return [Int32](unsafeUninitializedCapacity: touchRows.count) { buffer, initialized in
      let out = buffer
      ids.withUnsafeBufferPointer { ids in
        words.withUnsafeBufferPointer { words in
          RowChunks.forEach(touchRows.count) { _, range in
            for i in range {
              let t = Int(touchRows[i])
              let null = !words.isEmpty && words[t >> 6] & (1 << UInt64(t & 63)) == 0
              let s = null ? -1 : rowOfSlot.index.slot(Int64(ids[t]))
              out[i] = s < 0 ? -1 : rowOfSlot.rows[Int(s)]
            }
          }
        }
      }
      initialized = touchRows.count
    }
  }

  /// The campaigns' ids indexed, and the first row of each id's slot.
  private static func firstRows(_ campaignIds: [Int64]) -> (index: IdIndex, rows: [Int32]) {
    let index = IdIndex(campaignIds)
    var rowOfSlot = [Int32](repeating: -1, count: index.count)
    for (r, id) in campaignIds.enumerated() {
      let s = index.slot(id)
      if s >= 0 && rowOfSlot[Int(s)] < 0 { rowOfSlot[Int(s)] = Int32(r) }
    }
    return (index, rowOfSlot)
  }

  /// `column.gather(rows)` with null where a row is -1.
  private static func gatherOrNull(_ column: Column, _ rows: [Int32]) -> Column {
    guard column.count > 0 else {
      return Column.make(column.type, [Value](repeating: .null, count: rows.count), hint: column.hint)
    }
    let missing = rows.contains(-1)
    var out = column.gather(missing ? rows.map { max($0, 0) } : rows)
    if missing {
      var valid = out.validity ?? Bitmap(count: rows.count, value: true)
      for (i, r) in rows.enumerated() where r < 0 { valid[i] = false }
      out = Column(out.data, validity: valid, hint: out.hint)
    }
    return out
  }

  /// The output table: one row per key group and one for rows with no touch
  /// (when any). `firstRow[i]` is a row of `keys` with group i's values;
  /// `shares[m][i]` and `amounts[m][i]` its credits, the no-touch rows' last.
  static func output(
    keys: [(name: String, column: Column)], firstRow: [Int32], models: [AttributionModel], shares: [[Double]],
    amounts: [[Double]], basis: AttributionBasis, compare: Bool
  ) -> Table {
    let g = firstRow.count
    let noTouchRow = g
    // Over leads the count is what is credited.
    let amountName = AttributionVerb.amountName(basis)
    let credited = amountName == nil ? shares : amounts
    var order = Array(0..<g)
    if shares[0][noTouchRow] > 0 { order.append(noTouchRow) }
    if !compare {
      // A touched campaign the model gives nothing (first_touch, last_touch) has no row.
      order.removeAll { shares[0][$0] == 0 }
      // Amount descending, then key order (the no-touch row last among equals).
      let c = credited[0]
      order.sort { a, b in c[a] != c[b] ? c[a] > c[b] : a < b }
    }
    var names: [String] = []
    var columns: [Column] = []
    for key in keys {
      let values = order.map { i -> Value in
        if i == noTouchRow { return key.column.type == .string ? .string(AttributionVerb.noTouch) : .null }
        return key.column.value(at: Int(firstRow[i]))
      }
      names.append(key.name)
      columns.append(Column.make(key.column.type, values, hint: key.column.hint))
    }
    if compare {
      for (m, model) in models.enumerated() {
        names.append(model.name)
        columns.append(Column(.double(order.map { credited[m][$0] }), hint: amountName == nil ? .plain : .money))
      }
    } else if let amountName {
      names += ["deals", amountName]
      columns.append(Column(.double(order.map { shares[0][$0] })))
      columns.append(Column(.double(order.map { amounts[0][$0] }), hint: .money))
    } else {
      names.append("leads")
      columns.append(Column(.double(order.map { shares[0][$0] })))
    }
    return Table(names: names, columns: columns)
  }
}
