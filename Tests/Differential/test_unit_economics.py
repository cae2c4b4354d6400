"""cac_payback_months() (docs/metrics.md) against hand-written DuckDB SQL on the
demo data at two sizes and seeds: by channel over campaigns, by region over
leads (each campaign's spend shared by its leads), and at a gross margin set by
the call and by `.param gross_margin`."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(4000, 11), (20000, 42)]

# Costs per new customer of the whole data: every won deal carries an equal part.
COSTS = "(SELECT sum(amount)::DOUBLE FROM costs) / (SELECT count(*) FROM deals WHERE stage = 'closed_won')"

# cac_payback_months() by channel over campaigns: (spend ÷ won deals + costs per customer)
# ÷ (mean of amount ÷ term_months over the won deals × margin), `{margin}` filled in.
BY_CHANNEL = f"""
WITH c AS (SELECT channel, sum(spend)::DOUBLE spend FROM campaigns GROUP BY channel),
d AS (SELECT c.channel, count(*) FILTER (WHERE stage = 'closed_won') won,
  avg(amount / nullif(term_months, 0)) FILTER (WHERE stage = 'closed_won')::DOUBLE monthly
  FROM deals JOIN campaigns c USING (campaign_id) GROUP BY c.channel)
SELECT c.channel, (spend / nullif(won, 0) + {COSTS}) / nullif(monthly * {{margin}}, 0) AS p
FROM c LEFT JOIN d USING (channel) ORDER BY channel"""

CASES = [
    ("by channel", "campaigns | agg p = cac_payback_months() by channel", BY_CHANNEL.format(margin=1)),
    ("by channel at a margin", "campaigns | agg p = cac_payback_months(margin = 0.72) by channel",
     BY_CHANNEL.format(margin=0.72)),
    ("margin from the parameter", ".param gross_margin 0.6\ncampaigns | agg p = cac_payback_months() by channel",
     BY_CHANNEL.format(margin=0.6)),
    # Over leads: a campaign's spend s with L leads gives s ÷ L to each lead; only the
    # deals whose campaign_id is a campaign's count.
    ("by region over leads",
     "leads | agg p = cac_payback_months() by region",
     f"""
WITH per AS (SELECT campaign_id, count(*) n FROM leads WHERE campaign_id IS NOT NULL GROUP BY 1),
cs AS (SELECT campaign_id, sum(spend)::DOUBLE s FROM campaigns GROUP BY 1),
rs AS (SELECT coalesce(l.region, '~') region, sum(cs.s / per.n) spend
  FROM leads l JOIN per USING (campaign_id) JOIN cs USING (campaign_id) GROUP BY 1),
l AS (SELECT DISTINCT coalesce(region, '~') region FROM leads),
cd AS (SELECT coalesce(l.region, '~') region, count(*) FILTER (WHERE d.stage = 'closed_won') won,
  avg(d.amount / nullif(d.term_months, 0)) FILTER (WHERE d.stage = 'closed_won')::DOUBLE monthly
  FROM deals d JOIN leads l USING (lead_id) WHERE d.campaign_id IN (SELECT campaign_id FROM campaigns) GROUP BY 1)
SELECT CASE WHEN region = '~' THEN NULL ELSE region END region,
  (rs.spend / nullif(cd.won, 0) + {COSTS}) / nullif(cd.monthly, 0) AS p
FROM l LEFT JOIN rs USING (region) LEFT JOIN cd USING (region) ORDER BY region NULLS LAST"""),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_unit_economics_on_demo(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["campaigns", "leads", "deals", "costs"]})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)
