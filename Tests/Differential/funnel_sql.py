"""Hand-written DuckDB SQL for the funnel vocabulary, shared by the
differential tests and scripts/bench: the independent definition each verb
is checked and timed against. Plain strings; no imports."""

TODAY = "DATE '2026-07-01'"


def reached(stage):
    return {
        "lead": "TRUE",
        "mql": "(stage IN ('mql','sql','opportunity','won') OR mql_at IS NOT NULL)",
        "sql": "(stage IN ('sql','opportunity','won') OR sql_at IS NOT NULL)",
        "opportunity": "(stage IN ('opportunity','won') OR opportunity_at IS NOT NULL)",
        "won": "(stage = 'won' OR won_at IS NOT NULL)",
    }[stage]


FUNNEL_SQL = f"""
WITH s AS (SELECT {{keys}} count(*) c0, count(*) FILTER (WHERE m) c1, count(*) FILTER (WHERE m AND q) c2,
  count(*) FILTER (WHERE m AND q AND o) c3, count(*) FILTER (WHERE m AND q AND o AND w) c4,
  median(mql_at - created_at) FILTER (WHERE m) d1, median(sql_at - mql_at) FILTER (WHERE m AND q) d2,
  median(opportunity_at - sql_at) FILTER (WHERE m AND q AND o) d3, median(won_at - opportunity_at) FILTER (WHERE m AND q AND o AND w) d4
  FROM (SELECT *, {reached("mql")} m, {reached("sql")} q, {reached("opportunity")} o, {reached("won")} w FROM leads) {{group}}),
u AS (SELECT * FROM (VALUES (0,'lead'),(1,'mql'),(2,'sql'),(3,'opportunity'),(4,'won')) v(i, step)),
x AS (SELECT {{keys}} i, step, [c0,c1,c2,c3,c4][i+1] cnt, [NULL,d1,d2,d3,d4][i+1] md FROM u, s)
SELECT {{keys}} step, cnt AS count, CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(lag(cnt) OVER w,0) END step_conversion,
  CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(first_value(cnt) OVER w,0) END overall_conversion,
  coalesce(lag(cnt) OVER w - cnt, 0) drop_off, md::DOUBLE median_days FROM x
WINDOW w AS ({{partition}} ORDER BY i) ORDER BY {{order}} i"""


# Attribution, defined afresh from the rules in docs/metrics.md. A row (a deal,
# or a lead) counts the touches of its lead on or before its end day, in order
# of touched_at then touch_id: k is a touch's place (1-based), n the count.
# Positions: first (k = 1), lead creation (the last touch on or before the
# lead's created_at, else the first), opportunity creation (likewise for the
# deal's created_at), last (k = n). Days are compared, not times.

ATTRIBUTION_ROWS = {
    # (rows of the basis: id, lead_id, amount, end day, lead-creation day, opportunity-creation day)
    "closed": f"""SELECT d.deal_id id, d.lead_id, coalesce(d.amount, 0)::DOUBLE amount,
  coalesce(CAST(d.closed_at AS DATE), {TODAY}) end_day, CAST(l.created_at AS DATE) lead_day,
  CAST(d.created_at AS DATE) open_day FROM ({{rows}}) d LEFT JOIN leads l ON l.lead_id = d.lead_id""",
    "pipeline": f"""SELECT d.deal_id id, d.lead_id, coalesce(d.amount, 0)::DOUBLE amount,
  coalesce(CAST(d.created_at AS DATE), {TODAY}) end_day, CAST(l.created_at AS DATE) lead_day,
  CAST(d.created_at AS DATE) open_day FROM ({{rows}}) d LEFT JOIN leads l ON l.lead_id = d.lead_id""",
    "leads": f"""SELECT l.lead_id id, l.lead_id, 1.0::DOUBLE amount, coalesce(CAST(l.created_at AS DATE), {TODAY}) end_day,
  CAST(l.created_at AS DATE) lead_day, CAST(l.created_at AS DATE) open_day FROM ({{rows}}) l""",
}

# The place of each position among a row's touches (SQL over k, n, lc, oc).
POSITION_INDEX = {"first": "1", "lead": "lc", "opportunity": "oc", "last": "n"}

