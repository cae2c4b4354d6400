"""Funnel's SQL compiler against DuckDB: every case of test_core.py runs in
Funnel's memory engine and, compiled to DuckDB SQL, in DuckDB on the same
CSV files; every value must agree.

The SQL comes from `funnel --data DIR --sql duckdb -c STATEMENTS` (one query per
statement, each ended by `;`, a `-- $n = value` line per parameter). Until the
binary has `--sql`, FUNNEL_SQL_DUMP=DIR makes this test write DIR/cases.json
and read the SQL that `FUNNEL_SQL_DUMP=DIR swift test --skip-build --filter
SQLDumpTests` writes there (run pytest once to write the cases, then the Swift
test, then pytest again); without either the test skips.
"""
import json
import os
import pathlib
import re
import subprocess

import pytest

from conftest import BINARY, ENV, assert_same, demo_files, duck_for, funnel
from test_core import CASES, SIZES

DUMP = os.environ.get("FUNNEL_SQL_DUMP")
PARAMETERS = {"min": "50000"}
EXTRA = [
    ("parameter", "deals | where amount > $min | count by product"),
    ("compare", 'deals | compare stage "closed_won" vs "closed_lost" on n = count(), s = sum(amount) by product'),
    ("distinct order", "leads | distinct channel, region"),
    ("take after agg", "leads | count by region | take 2"),
    ("sort after agg", "deals | agg s = sum(amount) by owner | sort s desc | take 3"),
]
ALL = [(name, statements) for name, statements, _ in CASES] + EXTRA


def binary_sql(folder, statements):
    """The SQL `funnel --sql duckdb` prints, or None when the binary has no `--sql`."""
    run = subprocess.run(
        [BINARY, "--data", str(folder), *parameter_args(), "--sql", "duckdb", "-c", statements],
        capture_output=True, text=True, env=ENV, timeout=300)
    if run.returncode != 0 and ("--sql" in run.stderr and "nknown" in run.stderr or "unexpected" in run.stderr):
        return None
    if run.returncode != 0:
        raise AssertionError(f"funnel --sql failed on:\n{statements}\n{run.stderr}")
    return run.stdout


def data_folder(tmp_root):
    """The demo's CSV files; under FUNNEL_SQL_DUMP when set, so that the dumped SQL names a folder that stays."""
    return demo_files(pathlib.Path(DUMP) if DUMP else tmp_root, *SIZES[0])


def parameter_args():
    return [a for k, v in PARAMETERS.items() for a in ("--param", f"{k}={v}")]


def dumped_sql(folder, index):
    """The SQL the Swift dump wrote for case `index`; skips when it is not there."""
    base = pathlib.Path(DUMP)
    cases = {"data": str(folder), "parameters": PARAMETERS, "cases": [list(c) for c in ALL]}
    target = base / "cases.json"
    if not target.exists() or json.loads(target.read_text()) != cases:
        base.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(cases))
        pytest.skip("cases written; run FUNNEL_SQL_DUMP=... swift test --filter SQLDumpTests, then pytest again")
    sql = base / f"{index}.duckdb.sql"
    error = base / f"{index}.duckdb.error"
    if error.exists():
        raise AssertionError(f"no SQL: {error.read_text()}")
    if not sql.exists():
        pytest.skip("no dumped SQL")
    return sql.read_text()


def statements_of(script):
    """[(sql, [parameter texts])] of a script: statements end with `;` at a line's end."""
    out, params, lines = [], [], []
    for line in script.splitlines():
        m = re.match(r"-- \$(\d+) = (.*)$", line)
        if m and not lines:
            params.append(m.group(2))
            continue
        lines.append(line)
        if line.endswith(";"):
            out.append(("\n".join(lines)[:-1], params))
            params, lines = [], []
    return out


def run_script(con, script):
    """Runs every statement; returns the cursor of the last query."""
    cursor = None
    for sql, params in statements_of(script):
        cursor = con.execute(sql, params) if params else con.execute(sql)
    return cursor


@pytest.mark.parametrize("index", range(len(ALL)), ids=[c[0] for c in ALL])
def test_sql_duckdb(tmp_root, index):
    folder = data_folder(tmp_root)
    name, statements = ALL[index]
    script = binary_sql(folder, statements) if not DUMP else None
    if script is None:
        if not DUMP:
            pytest.skip("funnel has no --sql yet; set FUNNEL_SQL_DUMP (see the module's doc)")
        script = dumped_sql(folder, index)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["campaigns", "leads", "touches", "deals", "costs"]})
    expected = funnel(["--data", str(folder), *parameter_args()], statements)
    header, rows = expected
    cursor = run_script(con, script)
    names = [d[0] for d in cursor.description]
    assert header == names, f"columns differ: funnel {header} vs SQL {names}"
    got = cursor.fetchall()
    # assert_same re-runs the last query; hand it a connection that answers with these rows.
    assert_same(expected, _Rows(cursor.description, got), None)


class _Rows:
    """A stand-in connection whose every query gives the rows already fetched."""

    def __init__(self, description, rows):
        self.description, self.rows = description, rows

    def execute(self, _sql):
        return self

    def fetchall(self):
        return self.rows
