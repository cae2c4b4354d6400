import FunnelData
import FunnelLanguage

/// `x in [a, b, ...]`: a list of constants becomes one hash-set test
/// (`MemberSet`), whatever its length; a list that holds expressions becomes
/// `x == a or x == b ...`, as a balanced tree so that its depth grows with
/// the logarithm of the list's length.
///
/// The items are typed as `x == item` would type them: a text item against a
/// date or period is read as one, a whole number against a year is that
/// year, numbers meet in their common type.
extension ExprBinder {
  func inList(_ x: Expr, _ items: [Expr]) throws -> BoundExpr {
    guard !items.isEmpty else { return .constant(.bool(false), .bool) }
    let subject = try bind(x)
    var constants = [(value: Value, type: DataType, span: Span)]()
    for item in items {
      let b = try bind(item)
      guard let v = b.constantValue else { return try comparisonTree(x, items) }
      constants.append((v, b.type, item.span))
    }
    // Each item in the subject's terms, then every one in the type they all meet in
    // (a null subject takes the items' type).
    var typed = [BoundExpr]()
    var target: DataType? = subject.isNullConstant ? nil : subject.type
    for item in constants {
      var b = BoundExpr.constant(item.value, item.type)
      if b.isNullConstant {
        typed.append(b)
        continue
      }
      if case .string(let s) = item.value, Self.isTemporal(subject.type) {
        b = try Self.read(s, as: subject.type, span: item.span)
      }
      if case .int(let y) = item.value, subject.type == .period(.year) {
        b = .constant(.period(Int32(truncatingIfNeeded: y), .year), subject.type)
      }
      guard let common = target.map({ Self.commonType($0, b.type) }) ?? b.type else {
        throw Diagnostic.typeMismatch(ComparisonOperator.equal.rawValue, subject.type, b.type, span: item.span)
      }
      target = common
      typed.append(b)
    }
    let type = target ?? .int
    let values = typed.map { Self.convert($0, to: type).constantValue ?? .null }
    return .member(Self.convert(subject, to: type), MemberSet(values, type: type))
  }

  /// `x == a or x == b ...` as a balanced tree of `or`s.
  private func comparisonTree(_ x: Expr, _ items: [Expr]) throws -> BoundExpr {
    var level = try items.map { try comparison(.equal, x, $0, span: $0.span) }
    while level.count > 1 {
      var next = [BoundExpr]()
      next.reserveCapacity((level.count + 1) / 2)
      for i in stride(from: 0, to: level.count, by: 2) {
        next.append(i + 1 < level.count ? .or(level[i], level[i + 1]) : level[i])
      }
      level = next
    }
    return level[0]
  }
}
