"""The funnel vocabulary (LANGUAGE.md §4) against hand-written DuckDB SQL on the
demo data at two sizes and seeds: every metric of the registry, the metrics
reached across datasets, funnel (default, steps, by, within), every attribution
model, cohort (and by months) and the scorecard, value by value."""
import math
import re

import pytest

from conftest import ROOT, assert_same, demo_files, duck_for, funnel
from funnel_sql import (CAMPAIGN, COMPARED, FUNNEL_SQL, LOST_RANK, TODAY, attribution_compare_sql,
                        attribution_sql, deal_funnel_sql, reached)

SIZES = [(4000, 11), (20000, 42)]


def registry():
    """(name, first dataset, SQL) for every metric in docs/metrics.md."""
    text = (ROOT / "docs" / "metrics.md").read_text()
    out = []
    for name, args, body in re.findall(r"^## (\w+)\((.*?)\)\n(.*?)(?=^## |\Z)", text, re.S | re.M):
        datasets = re.search(r"\*\*Datasets:\*\* ([\w, ]+)", body).group(1).split(", ")
        sql = re.search(r"```sql\n(.*?)```", body, re.S).group(1)
        # conversion("a", "b") is shown with stages; the quota metrics' SQL uses a quota of 120000.
        call_args = "120000" if args == "quota" else ('"mql", "sql"' if args else "")
        out.append((name, datasets[0], f"{name}({call_args})", sql))
    return out


METRICS = registry()


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}-{s[1]}")
def data(request, tmp_root):
    folder = demo_files(tmp_root, *request.param)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["campaigns", "leads", "touches", "deals", "costs"]})
    return folder, con


def run(folder, statements):
    return funnel(["--data", str(folder)], statements)


def test_registry_has_the_metrics_of_the_language():
    names = {m[0] for m in METRICS}
    for required in ["win_rate", "avg_deal_size", "acv", "sales_cycle_days", "pipeline_value", "pipeline_velocity",
                     "conversion", "cpl", "cac", "roi", "roas", "ctr"]:
        assert required in names


@pytest.mark.parametrize("name,dataset,call,sql", METRICS, ids=[m[0] for m in METRICS])
def test_metric_over_whole_data(data, name, dataset, call, sql):
    folder, con = data
    assert_same(run(folder, f"{dataset} | agg {name} = {call}"), con, sql, compare_header=False)


def test_acv_by_product_and_owner(data):
    folder, con = data
    acv = "avg(amount * 12.0 / nullif(term_months, 0)) FILTER (WHERE stage = 'closed_won')::DOUBLE"
    assert_same(run(folder, "deals | agg acv(), avg_deal_size() by product, owner | sort product, owner"), con, f"""
SELECT product, owner, {acv} AS acv, avg(amount) FILTER (WHERE stage = 'closed_won')::DOUBLE AS avg_deal_size
FROM deals GROUP BY ALL ORDER BY product, owner""")


