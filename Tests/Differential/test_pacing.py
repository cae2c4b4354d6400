"""Budget pacing (docs/metrics.md, "Budget pacing"): `campaigns | pacing`
against DuckDB on the same CSV files, with today 2026-07-01.

The SQL below follows the rules in words, independently of Funnel's
expansion: each campaign's elapsed share (today counted as elapsed), a
budget-weighted share per key group, spend over budget, their ratio and the
flag at ±10%."""
import datetime
import random

import pytest

from conftest import assert_same, demo_files, duck_for, funnel

TODAY = "DATE '2026-07-01'"
ELAPSED = (f"CASE WHEN start_date IS NULL OR end_date IS NULL THEN NULL WHEN {TODAY} < start_date THEN 0.0 "
           f"WHEN {TODAY} > end_date THEN 1.0 "
           f"ELSE (({TODAY} - start_date) + 1)::DOUBLE / ((end_date - start_date) + 1) END")


def pacing_sql(keys, where="TRUE"):
    """pacing over `campaigns` filtered by `where`, grouped by `keys` [(name, sql)]."""
    key_select = "".join(f"{sql} AS {name}, " for name, sql in keys)
    key_names = ", ".join(name for name, _ in keys)
    order = ", ".join(f"{name} NULLS LAST" for name, _ in keys)
    return (
        f"WITH c AS (SELECT {key_select}budget, spend, {ELAPSED} AS e FROM campaigns WHERE {where}), "
        f"g AS (SELECT {key_names}, sum(budget) AS budget, sum(spend) AS spend, "
        f"sum(budget * e) AS expected, sum(CASE WHEN e IS NOT NULL THEN budget END) AS weight "
        f"FROM c GROUP BY {key_names}), "
        f"s AS (SELECT *, CASE WHEN weight > 0 THEN expected / weight END AS elapsed_share, "
        f"CASE WHEN budget > 0 THEN spend::DOUBLE / budget END AS spent_share FROM g) "
        f"SELECT {key_names}, budget, spend, elapsed_share, spent_share, "
        f"CASE WHEN elapsed_share > 0 THEN spent_share / elapsed_share END AS pace, "
        f"CASE WHEN budget IS NULL OR budget <= 0 THEN 'no budget' WHEN elapsed_share IS NULL THEN NULL "
        f"WHEN elapsed_share = 0 THEN 'not started' WHEN spent_share / elapsed_share > 1.1 THEN 'over' "
        f"WHEN spent_share / elapsed_share < 0.9 THEN 'under' ELSE 'on pace' END AS flag "
        f"FROM s ORDER BY {order}")


CAMPAIGN = [("campaign_id", "campaign_id"), ("name", "name")]
DEMO_CASES = [
    ("each campaign", "campaigns | pacing", pacing_sql(CAMPAIGN)),
    ("by channel", "campaigns | pacing by channel", pacing_sql([("channel", "channel")])),
    ("by channel and start quarter", "campaigns | pacing by channel, q = quarter(start_date)",
     pacing_sql([("channel", "channel"), ("q", "year(start_date) || '-Q' || quarter(start_date)")])),
    ("of the email campaigns", 'campaigns | where channel == "email" | pacing',
     pacing_sql(CAMPAIGN, where="channel = 'email'")),
]


@pytest.mark.parametrize("name,statements,sql", DEMO_CASES, ids=[c[0] for c in DEMO_CASES])
def test_pacing_on_demo(tmp_root, name, statements, sql):
    folder = demo_files(tmp_root, 3000, 7)
    con = duck_for(folder, {"campaigns": folder / "campaigns.csv"})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


def random_campaigns(seed, n=400):
    """Flights before, around and after 2026-07-01; budgets of 0 and none; campaigns with no dates."""
    rng = random.Random(seed)
    lines = ["campaign_id,name,channel,start_date,end_date,budget,spend"]
    for i in range(1, n + 1):
        start = datetime.date(2026, 7, 1) + datetime.timedelta(days=rng.randint(-120, 60))
        end = start + datetime.timedelta(days=rng.randint(0, 90))
        budget = rng.choice([0, rng.randint(100, 500000)] + [rng.randint(100, 50000)] * 6)
        spend = round(budget * rng.uniform(0, 1.4) + rng.choice([0, 0, 0, 25]), 2)
        s, e = start.isoformat(), end.isoformat()
        if rng.random() < 0.04:
            s = ""
        if rng.random() < 0.04:
            e = ""
        b = "" if rng.random() < 0.03 else f"{budget:.2f}"
        channel = rng.choice(["email", "search", "social", "events", ""])
        lines.append(f"{i},c{i},{channel},{s},{e},{b},{spend:.2f}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module", params=[3, 11])
def flights(request, tmp_root):
    folder = tmp_root / f"pacing-{request.param}"
    folder.mkdir(exist_ok=True)
    (folder / "campaigns.csv").write_text(random_campaigns(request.param), encoding="utf-8")
    return folder


@pytest.mark.parametrize("statements,keys", [
    ("campaigns | pacing", CAMPAIGN),
    ("campaigns | pacing by channel", [("channel", "channel")]),
    ("campaigns | pacing by channel, m = month(end_date)",
     [("channel", "channel"), ("m", "strftime(end_date, '%Y-%m')")]),
])
def test_pacing_of_flights_around_today(flights, statements, keys):
    path = flights / "campaigns.csv"
    con = duck_for(flights, {"campaigns": path})
    assert_same(funnel(["--load", f"campaigns={path}"], statements), con, pacing_sql(keys))


def test_flags_cover_every_case(flights):
    header, rows = funnel(["--load", f"campaigns={flights / 'campaigns.csv'}"], "campaigns | pacing")
    flags = {r[header.index("flag")] for r in rows}
    assert flags == {"over", "under", "on pace", "not started", "no budget", ""}
