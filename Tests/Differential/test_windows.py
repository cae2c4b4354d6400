"""Window functions (docs/language.md §3.8) and lead_velocity_rate (docs/metrics.md)
against DuckDB's own window functions, on the demo data at two sizes and on the
real datasets.

Funnel keeps the input's rows in their order and breaks ties in a window's sort
by that order, nulls last: the SQL says so with the table's rowid (the order
DuckDB read the CSV in, the file's order, as Funnel reads it) in every ORDER BY
and as the final order."""
import pytest

from conftest import REAL, assert_same, demo_files, duck_for, funnel

SIZES = [(3000, 7), (20000, 42)]
ROWS = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
MQL_SQL = ("(stage IN ('mql','sql','opportunity','won') OR mql_at IS NOT NULL OR sql_at IS NOT NULL "
           "OR opportunity_at IS NOT NULL OR won_at IS NOT NULL)")

# (name, funnel statement, DuckDB SQL).
CASES = [
    ("language example",
     "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)",
     "WITH a AS (SELECT strftime(created_at, '%Y-%m') AS m, count(*) AS n FROM leads GROUP BY 1) "
     "SELECT m, n, (n - lag(n) OVER w)::DOUBLE / nullif(lag(n) OVER w, 0) AS g "
     "FROM a WINDOW w AS (ORDER BY m NULLS LAST) ORDER BY m NULLS LAST"),
    ("lag and lead with ties and desc",
     "deals | derive p = lag(amount) over (by owner sort created_at), q = lead(deal_id, 2) over (by product sort amount desc), "
     "r = lag(stage, 3) over () | select deal_id, p, q, r",
     "SELECT deal_id, lag(amount) OVER (PARTITION BY owner ORDER BY created_at NULLS LAST, rowid) AS p, "
     "lead(deal_id, 2) OVER (PARTITION BY product ORDER BY amount DESC NULLS LAST, rowid) AS q, "
     "lag(stage, 3) OVER (ORDER BY rowid) AS r FROM deals ORDER BY rowid"),
    ("running sum and counts",
     "deals | derive s = running_sum(amount) over (by owner sort created_at), c = running_count(closed_at) over (by owner sort created_at), "
     "n = running_count() over (by stage) | select deal_id, s, c, n",
     f"SELECT deal_id, sum(amount) OVER (PARTITION BY owner ORDER BY created_at NULLS LAST, rowid {ROWS}) AS s, "
     f"count(closed_at) OVER (PARTITION BY owner ORDER BY created_at NULLS LAST, rowid {ROWS}) AS c, "
     f"count(*) OVER (PARTITION BY stage ORDER BY rowid {ROWS}) AS n FROM deals ORDER BY rowid"),
    ("running sum of a count with nulls in the sort",
     "leads | agg n = count() by region | derive s = running_sum(n) over (sort region desc)",
     f"WITH a AS (SELECT region, count(*) AS n FROM leads GROUP BY 1) "
     f"SELECT region, n, sum(n) OVER (ORDER BY region DESC NULLS LAST {ROWS}) AS s FROM a ORDER BY region NULLS LAST"),
    ("moving averages over rows with nulls",
     "leads | derive v = moving_avg(score, 4) over (by region sort created_at), w = moving_avg(score, 1) over (sort score desc) "
     "| select lead_id, v, w",
     "SELECT lead_id, avg(score) OVER (PARTITION BY region ORDER BY created_at NULLS LAST, rowid "
     "ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS v, "
     "avg(score) OVER (ORDER BY score DESC NULLS LAST, rowid ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS w "
     "FROM leads ORDER BY rowid"),
    ("moving average of monthly counts by channel",
     "leads | agg n = count() by m = month(created_at), channel | derive v = moving_avg(n, 3) over (by channel sort m)",
     "WITH a AS (SELECT strftime(created_at, '%Y-%m') AS m, channel, count(*) AS n FROM leads GROUP BY 1, 2) "
     "SELECT m, channel, n, avg(n) OVER (PARTITION BY channel ORDER BY m ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS v "
     "FROM a ORDER BY m NULLS LAST, channel NULLS LAST"),
    ("row number and rank",
     "deals | derive n = row_number() over (by owner sort amount desc), r = rank() over (by product sort stage, amount desc), "
     "k = rank() over (sort term_months) | select deal_id, n, r, k",
     "SELECT deal_id, row_number() OVER (PARTITION BY owner ORDER BY amount DESC NULLS LAST, rowid) AS n, "
     "rank() OVER (PARTITION BY product ORDER BY stage NULLS LAST, amount DESC NULLS LAST) AS r, "
     "rank() OVER (ORDER BY term_months NULLS LAST) AS k FROM deals ORDER BY rowid"),
    ("share of total",
     'deals | where stage == "closed_won" | agg revenue = sum(amount) by owner, product '
     "| derive share = pct_of_total(revenue) over (by owner), whole = pct_of_total(revenue) over ()",
     "WITH a AS (SELECT owner, product, sum(amount) AS revenue FROM deals WHERE stage = 'closed_won' GROUP BY 1, 2) "
     "SELECT owner, product, revenue, revenue / nullif(sum(revenue) OVER (PARTITION BY owner), 0) AS share, "
     "revenue / nullif(sum(revenue) OVER (), 0) AS whole FROM a ORDER BY owner NULLS LAST, product NULLS LAST"),
    ("change and pct_change with nulls and zeros",
     "leads | derive d = change(score) over (by channel sort created_at), p = pct_change(score) over (by channel sort created_at) "
     "| select lead_id, score, d, p",
     "SELECT lead_id, score, score - lag(score) OVER w AS d, "
     "(score - lag(score) OVER w)::DOUBLE / nullif(lag(score) OVER w, 0) AS p "
     "FROM leads WINDOW w AS (PARTITION BY channel ORDER BY created_at NULLS LAST, rowid) ORDER BY rowid"),
    ("a window over another window's result",
     "leads | agg n = count() by m = month(created_at) | derive prev = lag(n) over (sort m), d = change(prev) over (sort m)",
     "WITH a AS (SELECT strftime(created_at, '%Y-%m') AS m, count(*) AS n FROM leads GROUP BY 1), "
     "b AS (SELECT m, n, lag(n) OVER (ORDER BY m) AS prev FROM a) "
     "SELECT m, n, prev, prev - lag(prev) OVER (ORDER BY m) AS d FROM b ORDER BY m"),
    ("filter on a window's result",
     "deals | derive n = row_number() over (by owner sort created_at) | where n <= 2 | select deal_id, owner, n",
     "SELECT deal_id, owner, n FROM (SELECT deal_id, owner, rowid AS i, "
     "row_number() OVER (PARTITION BY owner ORDER BY created_at NULLS LAST, rowid) AS n FROM deals) "
     "WHERE n <= 2 ORDER BY i"),
    ("over () after a sort reads the sorted order",
     "deals | sort amount desc | derive n = row_number() over (), s = running_sum(amount) over () | select deal_id, n, s | take 30",
     f"SELECT deal_id, row_number() OVER w AS n, sum(amount) OVER (w {ROWS}) AS s FROM deals "
     "WINDOW w AS (ORDER BY amount DESC NULLS LAST, rowid) ORDER BY amount DESC NULLS LAST, rowid LIMIT 30"),
    ("lead velocity rate",
     'leads | agg mqls = count_if(reached("mql")), lvr = lead_velocity_rate() by m = month(mql_at)',
     f"WITH g AS (SELECT strftime(mql_at, '%Y-%m') AS m, year(mql_at) * 12 + month(mql_at) AS k, "
     f"count(*) FILTER (WHERE {MQL_SQL}) AS mqls FROM leads GROUP BY 1, 2) "
     "SELECT m, mqls, CASE WHEN k - lag(k) OVER w = 1 THEN (mqls - lag(mqls) OVER w)::DOUBLE / nullif(lag(mqls) OVER w, 0) END AS lvr "
     "FROM g WINDOW w AS (ORDER BY m NULLS LAST) ORDER BY m NULLS LAST"),
    ("lead velocity rate by channel by lead month",
     "leads | agg n = count(), lvr = lead_velocity_rate() by channel, m = month(created_at)",
     f"WITH g AS (SELECT channel, strftime(created_at, '%Y-%m') AS m, year(created_at) * 12 + month(created_at) AS k, "
     f"count(*) AS n, count(*) FILTER (WHERE {MQL_SQL}) AS mqls FROM leads GROUP BY 1, 2, 3) "
     "SELECT channel, m, n, CASE WHEN k - lag(k) OVER w = 1 THEN (mqls - lag(mqls) OVER w)::DOUBLE / nullif(lag(mqls) OVER w, 0) END AS lvr "
     "FROM g WINDOW w AS (PARTITION BY channel ORDER BY m NULLS LAST) ORDER BY channel NULLS LAST, m NULLS LAST"),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_window_on_demo(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["leads", "deals"]})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


