"""The forecast (docs/language.md §4, docs/metrics.md "Forecast"): deals'
probability and expected_close, the `quotas` dataset and the `forecast` verb,
against DuckDB on the same CSV files.

A won deal counts in the period of its closed_at, an open one in that of its
expected_close; an open deal's probability is its column, else its stage's
default; quotas are summed per period (their first day's) and matching key.
The SQL below says so independently of Funnel's SQL compiler."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(3000, 7), (20000, 42)]
DEFAULTS = ("CASE w WHEN 'prospecting' THEN 0.1 WHEN 'qualification' THEN 0.2 WHEN 'proposal' THEN 0.5 "
            "WHEN 'negotiation' THEN 0.8 ELSE 0.0 END")


OPEN = "(w IS NULL OR w NOT IN ('closed_won', 'closed_lost'))"
WEIGHTED = (f"coalesce(sum(amount::DOUBLE * coalesce(probability::DOUBLE, {DEFAULTS.replace('CASE w', 'CASE w')})) "
            f"FILTER (WHERE {OPEN}), 0)")
SLIPPED = "(stage NOT IN ('closed_won', 'closed_lost') AND expected_close < DATE '2026-07-01')"


def quarter(x):
    return f"(year({x}) || '-Q' || quarter({x}))"


def month(x):
    return f"strftime({x}, '%Y-%m')"


def year(x):
    return f"CAST(year({x}) AS VARCHAR)"


def forecast_sql(period, keys, quota_keys=True, where="TRUE", probability="probability::DOUBLE", deals="deals"):
    """forecast over `deals` filtered by `where`, its period `period(x)`, grouped by
    `keys` [(name, sql over the deal)]; quota matched by those keys when `quota_keys`."""
    names = [n for n, _ in keys]
    key_select = "".join(f", {sql} AS {name}" for name, sql in keys)
    key_names = "".join(f", {n}" for n in names)
    order = "".join(f", {n} NULLS LAST" for n in names)
    rows = (f"SELECT CASE WHEN w = 'closed_won' THEN {period('closed_at')} ELSE {period('expected_close')} END "
            f"AS period{key_select}, "
            f"CASE WHEN w = 'closed_won' THEN 1 WHEN w IS NULL OR w NOT IN ('closed_won', 'closed_lost') THEN 2 "
            f"ELSE 0 END AS kind, amount::DOUBLE AS a, coalesce({probability}, {DEFAULTS}) AS pr "
            f"FROM (SELECT *, lower(trim(stage)) AS w FROM {deals} WHERE {where})")
    groups = (f"SELECT period{key_names}, coalesce(sum(a) FILTER (WHERE kind = 1), 0) AS won, "
              f"coalesce(sum(a) FILTER (WHERE kind = 2 AND pr >= 0.7), 0) AS commit, "
              f"coalesce(sum(a * pr) FILTER (WHERE kind = 2), 0) AS weighted, "
              f"coalesce(sum(a) FILTER (WHERE kind = 2), 0) AS best_case "
              f"FROM r WHERE kind <> 0 AND period IS NOT NULL GROUP BY ALL")
    if quota_keys:
        quotas = (f"SELECT {period('period')} AS period{key_names}, sum(amount::DOUBLE) AS quota FROM quotas "
                  f"WHERE period IS NOT NULL GROUP BY ALL")
        join = "LEFT JOIN q ON q.period = g.period" + "".join(f" AND q.{n} = g.{n}" for n in names)
        quota = "q.quota"
    else:
        quotas = "SELECT 1 AS x"
        join = ""
        quota = "CAST(NULL AS DOUBLE)"
    keys_out = "".join(f", g.{n}" for n in names)
    return (f"WITH r AS ({rows}), g AS ({groups}), q AS ({quotas}) "
            f"SELECT g.period{keys_out}, won, commit, weighted, best_case, {quota} AS quota, "
            f"CASE WHEN {quota} <> 0 THEN won / {quota} END AS attainment, "
            f"CASE WHEN {quota} > won THEN best_case / ({quota} - won) END AS coverage, "
            f"{quota} - won AS gap FROM g {join} ORDER BY g.period{order}")


# (name, funnel statement, DuckDB SQL).
CASES = [
    ("team forecast by quarter", "deals | forecast quarter(expected_close)", forecast_sql(quarter, [])),
    ("forecast by quarter and owner", "deals | forecast quarter(expected_close) by owner",
     forecast_sql(quarter, [("owner", "owner")])),
    ("forecast by month and product, no quota", "deals | forecast month(expected_close) by product",
     forecast_sql(month, [("product", "product")], quota_keys=False)),
    ("this year's deals by year and owner",
     "deals | where created_at >= @2026-01-01 | forecast year(expected_close) by owner",
     forecast_sql(year, [("owner", "owner")], where="created_at >= DATE '2026-01-01'")),
    ("a probability of one's own",
     'deals | derive probability = if(stage == "proposal", 0.75, probability) | forecast quarter(expected_close)',
     forecast_sql(quarter, [], probability="CASE WHEN stage = 'proposal' THEN 0.75 ELSE probability END")),
    ("the stage defaults without a probability column",
     "deals | drop probability | forecast quarter(expected_close) by owner",
     forecast_sql(quarter, [("owner", "owner")], probability="NULL")),
    ("slipped deals by owner",
     "deals | agg n = count_if(slipped()), amount = sum(if(slipped(), amount, 0)) by owner",
     f"SELECT owner, count(*) FILTER (WHERE {SLIPPED}) AS n, coalesce(sum(amount) FILTER (WHERE {SLIPPED}), 0) "
     f"AS amount FROM deals GROUP BY owner ORDER BY owner"),
    ("slipped of each deal",
     "deals | select deal_id, stage, s = slipped()",
     f"SELECT deal_id, stage, CASE WHEN NOT coalesce(lower(trim(stage)) IN ('closed_won', 'closed_lost'), false) "
     f"THEN expected_close < DATE '2026-07-01' ELSE false END AS s FROM deals ORDER BY rowid"),
    ("a forecast of no deals", "deals | where amount < 0 | forecast quarter(expected_close)",
     forecast_sql(quarter, [], where="amount < 0")),
    ("weighted_pipeline by owner",
     "deals | agg w = weighted_pipeline(), p = pipeline_value() by owner",
     f"SELECT owner, {WEIGHTED} AS w, coalesce(sum(amount::DOUBLE) FILTER (WHERE {OPEN}), 0) AS p "
     f"FROM (SELECT *, lower(trim(stage)) AS w FROM deals) GROUP BY owner ORDER BY owner NULLS LAST"),
    ("weighted_pipeline without a probability column, by quarter",
     "deals | drop probability | agg w = weighted_pipeline() by q = quarter(expected_close)",
     f"SELECT {quarter('expected_close')} AS q, "
     f"coalesce(sum(amount::DOUBLE * {DEFAULTS}) FILTER (WHERE {OPEN}), 0) AS w "
     f"FROM (SELECT *, lower(trim(stage)) AS w FROM deals) GROUP BY q ORDER BY q NULLS LAST"),
    ("weighted_pipeline over leads, by channel",
     "leads | agg w = weighted_pipeline() by channel",
     f"SELECT l.channel, coalesce((SELECT {WEIGHTED} FROM (SELECT *, lower(trim(stage)) AS w FROM deals) d "
     f"WHERE d.lead_id IN (SELECT lead_id FROM leads l2 WHERE l2.channel IS NOT DISTINCT FROM l.channel)), 0) AS w "
     f"FROM (SELECT DISTINCT channel FROM leads) l ORDER BY l.channel NULLS LAST"),
    ("quota_attainment and pipeline_coverage by owner in one quarter",
     'deals | where quarter(expected_close) == "2026-Q3" '
     "| agg a = quota_attainment(150000), c = pipeline_coverage(quota = 150000) by owner",
     f"SELECT owner, won / 150000.0 AS a, CASE WHEN 150000.0 > won THEN open / (150000.0 - won) END AS c "
     f"FROM (SELECT owner, coalesce(sum(amount::DOUBLE) FILTER (WHERE w = 'closed_won'), 0) AS won, "
     f"coalesce(sum(amount::DOUBLE) FILTER (WHERE {OPEN}), 0) AS open "
     f"FROM (SELECT *, lower(trim(stage)) AS w FROM deals) WHERE {quarter('expected_close')} = '2026-Q3' "
     f"GROUP BY owner) ORDER BY owner NULLS LAST"),
    ("quota metrics where the quota is beaten",
     "deals | agg a = quota_attainment(1000), c = pipeline_coverage(1000)",
     f"SELECT won / 1000.0 AS a, CASE WHEN 1000.0 > won THEN open / (1000.0 - won) END AS c "
     f"FROM (SELECT coalesce(sum(amount::DOUBLE) FILTER (WHERE w = 'closed_won'), 0) AS won, "
     f"coalesce(sum(amount::DOUBLE) FILTER (WHERE {OPEN}), 0) AS open "
     f"FROM (SELECT *, lower(trim(stage)) AS w FROM deals))"),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_forecast_on_demo(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["deals", "quotas", "leads"]})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


@pytest.mark.parametrize("leads,seed", SIZES)
def test_demo_forecast_columns_agree_with_the_deals(tmp_root, leads, seed):
    """Closed deals: probability 1 (won) or 0 (lost), expected_close = closed_at;
    open deals: a probability strictly between 0 and 1; quotas: each owner's
    quarters, on a quarter's first day."""
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["deals", "quotas"]})
    bad = con.execute(
        "SELECT deal_id FROM deals WHERE expected_close IS NULL OR probability IS NULL "
        "OR (stage = 'closed_won' AND (probability <> 1 OR expected_close <> closed_at)) "
        "OR (stage = 'closed_lost' AND (probability <> 0 OR expected_close <> closed_at)) "
        "OR (stage NOT LIKE 'closed%' AND (probability <= 0 OR probability >= 1))").fetchall()
    assert bad == []
    quarters = con.execute(
        "SELECT count(*), count(DISTINCT owner), count(DISTINCT period), "
        "count(*) FILTER (WHERE day(period) <> 1 OR month(period) NOT IN (1, 4, 7, 10)) FROM quotas").fetchone()
    assert quarters == (176, 16, 11, 0)
