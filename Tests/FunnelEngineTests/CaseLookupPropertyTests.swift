import FunnelData
import PropertyBased
import Testing

@testable import FunnelEngine

/// A run of `case` branches testing one column against constants is answered
/// by one hash lookup (`CaseLookup`); it must give what the branches tried
/// one by one give, over every type, for any column (nulls included) and any
/// list of constants (repeated ones included: the first branch wins). A
/// failure is shrunk to the fewest rows and branches that still show it.
@Suite struct CaseLookupPropertyTests {
  typealias N = NullSafetyFixture

  @Test(arguments: N.kinds)
  func lookupMatchesBranchByBranch(kind: N.Kind) async {
    // At least `CaseLookup.minimumRun` branches, each a literal of the type.
    let branches = Gen.int(in: 0..<kind.literals.count).array(of: CaseLookup.minimumRun...7)
    await propertyCheck(count: 30, input: N.column(kind), branches) { values, branches in
      let literals = branches.map { kind.literals[$0] }
      let lookup = literals.enumerated().map { "when x == \($1) then \($0)" }.joined(separator: " ")
      // `and true` keeps each test a branch of its own.
      let oneByOne = literals.enumerated().map { "when x == \($1) and true then \($0)" }.joined(separator: " ")
      let simple = literals.enumerated().map { "when \($1) then \($0)" }.joined(separator: " ")
      let catalog = N.catalog(kind.type, values)
      guard let fast = N.table("t | derive y = case \(lookup) else -1 end", in: catalog),
        let slow = N.table("t | derive y = case \(oneByOne) else -1 end", in: catalog),
        let subject = N.table("t | derive y = case x \(simple) else -1 end", in: catalog)
      else {
        Issue.record("case over \(kind) does not bind")
        return
      }
      #expect(N.cells(fast, "y") == N.cells(slow, "y"), "\(kind) \(values) with \(literals)")
      #expect(N.cells(subject, "y") == N.cells(slow, "y"), "\(kind) \(values) with \(literals)")
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
