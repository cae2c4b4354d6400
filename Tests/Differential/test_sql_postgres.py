"""Funnel's SQL compiler against PostgreSQL: the cases of test_sql_duckdb.py,
compiled for postgres and run through psql on the same CSV files. Runs when
FUNNEL_PSQL holds a psql command line for an empty scratch database (for
example `psql -h 127.0.0.1 -p 55432 -U postgres`) and the SQL is dumped as
test_sql_duckdb.py describes; skips otherwise."""
import csv
import io
import math
import os
import pathlib
import shlex
import subprocess

import duckdb
import pytest

from conftest import funnel
from test_sql_duckdb import ALL, DUMP, data_folder, parameter_args, statements_of

PSQL = os.environ.get("FUNNEL_PSQL")
TABLES = ["campaigns", "leads", "touches", "deals", "costs"]
PG_TYPES = {"BIGINT": "BIGINT", "DOUBLE": "DOUBLE PRECISION", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP",
            "VARCHAR": "TEXT", "BOOLEAN": "BOOLEAN"}
_loaded = set()


def psql(script):
    run = subprocess.run([*shlex.split(PSQL), "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1"], input=script,
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise AssertionError(f"psql failed:\n{run.stderr}\n{script[:3000]}")
    return run.stdout


def load(folder):
    """The CSV files as tables, typed as DuckDB reads them."""
    if folder in _loaded:
        return
    con = duckdb.connect()
    script = ""
    for t in TABLES:
        columns = con.execute(f"DESCRIBE SELECT * FROM read_csv('{folder / t}.csv', header = true)").fetchall()
        body = ", ".join(f'"{c[0]}" {PG_TYPES.get(c[1], "TEXT")}' for c in columns)
        script += f'DROP TABLE IF EXISTS "{t}" CASCADE;\nCREATE TABLE "{t}" ({body});\n'
        script += f"\\copy \"{t}\" FROM '{folder / t}.csv' WITH (FORMAT csv, HEADER true)\n"
    psql(script)
    _loaded.add(folder)


def as_script(sql_script):
    """A psql script: the parameters of a query bound through PREPARE and EXECUTE."""
    out = ""
    statements = statements_of(sql_script)
    for n, (sql, params) in enumerate(statements):
        # Only the last statement's rows are the result.
        out += "\\o\n" if n == len(statements) - 1 else "\\o /dev/null\n"
        if params:
            values = ", ".join("'" + p.replace("'", "''") + "'" for p in params)
            out += f"PREPARE q{n} AS {sql};\nEXECUTE q{n}({values});\nDEALLOCATE q{n};\n"
        else:
            out += sql + ";\n"
    return out


def same_text(want, got):
    if want == got:
        return True
    if {want, got} in ({"t", "true"}, {"f", "false"}):
        return True
    try:
        return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-9)
    except ValueError:
        return False


@pytest.mark.parametrize("index", range(len(ALL)), ids=[c[0] for c in ALL])
def test_sql_postgres(tmp_root, index):
    if not PSQL or not DUMP:
        pytest.skip("set FUNNEL_PSQL and FUNNEL_SQL_DUMP (see the module's doc)")
    folder = data_folder(tmp_root)
    base = pathlib.Path(DUMP)
    if (base / f"{index}.postgres.error").exists():
        raise AssertionError("no SQL: " + (base / f"{index}.postgres.error").read_text())
    if not (base / f"{index}.postgres.sql").exists():
        pytest.skip("no dumped SQL")
    load(folder)
    name, statements = ALL[index]
    header, rows = funnel(["--data", str(folder), *parameter_args()], statements)
    output = psql(as_script((base / f"{index}.postgres.sql").read_text()))
    got = list(csv.reader(io.StringIO(output)))
    assert got and got[0] == header, f"columns differ: funnel {header} vs postgres {got[:1]}"
    got = got[1:]
    assert len(got) == len(rows), f"row counts differ: funnel {len(rows)} vs postgres {len(got)}"
    for i, (f, p) in enumerate(zip(rows, got)):
        for j, (a, b) in enumerate(zip(f, p)):
            assert same_text(a, b), f"row {i} column {header[j]}: funnel {a!r} vs postgres {b!r}\n{f}\n{p}"
