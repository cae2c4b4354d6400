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


ATTRIBUTION_BASE = f"""WITH q AS (SELECT d.deal_id, d.amount::DOUBLE amount, d.created_at dc, coalesce(d.closed_at, {TODAY}) close_day,
  t.touch_id, t.touched_at, c.channel,
  row_number() OVER (PARTITION BY d.deal_id ORDER BY t.touched_at, t.touch_id) k, count(*) OVER (PARTITION BY d.deal_id) n
  FROM ({{deals}}) d JOIN touches t ON t.lead_id = d.lead_id AND CAST(t.touched_at AS DATE) <= coalesce(d.closed_at, {TODAY})
  LEFT JOIN campaigns c ON c.campaign_id = t.campaign_id),
o AS (SELECT deal_id, max(k) FILTER (WHERE CAST(touched_at AS DATE) <= dc) ok FROM q GROUP BY deal_id),
{{weights}}
nt AS (SELECT '(no touch)' channel, count(*)::DOUBLE deals, coalesce(sum(amount),0)::DOUBLE revenue FROM ({{deals}}) d
  WHERE deal_id NOT IN (SELECT deal_id FROM q)),
r AS (SELECT channel, sum(wt)::DOUBLE deals, sum(wt * coalesce(amount,0))::DOUBLE revenue FROM wq GROUP BY channel HAVING sum(wt) > 0
  UNION ALL SELECT * FROM nt WHERE deals > 0)
SELECT * FROM r ORDER BY revenue DESC, channel = '(no touch)', channel"""

WEIGHTS = {
    "first_touch": "CASE WHEN k=1 THEN 1.0 ELSE 0 END",
    "last_touch": "CASE WHEN k=n THEN 1.0 ELSE 0 END",
    "linear": "1.0/n",
    "u_shaped": "CASE WHEN n=1 THEN 1.0 WHEN n=2 THEN 0.5 WHEN k=1 OR k=n THEN 0.4 ELSE 0.2/(n-2) END",
    "w_shaped": "CASE WHEN n<=3 THEN 1.0/n WHEN k=1 OR k=n OR k = (CASE WHEN ok IS NULL OR ok=1 OR ok=n THEN n//2 + 1 ELSE ok END) "
                "THEN 0.3 ELSE 0.1/(n-3) END",
}


def attribution_sql(model, deals, half_life=7.0):
    if model.startswith("time_decay"):
        weights = (f"a AS (SELECT q.*, close_day - CAST(touched_at AS DATE) age FROM q), "
                   f"e AS (SELECT a.*, pow(2, -(age - min(age) OVER (PARTITION BY deal_id))/{half_life}) ew FROM a), "
                   f"wq AS (SELECT e.*, ew / sum(ew) OVER (PARTITION BY deal_id) wt FROM e),")
    else:
        weights = f"wq AS (SELECT q.*, {WEIGHTS[model]} AS wt FROM q JOIN o USING (deal_id)),"
    return ATTRIBUTION_BASE.format(deals=deals, weights=weights)


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