# Each position model: its positions and default shares in percent.
SHAPES = {
    "u_shaped": (["first", "lead"], [40, 40]),
    "w_shaped": (["first", "lead", "opportunity"], [30, 30, 30]),
    "full_path": (["first", "lead", "opportunity", "last"], [22.5, 22.5, 22.5, 22.5]),
    "j_shaped": (["first", "last"], [20, 60]),
    "inverse_j": (["first", "last"], [60, 20]),
}

# The models `attribute compare` shows, in its column order.
COMPARED = ["first_touch", "last_touch", "linear", "time_decay", *SHAPES]


def parse_model(written):
    """'u_shaped(30, 30)' → ('u_shaped', [30.0, 30.0]); 'time_decay(14d)' → ('time_decay', [14.0])."""
    name, _, args = written.partition("(")
    values = [float(a.strip().rstrip("d")) for a in args.rstrip(")").split(",") if a.strip()]
    return name, values


def weight_sql(written):
    """The weight of one touch (k of n) in its row under a model: the weights of
    a row sum to 1. Reads k, n, lc, oc, age (days before the end day), youngest (the
    row's least age) and id."""
    name, args = parse_model(written)
    if name == "first_touch":
        return "CASE WHEN k = 1 THEN 1.0 ELSE 0.0 END"
    if name == "last_touch":
        return "CASE WHEN k = n THEN 1.0 ELSE 0.0 END"
    if name == "linear":
        return "1.0 / n"
    if name == "time_decay":
        h = args[0] if args else 7.0
        # Scaled within the row; measured from its youngest touch (the scaling cancels the shift).
        e = f"pow(2.0, -(age - youngest) / {h!r})"
        return f"{e} / sum({e}) OVER (PARTITION BY id)"
    positions, shares = SHAPES[name]
    shares = [s / 100 for s in (args or shares)]
    held = sum(shares)
    at = [POSITION_INDEX[p] for p in positions]
    own = " + ".join(f"CASE WHEN k = {i} THEN {s!r} ELSE 0.0 END" for i, s in zip(at, shares))
    is_position = f"k IN ({', '.join(at)})"
    # Touches at no position: n less the distinct places the positions take.
    free = f"(n - len(list_distinct([{', '.join(at)}])))"
    return f"""CASE WHEN {is_position} THEN (CASE WHEN {free} > 0 THEN {own} WHEN {held!r} > 0 THEN ({own}) / {held!r}
  ELSE 1.0 / n END) ELSE greatest(0.0, 1.0 - {held!r}) / {free} END"""


def attribution_touches(rows, basis, keys):
    """CTEs r (the rows), q (their counted touches with keys, k and n) and p (each row's lc, oc
    and youngest age)."""
    key_columns = ", ".join(f"{source}.{key} AS {key}" for key, source in keys)
    return f"""r AS ({ATTRIBUTION_ROWS[basis].format(rows=rows)}),
q AS (SELECT r.*, t.touch_id, CAST(t.touched_at AS DATE) touch_day, r.end_day - CAST(t.touched_at AS DATE) age, {key_columns},
  row_number() OVER (PARTITION BY r.id ORDER BY t.touched_at, t.touch_id) k, count(*) OVER (PARTITION BY r.id) n
  FROM r JOIN touches t ON t.lead_id = r.lead_id AND CAST(t.touched_at AS DATE) <= r.end_day
  LEFT JOIN campaigns c ON c.campaign_id = t.campaign_id),
p AS (SELECT id, coalesce(max(k) FILTER (WHERE touch_day <= lead_day), 1) lc,
  coalesce(max(k) FILTER (WHERE touch_day <= open_day), 1) oc, min(age) youngest FROM q GROUP BY id)"""


CHANNEL = [("channel", "c")]
CAMPAIGN = [("campaign_id", "t"), ("name", "c")]


def no_touch_keys(keys):
    """The keys of the row of rows with no touch: '(no touch)' for text, else null."""
    return ", ".join("NULL::BIGINT AS campaign_id" if key == "campaign_id" else f"'(no touch)' AS {key}"
                     for key, _ in keys)


