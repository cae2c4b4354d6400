"""Questions on the three real datasets in shared/data/real, each answered by
Funnel (the file loaded with `--load name=PATH`, no options) and by DuckDB SQL
on the same file, compared value by value.

Also checks that every script in examples/real is pinned by the golden
script of the same name in Tests/Scripts/real: the same statements after the
loads, and the same printed output when the example runs from the root.
"""
import os
import pathlib
import subprocess
import tempfile

import duckdb
import pytest

from conftest import BINARY, REAL, ROOT, assert_same, funnel

BANK = REAL / "bank-marketing" / "bank-additional-full.csv"
MQL = REAL / "olist-funnel" / "olist_marketing_qualified_leads_dataset.csv"
WON = REAL / "olist-funnel" / "olist_closed_deals_dataset.csv"
PIPELINE = REAL / "maven-crm" / "sales_pipeline.csv"
ACCOUNTS = REAL / "maven-crm" / "accounts.csv"
PRODUCTS = REAL / "maven-crm" / "products.csv"
TEAMS = REAL / "maven-crm" / "sales_teams.csv"

pytestmark = pytest.mark.skipif(
    not BANK.exists(), reason=f"the real datasets are not at {REAL} (shared/ beside the repository)")


def load_args(**files):
    args = []
    for name, path in files.items():
        args += ["--load", f"{name}={path}"]
    return args


@pytest.fixture(scope="module")
def con():
    """All real files as DuckDB tables. Bank's y stays text (DuckDB would make
    it a boolean); the rest use DuckDB's own sniffer."""
    c = duckdb.connect()
    c.execute(f"""CREATE TABLE bank AS SELECT * FROM read_csv('{BANK}', header = true,
        auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR'])""")
    for name, path in [("mql", MQL), ("won", WON), ("pipeline", PIPELINE), ("accounts", ACCOUNTS),
                       ("products", PRODUCTS), ("teams", TEAMS)]:
        c.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header = true)")
    return c


def bank(statements):
    return funnel(load_args(bank=BANK), statements)


def olist(statements):
    return funnel(load_args(mql=MQL, won=WON), statements)


def maven(statements):
    return funnel(load_args(pipeline=PIPELINE, accounts=ACCOUNTS, products=PRODUCTS, teams=TEAMS), statements)


MONTH_CASE_SQL = """CASE "month" WHEN 'mar' THEN 3 WHEN 'apr' THEN 4 WHEN 'may' THEN 5 WHEN 'jun' THEN 6
    WHEN 'jul' THEN 7 WHEN 'aug' THEN 8 WHEN 'sep' THEN 9 WHEN 'oct' THEN 10 WHEN 'nov' THEN 11
    WHEN 'dec' THEN 12 END"""
MONTH_CASE = ('case month when "mar" then 3 when "apr" then 4 when "may" then 5 when "jun" then 6 '
              'when "jul" then 7 when "aug" then 8 when "sep" then 9 when "oct" then 10 '
              'when "nov" then 11 when "dec" then 12 end')


# ---------------------------------------------------------------- bank

def test_bank_row_count_and_outcome(con):
    assert_same(bank('bank | agg rows = count(), yes = count_if(y == "yes"), no = count_if(y == "no")'), con,
                "SELECT count(*) AS rows, count(*) FILTER (WHERE y = 'yes') AS yes, "
                "count(*) FILTER (WHERE y = 'no') AS no FROM bank")


def test_bank_success_rate_by_job(con):
    assert_same(bank('bank | agg contacts = count(), rate = count_if(y == "yes") / count() by job'), con,
                "SELECT job, count(*) AS contacts, avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate "
                "FROM bank GROUP BY job ORDER BY job NULLS LAST")


