"""Shared pieces of the differential tests: Funnel and DuckDB answer the same
question on the same CSV files, and every value must agree.

Funnel runs as the built binary (FUNNEL_BIN, else .build/debug/funnel) with
`--format csv`; DuckDB runs in-process through its Python package. Nothing
here is used by Funnel itself: DuckDB is only the independent reference.
"""
import csv
import datetime
import decimal
import io
import json
import math
import os
import pathlib
import subprocess

import duckdb
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "data" / "real"
BINARY = os.environ.get("FUNNEL_BIN", str(ROOT / ".build" / "debug" / "funnel"))
ENV = {**os.environ, "NO_COLOR": "1", "FUNNEL_TODAY": "2026-07-01", "FUNNEL_HISTORY": "/dev/null"}


def funnel(args, statements, check=True):
    """Runs funnel with `args` on `statements`; returns (header, rows) of its CSV output."""
    run = subprocess.run(
        [BINARY, "--format", "csv", *args, "-c", statements],
        capture_output=True, text=True, env=ENV, timeout=300,
    )
    if check and run.returncode != 0:
        raise AssertionError(f"funnel failed ({run.returncode}) on:\n{statements}\n{run.stderr}")
    log = os.environ.get("FUNNEL_QUERY_LOG")
    if log and run.returncode == 0:
        # Every query that ran is run again on the SQL engines (Tests/FourWay).
        with open(log, "a", encoding="utf-8") as f:
            f.write(json.dumps({"args": [str(a) for a in args], "statements": statements}) + "\n")
    reader = list(csv.reader(io.StringIO(run.stdout)))
    if not reader:
        return [], []
    # A one-column row whose value is null is an empty line, which csv reads as [].
    rows = [r if r or len(reader[0]) != 1 else [""] for r in reader[1:]]
    return reader[0], rows


_demo_cache = {}


def demo_files(tmp_root, leads, seed):
    """Writes the demo datasets of (leads, seed) as CSV once; returns the folder."""
    key = (leads, seed)
    if key not in _demo_cache:
        folder = tmp_root / f"demo-{leads}-{seed}"
        folder.mkdir(parents=True, exist_ok=True)
        saves = "\n".join(f'{name} | save "{folder / name}.csv"' for name in
                          ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas"])
        subprocess.run([BINARY, "--demo-size", str(leads), "--seed", str(seed), "-c", saves],
                       check=True, capture_output=True, env=ENV, timeout=300)
        _demo_cache[key] = folder
    return _demo_cache[key]


def duck_for(folder, tables):
    """A DuckDB connection with each CSV of `tables` ({name: path}) loaded as a table."""
    con = duckdb.connect()
    for name, path in tables.items():
        con.execute(f"CREATE TABLE \"{name}\" AS SELECT * FROM read_csv('{path}', header = true)")
    return con


def normal(value):
    """A DuckDB value as comparable Python: None, float, bool text, ISO text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.microsecond:
            text += ("." + f"{value.microsecond:06d}").rstrip("0")
        return text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def same(expected, text):
    """True when Funnel's CSV text matches DuckDB's value."""
    if expected is None:
        return text == ""
    if isinstance(expected, float):
        try:
            got = float(text)
        except ValueError:
            return False
        if math.isnan(expected):
            return math.isnan(got)
        return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9)
    return text == expected


def assert_same(funnel_result, con, sql, compare_header=True):
    header, rows = funnel_result
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    expected = [[normal(v) for v in row] for row in cursor.fetchall()]
    if compare_header:
        assert header == names, f"columns differ: funnel {header} vs duckdb {names}"
    assert len(rows) == len(expected), f"row counts differ: funnel {len(rows)} vs duckdb {len(expected)}"
    for i, (got, want) in enumerate(zip(rows, expected)):
        assert len(got) == len(want), f"row {i}: {got} vs {want}"
        for j, (g, w) in enumerate(zip(got, want)):
            assert same(w, g), f"row {i} column {names[j]}: funnel {g!r} vs duckdb {w!r}\nrow: {got}\nwant: {want}"


@pytest.fixture(scope="session")
def tmp_root(tmp_path_factory):
    return tmp_path_factory.mktemp("differential")
