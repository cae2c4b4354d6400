"""The same answers everywhere: every query the differential tests ran (and
every example script) is run four ways and every answer must agree:

- in memory, by the funnel binary (the reference here, itself checked
  against DuckDB by Tests/Differential);
- as DuckDB SQL: `funnel --sql duckdb` compiles it, the DuckDB Python
  package runs the SQL on the same data;
- live on PostgreSQL: `funnel --engine postgres://…` (FUNNEL_PG_URL);
- live on Spark: `funnel --engine sc://…` (FUNNEL_SPARK_URL).

The queries come from FUNNEL_QUERY_LOG, which Tests/Differential/conftest.py
fills while it runs (scripts/test runs it first). Numbers agree within 1e-9
relative; rows come in the same order, except rows that tie on every sort
key, which SQL engines may return in any order (docs/scale-out.md).
"""
import csv
import io
import json
import math
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("FUNNEL_BIN", str(ROOT / ".build" / "debug" / "funnel"))
ENV = {**os.environ, "NO_COLOR": "1", "FUNNEL_TODAY": "2026-07-01", "FUNNEL_HISTORY": "/dev/null"}
LOG = os.environ.get("FUNNEL_QUERY_LOG", str(ROOT / ".build" / "four-way-queries.jsonl"))
# scripts/test sets this: a missing server is then a failure, not a skip.
REQUIRE = os.environ.get("FUNNEL_FOUR_WAY_REQUIRE") == "1"
MARK = "four-way query "


def load_queries():
    """The logged queries, each once: [(args, statements)]."""
    path = pathlib.Path(LOG)
    if not path.exists():
        return []
    seen = set()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        key = (tuple(entry["args"]), entry["statements"])
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def run_funnel(args, text, timeout=900):
    return subprocess.run([BINARY, "--format", "csv", *args, "-c", text],
                          capture_output=True, text=True, env=ENV, timeout=timeout)


# A construct the compiler refuses, positioned and named (Session+SQL.swift):
# a gap the closing note counts, never a wrong answer.
REFUSED = re.compile(r"error: no (duckdb|postgres|spark) SQL: ")


def refused(stderr):
    m = REFUSED.search(stderr)
    if m:
        pytest.xfail(stderr[m.start():].splitlines()[0])


def rows(text):
    # A one-column row whose value is null is an empty line, which csv reads as []: it is one empty value.
    return [r if r else [""] for r in csv.reader(io.StringIO(text))]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def same_cell(a, b):
    if a == b:
        return True
    x, y = number(a), number(b)
    if x is None or y is None:
        return False
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def same_row(a, b, header=None):
    if len(a) != len(b):
        return False
    loose = significance_columns(header) if header and len(header) == len(a) else None
    if not loose:
        return all(same_cell(x, y) for x, y in zip(a, b))
    plain = [i for i in range(len(a)) if i not in loose.values()]
    return all(same_cell(a[i], b[i]) for i in plain) and same_tests(a, b, loose)


def significance_columns(header):
    """The test columns of `compare` (p_value, df, ...) by name, or None."""
    names = ["statistic", "df", "p_value", "ci_low", "ci_high", "significant"]
    if not all(n in header for n in names):
        return None
    return {n: header.index(n) for n in names}


def same_tests(a, b, at):
    """`compare`'s tests: the SQL engines write the normal and t tails as
    closed forms (docs/metrics.md, Significance in compare): p-values within
    1e-6, the interval within 1e-6 of its width; below 4 degrees of freedom
    the SQL engines leave the interval of a mean null."""
    def num(row, name):
        return number(row[at[name]]) if row[at[name]] != "" else None
    for name in ["statistic", "df"]:
        if not same_cell(a[at[name]], b[at[name]]):
            x, y = num(a, name), num(b, name)
            if x is None or y is None or not math.isclose(x, y, rel_tol=1e-7, abs_tol=1e-9):
                return False
    pa, pb = num(a, "p_value"), num(b, "p_value")
    if (pa is None) != (pb is None) or (pa is not None and abs(pa - pb) > 1e-6):
        return False
    la, ha, lb, hb = num(a, "ci_low"), num(a, "ci_high"), num(b, "ci_low"), num(b, "ci_high")
    if la is None or lb is None:
        df = num(a, "df")
        small = df is not None and df < 4
        if not ((la is None and lb is None) or (small and lb is None and hb is None)):
            return False
    else:
        width = max(abs(ha - la), 1e-12)
        if abs(la - lb) > 1e-6 * width or abs(ha - hb) > 1e-6 * width:
            return False
    sa, sb = a[at["significant"]], b[at["significant"]]
    # A p-value within 1e-6 of 0.05 may fall on either side of it.
    return sa == sb or (pa is not None and abs(pa - 0.05) < 1e-6)


def sort_key(row):
    return [(0, number(c), "") if number(c) is not None else (1, 0.0, c) for c in row]


def assert_same_rows(expected, got, statements, sorted_ok):
    """Every row equal in order; or, when the statements sort (ties may come in
    any order on a server), equal as sorted lists."""
    assert len(got) == len(expected), (
        f"row counts differ: memory {len(expected)} vs {len(got)}\n{statements}\n"
        f"memory: {expected[:5]}\ngot: {got[:5]}")
    # A script prints several tables: each row is read under the last header
    # with `compare`'s test columns (the first row's otherwise).
    headers, header = [], expected[0] if expected else None
    for row in expected:
        if significance_columns(row) and "p_value" in row:
            header = row
        headers.append(header)
    bad = [i for i, (e, g) in enumerate(zip(expected, got)) if not same_row(e, g, headers[i])]
    if not bad:
        return
    if sorted_ok:
        es, gs = sorted(expected, key=sort_key), sorted(got, key=sort_key)
        if all(same_row(e, g, header) for e, g in zip(es, gs)):
            return
    i = bad[0]
    raise AssertionError(f"row {i} differs:\nmemory: {expected[i]}\ngot:    {got[i]}\n{statements}")


class Batch:
    """Runs many queries in one funnel process per engine: a marker line
    (a scalar statement) before each query splits the output; a query that
    fails stops the process, so the rest run again after it."""

    def __init__(self, args, queries):
        self.args = args
        self.queries = queries

    def run(self, engine_args):
        results = {}
        pending = list(range(len(self.queries)))
        while pending:
            text = "\n".join(f'"{MARK}{i}"\n{self.queries[i]}' for i in pending)
            run = run_funnel([*engine_args, *self.args], text)
            parts = re.split(rf"^{MARK}(\d+)\n", run.stdout, flags=re.M)
            done = []
            for k in range(1, len(parts), 2):
                done.append(int(parts[k]))
                results[int(parts[k])] = ("ok", parts[k + 1])
            if run.returncode == 0:
                break
            if not done:
                # Failed before the first marker: connecting or loading.
                for i in pending:
                    results[i] = ("error", run.stderr)
                break
            failed = done[-1]
            results[failed] = ("error", run.stderr)
            pending = pending[pending.index(failed) + 1:]
        return results


def data_args(args):
    """The arguments that say where the data comes from (kept for remote runs)."""
    return list(args)