def test_bank_success_rate_by_month_in_calendar_order(con):
    assert_same(bank(f'bank | derive month_no = {MONTH_CASE} | agg contacts = count(), '
                     'rate = share(y == "yes") by month_no, month'), con,
                f"SELECT {MONTH_CASE_SQL} AS month_no, \"month\", count(*) AS contacts, "
                "avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate FROM bank "
                "GROUP BY ALL ORDER BY month_no NULLS LAST, \"month\" NULLS LAST")


def test_bank_success_rate_by_contact(con):
    assert_same(bank('bank | agg contacts = count(), subscribed = count_if(y == "yes"), rate = share(y == "yes") by contact'),
                con, "SELECT contact, count(*) AS contacts, count(*) FILTER (WHERE y = 'yes') AS subscribed, "
                "avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate FROM bank GROUP BY contact ORDER BY contact")


def test_bank_success_rate_by_previous_outcome(con):
    assert_same(bank('bank | agg contacts = count(), rate = share(y == "yes") by poutcome'), con,
                "SELECT poutcome, count(*) AS contacts, avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate "
                "FROM bank GROUP BY poutcome ORDER BY poutcome")


def test_bank_dotted_columns_by_outcome(con):
    assert_same(bank('bank | agg evr = avg(`emp.var.rate`), cpi = avg(`cons.price.idx`), '
                     'cci = min(`cons.conf.idx`), emp = max(`nr.employed`), eur = sum(euribor3m) by y'), con,
                'SELECT y, avg("emp.var.rate") AS evr, avg("cons.price.idx") AS cpi, min("cons.conf.idx") AS cci, '
                'max("nr.employed") AS emp, sum(euribor3m) AS eur FROM bank GROUP BY y ORDER BY y')


def test_bank_default_column_in_backquotes(con):
    assert_same(bank('bank | where `default` != "yes" | agg contacts = count(), rate = share(y == "yes") by `default`, housing'),
                con, 'SELECT "default", housing, count(*) AS contacts, '
                "avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate FROM bank WHERE \"default\" <> 'yes' "
                'GROUP BY ALL ORDER BY "default", housing')


def test_bank_pdays_sentinel(con):
    assert_same(bank('bank | agg contacted_before = count_if(pdays != 999), '
                     'avg_days = avg(if(pdays == 999, null, pdays)), '
                     'median_days = median(case when pdays == 999 then null else pdays end) by poutcome'), con,
                "SELECT poutcome, count(*) FILTER (WHERE pdays <> 999) AS contacted_before, "
                "avg(CASE WHEN pdays = 999 THEN NULL ELSE pdays END) AS avg_days, "
                "median(CASE WHEN pdays = 999 THEN NULL ELSE pdays END) AS median_days "
                "FROM bank GROUP BY poutcome ORDER BY poutcome")


def test_bank_age_buckets(con):
    assert_same(bank('bank | agg contacts = count(), rate = share(y == "yes"), avg_calls = avg(campaign) by '
                     'band = case when age < 25 then "17-24" when age < 35 then "25-34" when age < 45 then "35-44" '
                     'when age < 55 then "45-54" when age < 65 then "55-64" else "65+" end'), con,
                "SELECT CASE WHEN age < 25 THEN '17-24' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44' "
                "WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64' ELSE '65+' END AS band, count(*) AS contacts, "
                "avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate, avg(campaign) AS avg_calls "
                "FROM bank GROUP BY band ORDER BY band")


def test_bank_calls_buckets(con):
    assert_same(bank('bank | derive first_call = case when campaign <= 3 then campaign when campaign <= 5 then 4 '
                     'when campaign <= 10 then 6 else 11 end '
                     '| agg contacts = count(), rate = share(y == "yes"), median_duration = median(duration) by first_call'),
                con, "SELECT CASE WHEN campaign <= 3 THEN campaign WHEN campaign <= 5 THEN 4 WHEN campaign <= 10 THEN 6 "
                "ELSE 11 END AS first_call, count(*) AS contacts, avg(CASE WHEN y = 'yes' THEN 1.0 ELSE 0.0 END) AS rate, "
                "median(duration) AS median_duration FROM bank GROUP BY first_call ORDER BY first_call")


