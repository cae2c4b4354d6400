import FunnelData

/// The link from deals to touches through `lead_id`: each distinct lead of the
/// deals gets a slot (in id order for int ids in a narrow range, else in order
/// of first appearance), each deal its lead's slot, and each touch the slot of
/// its lead, or -1 when its lead has no deal (or is null): a key per touch
/// first (`touchKeys`), turned into a slot for the touches kept (`slots`).
/// Ids match as `Column.linkKeys` matches them; int ids and text ids on
/// both sides are read in place, without an id array per touch.
struct LeadLink {
  /// The slot of each deal's lead; -1 when it is null.
  let dealSlots: [Int32]
  /// How many distinct leads the deals have.
  let slotCount: Int
  private let touchSide: TouchSide

  /// How a touch's lead becomes a slot.
  private enum TouchSide {
    /// Int ids in a narrow range: bit `id - base` of `marks` is set for the
    /// deals' ids (8 to a byte), and an id's slot is how many marked ids are
    /// below it: `ranks[byte]` and the marked bits below it in its byte. Slots
    /// go in id order, and the index takes 5 bits per id of the range, not 32.
    case dense(ids: TouchIds, validity: Bitmap?, base: Int64, marks: [UInt8], ranks: [Int32])
    /// Int ids spread wide: a dictionary.
    case hashed(ids: TouchIds, validity: Bitmap?, map: [Int64: Int32])
    /// Text ids: the slot of each of the column's dictionary codes.
    case coded(codes: [Int32], validity: Bitmap?, slotOfCode: [Int32])
  }

  /// The touches' int lead ids, read in place: 32 bits wide as loaded when
  /// they fit (`Column.narrowInts`), else 64.
  private enum TouchIds {
    case wide([Int64])
    case narrow([Int32])
  }

  /// The number of bits set in each byte value.
  private static let bitCount: [UInt8] = (0..<256).map { UInt8(($0 as Int).nonzeroBitCount) }

  /// nil when either side is neither int nor text.
  init?(deals: Column, touches: Column) {
    if let t = touches.narrowInts, case .int(let d) = deals.data {
      (dealSlots, slotCount, touchSide) = LeadLink.ints(d, deals.validity, .narrow(t), touches.validity)
      return
    }
    switch (deals.data, touches.data) {
    case (.int(let d), .int(let t)):
      (dealSlots, slotCount, touchSide) = LeadLink.ints(d, deals.validity, .wide(t), touches.validity)
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
      guard let (d, t) = Column.linkKeys(deals, touches) else { return nil }
      (dealSlots, slotCount, touchSide) = LeadLink.ints(d, nil, .wide(t), nil)
    }
  }

  /// Slots for int ids (`Column.nullKey` or an invalid row is null).
  private static func ints(_ deals: [Int64], _ dealValidity: Bitmap?, _ touches: TouchIds, _ touchValidity: Bitmap?)
    -> ([Int32], Int, TouchSide)
  {
    let nullKey = Column.nullKey
    var lo = Int64.max, hi = Int64.min
    for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
      lo = min(lo, id)
      hi = max(hi, id)
    }
    var slots = [Int32](repeating: -1, count: deals.count)
    let span = lo > hi ? (partialValue: Int64(0), overflow: true) : hi.subtractingReportingOverflow(lo)
    if !span.overflow, span.partialValue < Int64(min(max(64 * deals.count, 1 << 24), Int(Int32.max))) {
      // Lead ids are usually 1...n: marks looked up without hashing. Slots in id
      // order place touches listed by lead in order.
      var marks = [UInt8](repeating: 0, count: Int(span.partialValue) / 8 + 1)
      for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
        let k = Int(id - lo)
        marks[k >> 3] |= 1 << UInt8(k & 7)
      }
      var ranks = [Int32](repeating: 0, count: marks.count)
      var total: Int32 = 0
      for b in 0..<marks.count {
        ranks[b] = total
        total += Int32(marks[b].nonzeroBitCount)
      }
      for (d, id) in deals.enumerated() where id != nullKey && dealValidity?[d] ?? true {
        let k = Int(id - lo)
        slots[d] = ranks[k >> 3] + Int32(bitCount[Int(marks[k >> 3]) & ((1 << (k & 7)) - 1)])
      }
      return (slots, Int(total), .dense(ids: touches, validity: touchValidity, base: lo, marks: marks, ranks: ranks))
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

