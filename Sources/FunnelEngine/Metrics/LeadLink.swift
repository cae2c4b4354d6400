import FunnelData

/// The link from deals to touches through `lead_id`: each distinct lead of the
/// deals gets a slot (in id order for int ids in a narrow range, else in order
/// of first appearance), each deal its lead's slot,
/// and each touch the slot of its lead, or -1 when its lead has no deal (or is
/// null). Ids match as `ColumnReader.linkKeys` matches them; int ids and text
/// ids on both sides are read in place, without an id array per touch.
struct LeadLink {
  /// The slot of each deal's lead; -1 when it is null.
  let dealSlots: [Int32]
  /// How many distinct leads the deals have.
  let slotCount: Int
  private let touchSide: TouchSide

  /// How a touch's lead becomes a slot.
  private enum TouchSide {
    /// Int ids in a narrow range: `table[id - base]`.
    case dense(ids: [Int64], validity: Bitmap?, base: Int64, table: [Int32])
    /// Int ids spread wide: a dictionary.
    case hashed(ids: [Int64], validity: Bitmap?, map: [Int64: Int32])
    /// Text ids: the slot of each of the column's dictionary codes.
    case coded(codes: [Int32], validity: Bitmap?, slotOfCode: [Int32])
  }

  /// nil when either side is neither int nor text.
  init?(deals: Column, touches: Column) {
    switch (deals.data, touches.data) {
    case (.int(let d), .int(let t)):
      (dealSlots, slotCount, touchSide) = LeadLink.ints(d, deals.validity, t, touches.validity)
    case (.string(let dc, let dd), .string(let tc, let td)):
      // Texts match by value: number the deals' texts, then look each of the
      // touches' distinct texts up once.
      var slotOfText = [String: Int32]()
      var slotOfDealCode = [Int32](repeating: -1, count: dd.count)
      var slots = [Int32](repeating: -1, count: dc.count)
      for d in 0..<dc.count where !deals.isNull(d) {
        let code = Int(dc[d])
        if slotOfDealCode[code] < 0 {
          let text = dd.values[code]
          if let s = slotOfText[text] {
            slotOfDealCode[code] = s
          } else {
            let s = Int32(slotOfText.count)
            slotOfText[text] = s
            slotOfDealCode[code] = s
          }
        }
        slots[d] = slotOfDealCode[code]
      }
      dealSlots = slots
      slotCount = slotOfText.count
      touchSide = .coded(codes: tc, validity: touches.validity, slotOfCode: td.values.map { slotOfText[$0] ?? -1 })
    default:
      // Int ids on one side and text on the other: match by decimal text.
      guard let (d, t) = ColumnReader.linkKeys(deals, touches) else { return nil }
      (dealSlots, slotCount, touchSide) = LeadLink.ints(d, nil, t, nil)
    }
  }

  /// Slots for int ids (`ColumnReader.nullKey` or an invalid row is null).
  private static func ints(_ deals: [Int64], _ dealValidity: Bitmap?, _ touches: [Int64], _ touchValidity: Bitmap?)
    -> ([Int32], Int, TouchSide)
  {
    let nullKey = ColumnReader.nullKey
    var lo = Int64.max, hi = Int64.min
    for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
      lo = min(lo, id)
      hi = max(hi, id)
    }
    var slots = [Int32](repeating: -1, count: deals.count)
    let span = lo > hi ? (partialValue: Int64(0), overflow: true) : hi.subtractingReportingOverflow(lo)
    if !span.overflow, span.partialValue < Int64(max(16 * deals.count, 1 << 22)) {
      // Lead ids are usually 1...n: a flat table, looked up without hashing.
      // Slots go in id order, so touches listed by lead are placed in order.
      var table = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
      for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true { table[Int(id - lo)] = 0 }
      var next: Int32 = 0
      table.withUnsafeMutableBufferPointer { table in
        for k in 0..<table.count where table[k] == 0 {
          table[k] = next
          next += 1
        }
      }
      for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
        slots[d] = table[Int(id - lo)]
      }
      return (slots, Int(next), .dense(ids: touches, validity: touchValidity, base: lo, table: table))
    }
    var map = [Int64: Int32]()
    for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
      if let s = map[id] {
        slots[d] = s
      } else {
        let s = Int32(map.count)
        map[id] = s
        slots[d] = s
      }
    }
    return (slots, map.count, .hashed(ids: touches, validity: touchValidity, map: map))
  }

  /// Writes the slots of the touches `rows` to `out[0..<rows.count]`.
  func touchSlots(_ rows: Range<Int>, into out: UnsafeMutablePointer<Int32>) {
    let lo = rows.lowerBound
    let validity: Bitmap?
    switch touchSide {
    case .dense(let ids, let v, let base, let table):
      validity = v
      let nullKey = ColumnReader.nullKey
      let size = UInt64(table.count)
      ids.withUnsafeBufferPointer { ids in
        table.withUnsafeBufferPointer { table in
          for i in 0..<rows.count {
            let id = ids[lo + i]
            let k = UInt64(bitPattern: id &- base)
            // One compare covers ids below the base (they wrap to huge) and above the table.
            out[i] = k < size && id != nullKey ? table[Int(k)] : -1
          }
        }
      }
    case .hashed(let ids, let v, let map):
      validity = v
      for i in 0..<rows.count {
        let id = ids[lo + i]
        out[i] = id == ColumnReader.nullKey ? -1 : map[id] ?? -1
      }
    case .coded(let codes, let v, let slotOfCode):
      validity = v
      if slotOfCode.isEmpty {
        out.update(repeating: -1, count: rows.count)
        return
      }
      codes.withUnsafeBufferPointer { codes in
        slotOfCode.withUnsafeBufferPointer { slotOfCode in
          for i in 0..<rows.count { out[i] = slotOfCode[Int(codes[lo + i])] }
        }
      }
    }
    guard let valid = validity else { return }
    valid.words.withUnsafeBufferPointer { words in
      for i in 0..<rows.count {
        let r = lo + i
        // 0 for a valid row, all ones for a null one: no branch on random nulls.
        let null = Int32(truncatingIfNeeded: (words[r >> 6] >> UInt64(r & 63)) & 1) &- 1
        out[i] |= null
      }
    }
  }
}