def test_bank_unknowns_by_education(con):
    assert_same(bank('bank | agg contacts = count(), unknown_loan = count_if(loan == "unknown"), '
                     'age_p90 = percentile(age, 0.9), age_sd = stddev(age) by education'), con,
                "SELECT education, count(*) AS contacts, count(*) FILTER (WHERE loan = 'unknown') AS unknown_loan, "
                "quantile_cont(age, 0.9) AS age_p90, stddev_samp(age) AS age_sd FROM bank "
                "GROUP BY education ORDER BY education")


def test_bank_in_list_and_nested_if(con):
    assert_same(bank('bank | where job in ["student", "retired"] and marital != "unknown" '
                     '| agg n = count() by job, seg = if(age >= 60, "60+", if(age >= 30, "30-59", "under 30"))'), con,
                "SELECT job, CASE WHEN age >= 60 THEN '60+' WHEN age >= 30 THEN '30-59' ELSE 'under 30' END AS seg, "
                "count(*) AS n FROM bank WHERE job IN ('student', 'retired') AND marital <> 'unknown' "
                "GROUP BY ALL ORDER BY job, seg")


# ---------------------------------------------------------------- olist

def test_olist_counts_by_origin_keep_empty_and_unknown_apart(con):
    assert_same(olist("mql | count by origin"), con,
                'SELECT origin, count(*) AS "count" FROM mql GROUP BY origin ORDER BY origin NULLS LAST')


def test_olist_conversion_by_origin(con):
    assert_same(olist('mql | join left won on mql_id | agg mqls = count(), won = count(won_date), '
                      'conversion = count(won_date) / count() by origin'), con,
                "SELECT m.origin, count(*) AS mqls, count(w.won_date) AS won, count(w.won_date) / count(*) AS conversion "
                "FROM mql m LEFT JOIN won w USING (mql_id) GROUP BY m.origin ORDER BY m.origin NULLS LAST")


def test_olist_median_days_to_win(con):
    assert_same(olist('mql | join won on mql_id | agg deals = count(), '
                      'median_days = median(days_between(date(first_contact_date), date(won_date))), '
                      'min_days = min(date(won_date) - first_contact_date), '
                      'max_days = max(days_between(first_contact_date, date(won_date)))'), con,
                "SELECT count(*) AS deals, median(CAST(w.won_date AS DATE) - m.first_contact_date) AS median_days, "
                "min(CAST(w.won_date AS DATE) - m.first_contact_date) AS min_days, "
                "max(CAST(w.won_date AS DATE) - m.first_contact_date) AS max_days "
                "FROM mql m JOIN won w USING (mql_id)")


def test_olist_median_days_to_win_by_origin(con):
    assert_same(olist('mql | join left won on mql_id | agg median_days = '
                      'median(days_between(date(first_contact_date), date(won_date))) by origin'), con,
                "SELECT m.origin, median(CAST(w.won_date AS DATE) - m.first_contact_date) AS median_days "
                "FROM mql m LEFT JOIN won w USING (mql_id) GROUP BY m.origin ORDER BY m.origin NULLS LAST")


def test_olist_booleans_with_blanks(con):
    assert_same(olist("won | agg n = count() by has_company, has_gtin"), con,
                "SELECT has_company, has_gtin, count(*) AS n FROM won GROUP BY ALL "
                "ORDER BY has_company NULLS LAST, has_gtin NULLS LAST")


def test_olist_declared_revenue_by_lead_type(con):
    assert_same(olist('won | agg total = sum(declared_monthly_revenue), declared = count_if(declared_monthly_revenue > 0), '
                      'avg_declared = avg(if(declared_monthly_revenue > 0, declared_monthly_revenue, null)) by lead_type'),
                con, "SELECT lead_type, sum(declared_monthly_revenue) AS total, "
                "count(*) FILTER (WHERE declared_monthly_revenue > 0) AS declared, "
                "avg(CASE WHEN declared_monthly_revenue > 0 THEN declared_monthly_revenue END) AS avg_declared "
                "FROM won GROUP BY lead_type ORDER BY lead_type NULLS LAST")


