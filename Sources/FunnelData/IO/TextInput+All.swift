extension TextInput {
  /// Every decoded byte of the file in one array, for the readers that take
  /// a file whole (JSON, forced types).
  func readAll(_ budget: LoadBudget) throws -> [UInt8] {
    let pieces = try readPieces(budget, joining: true)
    if pieces.count == 1 { return pieces[0] }
    let total = pieces.reduce(0) { $0 + $1.count }
    return [UInt8](unsafeUninitializedCapacity: total) { buffer, filled in
      var at = 0
      for piece in pieces where !piece.isEmpty {
        piece.withUnsafeBufferPointer {
          (buffer.baseAddress.unsafelyUnwrapped + at).update(from: $0.baseAddress.unsafelyUnwrapped, count: $0.count)
        }
        at += piece.count
      }
      filled = at
    }
  }

  /// Every decoded byte of the file, in blocks of growing size (a stream
  /// for the delimited reader, which cannot read it twice). The budget is
  /// checked before each block is taken, so a stream that never ends (a
  /// pipe of endless text; `/dev/zero` is refused as binary first) stops at
  /// the memory limit. `joining`: the blocks will be copied into one array,
  /// which holds them twice for a moment.
  func readPieces(_ budget: LoadBudget, joining: Bool = false) throws -> [[UInt8]] {
    // A plain regular file's size is known: one allocation, filled in place
    // (zero-filling a big buffer first would touch every page twice).
    let first = max((estimatedSize ?? 0) + 1, 1 << 16)
    try budget.check(first)
    var pieces = [try piece(first, budget)]
    guard pieces[0].count == first else { return pieces }
    // More than expected (a stream, compressed or transcoded text).
    var total = first
    while true {
      let size = min(max(total / 2, 1 << 20), 1 << 28)
      try budget.check((joining ? 2 : 1) * (total + size))
      let next = try piece(size, budget)
      total += next.count
      pieces.append(next)
      if next.count < size { return pieces }
    }
  }

  /// Up to `size` bytes, fewer only at the end of the file.
  private func piece(_ size: Int, _ budget: LoadBudget) throws -> [UInt8] {
    var failure: Error?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
      filled = 0
      let base = buffer.baseAddress.unsafelyUnwrapped
      do {
        while filled < size {
          let got = try read(base + filled, min(size - filled, 1 << 22))
          if got == 0 { break }
          filled += got
          try budget.checkCancelled()
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return bytes
  }
}