  /// Writes a key for each touch of `rows` to `out[0..<rows.count]`: -1 when
  /// the touch's lead has no deal (or is null), else a number that `slots`
  /// turns into the lead's slot. Most touches have no deal: the keys are cheap,
  /// and only the touches kept are then resolved.
  func touchKeys(_ rows: Range<Int>, into out: UnsafeMutablePointer<Int32>) {
    let lo = rows.lowerBound
    let validity: Bitmap?
    switch touchSide {
    case .dense(let ids, let v, let base, let marks, _):
      // The key is the id's offset from the base: the ranks are read for the kept ones only.
      validity = v
      switch ids {
      case .wide(let ids): LeadLink.denseKeys(ids, lo: lo, count: rows.count, base: base, marks: marks, into: out)
      case .narrow(let ids): LeadLink.denseKeys(ids, lo: lo, count: rows.count, base: base, marks: marks, into: out)
      }
    case .hashed(let ids, let v, let map):
      validity = v
      switch ids {
      case .wide(let ids):
        for i in 0..<rows.count {
          let id = ids[lo + i]
          out[i] = id == Column.nullKey ? -1 : map[id] ?? -1
        }
      case .narrow(let ids):
        // Null rows are dropped by their validity below.
        for i in 0..<rows.count { out[i] = map[Int64(ids[lo + i])] ?? -1 }
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

  /// `touchKeys` for int ids in a narrow range (see `TouchSide.dense`).
  @inline(__always)
  private static func denseKeys<T: FixedWidthInteger & SignedInteger>(
    _ ids: [T], lo: Int, count: Int, base: Int64, marks: [UInt8], into out: UnsafeMutablePointer<Int32>
  ) {
    let nullKey = Column.nullKey
    let size = UInt64(marks.count * 8)
    ids.withUnsafeBufferPointer { ids in
      marks.withUnsafeBufferPointer { marks in
        for i in 0..<count {
          let id = Int64(ids[lo + i])
          // One compare covers ids below the base (they wrap to huge) and past the
          // marks; an id outside reads byte 0 and is then dropped. The tests are 0 or 1
          // in an Int, combined without a branch: which leads have a deal is random.
          let k = UInt64(bitPattern: id &- base)
          let inside = (k < size ? 1 : 0) & (id != nullKey ? 1 : 0)
          let at = Int(truncatingIfNeeded: k) & -inside
          let member = inside & (Int(marks[at >> 3]) >> (at & 7)) & 1
          // The offset when a member (member - 1 = 0), else -1 (all ones).
          out[i] = Int32(truncatingIfNeeded: (at & -member) | (member &- 1))
        }
      }
    }
  }

  /// Turns keys of `touchKeys` (none -1) into slots, in place.
  func slots(ofKeys keys: UnsafeMutablePointer<Int32>, count: Int) {
    guard case .dense(_, _, _, let marks, let ranks) = touchSide else { return }
    marks.withUnsafeBufferPointer { marks in
      ranks.withUnsafeBufferPointer { ranks in
        LeadLink.bitCount.withUnsafeBufferPointer { bitCount in
          for j in 0..<count {
            let at = Int(keys[j])
            // The marked ids before this one: those of the bytes before, then of its byte.
            keys[j] = ranks[at >> 3] &+ Int32(bitCount[Int(marks[at >> 3]) & ((1 << (at & 7)) &- 1)])
          }
        }
      }
    }
  }
}