def test_olist_segment_by_lead_type(con):
    assert_same(olist("won | count by lead_type, business_segment"), con,
                'SELECT lead_type, business_segment, count(*) AS "count" FROM won GROUP BY ALL '
                "ORDER BY lead_type NULLS LAST, business_segment NULLS LAST")


def test_olist_quoted_commas_in_profiles(con):
    assert_same(olist('won | agg n = count(), two = count_if(contains(lead_behaviour_profile, ",")) by lead_behaviour_profile'),
                con, "SELECT lead_behaviour_profile, count(*) AS n, "
                "count(*) FILTER (WHERE contains(lead_behaviour_profile, ',')) AS two "
                "FROM won GROUP BY lead_behaviour_profile ORDER BY lead_behaviour_profile NULLS LAST")


def test_olist_wins_by_month_of_timestamp(con):
    assert_same(olist("won | agg deals = count(), catalog = avg(declared_product_catalog_size) by month(won_date)"), con,
                "SELECT strftime(won_date, '%Y-%m') AS \"month\", count(*) AS deals, "
                "avg(declared_product_catalog_size) AS catalog FROM won GROUP BY ALL ORDER BY \"month\"")


def test_olist_coalesce_origin_and_mql_month(con):
    assert_same(olist('mql | agg n = count() by channel = origin ?? "(blank)", first = month(first_contact_date) '
                      '| where first >= "2018-04"'), con,
                "SELECT coalesce(origin, '(blank)') AS channel, strftime(first_contact_date, '%Y-%m') AS first, "
                "count(*) AS n FROM mql WHERE first_contact_date >= DATE '2018-04-01' GROUP BY ALL ORDER BY channel, first")


def test_olist_leads_conversion_metric(con):
    statements = ('let leads = mql | join left won on mql_id | select lead_id = mql_id, created_at = first_contact_date, '
                  'channel = origin, mql_at = first_contact_date, won_at = date(won_date), '
                  'stage = if(won_date != null, "won", "mql")\n'
                  'leads | agg leads = count(), conversion("mql", "won") by channel')
    assert_same(olist(statements), con,
                "SELECT m.origin AS channel, count(*) AS leads, count(w.mql_id)::DOUBLE / count(*) AS conversion "
                "FROM mql m LEFT JOIN won w USING (mql_id) GROUP BY m.origin ORDER BY m.origin NULLS LAST")


# ---------------------------------------------------------------- maven

WIN_RATE_SQL = ("count(*) FILTER (WHERE deal_stage = 'Won')::DOUBLE / "
                "nullif(count(*) FILTER (WHERE deal_stage IN ('Won', 'Lost')), 0)")
WIN_RATE = 'count_if(deal_stage == "Won") / count_if(deal_stage in ["Won", "Lost"])'


def test_maven_row_counts_and_stages(con):
    assert_same(maven("pipeline | agg deals = count(), value = sum(close_value), accounts = count(account) by deal_stage"),
                con, "SELECT deal_stage, count(*) AS deals, sum(close_value) AS value, count(account) AS accounts "
                "FROM pipeline GROUP BY deal_stage ORDER BY deal_stage")


def test_maven_win_rate_by_agent(con):
    assert_same(maven(f"pipeline | agg deals = count(), win_rate = {WIN_RATE}, revenue = sum(close_value) by sales_agent"),
                con, f"SELECT sales_agent, count(*) AS deals, {WIN_RATE_SQL} AS win_rate, sum(close_value) AS revenue "
                "FROM pipeline GROUP BY sales_agent ORDER BY sales_agent")