def test_campaign_metrics_by_channel(data):
    folder, con = data
    names = ["win_rate", "avg_deal_size", "sales_cycle_days", "pipeline_value", "pipeline_velocity",
             "avg_touches_to_close", "mql_rate", "mql_to_sql_rate", "spend", "cpl", "cac", "marketing_cac", "roi",
             "roas", "ctr", "cost_per_opportunity"]
    statement = "campaigns | agg " + ", ".join(f"{n}()" for n in names) + " by channel"
    assert_same(run(folder, statement), con, f"""
WITH c AS (SELECT channel, sum(spend)::DOUBLE spend, sum(clicks)::DOUBLE clicks, sum(impressions)::DOUBLE imp FROM campaigns GROUP BY channel),
d AS (SELECT c.channel, count(*) n, count(*) FILTER (WHERE stage='closed_won') won, count(*) FILTER (WHERE stage='closed_lost') lost,
  count(*) FILTER (WHERE stage NOT IN ('closed_won','closed_lost') OR stage IS NULL) open_n,
  coalesce(sum(amount) FILTER (WHERE stage='closed_won'),0)::DOUBLE rev, avg(amount) FILTER (WHERE stage='closed_won')::DOUBLE avg_amt,
  coalesce(sum(amount) FILTER (WHERE stage NOT IN ('closed_won','closed_lost') OR stage IS NULL),0)::DOUBLE pipe,
  avg(closed_at - created_at) FILTER (WHERE stage='closed_won' AND closed_at IS NOT NULL AND created_at IS NOT NULL)::DOUBLE cyc
  FROM deals JOIN campaigns c USING (campaign_id) GROUP BY c.channel),
t AS (SELECT c.channel, count(t.touch_id) tc FROM deals d JOIN campaigns c USING (campaign_id)
  JOIN touches t ON t.lead_id = d.lead_id AND CAST(t.touched_at AS DATE) <= coalesce(d.closed_at, {TODAY})
  WHERE d.stage='closed_won' GROUP BY c.channel),
l AS (SELECT c.channel, count(*) n, count(*) FILTER (WHERE {reached("mql")}) mql, count(*) FILTER (WHERE {reached("sql")}) sq
  FROM leads JOIN campaigns c USING (campaign_id) GROUP BY c.channel)
SELECT c.channel, won::DOUBLE/nullif(won+lost,0) win_rate, avg_amt avg_deal_size, cyc sales_cycle_days, pipe pipeline_value,
  open_n * (won::DOUBLE/nullif(won+lost,0)) * avg_amt / nullif(cyc,0) pipeline_velocity, tc::DOUBLE/nullif(won,0) avg_touches_to_close,
  mql::DOUBLE/nullif(l.n,0) mql_rate, sq::DOUBLE/nullif(mql,0) mql_to_sql_rate,
  spend, spend/nullif(l.n,0) cpl,
  spend/nullif(won,0) + (SELECT sum(amount)::DOUBLE FROM costs) / (SELECT count(*) FROM deals WHERE stage = 'closed_won') cac,
  spend/nullif(won,0) marketing_cac, (rev-spend)/nullif(spend,0) roi, rev/nullif(spend,0) roas,
  clicks/nullif(imp,0) ctr, spend/nullif(d.n,0) cost_per_opportunity
FROM c LEFT JOIN d USING (channel) LEFT JOIN l USING (channel) LEFT JOIN t USING (channel) ORDER BY channel""")


def test_lead_metrics_by_region(data):
    folder, con = data
    names = ["win_rate", "spend", "cpl", "mql_rate", "mql_to_sql_rate", "avg_deal_size", "roas", "marketing_cac",
             "cost_per_opportunity", "pipeline_value", "avg_touches_to_close", "sales_cycle_days"]
    statement = "leads | agg " + ", ".join(f"{n}()" for n in names) + " by region"
    # Each campaign's spend shared among the regions by its leads in each; only the
    # leads and deals whose campaign_id is a campaign's count for the spend metrics.
    con.execute("""CREATE OR REPLACE TEMP TABLE rs AS
      WITH per AS (SELECT campaign_id, count(*) n FROM leads WHERE campaign_id IS NOT NULL GROUP BY 1),
      cs AS (SELECT campaign_id, sum(spend)::DOUBLE s FROM campaigns GROUP BY 1)
      SELECT coalesce(l.region,'~') region, sum(cs.s / per.n) spend, count(*) paid
      FROM leads l JOIN per USING (campaign_id) JOIN cs USING (campaign_id) GROUP BY 1""")
    assert_same(run(folder, statement), con, f"""
WITH l AS (SELECT coalesce(region,'~') region, count(*) n, count(*) FILTER (WHERE {reached("mql")}) mql,
  count(*) FILTER (WHERE campaign_id IN (SELECT campaign_id FROM campaigns)) bought,
  count(*) FILTER (WHERE {reached("sql")}) sq FROM leads GROUP BY ALL),
d AS (SELECT coalesce(l.region,'~') region, count(*) FILTER (WHERE d.stage='closed_won') won, count(*) FILTER (WHERE d.stage='closed_lost') lost,
  avg(amount) FILTER (WHERE d.stage='closed_won')::DOUBLE avg_amt,
  coalesce(sum(amount) FILTER (WHERE d.stage NOT IN ('closed_won','closed_lost') OR d.stage IS NULL),0)::DOUBLE pipe,
  avg(d.closed_at - d.created_at) FILTER (WHERE d.stage='closed_won' AND d.closed_at IS NOT NULL)::DOUBLE cyc
  FROM deals d JOIN leads l USING (lead_id) GROUP BY 1),
cd AS (SELECT coalesce(l.region,'~') region, count(*) deals, count(*) FILTER (WHERE d.stage='closed_won') won,
  coalesce(sum(amount) FILTER (WHERE d.stage='closed_won'),0)::DOUBLE rev
  FROM deals d JOIN leads l USING (lead_id) WHERE d.campaign_id IN (SELECT campaign_id FROM campaigns) GROUP BY 1),
t AS (SELECT coalesce(l.region,'~') region, count(t.touch_id) tc FROM deals d JOIN leads l USING (lead_id)
  JOIN touches t ON t.lead_id = d.lead_id AND CAST(t.touched_at AS DATE) <= coalesce(d.closed_at, {TODAY})
  WHERE d.stage='closed_won' GROUP BY 1)
SELECT CASE WHEN region = '~' THEN NULL ELSE region END region, d.won::DOUBLE/nullif(d.won+lost,0) win_rate,
  rs.spend, rs.spend/nullif(rs.paid,0) cpl,
  mql::DOUBLE/l.n mql_rate, sq::DOUBLE/nullif(mql,0) mql_to_sql_rate, avg_amt avg_deal_size,
  coalesce(cd.rev, 0)/nullif(rs.spend,0) roas, rs.spend/nullif(cd.won,0) marketing_cac,
  rs.spend/nullif(cd.deals,0) cost_per_opportunity,
  coalesce(pipe, 0) pipeline_value, tc::DOUBLE/nullif(d.won,0) avg_touches_to_close, cyc sales_cycle_days
FROM l LEFT JOIN d USING (region) LEFT JOIN cd USING (region) LEFT JOIN t USING (region) LEFT JOIN rs USING (region)
ORDER BY region NULLS LAST""")


