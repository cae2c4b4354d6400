"""The deals' stage history (docs/language.md §4): the `stage_changes` dataset
of the demo data, the `stage_durations` verb and `deal_age_days()`, against
DuckDB on the same CSV files.

Each change of `stage_changes` starts a visit that lasts until the deal's next
change, the changes of a deal taken by day, then stage rank; the SQL below
says so with DuckDB's own window function, independently of Funnel's SQL
compiler."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(3000, 7), (20000, 42)]
TODAY = "DATE '2026-07-01'"
RANK = ("CASE lower(trim(stage)) WHEN 'prospecting' THEN 0 WHEN 'qualification' THEN 1 WHEN 'proposal' THEN 2 "
        "WHEN 'negotiation' THEN 3 WHEN 'closed_won' THEN 4 WHEN 'closed_lost' THEN 5 ELSE 6 END")
STAGES = "(VALUES (0, 'prospecting'), (1, 'qualification'), (2, 'proposal'), (3, 'negotiation')) st(r, stage)"


def durations_sql(keys, where="TRUE"):
    """stage_durations over `deals` filtered by `where`, grouped by `keys` [(name, sql over deals d)]."""
    key_select = "".join(f"{sql} AS {name}, " for name, sql in keys)
    key_names = "".join(f"{name}, " for name, _ in keys)
    order = "".join(f"{name} NULLS LAST, " for name, _ in keys)
    if keys:
        rows = (f"SELECT {key_select}st.r, st.stage, v.deal_id AS vid, v.day, v.nxt FROM deals d CROSS JOIN {STAGES} "
                f"LEFT JOIN v ON v.deal_id = d.deal_id AND v.r = st.r WHERE {where}")
    else:
        rows = (f"SELECT st.r, st.stage, x.deal_id AS vid, x.day, x.nxt FROM {STAGES} LEFT JOIN "
                f"(SELECT v.* FROM deals d JOIN v ON v.deal_id = d.deal_id WHERE {where}) x ON x.r = st.r")
    return (
        f"WITH v AS (SELECT deal_id, {RANK} AS r, changed_at AS day, "
        f"lead(changed_at) OVER (PARTITION BY deal_id ORDER BY changed_at, {RANK}) AS nxt "
        f"FROM stage_changes WHERE deal_id IS NOT NULL AND stage IS NOT NULL AND changed_at IS NOT NULL), "
        f"j AS ({rows}) "
        f"SELECT {key_names}stage, count(vid) AS entered, count(nxt) AS exited, "
        f"avg(nxt - day)::DOUBLE AS mean_days, quantile_cont(nxt - day, 0.5)::DOUBLE AS median_days, "
        f"count(*) FILTER (WHERE vid IS NOT NULL AND nxt IS NULL) AS open, "
        f"quantile_cont({TODAY} - day, 0.5) FILTER (WHERE vid IS NOT NULL AND nxt IS NULL)::DOUBLE "
        f"AS open_median_age_days "
        f"FROM j GROUP BY {key_names}r, stage ORDER BY {order}r")


# (name, funnel statement, DuckDB SQL).
# days_in_stage(): today minus the deal's latest change into its stage, else its created_at.
IN_STAGE = (f"CASE WHEN NOT coalesce(lower(trim(stage)) IN ('closed_won', 'closed_lost'), false) THEN {TODAY} - "
            f"coalesce((SELECT max(c.changed_at) FROM stage_changes c WHERE c.deal_id = deals.deal_id "
            f"AND lower(trim(c.stage)) = lower(trim(deals.stage))), deals.created_at) END")

CASES = [
    ("stage durations", "deals | stage_durations", durations_sql([])),
    ("stage durations by product", "deals | stage_durations by product", durations_sql([("product", "d.product")])),
    ("stage durations of this year's deals by owner and quarter",
     "deals | where created_at >= @2026-01-01 | stage_durations by owner, q = quarter(created_at)",
     durations_sql([("owner", "d.owner"), ("q", "year(d.created_at) || '-Q' || quarter(d.created_at)")],
                   where="d.created_at >= DATE '2026-01-01'")),
    ("stage durations of no deals", "deals | where amount < 0 | stage_durations",
     durations_sql([], where="d.amount < 0")),
    ("deal age of each deal",
     "deals | select deal_id, stage, age = deal_age_days()",
     f"SELECT deal_id, stage, CASE WHEN NOT coalesce(lower(trim(stage)) IN ('closed_won', 'closed_lost'), false) "
     f"THEN {TODAY} - created_at END AS age FROM deals ORDER BY rowid"),
    ("median deal age by stage of the old open deals",
     "deals | where deal_age_days() > 60 | agg n = count(), m = median(deal_age_days()) by stage",
     f"SELECT stage, count(*) AS n, quantile_cont({TODAY} - created_at, 0.5)::DOUBLE AS m FROM deals "
     f"WHERE stage NOT IN ('closed_won', 'closed_lost') AND {TODAY} - created_at > 60 GROUP BY stage "
     f"ORDER BY stage"),
    ("days in stage of each deal",
     "deals | select deal_id, stage, d = days_in_stage()",
     f"SELECT deal_id, stage, {IN_STAGE} AS d FROM deals ORDER BY rowid"),
    ("median days in stage by stage and owner",
     "deals | agg n = count_if(days_in_stage() > 30), m = median(days_in_stage()) by stage, owner",
     f"SELECT stage, owner, count(*) FILTER (WHERE {IN_STAGE} > 30) AS n, quantile_cont({IN_STAGE}, 0.5)::DOUBLE AS m "
     f"FROM deals GROUP BY stage, owner ORDER BY stage, owner"),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_stage_durations_on_demo(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["deals", "stage_changes"]})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


@pytest.mark.parametrize("leads,seed", SIZES)
def test_each_deals_history_ends_where_the_deal_is(tmp_root, leads, seed):
    """The demo's history agrees with the deals: the first change is to
    prospecting on created_at, the last to the deal's stage (on closed_at
    when closed)."""
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["deals", "stage_changes"]})
    bad = con.execute(
        f"WITH o AS (SELECT *, row_number() OVER (PARTITION BY deal_id ORDER BY changed_at, {RANK}) AS k, "
        f"count(*) OVER (PARTITION BY deal_id) AS n FROM stage_changes) "
        f"SELECT d.deal_id FROM deals d LEFT JOIN o f ON f.deal_id = d.deal_id AND f.k = 1 "
        f"LEFT JOIN o l ON l.deal_id = d.deal_id AND l.k = l.n "
        f"WHERE f.stage IS DISTINCT FROM 'prospecting' OR f.changed_at IS DISTINCT FROM d.created_at "
        f"OR l.stage IS DISTINCT FROM d.stage "
        f"OR (d.stage LIKE 'closed%' AND l.changed_at IS DISTINCT FROM d.closed_at)").fetchall()
    assert bad == []
    # Every visit either ends or is still going: entered = exited + open.
    header, rows = funnel(["--data", str(folder)], "deals | stage_durations by owner")
    e, x, o = header.index("entered"), header.index("exited"), header.index("open")
    assert rows and all(int(r[e]) == int(r[x]) + int(r[o]) for r in rows)


# A hand-made history with what real exports hold: stage words in other cases
# and with spaces, a word that is no stage, nulls, a duplicate row, moves on
# one day, a move back, text deal ids, a deal with no history and a change of
# a deal that is not in the deals.
MESSY_DEALS = """deal_id,product,stage
D1,Pro,closed_won
D2,Pro,proposal
D3,Starter,qualification
D4,Starter,closed_lost
D5,Pro,prospecting
"""
MESSY_CHANGES = """deal_id,stage,changed_at
D1,prospecting,2026-01-01
D1,Qualification ,2026-01-05
D1,proposal,2026-01-05
D1,negotiation,2026-02-01
D1,proposal,2026-02-10
D1,negotiation,2026-02-20
D1,closed_won,2026-03-01
D2,prospecting,2026-03-01
D2,on_hold,2026-03-10
D2,qualification,2026-04-01
D2,qualification,2026-04-01
D2,PROPOSAL,2026-05-15
D3,prospecting,2026-06-01
D3,qualification,
D3,,2026-06-03
D3,qualification,2026-06-10
D4,prospecting,2026-02-01
D4,closed_lost,2026-02-01
D9,prospecting,2026-01-01
,proposal,2026-01-01
"""


@pytest.fixture(scope="module")
def messy(tmp_root):
    folder = tmp_root / "messy-history"
    folder.mkdir(exist_ok=True)
    (folder / "deals.csv").write_text(MESSY_DEALS, encoding="utf-8")
    (folder / "stage_changes.csv").write_text(MESSY_CHANGES, encoding="utf-8")
    return folder


@pytest.mark.parametrize("statements,keys", [
    ("deals | stage_durations", []),
    ("deals | stage_durations by product", [("product", "d.product")]),
])
def test_stage_durations_on_a_messy_history(messy, statements, keys):
    args = ["--load", f"deals={messy / 'deals.csv'}", "--load", f"stage_changes={messy / 'stage_changes.csv'}"]
    con = duck_for(messy, {"deals": messy / "deals.csv", "stage_changes": messy / "stage_changes.csv"})
    assert_same(funnel(args, statements), con, durations_sql(keys))


def test_messy_history_by_hand(messy):
    """The values worked out by hand (today is 2026-07-01): D1 visits
    prospecting 4 days, qualification 0 (same day as proposal, which ranks
    after it), proposal 27 then 10, negotiation 9 then 9; D2 prospecting 9 (to
    on_hold), qualification 0 (the duplicate) and 44, proposal open since
    05-15 (47 days); D3 prospecting 9, qualification open since 06-10 (21
    days); D4 prospecting 0; D5 has no history."""
    args = ["--load", f"deals={messy / 'deals.csv'}", "--load", f"stage_changes={messy / 'stage_changes.csv'}"]
    header, rows = funnel(args, "deals | stage_durations")
    assert header == ["stage", "entered", "exited", "mean_days", "median_days", "open", "open_median_age_days"]
    assert rows == [
        ["prospecting", "4", "4", "5.5", "6.5", "0", ""],
        ["qualification", "4", "3", "14.666666666666666", "0", "1", "21"],
        ["proposal", "3", "2", "18.5", "18.5", "1", "47"],
        ["negotiation", "2", "2", "9", "9", "0", ""],
    ]


def test_days_in_stage_on_a_messy_history_by_hand(messy):
    """Today is 2026-07-01, every deal created 2026-01-01: D1 and D4 are
    closed (null); D2 entered proposal ("PROPOSAL") on 05-15 (47 days); D3
    entered qualification on 06-10 (21; its change with no date is left out);
    D5 has no history, so its created_at counts (181)."""
    args = ["--load", f"deals={messy / 'deals.csv'}", "--load", f"stage_changes={messy / 'stage_changes.csv'}"]
    header, rows = funnel(args, "deals | derive created_at = @2026-01-01 | select deal_id, d = days_in_stage()")
    assert header == ["deal_id", "d"]
    assert rows == [["D1", ""], ["D2", "47"], ["D3", "21"], ["D4", ""], ["D5", "181"]]
