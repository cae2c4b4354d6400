import FunnelData

/// The constant values of `x in [...]`, held in a hash set so that a test
/// against 100,000 values costs one lookup per row (per distinct text for
/// text columns), and a list of any length binds to one node instead of a
/// chain of `or`s as deep as the list is long.
///
/// `stage in ["closed_won", "closed_lost"]` over deals binds to
/// `.member(.column(6, string), MemberSet(texts: ["closed_won", "closed_lost"]))`.
package struct MemberSet {
  package enum Values {
    /// ints, decimal units, days, microseconds, period ordinals: the value's integer form.
    case integers(Set<Int64>)
    case doubles(Set<Double>)
    /// Texts by their UTF-8 bytes, as `==` compares them.
    case texts(Set<[UInt8]>)
    case bools(Set<Bool>)
  }

  package let values: Values
  /// The list holds `null`: null rows are members, as `x == null` is true
  /// for them (`x in [a, null]` is `x == a or x == null`).
  package let holdsNull: Bool

  /// The set of `constants` (each already of the tested type; nulls are noted, not stored).
  package init(_ constants: [Value], type: DataType) {
    holdsNull = constants.contains { $0.isNull }
    let present = constants.filter { !$0.isNull }
    switch type {
    case .double: values = .doubles(Set(present.compactMap(\.doubleValue)))
    case .string:
      values = .texts(
        Set(
          present.compactMap {
            if case .string(let s) = $0 { return Array(s.utf8) }; return nil
          }))
    case .bool:
      values = .bools(
        Set(
          present.compactMap {
            if case .bool(let b) = $0 { return b }; return nil
          }))
    default: values = .integers(Set(present.compactMap(Self.integer)))
    }
  }

  /// The integer a value of an integer-backed type is stored as.
  package static func integer(_ v: Value) -> Int64? {
    switch v {
    case .int(let x), .decimal(let x, _), .timestamp(let x): return x
    case .date(let d), .period(let d, _): return Int64(d)
    default: return nil
    }
  }

  /// Per row: true when the value is in the set, false when not; a null
  /// row is true when the list holds null, else null.
  package func test(_ c: Column) -> Column {
    let n = c.count
    var out = [Bool](repeating: false, count: n)
    switch (values, c.data) {
    case (.texts(let set), .string(let codes, let dictionary)):
      // Once per distinct text, then one table lookup per row.
      let table = dictionary.values.map { set.contains(Array($0.utf8)) }
      for i in 0..<n { out[i] = table[Int(codes[i])] }
    case (.integers(let set), .date(let v)), (.integers(let set), .period(let v, _)):
      for i in 0..<n { out[i] = set.contains(Int64(v[i])) }
    case (.integers(let set), .int(let v)), (.integers(let set), .decimal(let v, _)),
      (.integers(let set), .timestamp(let v)):
      for i in 0..<n { out[i] = set.contains(v[i]) }
    case (.doubles(let set), _):
      let v = c.doubles
      for i in 0..<n { out[i] = set.contains(v[i]) }
    case (.bools(let set), .bool(let v)):
      for i in 0..<n { out[i] = set.contains(v[i]) }
    default: break
    }
    guard let validity = c.validity else { return Column(.bool(out)) }
    if !holdsNull { return Column(.bool(out), validity: validity) }
    for i in 0..<n where !validity[i] { out[i] = true }
    return Column(.bool(out))
  }
}
