"""The core language (LANGUAGE.md §1–3) against DuckDB on the demo data:
every stage, operator, null rule, date function, aggregate, join and sort order."""
import pytest

from conftest import assert_same, demo_files, duck_for, funnel

SIZES = [(3000, 7), (20000, 42)]

# (name, funnel statements, DuckDB SQL). Funnel's `agg ... by` is ordered by its
# keys with nulls last, and its sort is stable: the SQL says so explicitly.
CASES = [
    ("count by stage", "leads | count by stage",
     "SELECT stage, count(*) AS count FROM leads GROUP BY ALL ORDER BY stage NULLS LAST"),
    ("filter and two keys",
     'leads | where channel == "email" and score >= 50 | agg n = count(), avg_score = avg(score) by region, company_size',
     "SELECT region, company_size, count(*) AS n, avg(score) AS avg_score FROM leads "
     "WHERE channel = 'email' AND score >= 50 GROUP BY ALL ORDER BY region NULLS LAST, company_size NULLS LAST"),
    ("month with count_if",
     "leads | agg n = count(), mqls = count_if(mql_at != null) by month(created_at)",
     "SELECT strftime(created_at, '%Y-%m') AS month, count(*) AS n, count(*) FILTER (WHERE mql_at IS NOT NULL) AS mqls "
     "FROM leads GROUP BY ALL ORDER BY month"),
    ("count_distinct top 5",
     "touches | agg touches = count(), leads = count_distinct(lead_id) by campaign_id | top 5 by leads",
     "SELECT campaign_id, count(*) AS touches, count(DISTINCT lead_id) AS leads FROM touches GROUP BY ALL "
     "ORDER BY leads DESC, campaign_id LIMIT 5"),
    ("join deals to campaigns by channel",
     'deals | where stage == "closed_won" | join campaigns on campaign_id | agg revenue = sum(amount), n = count() by channel',
     "SELECT c.channel, sum(d.amount) AS revenue, count(*) AS n FROM deals d JOIN campaigns c USING (campaign_id) "
     "WHERE d.stage = 'closed_won' GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("sort and take",
     "deals | sort amount desc, deal_id | take 10 | select deal_id, amount, owner",
     "SELECT deal_id, amount, owner FROM deals ORDER BY amount DESC NULLS LAST, deal_id LIMIT 10"),
    ("median percentile stddev",
     'deals | where stage == "closed_won" | agg m = median(amount), p90 = percentile(amount, 0.9), p25 = percentile(amount, 0.25), sd = stddev(amount) by product',
     "SELECT product, median(amount) AS m, quantile_cont(amount, 0.9) AS p90, quantile_cont(amount, 0.25) AS p25, "
     "stddev_samp(amount) AS sd FROM deals WHERE stage = 'closed_won' GROUP BY ALL ORDER BY product"),
    ("null test", "leads | where region == null | count",
     "SELECT count(*) AS count FROM leads WHERE region IS NULL"),
    ("not null test", "leads | where score != null | count by channel",
     "SELECT channel, count(*) AS count FROM leads WHERE score IS NOT NULL GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("or with null", 'leads | where score > 90 or region == null | count by channel',
     "SELECT channel, count(*) AS count FROM leads WHERE score > 90 OR region IS NULL GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("three-valued and", 'leads | derive x = score > 50 and region != "EMEA" | count by x',
     "SELECT score > 50 AND region <> 'EMEA' AS x, count(*) AS count FROM leads GROUP BY ALL ORDER BY x NULLS LAST"),
    ("not of null", 'leads | derive x = not (region == "APAC") | count by x',
     "SELECT NOT (region = 'APAC') AS x, count(*) AS count FROM leads GROUP BY ALL ORDER BY x NULLS LAST"),
    ("coalesce operator", 'leads | derive r = region ?? "unknown" | count by r',
     "SELECT coalesce(region, 'unknown') AS r, count(*) AS count FROM leads GROUP BY ALL ORDER BY r"),
    ("coalesce function", 'leads | derive s = coalesce(score, -1) | agg n = count() by s | sort s | take 5',
     "SELECT coalesce(score, -1) AS s, count(*) AS n FROM leads GROUP BY ALL ORDER BY s LIMIT 5"),
    ("true division rate", 'leads | agg rate = count_if(stage == "won") / count() by channel',
     "SELECT channel, (count(*) FILTER (WHERE stage = 'won'))::DOUBLE / count(*) AS rate FROM leads GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("arithmetic", "deals | sort deal_id | take 25 | select deal_id, a = deal_id / 4, b = deal_id % 7, c = -deal_id + 3 * 2, z = deal_id / 0",
     "SELECT deal_id, deal_id / 4 AS a, deal_id % 7 AS b, -deal_id + 3 * 2 AS c, NULL AS z FROM deals ORDER BY deal_id LIMIT 25"),
    ("date minus date", 'deals | where closed_at != null | derive cycle = closed_at - created_at | agg avg_cycle = avg(cycle), max_cycle = max(cycle) by product',
     "SELECT product, avg(closed_at - created_at) AS avg_cycle, max(closed_at - created_at) AS max_cycle FROM deals "
     "WHERE closed_at IS NOT NULL GROUP BY ALL ORDER BY product"),
    ("days_between median", "leads | where won_at != null | agg d = median(days_between(created_at, won_at)) by channel",
     "SELECT channel, median(won_at - created_at) AS d FROM leads WHERE won_at IS NOT NULL GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("quarter", "deals | where closed_at != null | count by quarter(closed_at)",
     "SELECT year(closed_at) || '-Q' || quarter(closed_at) AS quarter, count(*) AS count FROM deals WHERE closed_at IS NOT NULL GROUP BY ALL ORDER BY quarter"),
    ("iso week", "leads | count by week(created_at)",
     "SELECT strftime(created_at, '%G-W%V') AS week, count(*) AS count FROM leads GROUP BY ALL ORDER BY week"),
    ("year", "leads | agg n = count() by year(created_at)",
     "SELECT CAST(year(created_at) AS VARCHAR) AS year, count(*) AS n FROM leads GROUP BY ALL ORDER BY year"),
    ("day bucket", "leads | agg n = count() by day(created_at) | sort n desc | take 5",
     "SELECT created_at AS day, count(*) AS n FROM leads GROUP BY ALL ORDER BY n DESC, day LIMIT 5"),
    ("date of timestamp", "touches | agg n = count() by d = date(touched_at) | sort n desc, d | take 5",
     "SELECT CAST(touched_at AS DATE) AS d, count(*) AS n FROM touches GROUP BY ALL ORDER BY n DESC, d LIMIT 5"),
    ("between", "deals | where amount between 10000 and 20000 | count by product",
     "SELECT product, count(*) AS count FROM deals WHERE amount BETWEEN 10000 AND 20000 GROUP BY ALL ORDER BY product"),
    ("in list", 'leads | where channel in ["email", "webinar"] | count by channel, stage',
     "SELECT channel, stage, count(*) AS count FROM leads WHERE channel IN ('email', 'webinar') GROUP BY ALL ORDER BY channel, stage"),
    ("not in list", 'leads | where stage not in ["lead", "lost"] | count by stage',
     "SELECT stage, count(*) AS count FROM leads WHERE stage NOT IN ('lead', 'lost') GROUP BY ALL ORDER BY stage"),
    ("searched case",
     'deals | derive size = case when amount >= 50000 then "large" when amount >= 10000 then "medium" else "small" end | count by size',
     "SELECT CASE WHEN amount >= 50000 THEN 'large' WHEN amount >= 10000 THEN 'medium' ELSE 'small' END AS size, count(*) AS count "
     "FROM deals GROUP BY ALL ORDER BY size"),
    ("simple case without else",
     'leads | derive side = case stage when "won" then "customer" when "lost" then "lost" end | count by side',
     "SELECT CASE stage WHEN 'won' THEN 'customer' WHEN 'lost' THEN 'lost' END AS side, count(*) AS count FROM leads GROUP BY ALL ORDER BY side NULLS LAST"),
    ("if and count_if", "leads | agg hot = count_if(if(score >= 80, true, false)), warm = sum(if(score >= 50, 1, 0)) by region",
     "SELECT region, count(*) FILTER (WHERE CASE WHEN score >= 80 THEN true ELSE false END) AS hot, "
     "sum(CASE WHEN score >= 50 THEN 1 ELSE 0 END) AS warm FROM leads GROUP BY ALL ORDER BY region NULLS LAST"),
    ("aggregate over if null", 'deals | agg won_avg = avg(if(stage == "closed_won", amount, null)) by owner',
     "SELECT owner, avg(CASE WHEN stage = 'closed_won' THEN amount END) AS won_avg FROM deals GROUP BY ALL ORDER BY owner NULLS LAST"),
    ("text functions", "campaigns | sort campaign_id | take 20 | select campaign_id, l = length(name), u = upper(channel), w = lower(trim(name))",
     "SELECT campaign_id, length(name) AS l, upper(channel) AS u, lower(trim(name)) AS w FROM campaigns ORDER BY campaign_id LIMIT 20"),
    ("text predicates", 'campaigns | where contains(name, "Webinar") or starts_with(channel, "paid") or ends_with(channel, "seo") | count by channel',
     "SELECT channel, count(*) AS count FROM campaigns WHERE contains(name, 'Webinar') OR starts_with(channel, 'paid') OR ends_with(channel, 'seo') "
     "GROUP BY ALL ORDER BY channel"),
    ("rounding", "deals | sort deal_id | take 20 | select deal_id, f = floor(amount / 1000), c = ceil(amount / 1000), a = abs(0 - amount), r = round(amount)",
     "SELECT deal_id, floor(amount / 1000) AS f, ceil(amount / 1000) AS c, abs(0 - amount) AS a, round(amount) AS r FROM deals ORDER BY deal_id LIMIT 20"),
    ("distinct", "leads | distinct channel, region | sort channel, region",
     "SELECT DISTINCT channel, region FROM leads ORDER BY channel NULLS LAST, region NULLS LAST"),
    ("count_distinct by kind", "touches | agg c = count_distinct(campaign_id), l = count_distinct(lead_id) by kind",
     "SELECT kind, count(DISTINCT campaign_id) AS c, count(DISTINCT lead_id) AS l FROM touches GROUP BY ALL ORDER BY kind"),
    ("left join", "leads | join left deals on lead_id | agg n = count(), with_deal = count(deal_id), won = count_if(deals_stage == \"closed_won\") by channel",
     "SELECT l.channel, count(*) AS n, count(d.deal_id) AS with_deal, count(*) FILTER (WHERE d.stage = 'closed_won') AS won "
     "FROM leads l LEFT JOIN deals d USING (lead_id) GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("join on differently named keys", "deals | rename cid = campaign_id | join campaigns on cid == campaign_id | count by channel",
     "SELECT c.channel, count(*) AS count FROM deals d JOIN campaigns c ON d.campaign_id = c.campaign_id GROUP BY ALL ORDER BY channel"),
    ("join column clash prefix", "deals | join campaigns on campaign_id | sort deal_id | take 5 | select deal_id, name, campaigns_name = name, channel",
     "SELECT d.deal_id, c.name, c.name AS campaigns_name, c.channel FROM deals d JOIN campaigns c USING (campaign_id) ORDER BY deal_id LIMIT 5"),
    ("rename drop", "campaigns | rename medium = channel | drop impressions, clicks, name | sort campaign_id | take 5",
     "SELECT campaign_id, channel AS medium, start_date, end_date, budget, spend FROM campaigns ORDER BY campaign_id LIMIT 5"),
    ("sort nulls last desc", "leads | where lead_id <= 400 | sort region desc, lead_id | select lead_id, region",
     "SELECT lead_id, region FROM leads WHERE lead_id <= 400 ORDER BY region DESC NULLS LAST, lead_id"),
    ("sort nulls last asc", "leads | where lead_id <= 400 | sort score, lead_id | select lead_id, score",
     "SELECT lead_id, score FROM leads WHERE lead_id <= 400 ORDER BY score NULLS LAST, lead_id"),
    ("stable sort", "deals | sort product | select deal_id, product",
     "SELECT deal_id, product FROM deals ORDER BY product, rowid"),
    ("top", "deals | top 7 by amount | select deal_id, amount",
     "SELECT deal_id, amount FROM deals ORDER BY amount DESC NULLS LAST, rowid LIMIT 7"),
    ("derive replaces", "deals | derive amount = amount * 2 | agg s = sum(amount), n = count()",
     "SELECT sum(amount * 2) AS s, count(*) AS n FROM deals"),
    ("decimal aggregates", "deals | agg s = sum(amount), a = avg(amount), mn = min(amount), mx = max(amount)",
     "SELECT sum(amount) AS s, avg(amount) AS a, min(amount) AS mn, max(amount) AS mx FROM deals"),
    ("date min max", "leads | agg first = min(created_at), last = max(created_at), last_won = max(won_at) by channel",
     "SELECT channel, min(created_at) AS first, max(created_at) AS last, max(won_at) AS last_won FROM leads GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("timestamp min max", "touches | agg first = min(touched_at), last = max(touched_at) by kind",
     "SELECT kind, min(touched_at) AS first, max(touched_at) AS last FROM touches GROUP BY ALL ORDER BY kind"),
    ("share", 'leads | agg s = share(stage == "won") by region',
     "SELECT region, avg(CASE WHEN stage = 'won' THEN 1.0 ELSE 0.0 END) AS s FROM leads GROUP BY ALL ORDER BY region NULLS LAST"),
    ("count of columns", "leads | agg a = count(), b = count(owner), c = count(mql_at) by channel",
     "SELECT channel, count(*) AS a, count(owner) AS b, count(mql_at) AS c FROM leads GROUP BY ALL ORDER BY channel NULLS LAST"),
    ("date plus days", "deals | where closed_at != null | derive due = created_at + 30d | where closed_at > due | count by product",
     "SELECT product, count(*) AS count FROM deals WHERE closed_at IS NOT NULL AND closed_at > created_at + 30 GROUP BY ALL ORDER BY product"),
    ("date plus months", "leads | sort lead_id | take 50 | select lead_id, d = created_at + 3mo, w = created_at - 2w",
     "SELECT lead_id, CAST(created_at + INTERVAL 3 MONTH AS DATE) AS d, created_at - 14 AS w FROM leads ORDER BY lead_id LIMIT 50"),
    ("date literal filter", "deals | where closed_at >= @2026-01-01 and closed_at < @2026-04-01 | count by stage",
     "SELECT stage, count(*) AS count FROM deals WHERE closed_at >= DATE '2026-01-01' AND closed_at < DATE '2026-04-01' GROUP BY ALL ORDER BY stage"),
    ("text date comparison", 'deals | where closed_at >= "2026-01-01" | count',
     "SELECT count(*) AS count FROM deals WHERE closed_at >= DATE '2026-01-01'"),
    ("let and reuse", 'let won = deals | where stage == "closed_won"\nwon | agg n = count(), revenue = sum(amount) by owner',
     "SELECT owner, count(*) AS n, sum(amount) AS revenue FROM deals WHERE stage = 'closed_won' GROUP BY ALL ORDER BY owner NULLS LAST"),
    ("let scalar", 'let floor_amount = 40000\ndeals | where amount > floor_amount | count',
     "SELECT count(*) AS count FROM deals WHERE amount > 40000"),
    ("user metric", 'metric wr = count_if(stage == "closed_won") / count_if(stage in ["closed_won", "closed_lost"])\ndeals | agg wr() by owner',
     "SELECT owner, (count(*) FILTER (WHERE stage = 'closed_won'))::DOUBLE / NULLIF(count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')), 0) AS wr "
     "FROM deals GROUP BY ALL ORDER BY owner NULLS LAST"),
    ("count without keys", "deals | count", "SELECT count(*) AS count FROM deals"),
    ("aggregates over no rows", "deals | where amount < 0 | agg n = count(), s = sum(amount), m = median(amount)",
     "SELECT count(*) AS n, sum(amount) AS s, median(amount) AS m FROM deals WHERE amount < 0"),
    ("median of dates", "deals | agg first = median(created_at), last = median(closed_at) by product",
     "SELECT product, median(created_at)::DATE AS first, median(closed_at)::DATE AS last FROM deals GROUP BY ALL ORDER BY product"),
    ("in lists of each type",
     'deals | agg a = count_if(stage in ["closed_won", "closed_lost"]), b = count_if(lead_id in [1, 2, 3, 50, 51]), '
     'c = count_if(closed_at not in ["2025-07-31", @2025-10-24]), d = count_if(year(created_at) in [2025]) by product',
     "SELECT product, count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')) AS a, count(*) FILTER (WHERE lead_id IN (1, 2, 3, 50, 51)) AS b, "
     "count(*) FILTER (WHERE closed_at NOT IN (DATE '2025-07-31', DATE '2025-10-24')) AS c, count(*) FILTER (WHERE year(created_at) = 2025) AS d "
     "FROM deals GROUP BY ALL ORDER BY product"),
    ("expression key", "leads | agg n = count() by big = score >= 50",
     "SELECT score >= 50 AS big, count(*) AS n FROM leads GROUP BY ALL ORDER BY big NULLS LAST"),
    ("column named like a function", "leads | derive month = month(created_at) | count by month | take 3",
     "SELECT strftime(created_at, '%Y-%m') AS month, count(*) AS count FROM leads GROUP BY ALL ORDER BY month LIMIT 3"),
    ("bare aggregate names", "deals | agg count(), sum(amount), avg(amount), count_distinct(owner) by product",
     "SELECT product, count(*) AS count, sum(amount) AS sum_amount, avg(amount) AS avg_amount, count(DISTINCT owner) AS count_distinct_owner "
     "FROM deals GROUP BY ALL ORDER BY product"),
    ("multi key with nulls", "leads | count by region, industry",
     "SELECT region, industry, count(*) AS count FROM leads GROUP BY ALL ORDER BY region NULLS LAST, industry NULLS LAST"),
    ("select computed", "campaigns | select campaign_id, cpc = spend / clicks, ctr = clicks / impressions | sort campaign_id",
     "SELECT campaign_id, spend / NULLIF(clicks, 0) AS cpc, clicks::DOUBLE / NULLIF(impressions, 0) AS ctr FROM campaigns ORDER BY campaign_id"),
]


@pytest.mark.parametrize("leads,seed", SIZES)
@pytest.mark.parametrize("name,statements,sql", CASES, ids=[c[0] for c in CASES])
def test_core(tmp_root, leads, seed, name, statements, sql):
    folder = demo_files(tmp_root, leads, seed)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["campaigns", "leads", "touches", "deals"]})
    assert_same(funnel(["--data", str(folder)], statements), con, sql)


def test_parameter(tmp_root):
    folder = demo_files(tmp_root, *SIZES[0])
    con = duck_for(folder, {"deals": folder / "deals.csv"})
    result = funnel(["--data", str(folder), "--param", "min=50000"], "deals | where amount > $min | count by product")
    assert_same(result, con, "SELECT product, count(*) AS count FROM deals WHERE amount > 50000 GROUP BY ALL ORDER BY product")