def test_spend_metrics_refuse_deals(data):
    folder, _ = data
    header, rows = funnel(["--data", str(folder)], "deals | agg roas() by product", check=False)
    assert header == [] and rows == []


def test_roas_credited_by_a_model_equals_attribute(data):
    folder, _ = data
    # roas("linear") × spend per channel is the revenue `attribute linear` credits the channel.
    _, a = run(folder, 'campaigns | agg r = roas("linear"), s = spend() by channel | derive revenue = r * s '
                       '| select channel, revenue | sort channel')
    _, b = run(folder, 'deals | where stage == "closed_won" | attribute linear by channel '
                       '| where channel != null | select channel, revenue | sort channel')
    assert a and [r[0] for r in a] == [r[0] for r in b]
    for x, y in zip(a, b):
        assert abs(float(x[1]) - float(y[1])) <= 1e-6 * max(1.0, abs(float(y[1])))


def test_funnel_default(data):
    folder, con = data
    sql = FUNNEL_SQL.format(keys="", group="", partition="", order="")
    assert_same(run(folder, "leads | funnel"), con, sql)


def test_funnel_by_region(data):
    folder, con = data
    sql = FUNNEL_SQL.format(keys="region,", group="GROUP BY region", partition="PARTITION BY region",
                            order="region NULLS LAST,")
    assert_same(run(folder, "leads | funnel by region"), con, sql)


def test_funnel_steps_by_channel_within(data):
    folder, con = data
    sql = f"""
WITH b AS (SELECT channel, {reached("mql")} AND mql_at IS NOT NULL m,
  {reached("sql")} AND sql_at IS NOT NULL AND sql_at - mql_at <= 90 q,
  {reached("won")} AND won_at IS NOT NULL AND won_at - mql_at <= 90 w, mql_at, sql_at, won_at FROM leads),
s AS (SELECT channel, count(*) FILTER (WHERE m) c0, count(*) FILTER (WHERE m AND q) c1, count(*) FILTER (WHERE m AND q AND w) c2,
  median(sql_at - mql_at) FILTER (WHERE m AND q) d1, median(won_at - sql_at) FILTER (WHERE m AND q AND w) d2 FROM b GROUP BY channel),
u AS (SELECT * FROM (VALUES (0,'mql'),(1,'sql'),(2,'won')) v(i, step)),
x AS (SELECT channel, i, step, [c0,c1,c2][i+1] cnt, [NULL,d1,d2][i+1] md FROM u, s)
SELECT channel, step, cnt AS count, CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(lag(cnt) OVER w,0) END step_conversion,
  CASE WHEN i=0 THEN 1 ELSE cnt::DOUBLE/nullif(first_value(cnt) OVER w,0) END overall_conversion,
  coalesce(lag(cnt) OVER w - cnt, 0) drop_off, md::DOUBLE median_days FROM x
WINDOW w AS (PARTITION BY channel ORDER BY i) ORDER BY channel NULLS LAST, i"""
    assert_same(run(folder, "leads | funnel steps mql, sql, won by channel within 90d"), con, sql)


