/// The "Attribution models" section of docs/metrics.md: what `attribute`
/// credits, the positions, each model's rule and a worked example.
extension MetricRegistry {
  /// One deal of 10,000 and its lead's five touches, as in the golden script
  /// Tests/Scripts/vocabulary/attribution_worked_example.funnel, whose first
  /// table (`deals | attribute compare by name`) holds these amounts, a column
  /// per model (`MetricDocsTests` checks that they agree).
  static let attributionExample: (touches: [String], credits: [(model: String, amounts: [String])]) = (
    [
      "T1 LinkedIn ad, 2 Mar: first", "T2 blog post, 9 Mar", "T3 webinar sign-up, 16 Mar: lead creation",
      "T4 demo request, 23 Mar: opportunity creation", "T5 pricing email, 30 Mar: close",
    ],
    [
      ("first_touch", ["10,000.00", "0.00", "0.00", "0.00", "0.00"]),
      ("last_touch", ["0.00", "0.00", "0.00", "0.00", "10,000.00"]),
      ("linear", ["2,000.00", "2,000.00", "2,000.00", "2,000.00", "2,000.00"]),
      ("time_decay", ["322.58", "645.16", "1,290.32", "2,580.65", "5,161.29"]),
      ("u_shaped", ["4,000.00", "666.67", "4,000.00", "666.67", "666.67"]),
      ("w_shaped", ["3,000.00", "500.00", "3,000.00", "3,000.00", "500.00"]),
      ("full_path", ["2,250.00", "1,000.00", "2,250.00", "2,250.00", "2,250.00"]),
      ("j_shaped", ["2,000.00", "666.67", "666.67", "666.67", "6,000.00"]),
      ("inverse_j", ["6,000.00", "666.67", "666.67", "666.67", "2,000.00"]),
    ]
  )

  static var attributionMarkdown: String {
    var out = """

      ## Attribution models

      `attribute <model>` shares each row among the touches of its lead
      (`touches.lead_id`) that count for it, and adds up the credit by key. What is
      shared, and which touches count:

      | statement | each row credits | the touches up to | column |
      |---|---|---|---|
      | `deals \\| attribute <model>` | its `amount`: won revenue over won deals (`deals \\| where stage == "closed_won" \\| attribute <model>`) | its `closed_at` (today for an open deal) | `revenue` |
      | `deals \\| attribute <model> on pipeline` | its `amount` as pipeline | its `created_at` | `pipeline` |
      | `leads \\| attribute <model>` | 1 (the lead) | its `created_at` | `leads` |

      A row's touches are taken in order of `touched_at`, then `touch_id`. Four of
      them hold **positions**:

      - the **first touch**: the earliest;
      - the **lead-creation touch**: the last touch at or before the lead's
        `created_at` (from `leads`; the form fill that made the contact a lead);
      - the **opportunity-creation touch**: the last touch at or before the deal's
        `created_at`;
      - the **closing touch**: the last touch counted; for won revenue, the last at
        or before `closed_at`. On pipeline it is the opportunity-creation touch,
        over leads the lead-creation touch.

      A key (`by <keys>`) is a column of the touched campaign (`campaign_id` is read
      from the touch), or else of the touch (`kind`); without keys the credit goes to
      each campaign (`campaign_id`, `name`). Rows with no touch that counts form a
      row of their own keyed `(no touch)` (null for keys that are not text), so
      nothing is dropped. The columns are the keys, `deals` (the credited share of
      deals) and the amount, or over leads `leads`; one row's shares always sum to 1
      and its credits to its amount. `attribute compare` puts every model side by
      side, one column each, at its defaults.

      The position models follow the field's conventions, as HubSpot and Marketo
      Measure define them: **U-shaped** gives 40% each to the first touch and the
      lead-creation touch and shares 20% among the touches between; **W-shaped**
      gives 30% each to the first, lead-creation and opportunity-creation touches
      and shares 10%; **full path** adds the closed-won touch, 22.5% to each of the
      four, and shares 10%; **J-shaped** gives 20% to the first touch and 60% to the
      last, **inverse J** 60% and 20%, each sharing 20%. The shares can be written:
      `u_shaped(30, 30)`, `full_path(25, 25, 25, 25)`, in percent, summing to at
      most 100.

      Where the field leaves a choice, Funnel makes these:

      - **Days, not times.** A touch is at or before a date when its day is that day
        or earlier: a touch on the afternoon of the day a lead was created is its
        lead-creation touch (CRM exports often give `created_at` as a date), and a
        touch on the day a deal closes counts for it. `time_decay` counts whole days.
      - **Ties** at the same instant are ordered by `touch_id`.
      - **No touch before a creation.** When no touch comes at or before the lead's
        (or deal's) `created_at`, or that date is unknown (no `leads` loaded, or the
        deal's lead is not among them), the first touch holds the position.
      - **One touch at two positions** takes both shares: with a single touch it
        takes everything; under `full_path` a deal whose opportunity-creation touch
        also closes it gives that touch 45%.
      - **The rest** (100% less the positions' shares) is shared evenly by the
        touches that hold no position; when every touch holds one, the position
        touches share it in proportion to their shares.

      | model | rule |
      |---|---|

      """
    for r in AttributionModel.rules { out += "| `\(r.name)` | \(r.rule) |\n" }
    let example = attributionExample
    out += """

      ### A worked example

      One deal of 10,000, won on 31 March 2026, and the five touches of its lead,
      one a week. The lead was created on 16 March, the afternoon of the webinar
      sign-up (T3), and the deal on 25 March, two days after the demo request (T4).
      T2 holds no position. Each row is one model's credit to each touch, and adds
      up to 10,000 (the amounts are rounded to cents). The touches are a week apart,
      so under `time_decay` each weighs twice the one before (the half-life is 7
      days): 1, 2, 4, 8 and 16 parts of 31.

      | model | \(example.touches.joined(separator: " | ")) | total |
      |---|\(String(repeating: "--:|", count: example.touches.count + 1))

      """
    for row in example.credits { out += "| `\(row.model)` | \(row.amounts.joined(separator: " | ")) | 10,000.00 |\n" }
    out += """

      On pipeline only T1 to T4 count (the touches up to 25 March), and T4 is both
      the opportunity-creation and the last touch: `full_path` gives it 45%. Over
      the lead, T1 to T3 count, and T3 is both the lead-creation and the last
      touch. The golden script `Tests/Scripts/vocabulary/attribution_worked_example.funnel`
      runs all three on these files.

      """
    return out
  }
}