def test_maven_win_rate_by_manager_and_office(con):
    assert_same(maven(f"pipeline | join teams on sales_agent | agg agents = count_distinct(sales_agent), "
                      f"win_rate = {WIN_RATE}, revenue = sum(close_value) by regional_office, manager"), con,
                f"SELECT t.regional_office, t.manager, count(DISTINCT p.sales_agent) AS agents, {WIN_RATE_SQL} AS win_rate, "
                "sum(close_value) AS revenue FROM pipeline p JOIN teams t USING (sales_agent) "
                "GROUP BY ALL ORDER BY t.regional_office, t.manager")


def test_maven_agents_without_deals(con):
    assert_same(maven("teams | join left pipeline on sales_agent | where opportunity_id == null "
                      "| select sales_agent, manager | sort sales_agent"), con,
                "SELECT t.sales_agent, t.manager FROM teams t LEFT JOIN pipeline p USING (sales_agent) "
                "WHERE p.opportunity_id IS NULL ORDER BY t.sales_agent")


def test_maven_revenue_by_product_with_gtx_pro_fix(con):
    assert_same(maven('pipeline | derive product = case product when "GTXPro" then "GTX Pro" else product end '
                      '| join products on product | agg deals = count(), revenue = sum(close_value), '
                      'list_price = max(sales_price) by series, product'), con,
                "SELECT pr.series, pr.product, count(*) AS deals, sum(p.close_value) AS revenue, "
                "max(pr.sales_price) AS list_price FROM pipeline p JOIN products pr "
                "ON pr.product = CASE WHEN p.product = 'GTXPro' THEN 'GTX Pro' ELSE p.product END "
                "GROUP BY ALL ORDER BY pr.series, pr.product")


def test_maven_plain_join_drops_gtxpro(con):
    assert_same(maven("pipeline | join products on product | agg deals = count(), won = count_if(deal_stage == \"Won\")"),
                con, "SELECT count(*) AS deals, count(*) FILTER (WHERE deal_stage = 'Won') AS won "
                "FROM pipeline JOIN products USING (product)")


def test_maven_sector_typo_fix(con):
    assert_same(maven('pipeline | join left accounts on account '
                      '| derive sector = if(sector == "technolgy", "technology", sector) '
                      f'| agg accounts = count_distinct(account), deals = count(), win_rate = {WIN_RATE}, '
                      'revenue = sum(close_value) by sector'), con,
                "SELECT CASE WHEN a.sector = 'technolgy' THEN 'technology' ELSE a.sector END AS sector, "
                f"count(DISTINCT p.account) AS accounts, count(*) AS deals, {WIN_RATE_SQL} AS win_rate, "
                "sum(p.close_value) AS revenue FROM pipeline p LEFT JOIN accounts a USING (account) "
                "GROUP BY ALL ORDER BY sector NULLS LAST")


def test_maven_median_cycle_days(con):
    assert_same(maven('pipeline | where deal_stage == "Won" | agg median_cycle = median(close_date - engage_date), '
                      'avg_cycle = avg(days_between(engage_date, close_date)), won = count() by product'), con,
                "SELECT product, median(close_date - engage_date) AS median_cycle, "
                "avg(close_date - engage_date) AS avg_cycle, count(*) AS won FROM pipeline "
                "WHERE deal_stage = 'Won' GROUP BY product ORDER BY product")


def test_maven_open_deals_without_account(con):
    assert_same(maven("pipeline | where account == null | agg open = count(), engaged = count(engage_date), "
                      "first = min(engage_date) by sales_agent, deal_stage"), con,
                "SELECT sales_agent, deal_stage, count(*) AS open, count(engage_date) AS engaged, "
                "min(engage_date) AS first FROM pipeline WHERE account IS NULL GROUP BY ALL "
                "ORDER BY sales_agent, deal_stage")


