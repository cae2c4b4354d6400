extension FunctionRegistry {
  /// Numbers.
  static let numbers: [FunctionDefinition] = [
    FunctionDefinition(
      "round", .numbers, ["round(x: number, digits: int = 0) → number"],
      summary: "x rounded half away from zero to digits places (negative digits: tens, hundreds ...); "
        + "decimals stay exact",
      nulls: "a null x gives null",
      example: "deals | select amount, k = round(amount / 1000, 1) | take 3",
      hook: .scalar { try $0.bindRound($1) }),
    FunctionDefinition(
      "abs", .numbers, ["abs(x: number) → number"],
      summary: "the absolute value, of the type of x",
      nulls: "a null x gives null",
      example: "deals | select deal_id, gap = abs(days_between(closed_at, created_at)) | take 3",
      hook: .scalar { try $0.bindAbs($1) }),
    FunctionDefinition(
      "floor", .numbers, ["floor(x: number) → number"],
      summary: "the largest whole number not above x (a decimal gives a decimal with no places)",
      nulls: "a null x gives null",
      example: "leads | select score, tens = floor(score / 10) * 10 | take 3",
      hook: .scalar { try $0.bindFloorCeil($1, up: false) }),
    FunctionDefinition(
      "ceil", .numbers, ["ceil(x: number) → number"],
      summary: "the smallest whole number not below x (a decimal gives a decimal with no places)",
      nulls: "a null x gives null",
      example: "campaigns | select name, thousands = ceil(spend / 1000) | take 3",
      hook: .scalar { try $0.bindFloorCeil($1, up: true) }),
  ]

  /// Choices between values.
  static let conditions: [FunctionDefinition] = [
    FunctionDefinition(
      "if", .logic, ["if(condition: bool, then: any, else: any) → any"],
      summary: "then where the condition is true, else otherwise; the two values share one type",
      nulls: "a null condition gives the else value",
      example: "leads | select score, temperature = if(score >= 80, \"hot\", \"cold\") | take 3",
      hook: .scalar { try $0.bindIf($1) }),
    FunctionDefinition(
      "coalesce", .logic, ["coalesce(x: any, ...) → any"],
      summary: "the first argument that is not null (the same as x ?? y ?? ...)",
      nulls: "null only when every argument is null",
      example: "leads | select lead_id, last = coalesce(won_at, lost_at, opportunity_at, sql_at, mql_at) | take 3",
      hook: .scalar { try $0.bindCoalesce($1) }),
  ]

  /// The funnel vocabulary's scalars.
  static let funnel: [FunctionDefinition] = [
    FunctionDefinition(
      "reached", .funnel, ["reached(stage: text) → bool"],
      summary: "for leads: the lead's stage is that stage or later in lead, mql, sql, opportunity, won, "
        + "or it has a date for it (mql_at ...); for deals, the same over prospecting, qualification, "
        + "proposal, negotiation, closed_won, a closed_lost deal counting up to its lost_stage when there is one",
      nulls: "never null",
      example: "leads | agg sqls = count_if(reached(\"sql\")) by channel",
      hook: .scalar { try $0.bindReached($1) }),
    FunctionDefinition(
      "deal_age_days", .funnel, ["deal_age_days() → int"],
      summary: "for an open deal (stage neither closed_won nor closed_lost), the whole days from its created_at "
        + "to today()",
      nulls: "null for a closed deal; a null stage counts as open",
      example: "deals | where deal_age_days() > 90 | agg n = count(), median_age = median(deal_age_days()) by stage",
      hook: .scalar { try $0.bindDealAge($1) }),
    FunctionDefinition(
      "days_in_stage", .funnel, ["days_in_stage() → int"],
      summary: "for an open deal, the whole days from the day it last entered its current stage (its latest "
        + "change into that stage in stage_changes, else its created_at) to today()",
      nulls: "null for a closed deal; a null stage counts as open; refused without stage_changes",
      example:
        "deals | where days_in_stage() > 60 | agg stuck = count(), median_days = median(days_in_stage()) by stage",
      hook: .scalar { try $0.bindDaysInStage($1) }),
    FunctionDefinition(
      "slipped", .funnel, ["slipped() → bool"],
      summary: "for an open deal (stage neither closed_won nor closed_lost), whether its expected_close is "
        + "before today(); false for a closed deal",
      nulls: "null for an open deal with no expected_close; a null stage counts as open",
      example: "deals | agg open = count_if(deal_age_days() != null), slipped = count_if(slipped()) by owner",
      hook: .scalar { try $0.bindSlipped($1) }),
  ]
}