def test_deal_funnel_counts_a_lost_deal_up_to_its_lost_stage(data):
    folder, con = data
    assert_same(run(folder, "deals | funnel by product"), con, deal_funnel_sql(LOST_RANK))


def test_reached_over_deals_counts_as_the_deal_funnel(data):
    folder, con = data
    stages = ["prospecting", "qualification", "proposal", "negotiation", "closed_won"]
    calls = ", ".join(f'{s} = count_if(reached("{s}"))' for s in stages)
    counts = ", ".join(f"count(*) FILTER (WHERE r >= {i}) AS {s}" for i, s in enumerate(stages))
    ranks = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(stages))
    assert_same(run(folder, f"deals | agg {calls} by product | sort product"), con, f"""
SELECT product, {counts} FROM (SELECT product,
  CASE WHEN stage = 'closed_lost' THEN {LOST_RANK} ELSE CASE stage {ranks} ELSE -1 END END r FROM deals)
GROUP BY product ORDER BY product""")


def test_deal_funnel_without_lost_stage_counts_a_lost_deal_at_prospecting(data):
    folder, con = data
    statement = "deals | select deal_id, product, stage | funnel by product"
    assert_same(run(folder, statement), con, deal_funnel_sql("0"))


# Every model with its defaults, and one custom set of shares or half-life for
# the models that take them.
MODELS = ["first_touch", "last_touch", "linear", "time_decay", "time_decay(14d)", "u_shaped", "u_shaped(30, 30)",
          "w_shaped", "w_shaped(20, 30, 40)", "full_path", "full_path(25, 25, 25, 25)", "j_shaped",
          "j_shaped(10, 70)", "inverse_j"]

BASES = {
    # basis: (the rows, the statement's tail after the model, SQL of the rows)
    "closed": ("deals", "", "SELECT * FROM deals"),
    "pipeline": ("deals", " on pipeline", "SELECT * FROM deals"),
    "leads": ("leads", "", "SELECT * FROM leads"),
}


@pytest.mark.parametrize("basis", BASES)
@pytest.mark.parametrize("model", MODELS)
def test_attribution_by_channel(data, model, basis):
    folder, con = data
    rows, tail, sql = BASES[basis]
    assert_same(run(folder, f"{rows} | attribute {model}{tail} by channel"), con,
                attribution_sql(model, sql, basis))


@pytest.mark.parametrize("model", ["linear", "u_shaped", "time_decay(14d)", "full_path"])
def test_attribution_won_deals(data, model):
    folder, con = data
    sql = attribution_sql(model, "SELECT * FROM deals WHERE stage = 'closed_won'")
    assert_same(run(folder, f'deals | where stage == "closed_won" | attribute {model} by channel'), con, sql)


@pytest.mark.parametrize("basis", BASES)
def test_attribution_compare(data, basis):
    folder, con = data
    rows, tail, sql = BASES[basis]
    assert_same(run(folder, f"{rows} | attribute compare{tail} by channel"), con,
                attribution_compare_sql(sql, basis))


@pytest.mark.parametrize("basis", BASES)
def test_attribution_compare_columns_are_the_single_models(data, basis):
    """Each column of `attribute compare` is what the model alone credits each channel."""
    folder, _ = data
    rows, tail, _ = BASES[basis]
    header, table = run(folder, f"{rows} | attribute compare{tail} by channel")
    assert header == ["channel", *COMPARED]
    for m, model in enumerate(COMPARED, start=1):
        alone_header, alone = run(folder, f"{rows} | attribute {model}{tail} by channel")
        credited = {row[0]: float(row[-1]) for row in alone}
        for row in table:
            assert math.isclose(float(row[m]), credited.get(row[0], 0.0), rel_tol=1e-9, abs_tol=1e-6), \
                f"{model} {row[0]}: compare {row[m]} vs alone {credited.get(row[0])}"


def test_cohort(data):
    folder, con = data
    shares = ", ".join(f"avg(CASE WHEN {reached(s)} THEN 1.0 ELSE 0 END) AS {s}" for s in ["mql", "sql", "opportunity", "won"])
    assert_same(run(folder, "leads | cohort month(created_at)"), con,
                f"SELECT strftime(created_at, '%Y-%m') cohort, count(*) leads, {shares} FROM leads GROUP BY 1 ORDER BY 1")