def attribution_sql(model, rows, basis="closed", keys=CHANNEL):
    """`<rows> | attribute <model> [on pipeline] by <keys>` ("leads" takes leads):
    the keys, the credited share of rows, and the credited amount (none over
    leads); by amount descending, then keys, the no-touch row last among equals."""
    names = ", ".join(key for key, _ in keys)
    amount = {"closed": "revenue", "pipeline": "pipeline", "leads": None}[basis]
    share = "leads" if amount is None else "deals"
    money = "" if amount is None else f", sum(wt * amount)::DOUBLE {amount}"
    no_touch_money = "" if amount is None else f", sum(amount)::DOUBLE {amount}"
    text_key = next(key for key, _ in keys if key != "campaign_id")
    return f"""WITH {attribution_touches(rows, basis, keys)},
w AS (SELECT q.*, {weight_sql(model)} AS wt FROM q JOIN p USING (id)),
cr AS (SELECT {names}, sum(wt)::DOUBLE {share}{money} FROM w GROUP BY ALL HAVING sum(wt) > 0),
nt AS (SELECT {no_touch_keys(keys)}, count(*)::DOUBLE {share}{no_touch_money} FROM r
  WHERE id NOT IN (SELECT id FROM q) HAVING count(*) > 0)
SELECT * FROM (SELECT * FROM cr UNION ALL SELECT * FROM nt)
ORDER BY {amount or share} DESC, {text_key} = '(no touch)', {", ".join(f"{k} NULLS LAST" for k, _ in keys)}"""


def attribution_compare_sql(rows, basis="closed", keys=CHANNEL):
    """`attribute compare`: one column per model with its defaults (the credited
    amount, or leads), a row per key group some counted touch falls in, in key
    order, and the no-touch row last."""
    names = ", ".join(key for key, _ in keys)
    weights = ", ".join(f"{weight_sql(m)} AS w_{m}" for m in COMPARED)
    sums = ", ".join(f"sum(w_{m} * amount)::DOUBLE {m}" for m in COMPARED)
    no_touch_sums = ", ".join(f"sum(amount)::DOUBLE {m}" for m in COMPARED)
    return f"""WITH {attribution_touches(rows, basis, keys)},
w AS (SELECT q.*, {weights} FROM q JOIN p USING (id)),
cr AS (SELECT {names}, {sums}, 0 no_touch FROM w GROUP BY ALL),
nt AS (SELECT {no_touch_keys(keys)}, {no_touch_sums}, 1 no_touch FROM r WHERE id NOT IN (SELECT id FROM q) HAVING count(*) > 0)
SELECT * EXCLUDE (no_touch) FROM (SELECT * FROM cr UNION ALL SELECT * FROM nt)
ORDER BY no_touch, {", ".join(f"{k} NULLS LAST" for k, _ in keys)}"""


DEAL_STAGES = ["prospecting", "qualification", "proposal", "negotiation", "closed_won"]


def deal_funnel_sql(lost_rank):
    """The deal funnel by product: a deal reaches the steps up to its stage's
    rank; a closed_lost deal up to `lost_rank` (SQL over the row)."""
    ranks = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(DEAL_STAGES))
    counts = ", ".join(f"count(*) FILTER (WHERE r >= {i}) c{i}" for i in range(5))
    steps = ",".join(f"({i},'{s}')" for i, s in enumerate(DEAL_STAGES))
    return f"""
WITH d AS (SELECT product, CASE WHEN stage = 'closed_lost' THEN {lost_rank} ELSE CASE stage {ranks} ELSE -1 END END r FROM deals),
s AS (SELECT product, {counts} FROM d GROUP BY product),
u AS (SELECT * FROM (VALUES {steps}) v(i, step)),
x AS (SELECT product, i, step, [c0,c1,c2,c3,c4][i+1] cnt FROM u, s)
SELECT product, step, cnt AS count, CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(lag(cnt) OVER w,0) END step_conversion,
  CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(first_value(cnt) OVER w,0) END overall_conversion,
  coalesce(lag(cnt) OVER w - cnt, 0) drop_off, NULL::DOUBLE median_days FROM x
WINDOW w AS (PARTITION BY product ORDER BY i) ORDER BY product, i"""


LOST_RANK = ("coalesce(CASE lower(lost_stage) " +
             " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(DEAL_STAGES[:4])) + " END, 0)")
