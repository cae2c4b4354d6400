"""Funnel's SQL compiler against Spark SQL: the cases of test_sql_duckdb.py,
compiled for spark and run on a local Spark session (pyspark, with Java) over
the same CSV files. Runs when FUNNEL_SPARK=1 and the SQL is dumped as
test_sql_duckdb.py describes; skips otherwise."""
import os
import pathlib

import pytest

from conftest import funnel, normal, same
from test_sql_duckdb import ALL, DUMP, PARAMETERS, data_folder, parameter_args, statements_of

TABLES = ["campaigns", "leads", "touches", "deals", "costs"]


@pytest.fixture(scope="module")
def spark(tmp_root):
    if os.environ.get("FUNNEL_SPARK") != "1" or not DUMP:
        pytest.skip("set FUNNEL_SPARK=1 and FUNNEL_SQL_DUMP (see the module's doc)")
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master("local[2]").config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false").getOrCreate())
    folder = data_folder(tmp_root)
    for t in TABLES:
        (session.read.option("header", True).option("inferSchema", True).option("preferDate", True)
         .option("timestampNTZFormat", "yyyy-MM-dd HH:mm:ss").csv(str(folder / f"{t}.csv")).createOrReplaceTempView(t))
    yield session
    session.stop()


@pytest.mark.parametrize("index", range(len(ALL)), ids=[c[0] for c in ALL])
def test_sql_spark(spark, tmp_root, index):
    base = pathlib.Path(DUMP)
    if (base / f"{index}.spark.error").exists():
        raise AssertionError("no SQL: " + (base / f"{index}.spark.error").read_text())
    folder = data_folder(tmp_root)
    name, statements = ALL[index]
    result = None
    for sql, _ in statements_of((base / f"{index}.spark.sql").read_text()):
        # Spark's markers are named: each `:name` takes the value of that Funnel name.
        args = {k: int(v) for k, v in {**PARAMETERS, "floor_amount": "40000"}.items() if ":" + k in sql}
        result = spark.sql(sql, args=args) if args else spark.sql(sql)
    header, rows = funnel(["--data", str(folder), *parameter_args()], statements)
    assert header == result.columns
    got = result.collect()
    assert len(got) == len(rows), f"row counts differ: funnel {len(rows)} vs spark {len(got)}"
    for i, (want, row) in enumerate(zip(rows, got)):
        for j, (a, b) in enumerate(zip(want, row)):
            assert same(normal(b), a), f"row {i} column {header[j]}: funnel {a!r} vs spark {b!r}"
