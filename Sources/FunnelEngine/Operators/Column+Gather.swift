import FunnelData

extension Column {
  /// The rows at `indices` (all valid row numbers), like `gather`, with the
  /// copy loops on unsafe buffers (no bounds checks: every index comes from
  /// a selection vector or permutation the engine built over this column) and
  /// the validity built a word at a time.
  func take(_ indices: [Int32]) -> Column {
    func pick<T>(_ a: [T]) -> [T] {
      a.withUnsafeBufferPointer { src in
        indices.withUnsafeBufferPointer { idx in
          [T](unsafeUninitializedCapacity: idx.count) { dst, n in
            guard let base = dst.baseAddress, let s = src.baseAddress else {
              n = 0
              return
            }
            for i in 0..<idx.count { (base + i).initialize(to: s[Int(idx[i])]) }
            n = idx.count
          }
        }
      }
    }
    var validity: Bitmap? = nil
    if let v = self.validity {
      var bits = [Bool](repeating: true, count: indices.count)
      for i in 0..<indices.count where !v[Int(indices[i])] { bits[i] = false }
      validity = Bitmap(bits)
    }
    let data: ColumnData
    switch self.data {
    case .int(let v): data = .int(pick(v))
    case .double(let v): data = .double(pick(v))
    case .decimal(let v, let s): data = .decimal(pick(v), scale: s)
    case .date(let v): data = .date(pick(v))
    case .timestamp(let v): data = .timestamp(pick(v))
    case .bool(let v): data = .bool(pick(v))
    case .string(let c, let d): data = .string(codes: pick(c), dictionary: d)
    case .period(let v, let u): data = .period(pick(v), unit: u)
    }
    return Column(data, validity: validity, hint: hint)
  }
}

extension Table {
  /// The rows at `indices` (see `Column.take`).
  func take(_ indices: [Int32]) -> Table {
    if columns.isEmpty { return Table(rowCount: indices.count) }
    return Table(names: names, columns: columns.map { $0.take(indices) })
  }
}
