"""The leads' stage history (docs/language.md §4): `leads | stage_durations`
reads each lead's stage dates as changes, against DuckDB on the same CSV
files.

Each non-null date of a lead is a change (created_at to lead, mql_at to mql,
sql_at to sql, opportunity_at to opportunity, won_at to won, lost_at to lost)
that starts a visit lasting until the lead's next change, the changes taken by
day, then that rank; the SQL below says so with a UNION ALL of the dates and
DuckDB's own window function, independently of Funnel's SQL compiler (which
needs no window)."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(3000, 7), (20000, 42)]
TODAY = "DATE '2026-07-01'"
DATES = ["created_at", "mql_at", "sql_at", "opportunity_at", "won_at", "lost_at"]
STAGES = "(VALUES (0, 'lead'), (1, 'mql'), (2, 'sql'), (3, 'opportunity')) st(r, stage)"


def lead_durations_sql(keys, where="TRUE"):
    """stage_durations over `leads` filtered by `where`, grouped by `keys` [(name, sql over leads d)]."""
    key_select = "".join(f"{sql} AS {name}, " for name, sql in keys)
    key_names = "".join(f"{name}, " for name, _ in keys)
    order = "".join(f"{name} NULLS LAST, " for name, _ in keys)
    dates = ", ".join(f"CAST(d.{c} AS DATE) AS {c}" for c in DATES)
    changes = " UNION ALL ".join(f"SELECT rid, {r} AS r, {c} AS day FROM l WHERE {c} IS NOT NULL"
                                 for r, c in enumerate(DATES))
    if keys:
        rows = (f"SELECT {key_names}st.r, st.stage, v.rid AS vid, v.day, v.nxt FROM l CROSS JOIN {STAGES} "
                f"LEFT JOIN v ON v.rid = l.rid AND v.r = st.r")
    else:
        rows = f"SELECT st.r, st.stage, v.rid AS vid, v.day, v.nxt FROM {STAGES} LEFT JOIN v ON v.r = st.r"
    return (
        f"WITH l AS (SELECT {key_select}d.rowid AS rid, {dates} FROM leads d WHERE {where}), "
        f"c AS ({changes}), "
        f"v AS (SELECT rid, r, day, lead(day) OVER (PARTITION BY rid ORDER BY day, r) AS nxt FROM c), "
        f"j AS ({rows}) "
        f"SELECT {key_names}stage, count(vid) AS entered, count(nxt) AS exited, "
        f"avg(nxt - day)::DOUBLE AS mean_days, quantile_cont(nxt - day, 0.5)::DOUBLE AS median_days, "
        f"count(*) FILTER (WHERE vid IS NOT NULL AND nxt IS NULL) AS open, "
        f"quantile_cont({TODAY} - day, 0.5) FILTER (WHERE vid IS NOT NULL AND nxt IS NULL)::DOUBLE "
        f"AS open_median_age_days "
        f"FROM j WHERE r < 4 GROUP BY {key_names}r, stage ORDER BY {order}r")


CASES = [
    ("lead stage durations", "leads | stage_durations", lead_durations_sql([])),
    ("lead stage durations by channel", "leads | stage_durations by channel",
     lead_durations_sql([("channel", "d.channel")])),
    ("lead stage durations of this year's leads by region and quarter",
     "leads | where created_at >= @2026-01-01 | stage_durations by region, q = quarter(created_at)",
     lead_durations_sql([("region", "d.region"), ("q", "year(d.created_at) || '-Q' || quarter(d.created_at)")],
                        where="d.created_at >= DATE '2026-01-01'")),
    ("lead stage durations of no leads", "leads | where score < 0 | stage_durations",
     lead_durations_sql([], where="d.score < 0")),
    ("lead stage durations of no leads by channel", "leads | where score < 0 | stage_durations by channel",
     lead_durations_sql([("channel", "d.channel")], where="d.score < 0")),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_lead_stage_durations_on_demo(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {"leads": folder / "leads.csv"})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


@pytest.mark.parametrize("leads,seed", SIZES)
def test_every_lead_visit_ends_or_is_open(tmp_root, leads, seed):
    """entered = exited + open; every lead enters lead (the demo's created_at
    is never null) and leaves it exactly when it has a later date."""
    folder = demo_files(tmp_root, leads, seed)
    header, rows = funnel(["--data", str(folder)], "leads | stage_durations by channel")
    e, x, o = header.index("entered"), header.index("exited"), header.index("open")
    assert rows and all(int(r[e]) == int(r[x]) + int(r[o]) for r in rows)
    _, total = funnel(["--data", str(folder)], "leads | count")
    _, lead = funnel(["--data", str(folder)], "leads | stage_durations | where stage == \"lead\"")
    assert lead[0][1] == total[0][0]


# Hand-made leads with what real exports hold: a skipped stage, steps on one
# day, a lead with no created_at, dates out of order, a lead both won and
# lost, a lead marked lost with no lost_at, a null channel, and (in the second
# file) timestamps that cross midnight.
MESSY_LEADS = """lead_id,created_at,channel,stage,mql_at,sql_at,opportunity_at,won_at,lost_at
L1,2026-01-01,email,lost,2026-01-01,2026-01-11,,,2026-02-01
L2,2026-01-01,email,sql,,2026-01-05,,,
L3,2026-03-01,paid_search,won,2026-03-11,2026-03-21,2026-04-01,2026-05-01,
L4,2026-06-01,paid_search,lead,,,,,
L5,,email,lost,2026-02-01,,,,2026-02-11
L6,2026-02-01,,won,,,2026-02-01,2026-02-01,
L7,2026-04-01,paid_search,mql,2026-03-25,,,,
L8,2026-05-01,paid_search,lost,,,,2026-05-04,2026-05-06
L9,2026-05-01,email,lost,,,,,
"""
TIMED_LEADS = """lead_id,created_at,channel,stage,mql_at,sql_at,opportunity_at,won_at,lost_at
T1,2026-03-01 23:59:00,email,lost,2026-03-02 00:01:00,,,,2026-03-10 12:00:00
T2,2026-03-01 08:00:00,email,mql,2026-03-01 07:00:00,,,,
T3,2026-06-30 23:00:00,web,won,,2026-06-30 23:30:00,2026-07-01 00:10:00,2026-07-01 09:00:00,
"""


@pytest.fixture(scope="module")
def messy(tmp_root):
    folder = tmp_root / "messy-leads"
    folder.mkdir(exist_ok=True)
    (folder / "leads.csv").write_text(MESSY_LEADS, encoding="utf-8")
    (folder / "timed.csv").write_text(TIMED_LEADS, encoding="utf-8")
    return folder


@pytest.mark.parametrize("file", ["leads.csv", "timed.csv"])
@pytest.mark.parametrize("statements,keys", [
    ("leads | stage_durations", []),
    ("leads | stage_durations by channel", [("channel", "d.channel")]),
])
def test_lead_stage_durations_on_messy_leads(messy, file, statements, keys):
    args = ["--load", f"leads={messy / file}"]
    con = duck_for(messy, {"leads": messy / file})
    assert_same(funnel(args, statements), con, lead_durations_sql(keys))


def test_messy_leads_by_hand(messy):
    """The values worked out by hand (today is 2026-07-01). lead: L1 0 days
    (mql the same day, ranked after it), L2 4 (to sql: mql skipped), L3 10,
    L6 0 (opportunity the same day), L8 3 (to won; lost after it changes
    nothing), open L4 since 06-01 (30 days), L7 since 04-01 (91: its mql_at
    is earlier, so it visits mql first, 7 days), L9 since 05-01 (61: its stage
    says lost but it has no lost_at); L5 has no created_at, so no lead visit.
    mql: L1 10, L3 10, L5 10, L7 7. sql: L1 21, L3 11, L2 open since 01-05
    (177). opportunity: L3 30, L6 0."""
    header, rows = funnel(["--load", f"leads={messy / 'leads.csv'}"], "leads | stage_durations")
    assert header == ["stage", "entered", "exited", "mean_days", "median_days", "open", "open_median_age_days"]
    assert rows == [
        ["lead", "8", "5", "3.4", "3", "3", "61"],
        ["mql", "4", "4", "9.25", "10", "0", ""],
        ["sql", "3", "2", "16", "16", "1", "177"],
        ["opportunity", "2", "2", "15", "15", "0", ""],
    ]


def test_timestamps_count_by_their_day(messy):
    """T1 is created 03-01 at 23:59 and mql two minutes later, on 03-02: 1
    day in lead; mql to lost on 03-10 is 8 days. T2's mql_at is an hour
    before its created_at on the same day: by day they tie, and rank puts
    lead first (0 days), then mql, open since 03-01 (122 days). T3 goes from
    lead to sql on 06-30 (0 days, mql skipped), to opportunity ten minutes
    after midnight (1 day) and is won that morning (0 days)."""
    header, rows = funnel(["--load", f"leads={messy / 'timed.csv'}"], "leads | stage_durations")
    assert rows == [
        ["lead", "3", "3", "0.3333333333333333", "0", "0", ""],
        ["mql", "2", "1", "8", "8", "1", "122"],
        ["sql", "1", "1", "1", "1", "0", ""],
        ["opportunity", "1", "1", "0", "0", "0", ""],
    ]
