import FunnelData
import Testing

@testable import FunnelEngine

/// A run of `case` branches testing one column against constants is answered
/// by one hash lookup (`CaseLookup`); it must give what the branches tried
/// one by one give, over every type and shape, nulls and repeated constants
/// (the first branch wins) included.
@Suite struct CaseLookupPropertyTests {
  typealias N = NullSafetyFixture

  @Test(arguments: N.kinds)
  func lookupMatchesBranchByBranch(kind: N.Kind) {
    // Five branches cycling through the type's literals, so some repeat.
    let literals = (0..<5).map { kind.literals[$0 % kind.literals.count] }
    let lookup = literals.enumerated().map { "when x == \($1) then \($0)" }.joined(separator: " ")
    // `and true` keeps each test a branch of its own.
    let oneByOne = literals.enumerated().map { "when x == \($1) and true then \($0)" }.joined(separator: " ")
    let simple = literals.enumerated().map { "when \($1) then \($0)" }.joined(separator: " ")
    for shape in N.Shape.allCases {
      let catalog = N.catalog(kind.type, N.values(kind, shape))
      guard let fast = N.table("t | derive y = case \(lookup) else -1 end", in: catalog),
        let slow = N.table("t | derive y = case \(oneByOne) else -1 end", in: catalog),
        let subject = N.table("t | derive y = case x \(simple) else -1 end", in: catalog)
      else {
        Issue.record("case over \(kind) does not bind")
        continue
      }
      #expect(N.cells(fast, "y") == N.cells(slow, "y"), "\(kind) \(shape)")
      #expect(N.cells(subject, "y") == N.cells(slow, "y"), "\(kind) \(shape)")
    }
  }

  @Test func runsNeedFourBranchesOnOneColumn() {
    let x = BoundExpr.column(0, .int, .plain), y = BoundExpr.column(1, .int, .plain)
    func test(_ c: BoundExpr, _ v: Int64) -> (when: BoundExpr, then: BoundExpr) {
      (.compare(.equal, c, .constant(.int(v), .int)), .constant(.int(v), .int))
    }
    let three = [test(x, 1), test(x, 2), test(x, 3), test(y, 4), test(y, 5)]
    #expect(CaseLookup.runs(three).isEmpty)
    let runs = CaseLookup.runs([test(y, 0)] + (1...4).map { test(x, $0) } + [test(y, 9)])
    #expect(runs.keys.sorted() == [1])
    #expect(runs[1]?.branches == 1..<5)
  }
}
