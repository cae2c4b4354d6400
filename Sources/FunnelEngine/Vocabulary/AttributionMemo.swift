import FunnelData
import Synchronization

/// The last `AttributionInput` a session read, kept for the next statement
/// that credits the same rows over the same touches and leads. Comparing
/// models one statement after another (`attribute linear`, then
/// `time_decay`) is how attribution is read, and the index of the touches is
/// most of a statement's work: at 10M leads, about 300 ms of 560.
///
/// The input is reused only when every column it was read from is the same
/// column (`Column.sharesStorage`, which holds only while the memo keeps
/// them), with the same basis and today: a filtered or reloaded table, or
/// another day, reads afresh. The catalog empties the memo whenever a
/// dataset is set or removed, so no replaced table is kept alive by it.
public final class AttributionMemo: Sendable {
  private let last = Mutex<(key: Key, input: AttributionInput)?>(nil)

  public init() {}

  /// Forgets the kept input.
  public func clear() { last.withLock { $0 = nil } }

  /// Whether an input is kept (for the tests).
  var isEmpty: Bool { last.withLock { $0 == nil } }

  /// The input for `key`: the kept one when its key matches, else `read()`'s,
  /// which is then kept. The kept input's `touches` is replaced by the
  /// current table: its other columns (the campaign, the kind) may differ.
  func input(for key: Key, touches: Table, read: () throws -> AttributionInput) rethrows -> AttributionInput {
    if let kept = last.withLock({ $0 }), kept.key.matches(key) {
      var input = kept.input
      input.touches = touches
      return input
    }
    let input = try read()
    last.withLock { $0 = (key, input) }
    return input
  }

  /// What an input is read from.
  struct Key: @unchecked Sendable {
    var basis: AttributionBasis
    var today: Int32
    var rowCount: Int
    var touchCount: Int
    /// The rows' lead_id, created_at, closed_at and amount; the touches'
    /// lead_id, touched_at and touch_id; the leads' lead_id and created_at
    /// (nil where absent).
    var columns: [Column?]

    init(rows: Table, touches: Table, leads: Table?, basis: AttributionBasis, today: Int32) {
      self.basis = basis
      self.today = today
      rowCount = rows.rowCount
      touchCount = touches.rowCount
      columns =
        ["lead_id", "created_at", "closed_at", "amount"].map { rows.column($0) }
        + ["lead_id", "touched_at", "touch_id"].map { touches.column($0) }
        + ["lead_id", "created_at"].map { leads?.column($0) }
    }

    func matches(_ other: Key) -> Bool {
      guard basis == other.basis, today == other.today, rowCount == other.rowCount,
        touchCount == other.touchCount, columns.count == other.columns.count
      else { return false }
      return zip(columns, other.columns).allSatisfy { a, b in
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a.sharesStorage(with: b)
        default: return false
        }
      }
    }
  }
}
