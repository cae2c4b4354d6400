/// A problem found in the source text before anything runs (or while it runs,
/// for errors only data can reveal). A value: each stage raises its own, the
/// shell renders them once:
///
/// ```
/// report.funnel:3:17: error: unknown column 'ammount' in deals
///   deals | agg sum(ammount) by owner
///                   ^^^^^^^
///   hint: did you mean 'amount'?
/// ```
public struct Diagnostic: Error, Equatable, Sendable {
  public enum Severity: String, Sendable { case error, warning }
  public var severity = Severity.error
  public var message: String
  public var span: Span?
  public var hints: [String] = []

  public init(severity: Severity = .error, message: String, span: Span? = nil, hints: [String] = []) {
    self.severity = severity
    self.message = message
    self.span = span
    self.hints = hints
  }

  /// Adds "did you mean 'x'?" when a name near `name` exists among `candidates`.
  public mutating func suggest(_ name: String, among candidates: [String]) {
    if let near = candidates.nearest(to: name) { hints.append("did you mean '\(near)'?") }
  }
}

/// Several diagnostics from one statement (the parser recovers to report more
/// than the first where it can).
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Array where Element == String {
  /// The candidate nearest to `name` by edit distance (case-insensitive), when
  /// it is near enough to be a likely misspelling; nil otherwise.
  public func nearest(to name: String) -> String? {
    let target = [Unicode.Scalar](name.lowercased().unicodeScalars)
    var best: (String, Int)? = nil
    for c in self {
      let d = editDistance(target, [Unicode.Scalar](c.lowercased().unicodeScalars))
      if d < best?.1 ?? Int.max { best = (c, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = Swift.max(1, Swift.min(3, target.count / 3 + 1))
    // Distance 0 is a case-only difference (`Amount` for `amount`): still worth a hint.
    if candidate == name || distance > limit { return nil }
    return candidate
  }
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev2 = [Int](repeating: 0, count: b.count + 1)
  var prev = Array(0...b.count)
  var cur = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = Swift.min(cur[j], prev2[j - 2] + 1) }
    }
    (prev2, prev, cur) = (prev, cur, prev2)
  }
  return prev[b.count]
}
