/// `forecast`'s reading of each flowing deal, bound before anything runs, so
/// the in-memory engine and the SQL compiler evaluate the same expressions.
package struct ForecastPlan {
  /// The deal's period (a period type): the written expression for an open
  /// deal, the same with closed_at in place of expected_close for a won one.
  package var period: BoundExpr
  package var keys: [OutputColumn]
  /// `ForecastVerb.wonKind`, `openKind` or 0 (an int).
  package var kind: BoundExpr
  /// The amount as a double.
  package var amount: BoundExpr
  /// The probability column when there is one and it is not null, else the
  /// stage's default (a double).
  package var probability: BoundExpr
  /// Why no quota can be matched (the row's quota is null), or nil.
  package var quotaProblem: String?
}