def test_maven_won_revenue_by_quarter_and_series(con):
    assert_same(maven('pipeline | derive product = if(product == "GTXPro", "GTX Pro", product) '
                      '| join products on product | where deal_stage == "Won" '
                      '| agg revenue = sum(close_value) by series, quarter(close_date)'), con,
                "SELECT pr.series, strftime(p.close_date, '%Y') || '-Q' || quarter(p.close_date) AS quarter, "
                "sum(p.close_value) AS revenue FROM pipeline p JOIN products pr "
                "ON pr.product = CASE WHEN p.product = 'GTXPro' THEN 'GTX Pro' ELSE p.product END "
                "WHERE p.deal_stage = 'Won' GROUP BY ALL ORDER BY pr.series, quarter")


def test_maven_accounts_by_country(con):
    assert_same(maven("accounts | agg accounts = count(), revenue = sum(revenue), employees = sum(employees), "
                      "subsidiaries = count(subsidiary_of) by office_location"), con,
                "SELECT office_location, count(*) AS accounts, sum(revenue) AS revenue, sum(employees) AS employees, "
                "count(subsidiary_of) AS subsidiaries FROM accounts GROUP BY office_location ORDER BY office_location")


def test_maven_as_deals_metrics(con):
    statements = ('let deals = pipeline | rename deal_id = opportunity_id, owner = sales_agent, created_at = engage_date, '
                  'closed_at = close_date, amount = close_value | derive stage = case deal_stage when "Won" then '
                  '"closed_won" when "Lost" then "closed_lost" when "Engaging" then "negotiation" '
                  'when "Prospecting" then "prospecting" end\n'
                  'deals | agg win_rate(), sales_cycle_days(), avg_deal_size() by owner')
    assert_same(maven(statements), con,
                f"SELECT sales_agent AS owner, {WIN_RATE_SQL} AS win_rate, "
                "avg(close_date - engage_date) FILTER (WHERE deal_stage = 'Won') AS sales_cycle_days, "
                "avg(close_value) FILTER (WHERE deal_stage = 'Won') AS avg_deal_size "
                "FROM pipeline GROUP BY sales_agent ORDER BY sales_agent")


# ---------------------------------------------------------------- examples

EXAMPLES = sorted((ROOT / "examples" / "real").glob("*.funnel"))


def statements_of(path):
    """The lines after the header comment, with the .load paths cut to the file name."""
    lines = path.read_text().splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    out = []
    for line in lines[i:]:
        if line.startswith(".load "):
            parts = line.split()
            line = " ".join(parts[:2] + [parts[2].rsplit("/", 2)[-2] + "/" + parts[2].rsplit("/", 1)[-1]] + parts[3:])
        out.append(line)
    return out


def test_there_are_three_examples_per_dataset():
    names = [p.stem for p in EXAMPLES]
    for prefix in ["bank_", "olist_", "maven_"]:
        assert len([n for n in names if n.startswith(prefix)]) >= 3, names
    assert "maven_as_deals" in names and "olist_as_leads" in names


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_is_pinned_by_its_golden_script(example):
    golden = ROOT / "Tests" / "Scripts" / "real" / example.name
    assert golden.exists(), f"no golden script for {example.name}"
    assert statements_of(golden) == statements_of(example), "golden script and example differ"
    assert example.read_text().startswith("#!/usr/bin/env funnel\n# ")
    recorded = golden.with_suffix(".out").read_text()
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        env.update(NO_COLOR="1", FUNNEL_TODAY="2026-07-01", HOME=home, FUNNEL_HISTORY=home + "/history",
                   FUNNEL_PROGRESS=home + "/progress")
        run = subprocess.run([BINARY, str(example.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True,
                             env=env, stdin=subprocess.DEVNULL, timeout=300)
    assert run.returncode == 0, run.stderr
    # Only notes (compare's tests, say) may go to stderr; the golden file keeps them.
    assert all(line.startswith("note: ") for line in run.stderr.splitlines()), run.stderr
    stderr = "--- stderr\n" + run.stderr if run.stderr else ""
    assert run.stdout + stderr + "[exit 0]\n" == recorded
