/// `deal_age_days()` and `slipped()`'s rules in words (docs/metrics.md); the
/// bindings are `ExprBinder.bindDealAge` and `ExprBinder.bindSlipped`.
public enum DealAge {
  public static let summary = """
    `deal_age_days()` gives, for each open deal (stage neither closed_won nor
    closed_lost, a null stage counting as open), the whole days from its
    `created_at` to today (`today()`; FUNNEL_TODAY fixes it): how long the
    deal has been open, the "age" column of a CRM's open-pipeline report.
    Null for a closed deal. `slipped()` is true for an open deal whose
    `expected_close` is before today, the deals a forecast review chases
    (CRMs list them as past-due deals); false for a
    closed deal; null for an open deal with no expected_close. Both compile
    to each SQL dialect with today as a literal, so a script gives the same
    answer on every engine on the same day:
    `deals | agg open = count_if(deal_age_days() != null), slipped = count_if(slipped()), median_age = median(deal_age_days()) by owner`.
    """
}