# ---------------------------------------------------------------- real data

MQL = REAL / "olist-funnel" / "olist_marketing_qualified_leads_dataset.csv"
PIPELINE = REAL / "maven-crm" / "sales_pipeline.csv"
BANK = REAL / "bank-marketing" / "bank-additional-full.csv"

real = pytest.mark.skipif(not MQL.exists(), reason=f"the real datasets are not at {REAL}")


@pytest.fixture(scope="module")
def con():
    import duckdb
    c = duckdb.connect()
    for name, path in [("mql", MQL), ("pipeline", PIPELINE)]:
        c.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header = true)")
    c.execute(f"""CREATE TABLE bank AS SELECT * FROM read_csv('{BANK}', header = true,
        auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])""")
    return c


REAL_CASES = [
    # Olist's marketing qualified leads: a real monthly series (with a first month of two leads).
    ("olist monthly growth",
     ["--load", f"mql={MQL}"],
     "mql | agg n = count() by m = month(first_contact_date) "
     "| derive g = pct_change(n) over (sort m), s = running_sum(n) over (sort m), share = pct_of_total(n) over ()",
     f"WITH a AS (SELECT strftime(first_contact_date, '%Y-%m') AS m, count(*) AS n FROM mql GROUP BY 1) "
     f"SELECT m, n, (n - lag(n) OVER (ORDER BY m))::DOUBLE / nullif(lag(n) OVER (ORDER BY m), 0) AS g, "
     f"sum(n) OVER (ORDER BY m {ROWS}) AS s, n / sum(n) OVER () AS share FROM a ORDER BY m"),
    ("olist origins ranked each month",
     ["--load", f"mql={MQL}"],
     "mql | agg n = count() by origin, m = month(first_contact_date) "
     "| derive r = rank() over (by m sort n desc), c = change(n) over (by origin sort m), a = moving_avg(n, 3) over (by origin sort m)",
     "WITH a AS (SELECT origin, strftime(first_contact_date, '%Y-%m') AS m, count(*) AS n FROM mql GROUP BY 1, 2) "
     "SELECT origin, m, n, rank() OVER (PARTITION BY m ORDER BY n DESC) AS r, "
     "n - lag(n) OVER (PARTITION BY origin ORDER BY m) AS c, "
     "avg(n) OVER (PARTITION BY origin ORDER BY m ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS a "
     "FROM a ORDER BY origin NULLS LAST, m"),
    # Every Olist row is an MQL: mapped onto leads, lead_velocity_rate is the growth of their count.
    ("olist lead velocity rate",
     ["--load", f"mql={MQL}"],
     'let leads = mql | derive stage = "mql", mql_at = first_contact_date\n'
     "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by m = month(mql_at)",
     "WITH g AS (SELECT strftime(first_contact_date, '%Y-%m') AS m, "
     "year(first_contact_date) * 12 + month(first_contact_date) AS k, count(*) AS mqls FROM mql GROUP BY 1, 2) "
     "SELECT m, mqls, CASE WHEN k - lag(k) OVER w = 1 THEN (mqls - lag(mqls) OVER w)::DOUBLE / nullif(lag(mqls) OVER w, 0) END AS lvr "
     "FROM g WINDOW w AS (ORDER BY m) ORDER BY m"),
    # Maven's pipeline: each agent's won deals in the order they closed, the rows as in the file.
    ("maven running revenue per agent",
     ["--load", f"pipeline={PIPELINE}"],
     'pipeline | where deal_stage == "Won" | derive to_date = running_sum(close_value) over (by sales_agent sort close_date), '
     "nth = row_number() over (by sales_agent sort close_date), prev = lag(account, 1) over (by sales_agent sort close_date) "
     "| select opportunity_id, to_date, nth, prev",
     f"SELECT opportunity_id, sum(close_value) OVER w AS to_date, row_number() OVER w AS nth, lag(account, 1) OVER w AS prev "
     f"FROM pipeline WHERE deal_stage = 'Won' "
     f"WINDOW w AS (PARTITION BY sales_agent ORDER BY close_date NULLS LAST, rowid {ROWS}) ORDER BY rowid"),
    ("maven agents' share and rank",
     ["--load", f"pipeline={PIPELINE}"],
     'pipeline | where deal_stage == "Won" | agg revenue = sum(close_value) by sales_agent '
     "| derive share = pct_of_total(revenue) over (), place = rank() over (sort revenue desc)",
     "WITH a AS (SELECT sales_agent, sum(close_value) AS revenue FROM pipeline WHERE deal_stage = 'Won' GROUP BY 1) "
     "SELECT sales_agent, revenue, revenue / sum(revenue) OVER () AS share, rank() OVER (ORDER BY revenue DESC) AS place "
     "FROM a ORDER BY sales_agent"),
    ("bank calls ranked within each job",
     ["--load", f"bank={BANK}"],
     "bank | agg n = count(), yes = count_if(y == \"yes\") by job, education "
     "| derive share = pct_of_total(n) over (by job), r = rank() over (by job sort yes desc), c = running_count() over (by education)",
     "WITH a AS (SELECT job, education, count(*) AS n, count(*) FILTER (WHERE y = 'yes') AS yes FROM bank GROUP BY 1, 2), "
     "b AS (SELECT *, row_number() OVER (ORDER BY job, education) AS i FROM a) "
     f"SELECT job, education, n, yes, n / sum(n) OVER (PARTITION BY job) AS share, "
     f"rank() OVER (PARTITION BY job ORDER BY yes DESC) AS r, count(*) OVER (PARTITION BY education ORDER BY i {ROWS}) AS c "
     "FROM b ORDER BY i"),
]


@real
@pytest.mark.parametrize("name,args,statements,sql", REAL_CASES, ids=[c[0] for c in REAL_CASES])
def test_window_on_real_data(con, name, args, statements, sql):
    assert_same(funnel(args, statements), con, sql)