def test_cohort_by_months(data):
    folder, con = data
    header, rows = run(folder, "leads | cohort month(created_at) by months")
    k = len(header) - 3
    assert k >= 1
    # A month that had not begun by the data's last date is null.
    as_of = ("(SELECT max(greatest(created_at, coalesce(mql_at, created_at), coalesce(sql_at, created_at), "
             "coalesce(opportunity_at, created_at), coalesce(won_at, created_at))) FROM leads)")
    columns = ", ".join(
        f"CASE WHEN datediff('month', min(date_trunc('month', created_at)), {as_of}) < {i} THEN NULL ELSE "
        f"avg(CASE WHEN won_at IS NOT NULL AND greatest(0, datediff('month', date_trunc('month', created_at), won_at)) <= {i} "
        f"THEN 1.0 ELSE 0 END) END m{i}" for i in range(k + 1))
    assert_same((header, rows), con,
                f"SELECT strftime(created_at, '%Y-%m') cohort, count(*) leads, {columns} FROM leads GROUP BY 1 ORDER BY 1")


def test_scorecard(data):
    folder, con = data
    assert_same(run(folder, "scorecard"), con, f"""
WITH c AS (SELECT channel, sum(spend)::DOUBLE spend, sum(clicks)::DOUBLE clicks, sum(impressions)::DOUBLE imp FROM campaigns GROUP BY channel),
d AS (SELECT c.channel, count(*) n, count(*) FILTER (WHERE stage='closed_won') won, count(*) FILTER (WHERE stage='closed_lost') lost,
  coalesce(sum(amount) FILTER (WHERE stage='closed_won'),0)::DOUBLE rev, avg(amount) FILTER (WHERE stage='closed_won')::DOUBLE avg_amt,
  coalesce(sum(amount) FILTER (WHERE stage NOT IN ('closed_won','closed_lost') OR stage IS NULL),0)::DOUBLE pipe,
  avg(closed_at - created_at) FILTER (WHERE stage='closed_won' AND closed_at IS NOT NULL)::DOUBLE cyc
  FROM deals JOIN campaigns c USING (campaign_id) GROUP BY c.channel),
l AS (SELECT c.channel, count(*) n, count(*) FILTER (WHERE {reached("mql")}) mql, count(*) FILTER (WHERE {reached("sql")}) sq
  FROM leads JOIN campaigns c USING (campaign_id) GROUP BY c.channel)
SELECT c.channel, spend, l.n leads, spend/nullif(l.n,0) cpl, mql::DOUBLE/nullif(l.n,0) mql_rate, clicks/nullif(imp,0) ctr,
  rev/nullif(spend,0) roas, sq::DOUBLE/nullif(mql,0) mql_to_sql_rate, d.n opportunities, won::DOUBLE/nullif(won+lost,0) win_rate,
  avg_amt avg_deal_size, cyc sales_cycle_days, pipe pipeline_value, rev revenue
FROM c LEFT JOIN d USING (channel) LEFT JOIN l USING (channel) ORDER BY channel""")


def test_compare_quarters(data):
    folder, con = data
    statement = 'deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on revenue = sum(amount), n = count() by product'
    assert_same(run(folder, statement), con, """
WITH a AS (SELECT product, (sum(amount) FILTER (WHERE year(closed_at) = 2026 AND quarter(closed_at) = 1))::DOUBLE r1,
  (sum(amount) FILTER (WHERE year(closed_at) = 2026 AND quarter(closed_at) = 2))::DOUBLE r2,
  count(*) FILTER (WHERE year(closed_at) = 2026 AND quarter(closed_at) = 1) n1,
  count(*) FILTER (WHERE year(closed_at) = 2026 AND quarter(closed_at) = 2) n2
  FROM deals WHERE year(closed_at) = 2026 AND quarter(closed_at) IN (1, 2) GROUP BY product),
m AS (SELECT product, 'revenue' metric, 0 o, r1 a, r2 b FROM a UNION ALL SELECT product, 'n', 1, n1, n2 FROM a)
SELECT product, metric, a AS "2026-Q1", b AS "2026-Q2", b - a AS change, (b - a) / nullif(a, 0) AS change_pct
FROM m ORDER BY product, o""")


@pytest.mark.parametrize("model", ["first_touch", "linear", "w_shaped", "time_decay"])
def test_attribution_without_keys(data, model):
    """Without keys the credit goes to each touched campaign: its id and name."""
    folder, con = data
    sql = attribution_sql(model, "SELECT * FROM deals WHERE stage = 'closed_won'", keys=CAMPAIGN)
    assert_same(run(folder, f'deals | where stage == "closed_won" | attribute {model}'), con, sql)
