"""Runs the analyst's script through funnel, DuckDB's CLI and sqlite3 on the
same CSV files and prints whole-process time (median of N runs), peak memory,
per-query times with the data loaded, and the ratios funnel / DuckDB.

Called by scripts/bench, which builds funnel and installs the other tools."""
import argparse
import os
import pathlib
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time

TABLES = ["campaigns", "leads", "touches", "deals"]
ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "Differential"))
from funnel_sql import FUNNEL_SQL, attribution_sql, reached  # noqa: E402  (the tests' hand-written SQL)

COHORT_SQL = ("SELECT strftime(created_at, '%Y-%m') cohort, count(*) leads, "
              + ", ".join(f"avg(CASE WHEN {reached(s)} THEN 1.0 ELSE 0 END) AS {s}" for s in ["mql", "sql", "opportunity", "won"])
              + " FROM leads GROUP BY 1 ORDER BY 1")

# (name, funnel statement, DuckDB SQL, sqlite SQL). The same question each time.
QUERIES = [
    ("leads by stage", "leads | count by stage",
     "SELECT stage, count(*) FROM leads GROUP BY stage ORDER BY stage",
     "SELECT stage, count(*) FROM leads GROUP BY stage ORDER BY stage"),
    ("filter + 2 keys", 'leads | where channel == "email" and score >= 50 | agg n = count(), s = avg(score) by region, company_size',
     "SELECT region, company_size, count(*), avg(score) FROM leads WHERE channel = 'email' AND score >= 50 GROUP BY ALL ORDER BY ALL",
     "SELECT region, company_size, count(*), avg(score) FROM leads WHERE channel = 'email' AND score >= 50 GROUP BY 1, 2 ORDER BY 1, 2"),
    ("month + count_if", "leads | agg n = count(), mqls = count_if(mql_at != null) by month(created_at)",
     "SELECT strftime(created_at, '%Y-%m') m, count(*), count(*) FILTER (WHERE mql_at IS NOT NULL) FROM leads GROUP BY m ORDER BY m",
     "SELECT substr(created_at, 1, 7) m, count(*), sum(mql_at IS NOT NULL AND mql_at <> '') FROM leads GROUP BY m ORDER BY m"),
    ("count_distinct top 5", "touches | agg leads = count_distinct(lead_id) by campaign_id | top 5 by leads",
     "SELECT campaign_id, count(DISTINCT lead_id) l FROM touches GROUP BY campaign_id ORDER BY l DESC, campaign_id LIMIT 5",
     "SELECT campaign_id, count(DISTINCT lead_id) l FROM touches GROUP BY campaign_id ORDER BY l DESC, campaign_id LIMIT 5"),
    ("join + group", 'deals | where stage == "closed_won" | join campaigns on campaign_id | agg revenue = sum(amount) by channel',
     "SELECT c.channel, sum(d.amount) FROM deals d JOIN campaigns c USING (campaign_id) WHERE d.stage = 'closed_won' GROUP BY c.channel ORDER BY c.channel",
     "SELECT c.channel, sum(d.amount) FROM deals d JOIN campaigns c ON c.campaign_id = d.campaign_id WHERE d.stage = 'closed_won' GROUP BY c.channel ORDER BY c.channel"),
    ("sort + take", "deals | sort amount desc | take 10",
     "SELECT * FROM deals ORDER BY amount DESC LIMIT 10",
     "SELECT * FROM deals ORDER BY amount DESC LIMIT 10"),
    # The funnel vocabulary, against the SQL the differential tests check it with.
    ("funnel by channel", "leads | funnel by channel",
     FUNNEL_SQL.format(keys="channel,", group="GROUP BY channel", partition="PARTITION BY channel", order="channel NULLS LAST,"),
     None),
    ("attribute linear", "deals | attribute linear by channel", attribution_sql("linear", "SELECT * FROM deals"), None),
    ("attribute time_decay", "deals | attribute time_decay by channel", attribution_sql("time_decay", "SELECT * FROM deals"), None),
    ("cohort by month", "leads | cohort month(created_at)", COHORT_SQL, None),
]

REAL_FILES = [
    ("bank", "bank-marketing/bank-additional-full.csv"),
    ("olist_mqls", "olist-funnel/olist_marketing_qualified_leads_dataset.csv"),
    ("olist_deals", "olist-funnel/olist_closed_deals_dataset.csv"),
    ("maven_pipeline", "maven-crm/sales_pipeline.csv"),
]

