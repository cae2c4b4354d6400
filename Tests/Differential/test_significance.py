"""compare's significance tests against independent references: each side's
sample (successes and trials, or count, mean and standard deviation) from
DuckDB over the same CSV files, the tests from scipy.stats (the z-test written
out from scipy's normal distribution, Welch's test as
`ttest_ind(b, a, equal_var=False)` with its 95% interval). On the demo data at
two sizes and seeds, and on a small hand-made file for the edge cases: no
trials, 0% or 100% on both sides, fewer than 2 values, no spread."""
import math

import pytest
from scipy import stats

from conftest import demo_files, duck_for, funnel
from funnel_sql import reached

SIZES = [(4000, 11), (20000, 42)]
TESTS = ["statistic", "df", "p_value", "ci_low", "ci_high", "significant"]
Q = {"2026-Q1": "year(closed_at) = 2026 AND quarter(closed_at) = 1",
     "2026-Q2": "year(closed_at) = 2026 AND quarter(closed_at) = 2"}
LEADS_Q = {k: v.replace("closed_at", "created_at") for k, v in Q.items()}


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}-{s[1]}")
def data(request, tmp_root):
    folder = demo_files(tmp_root, *request.param)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["leads", "deals"]})
    return folder, con


def z_test(xa, na, xb, nb):
    """(z, None, p, ci_low, ci_high) of the two-proportion z-test, or Nones where undefined."""
    if not na or not nb:
        return (None,) * 5
    pa, pb, pooled = xa / na, xb / nb, (xa + xb) / (na + nb)
    se = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    if se == 0:
        return (None,) * 5
    z = (pb - pa) / se
    wald = math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    half = stats.norm.isf(0.025) * wald
    low, high = (pb - pa - half, pb - pa + half) if wald > 0 else (None, None)
    return z, None, 2 * stats.norm.sf(abs(z)), low, high


def welch(a, b):
    """(t, df, p, ci_low, ci_high) of Welch's test of b against a (lists of values), or Nones."""
    if len(a) < 2 or len(b) < 2 or (len(set(a)) == 1 and len(set(b)) == 1):
        return (None,) * 5
    r = stats.ttest_ind(b, a, equal_var=False)
    ci = r.confidence_interval(0.95)
    return r.statistic, r.df, r.pvalue, ci.low, ci.high


def check(got_row, expected, where):
    """The six test cells of a row against (statistic, df, p, low, high)."""
    cells = dict(zip(TESTS, got_row))
    for name, want in zip(TESTS[:5], expected):
        if want is None:
            assert cells[name] == "", f"{where} {name}: funnel {cells[name]!r}, expected null"
            continue
        got = float(cells[name])
        scale = max(1.0, abs(want)) if name != "p_value" else 1.0
        assert abs(got - want) <= 1e-9 * scale, f"{where} {name}: funnel {got!r} vs reference {want!r}"
    significant = "" if expected[2] is None else ("true" if expected[2] < 0.05 else "false")
    assert cells["significant"] == significant, where


def compare(folder, statement, args=None):
    header, rows = funnel(args or ["--data", str(folder)], statement)
    assert header[-6:] == TESTS
    return header, rows


def test_win_rate_by_product(data):
    folder, con = data
    _, rows = compare(folder, 'deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on win_rate() by product')
    for row in rows:
        sample = []
        for side in ["2026-Q1", "2026-Q2"]:
            won, decided = con.execute(
                f"SELECT count(*) FILTER (WHERE stage = 'closed_won'), "
                f"count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')) FROM deals "
                f"WHERE {Q[side]} AND product = ?", [row[0]]).fetchone()
            sample += [won, decided]
        check(row[6:], z_test(*sample), row[:2])


def values(con, expression, condition, params):
    return [v for (v,) in con.execute(
        f"SELECT ({expression})::DOUBLE FROM deals WHERE {condition} AND ({expression}) IS NOT NULL",
        params).fetchall()]


