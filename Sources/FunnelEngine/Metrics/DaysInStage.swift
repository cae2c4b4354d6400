/// `days_in_stage()`'s rules in words (docs/metrics.md, `.explain days_in_stage`);
/// the binding is `ExprBinder.bindDaysInStage`.
public enum DaysInStage {
  public static let name = "days_in_stage"

  public static let summary = """
    `days_in_stage()` gives, for each open deal (stage neither closed_won nor
    closed_lost, a null stage counting as open), the whole days from the day
    it last entered its current stage to today: the latest `changed_at` (its
    day) of the deal's changes in `stage_changes` whose stage is the deal's
    stage, matched by `deal_id` and by stage words lowercased and trimmed. A
    deal whose history holds no change into its current stage (no history at
    all, or a history that never reaches the stage it is in) counts from its
    `created_at`: Funnel's choice, taking it to have stood in its stage since
    it opened, so its days in stage equal its `deal_age_days()`. A change
    with no deal_id, stage or changed_at is left out. Null for a closed
    deal. It needs `stage_changes` loaded, and reads it when the query runs;
    without it the call is an error that points at `deal_age_days()`. CRMs
    show it as "days in stage" or "stage duration" from their stage history;
    over the open deals of a stage its median is stage_durations'
    `open_median_age_days`. It compiles to each SQL dialect as a correlated
    subquery on the server's stage_changes.
    """
}
