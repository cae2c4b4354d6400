import FunnelData

extension FunctionRegistry {
  /// Text.
  static let texts: [FunctionDefinition] = [
    oneText(
      "lower", .lower, "text", "the text in lower case",
      example: "campaigns | select name, l = lower(name) | take 3"),
    oneText(
      "upper", .upper, "text", "the text in upper case",
      example: "leads | select channel, c = upper(channel) | take 3"),
    oneText(
      "trim", .trim, "text", "the text without the spaces around it",
      example: "deals | select owner, t = trim(concat(\"  \", owner, \"  \")) | take 3"),
    oneText(
      "length", .length, "int", "the length of the text in characters",
      example: "campaigns | select name, n = length(name) | take 3"),
    FunctionDefinition(
      "text", .text, ["text(x: any) → text"],
      summary: "any value as text, written as machine formats write it: text(quarter(closed_at)) is \"2026-Q1\"",
      nulls: "a null value gives null",
      example: "deals | select deal_id, q = text(quarter(created_at)) | take 3",
      hook: .scalar { try $0.bindAnyText($1) }),
    FunctionDefinition(
      "concat", .text, ["concat(x: any, ...) → text"],
      summary: "the arguments' texts joined: concat(region, \" / \", channel)",
      nulls: "null arguments are skipped; never null",
      example: "leads | select label = concat(region, \" / \", channel) | take 3",
      hook: .scalar { try $0.bindConcat($1) }),
    textTest(
      "contains", .contains, "whether s contains t; every text contains \"\"",
      example: "campaigns | where contains(lower(name), \"webinar\") | select name | take 3"),
    textTest(
      "starts_with", .startsWith, "whether s starts with t; every text starts with \"\"",
      example: "deals | where starts_with(stage, \"closed\") | count by stage"),
    textTest(
      "ends_with", .endsWith, "whether s ends with t; every text ends with \"\"",
      example: "deals | where ends_with(stage, \"_won\") | count"),
  ]

  /// `lower upper trim length`: one text in.
  private static func oneText(
    _ name: String, _ function: ScalarFunction, _ result: String, _ summary: String, example: String
  ) -> FunctionDefinition {
    let type: DataType = result == "int" ? .int : .string
    return FunctionDefinition(
      name, .text, ["\(name)(s: text) → \(result)"], summary: summary, nulls: "a null text gives null",
      example: example, hook: .scalar { try $0.bindText($1, function, type) })
  }

  /// `contains starts_with ends_with`: two texts in, true or false out.
  private static func textTest(_ name: String, _ function: ScalarFunction, _ summary: String, example: String)
    -> FunctionDefinition
  {
    FunctionDefinition(
      name, .text, ["\(name)(s: text, t: text) → bool"], summary: summary, nulls: "null when either text is null",
      example: example, hook: .scalar { try $0.bindTextTest($1, function) })
  }
}
