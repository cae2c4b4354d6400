"""Times the analyst's script of scripts/bench (its funnel statements) on each
engine: in memory, on PostgreSQL and on Spark Connect, on the same demo
data. One session per engine: the data is loaded first (not timed), then
each statement runs `runs` times with `.timer on`; the median is reported.

Called by scripts/bench-engines, which builds funnel in release mode and
starts the servers (scripts/services)."""
import argparse
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from bench import QUERIES  # noqa: E402

NAMES = ["campaigns", "leads", "touches", "deals", "costs"]
TIME = re.compile(r"^time: ([\d,]+\.\d) ms$", re.M)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", default="memory,postgres,spark")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "FUNNEL_HISTORY": "/dev/null"}
    data = pathlib.Path(tempfile.mkdtemp(prefix="funnel-bench-engines-"))
    saves = "\n".join(f'{n} | save "{data / n}.csv"' for n in NAMES)
    subprocess.run([args.binary, "--demo-size", str(args.leads), "-c", saves], check=True, env=env)
    urls = {"memory": None, "postgres": os.environ.get("FUNNEL_PG_URL"), "spark": os.environ.get("FUNNEL_SPARK_URL")}
    engines = args.engines.split(",")
    times = {}
    for engine in engines:
        lines = [".timer on"]
        for _, statement, *_ in QUERIES:
            lines += [statement] * args.runs
        engine_args = [] if urls[engine] is None else ["--engine", urls[engine]]
        run = subprocess.run([args.binary, *engine_args, "--data", str(data), "--format", "csv", "-c", "\n".join(lines)],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0:
            print(f"{engine}: failed\n{run.stderr}", file=sys.stderr)
            continue
        found = [float(t.replace(",", "")) for t in TIME.findall(run.stderr)]
        times[engine] = found
    print(f"{args.leads:,} leads; median of {args.runs} runs per statement, data loaded; ms")
    header = "| statement | " + " | ".join(engines) + " |"
    print(header)
    print("|---|" + "--:|" * len(engines))
    totals = {e: 0.0 for e in engines}
    for q, (name, *_rest) in enumerate(QUERIES):
        cells = []
        for e in engines:
            t = times.get(e)
            if not t:
                cells.append("failed")
                continue
            m = statistics.median(t[q * args.runs:(q + 1) * args.runs])
            totals[e] += m
            cells.append(f"{m:,.1f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("| **total** | " + " | ".join(f"**{totals[e]:,.1f}**" if times.get(e) else "failed" for e in engines) + " |")


if __name__ == "__main__":
    main()
