"""The funnel vocabulary compiled to SQL (FunnelSQL), run on DuckDB against
Funnel's own answer on the same demo data, value by value and row by row.

The SQL comes from the Swift test that compiles every case:
    FUNNEL_SQL_DUMP=/tmp/sql swift test --skip-build --filter VocabularySQLTests
    FUNNEL_SQL_DUMP=/tmp/sql .venv/bin/python -m pytest Tests/Differential/test_sql_dump.py
It writes DIR/statements.tsv (name, statement) and DIR/<name>.<dialect>.sql,
compiled over the demo datasets of 3000 leads, seed 7."""
import os
import pathlib

import pytest

from conftest import assert_same, demo_files, duck_for, funnel

DUMP = pathlib.Path(os.environ["FUNNEL_SQL_DUMP"]) if os.environ.get("FUNNEL_SQL_DUMP") else None

pytestmark = pytest.mark.skipif(DUMP is None, reason="FUNNEL_SQL_DUMP names no folder of compiled SQL")


def cases():
    if DUMP is None or not (DUMP / "statements.tsv").exists():
        return []
    return [tuple(line.split("\t", 1)) for line in (DUMP / "statements.tsv").read_text().splitlines() if line]


@pytest.fixture(scope="module")
def data(tmp_root):
    folder = demo_files(tmp_root, 3000, 7)
    con = duck_for(folder, {t: folder / f"{t}.csv" for t in ["campaigns", "leads", "touches", "deals", "costs"]})
    return folder, con


@pytest.mark.parametrize("name,statement", cases(), ids=[c[0] for c in cases()])
def test_duckdb_gives_the_engine_answer(data, name, statement):
    folder, con = data
    sql = (DUMP / f"{name}.duckdb.sql").read_text()
    assert_same(funnel(["--data", str(folder)], statement), con, sql)