@pytest.mark.parametrize("metric,expression,condition", [
    ("avg(amount)", "amount", "TRUE"),
    ("avg_deal_size()", "amount", "stage = 'closed_won'"),
    ("sales_cycle_days()", "closed_at - created_at", "stage = 'closed_won'"),
    ("acv()", "amount * 12.0 / nullif(term_months, 0)", "stage = 'closed_won'"),
])
def test_means_by_product(data, metric, expression, condition):
    folder, con = data
    _, rows = compare(
        folder, f'deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on {metric} by product')
    for row in rows:
        a, b = (values(con, expression, f"{condition} AND {Q[side]} AND product = ?", [row[0]])
                for side in ["2026-Q1", "2026-Q2"])
        check(row[6:], welch(a, b), row[:2])


def test_mql_rate_by_region(data):
    folder, con = data
    _, rows = compare(
        folder, 'leads | compare quarter(created_at) "2026-Q1" vs "2026-Q2" on mql_rate(), n = count() by region')
    for row in rows:
        if row[1] == "n":
            assert row[6:] == [""] * 6
            continue
        sample = []
        for side in ["2026-Q1", "2026-Q2"]:
            region = "region IS NULL" if row[0] == "" else "region = ?"
            mql, n = con.execute(
                f"SELECT count(*) FILTER (WHERE {reached('mql')}), count(*) FROM leads WHERE {LEADS_Q[side]} "
                f"AND {region}", [] if row[0] == "" else [row[0]]).fetchone()
            sample += [mql, n]
        check(row[6:], z_test(*sample), row[:2])


# owner a against owner b, per product: P1 all won on both sides, P2 none won,
# P3 only open deals on a (no trials), P4 0% against 100%, P5 an ordinary
# case; amounts: P1 the same on both, P2 and P3 one value on a, P5 a null on b.
EDGE = """deal_id,owner,product,stage,amount
1,a,P1,closed_won,100
2,a,P1,closed_won,100
3,b,P1,closed_won,100
4,b,P1,closed_won,100
5,b,P1,closed_won,100
6,a,P2,closed_lost,50
7,b,P2,closed_lost,70
8,b,P2,closed_lost,90
9,a,P3,proposal,10
10,a,P3,prospecting,
11,b,P3,closed_won,30
12,b,P3,closed_lost,
13,b,P3,closed_won,35
14,a,P4,closed_lost,1
15,a,P4,closed_lost,2
16,a,P4,closed_lost,3
17,b,P4,closed_won,4
18,b,P4,closed_won,5
19,b,P4,closed_won,6
20,a,P5,closed_won,10
21,a,P5,closed_won,12
22,a,P5,closed_lost,9
23,a,P5,closed_won,14
24,a,P5,closed_lost,11
25,b,P5,closed_won,20
26,b,P5,closed_lost,3
27,b,P5,closed_lost,8
28,b,P5,closed_lost,
"""


def test_edge_cases(tmp_root):
    path = tmp_root / "edge_deals.csv"
    path.write_text(EDGE)
    _, rows = compare(None, 'deals | compare owner "a" vs "b" on win_rate(), avg(amount) by product',
                      args=["--load", f"deals={path}"])
    deals = [line.split(",") for line in EDGE.strip().splitlines()[1:]]
    for row in rows:
        product, metric = row[0], row[1]
        side = {o: [d for d in deals if d[1] == o and d[2] == product] for o in "ab"}
        if metric == "win_rate":
            sample = []
            for o in "ab":
                sample += [sum(d[3] == "closed_won" for d in side[o]),
                           sum(d[3] in ("closed_won", "closed_lost") for d in side[o])]
            expected = z_test(*sample)
        else:
            expected = welch(*([float(d[4]) for d in side[o] if d[4]] for o in "ab"))
        check(row[6:], expected, row[:2])
    nulls = {(r[0], r[1]) for r in rows if r[8] == ""}
    assert nulls == {("P1", "win_rate"), ("P2", "win_rate"), ("P3", "win_rate"), ("P1", "avg_amount"),
                     ("P2", "avg_amount"), ("P3", "avg_amount")}
    p4 = next(r for r in rows if r[:2] == ["P4", "win_rate"])
    assert p4[8] != "" and p4[9] == "" and p4[10] == ""