SQLITE_SCHEMA = """
CREATE TABLE campaigns(campaign_id INTEGER, name TEXT, channel TEXT, start_date TEXT, end_date TEXT, budget REAL, spend REAL, impressions INTEGER, clicks INTEGER);
CREATE TABLE leads(lead_id INTEGER, created_at TEXT, campaign_id INTEGER, channel TEXT, region TEXT, industry TEXT, company_size TEXT, score INTEGER, stage TEXT, mql_at TEXT, sql_at TEXT, opportunity_at TEXT, won_at TEXT, lost_at TEXT, owner TEXT);
CREATE TABLE touches(touch_id INTEGER, lead_id INTEGER, campaign_id INTEGER, touched_at TEXT, kind TEXT);
CREATE TABLE deals(deal_id INTEGER, lead_id INTEGER, campaign_id INTEGER, owner TEXT, created_at TEXT, closed_at TEXT, stage TEXT, amount REAL, product TEXT, term_months INTEGER, lost_stage TEXT, probability REAL, expected_close TEXT);
"""


def run_with_rss(command, stdin_text, usage_out=None):
    """Runs a command; returns (seconds, peak RSS in MiB from wait4, stdout, stderr).
    With `usage_out` (a list), the child's CPU seconds (user + system) are appended to it."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Both pipes are drained at once: a tool that writes much to one while
    # the other is read would otherwise block for ever.
    out, err = communicate_without_wait(proc, stdin_text)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if usage_out is not None:
        usage_out.append(usage.ru_utime + usage.ru_stime)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(command[:2])} failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0, out, err


def communicate_without_wait(proc, stdin_text):
    """stdout and stderr of a running child, read on two threads until both close."""
    import threading
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda k=k, f=f: chunks[k].append(f.read()))
               for k, f in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    if stdin_text is not None:
        proc.stdin.write(stdin_text)
    proc.stdin.close()
    for r in readers:
        r.join()
    return "".join(chunks["out"]), "".join(chunks["err"])


def scripts(folder):
    loads_f = "\n".join(f'.load {t} "{folder}/{t}.csv"' for t in TABLES)
    funnel = loads_f + "\n.timer on\n" + "\n".join(q[1] for q in QUERIES) + "\n"
    loads_d = "\n".join(f"CREATE TABLE {t} AS SELECT * FROM read_csv('{folder}/{t}.csv');" for t in TABLES)
    duck = loads_d + "\n.timer on\n" + "\n".join(q[2] + ";" for q in QUERIES) + "\n"
    loads_s = SQLITE_SCHEMA + "\n".join(f".import --csv --skip 1 {folder}/{t}.csv {t}" for t in TABLES)
    lite = loads_s + "\n.timer on\n" + "\n".join(q[3] + ";" for q in QUERIES if q[3]) + "\n"
    return funnel, duck, lite


def query_times(stderr_or_out, pattern):
    # funnel writes `time: 1,396.0 ms`: thousands separators go before parsing.
    return [float(m.replace(",", "")) * 1000 for m in re.findall(pattern, stderr_or_out)]


def first_prompt_ms(funnel):
    """Start to first prompt in a pseudo-terminal with the default demo data."""
    import pty
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ["NO_COLOR"] = "1"
            os.environ["FUNNEL_HISTORY"] = "/dev/null"
            os.execv(funnel, [funnel, "--quiet"])
        seen = b""
        while b"funnel> " not in seen and time.perf_counter() - start < 10:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
        samples.append((time.perf_counter() - start) * 1000)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return statistics.median(samples), min(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("size", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--size", dest="size_flag", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--funnel", required=True)
    parser.add_argument("--duckdb", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--tools", default="funnel,duckdb,sqlite3",
                        help="which tools to run, comma-separated (sqlite3 takes minutes from 10M leads on)")
    parser.add_argument("--data", help="a folder to write the demo CSV files to, or to reuse them from when they are there")
    parser.add_argument("--skip-extras", action="store_true",
                        help="no start-up, completion or real-file timings (for the big sizes)")
    args = parser.parse_args()
    size = args.size_flag or args.size
    chosen = [t.strip() for t in args.tools.split(",") if t.strip()]
    if "funnel" not in chosen or any(t not in ("funnel", "duckdb", "sqlite3") for t in chosen):
        sys.exit("bench: --tools lists funnel and any of duckdb, sqlite3")

    work = pathlib.Path(args.data) if args.data else pathlib.Path(tempfile.mkdtemp(prefix=f"funnel-bench-{size}-"))
    start = time.perf_counter()
    if not all((work / f"{t}.csv").exists() for t in TABLES):
        work.mkdir(parents=True, exist_ok=True)
        saves = "\n".join(f'{t} | save "{work}/{t}.csv"' for t in TABLES)
        # The generator holds the whole demo data while it writes it: 15 GiB at 50M
        # leads, more than the default limit of 80% of memory on a 24 GiB machine.
        subprocess.run([args.funnel, "--demo-size", str(size), "--seed", str(args.seed), "--memory-limit", "95%",
                        "-c", saves], check=True, stdout=subprocess.DEVNULL)
    megabytes = sum((work / f"{t}.csv").stat().st_size for t in TABLES) / 1e6
    print(f"demo data: {size:,} leads, {megabytes:,.1f} MB of CSV in {work} ({time.perf_counter() - start:.1f} s)")

    funnel_script, duck_script, lite_script = scripts(work)
    (work / "analyst.funnel").write_text(funnel_script)
    tools = {
        "funnel": ([args.funnel, "--no-demo", "--quiet", str(work / "analyst.funnel")], None, r"time: ([0-9.,]+) ms", 0.001),
        "duckdb": ([args.duckdb, "-batch"], duck_script, r"Run Time \(s\): real ([0-9.]+)", 1),
        "sqlite3": (["sqlite3", "-batch", ":memory:"], lite_script, r"Run Time: real ([0-9.]+)", 1),
    }
    tools = {k: v for k, v in tools.items() if k in chosen}
    results = {}
    for name, (command, stdin_text, pattern, scale) in tools.items():
        runs = []
        for _ in range(args.runs):
            elapsed, rss, out, err = run_with_rss(command, stdin_text)
            times = [t * scale for t in query_times(out + err, pattern)]
            runs.append((elapsed, rss, times))
        elapsed = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        # sqlite3 has no counterpart for the vocabulary: its times line up with the queries it ran.
        ran = [i for i, q in enumerate(QUERIES) if name != "sqlite3" or q[3]]
        per_query = [None] * len(QUERIES)
        for slot, i in enumerate(ran):
            if all(len(r[2]) > slot for r in runs):
                per_query[i] = statistics.median(r[2][slot] for r in runs)
        results[name] = (elapsed, rss, per_query)

    loads = load_only(args, work, chosen, megabytes)

    missing = (None, None, [None] * len(QUERIES))
    f, d, s = (results.get(t, missing) for t in ("funnel", "duckdb", "sqlite3"))
    fmt = lambda v, spec=",.1f": format(v, spec) if v is not None else "-"
    ratio = lambda a, b: f"{a / b:.2f}x" if a is not None and b else "-"
    print()
    print(f"{'query':<24}{'funnel ms':>12}{'duckdb ms':>12}{'sqlite3 ms':>12}{'funnel/duckdb':>15}")
    for i, q in enumerate(QUERIES):
        print(f"{q[0]:<24}{fmt(f[2][i]):>12}{fmt(d[2][i]):>12}{fmt(s[2][i]):>12}{ratio(f[2][i], d[2][i]):>15}")
    print()
    print(f"{'whole process (s)':<24}{fmt(f[0], '.2f'):>12}{fmt(d[0], '.2f'):>12}{fmt(s[0], '.2f'):>12}"
          f"{ratio(f[0], d[0]):>15}")
    print(f"{'peak memory (MiB)':<24}{fmt(f[1], '.0f'):>12}{fmt(d[1], '.0f'):>12}{fmt(s[1], '.0f'):>12}"
          f"{ratio(f[1], d[1]):>15}")
    cores = os.cpu_count() or 1
    print()
    print(f"loading the four files alone ({megabytes:,.1f} MB, {cores} cores; whole process, median of the runs,"
          " and the fastest run: on a shared machine the others' load only ever adds time):")
    print(f"{'':<24}{'s':>8}{'MB/s':>10}{'MB/s/core':>11}{'MB/CPU-s':>10}{'peak MiB':>10}{'best s':>8}{'MB/s':>8}")
    for name, (seconds, cpu, rss, best) in loads.items():
        print(f"{name:<24}{seconds:>8.2f}{megabytes / seconds:>10.0f}{megabytes / seconds / cores:>11.0f}"
              f"{megabytes / cpu:>10.0f}{rss:>10.0f}{best:>8.2f}{megabytes / best:>8.0f}")
    if args.skip_extras:
        return
    gzip_loads(args, work, chosen)
    print()
    median, fastest = first_prompt_ms(args.funnel)
    print(f"start to first prompt, default demo data: {median:.0f} ms (median of 5; fastest {fastest:.0f} ms)")
    completion = subprocess.run([args.funnel, "--no-demo", "--time-completion"], capture_output=True, text=True)
    print(f"Tab completion on a 200-column table: {completion.stderr.strip().removeprefix('completion: ')}")
    real_files(args)


def gzip_loads(args, work, chosen):
    """The same four files gzipped (level 6, written once into the folder), loaded alone."""
    import gzip
    import shutil
    for t in TABLES:
        target = work / f"{t}.csv.gz"
        if not target.exists():
            with open(work / f"{t}.csv", "rb") as src, gzip.open(target, "wb", compresslevel=6) as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    packed = sum((work / f"{t}.csv.gz").stat().st_size for t in TABLES) / 1e6
    plain = sum((work / f"{t}.csv").stat().st_size for t in TABLES) / 1e6
    loads = load_only(args, work, chosen, plain, suffix=".csv.gz")
    cores = os.cpu_count() or 1
    print()
    print(f"loading the gzipped files alone ({packed:,.1f} MB gzipped, {plain:,.1f} MB of CSV in them; "
          "rates in MB of CSV):")
    print(f"{'':<24}{'s':>8}{'MB/s':>10}{'MB/s/core':>11}{'MB/CPU-s':>10}{'peak MiB':>10}")
    for name, (seconds, cpu, rss, _) in loads.items():
        print(f"{name:<24}{seconds:>8.2f}{plain / seconds:>10.0f}{plain / seconds / cores:>11.0f}"
              f"{plain / cpu:>10.0f}{rss:>10.0f}")
    # What inflating alone costs on one core: the bound a gzipped load cannot beat.
    start = time.perf_counter()
    for t in TABLES:
        with gzip.open(work / f"{t}.csv.gz", "rb") as f:
            while f.read(1 << 22):
                pass
    print(f"{'inflating alone (zlib)':<24}{time.perf_counter() - start:>8.2f}"
          f"{plain / (time.perf_counter() - start):>10.0f}")


def load_only(args, work, chosen, megabytes, suffix=".csv"):
    """Each tool loading the four files and nothing else: (seconds, CPU seconds, peak MiB) of the median
    run, and the fastest run's seconds.
    MB/CPU-s is the rate one core would give: the bytes over the CPU time all cores spent."""
    scripts_ = {
        "funnel": ([args.funnel, "--no-demo", "--quiet", "-c",
                    "\n".join(f'.load {t} "{work}/{t}{suffix}"' for t in TABLES)], None),
        "duckdb": ([args.duckdb, "-batch"],
                   "\n".join(f"CREATE TABLE {t} AS SELECT * FROM read_csv('{work}/{t}{suffix}');" for t in TABLES)
                   + "\n"),
    }
    out = {}
    for name, (command, stdin_text) in scripts_.items():
        if name not in chosen:
            continue
        runs = []
        for _ in range(args.runs):
            cpu = []
            elapsed, rss, _, _ = run_with_rss(command, stdin_text, cpu)
            runs.append((elapsed, cpu[0], rss))
        runs.sort()
        out[name] = runs[len(runs) // 2] + (runs[0][0],)
    return out


def real_files(args):
    """Loading each real export: funnel's .load against DuckDB's read_csv, whole process, median of 3."""
    real = ROOT.parent / "shared" / "data" / "real"
    if not real.is_dir():
        return
    print()
    print(f"{'real file load':<24}{'MB':>8}{'funnel ms':>12}{'duckdb ms':>12}{'funnel/duckdb':>15}")
    for name, relative in REAL_FILES:
        path = real / relative
        f_times, d_times = [], []
        for _ in range(3):
            f_times.append(run_with_rss([args.funnel, "--no-demo", "--quiet", "-c", f'.load {name} "{path}"'], None)[0])
            d_times.append(run_with_rss([args.duckdb, "-batch", "-c",
                                         f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}')"], None)[0])
        f, d = statistics.median(f_times) * 1000, statistics.median(d_times) * 1000
        print(f"{name:<24}{path.stat().st_size / 1e6:>8.1f}{f:>12.1f}{d:>12.1f}{f / d:>14.2f}x")


if __name__ == "__main__":
    main()
