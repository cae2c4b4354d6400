"""speed_to_lead_hours(), speed_to_lead_1h_share() and speed_to_lead_24h_share()
(docs/metrics.md) against hand-written DuckDB SQL on the demo data at two sizes
and seeds: over leads by channel and region, over deals by owner (the deals'
leads) and over touches by kind (the touches' leads)."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(4000, 11), (20000, 42)]
SALES = "('demo', 'sales_call', 'sales_email')"

# Each (group key, lead) with the lead's creation touch: its last touch that is not a
# sales touch on or before its created_at day; `{rows}` gives (k, lead_id) pairs.
RESPONSE = f"""
WITH g AS ({{rows}}),
c AS (SELECT g.k, l.lead_id, max(t.touched_at) AS created
  FROM g JOIN leads l USING (lead_id) JOIN touches t ON t.lead_id = l.lead_id
  WHERE t.kind NOT IN {SALES} AND CAST(t.touched_at AS DATE) <= l.created_at GROUP BY 1, 2),
f AS (SELECT c.k, c.lead_id, min(epoch_us(t.touched_at) - epoch_us(c.created)) / 3600000000.0 AS hours
  FROM c LEFT JOIN touches t ON t.lead_id = c.lead_id AND t.kind IN {SALES} AND t.touched_at >= c.created
  GROUP BY 1, 2),
keys AS (SELECT DISTINCT k FROM g)
SELECT keys.k AS {{key}}, median(hours)::DOUBLE h,
  count(f.lead_id) FILTER (WHERE hours <= 1)::DOUBLE / nullif(count(f.lead_id), 0) s1,
  count(f.lead_id) FILTER (WHERE hours <= 24)::DOUBLE / nullif(count(f.lead_id), 0) s24
FROM keys LEFT JOIN f ON f.k IS NOT DISTINCT FROM keys.k GROUP BY keys.k ORDER BY keys.k NULLS LAST"""

METRICS = "agg h = speed_to_lead_hours(), s1 = speed_to_lead_1h_share(), s24 = speed_to_lead_24h_share() by"

CASES = [
    ("leads by channel", f"leads | {METRICS} channel", "channel", "SELECT channel k, lead_id FROM leads"),
    ("leads by region", f"leads | {METRICS} region", "region", "SELECT region k, lead_id FROM leads"),
    # Over deals each group reaches the leads of its deals, each lead once.
    ("deals by owner", f"deals | {METRICS} owner", "owner",
     "SELECT DISTINCT owner k, lead_id FROM deals"),
    ("touches by kind", f"touches | {METRICS} kind", "kind",
     "SELECT DISTINCT kind k, lead_id FROM touches"),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,key,rows", CASES, ids=[c[0] for c in CASES])
def test_speed_to_lead_on_demo(tmp_root, leads, seed, name, statements, key, rows):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["leads", "deals", "touches"]})
    assert_same(funnel(["--data", str(folder)], statements), con, RESPONSE.format(rows=rows, key=key))
