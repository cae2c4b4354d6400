"""Four ways, one answer: see conftest.py."""
import concurrent.futures
import datetime
import decimal
import os
import pathlib
import re
import tempfile
import threading

import duckdb
import pytest

from conftest import (MARK, Batch, LOG, REQUIRE, ROOT, assert_same_rows, load_queries, refused, rows, run_funnel)

QUERIES = load_queries()
GROUPS = {}
for args, statements in QUERIES:
    GROUPS.setdefault(args, []).append(statements)
GROUP_KEYS = list(GROUPS)
CASES = [(g, i) for g, key in enumerate(GROUP_KEYS) for i in range(len(GROUPS[key]))]
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.funnel"))

_memory = {}
_remote = {}


def memory(g):
    if g not in _memory:
        _memory[g] = Batch(list(GROUP_KEYS[g]), GROUPS[GROUP_KEYS[g]]).run([])
    return _memory[g]


_compiled = {}


class Compiled:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def compiled(dialect, g, i):
    """`funnel --sql DIALECT` of one query. A group's queries are compiled in
    one run, a marker value between them (as Batch runs them); a query that
    is refused stops the run, and the rest are compiled again after it."""
    with _compiling:
        return _compile(dialect, g, i)


_compiling = threading.Lock()


def _compile(dialect, g, i):
    if (dialect, g) not in _compiled:
        queries = GROUPS[GROUP_KEYS[g]]
        results = {}
        pending = list(range(len(queries)))
        while pending:
            text = "\n".join(f'"{MARK}{i}"\n{queries[i]}' for i in pending)
            run = run_funnel(["--sql", dialect, *GROUP_KEYS[g]], text)
            parts = re.split(rf"^-- value: {MARK}(\d+)\n", run.stdout, flags=re.M)
            done = [int(parts[k]) for k in range(1, len(parts), 2)]
            for k in range(1, len(parts), 2):
                results[int(parts[k])] = Compiled(0, parts[k + 1], "")
            if run.returncode == 0:
                break
            if not done:
                for j in pending:
                    results[j] = Compiled(1, "", run.stderr)
                break
            results[done[-1]] = Compiled(1, "", run.stderr)
            pending = pending[pending.index(done[-1]) + 1:]
        _compiled[(dialect, g)] = results
    return _compiled[(dialect, g)][i]


def remote(engine, url, g):
    """Every query of group g that compiles, run on the server in one batch."""
    key = (engine, g)
    if engine == "spark":
        return spark_ahead(url, g).result()
    if key not in _remote:
        queries = GROUPS[GROUP_KEYS[g]]
        runnable = [i for i in range(len(queries)) if compiled(engine, g, i).returncode == 0]
        results = Batch(list(GROUP_KEYS[g]), [queries[i] for i in runnable]).run(["--engine", url])
        _remote[key] = {runnable[k]: v for k, v in results.items()}
    return _remote[key]


_spark_ahead = {}


def spark_ahead(url, g):
    """Spark answers each statement in about half a second whatever its size,
    mostly waiting on its own scheduling: so every group's batch is run on
    Spark in one background thread, in order, from the start of the module,
    while the other tests go on (a daemon thread: a stopped run does not
    wait for it)."""
    if not _spark_ahead:
        for k in range(len(GROUP_KEYS)):
            _spark_ahead[k] = concurrent.futures.Future()

        def work():
            for k in range(len(GROUP_KEYS)):
                try:
                    queries = GROUPS[GROUP_KEYS[k]]
                    runnable = [i for i in range(len(queries)) if compiled("spark", k, i).returncode == 0]
                    results = Batch(list(GROUP_KEYS[k]), [queries[i] for i in runnable]).run(["--engine", url])
                    _spark_ahead[k].set_result({runnable[j]: v for j, v in results.items()})
                except BaseException as error:  # reported by the test that waits for it
                    _spark_ahead[k].set_exception(error)

        threading.Thread(target=work, daemon=True).start()
    return _spark_ahead[g]


if os.environ.get("FUNNEL_SPARK_URL") and GROUP_KEYS:
    spark_ahead(os.environ["FUNNEL_SPARK_URL"], 0)


def sorts(statements):
    return bool(re.search(r"\b(sort|top)\b", statements))


def test_the_log_holds_the_differential_queries():
    assert pathlib.Path(LOG).exists(), f"no query log at {LOG}: run Tests/Differential with FUNNEL_QUERY_LOG set"
    assert len(QUERIES) >= 100, f"only {len(QUERIES)} queries logged"


def expected(g, i):
    status, text = memory(g)[i]
    assert status == "ok", f"memory failed:\n{text}"
    return rows(text)


# --- DuckDB: the SQL funnel --sql duckdb writes, run by DuckDB itself.

DUCK_TYPES = {"int": "BIGINT", "double": "DOUBLE", "date": "DATE", "timestamp": "TIMESTAMP",
              "bool": "BOOLEAN", "text": "VARCHAR"}
_duck = {}


def duck_type(name):
    m = re.fullmatch(r"decimal\((\d+)\)", name)
    if m:
        return f"DECIMAL(38,{m.group(1)})"
    return DUCK_TYPES[name]


def duck_connection(g):
    """DuckDB with the group's datasets, as funnel reads them (types and all)."""
    if g in _duck:
        return _duck[g]
    args = list(GROUP_KEYS[g])
    listed = run_funnel(args, ".tables")
    assert listed.returncode == 0, listed.stderr
    names = [r[0] for r in rows(listed.stdout)[1:]]
    columns = {}
    for name in names:
        schema = run_funnel(args, f".schema {name}")
        assert schema.returncode == 0, schema.stderr
        table = rows(schema.stdout)
        header, body = table[0], table[1:]
        columns[name] = [(dict(zip(header, r))["column"], dict(zip(header, r))["type"]) for r in body]
    folder = pathlib.Path(tempfile.mkdtemp(prefix="four-way-duck-"))
    con = duckdb.connect()
    saves = "\n".join(f'{name} | save "{folder / name}.csv"' for name in columns)
    saved = run_funnel(args, saves)
    assert saved.returncode == 0, saved.stderr
    for name, cols in columns.items():
        ddl = ", ".join(f'"{c}" {duck_type(t)}' for c, t in cols)
        con.execute(f'CREATE TABLE "{name}" ({ddl})')
        con.execute(f"COPY \"{name}\" FROM '{folder / name}.csv' (HEADER, NULLSTR '')")
    _duck[g] = con
    return con


def duck_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.microsecond:
            text += ("." + f"{value.microsecond:06d}").rstrip("0")
        return text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


PARAM = re.compile(r"^-- \$(\d+) = (.*) \(([^,]*), ([^)]*)\)$")
VALUE = re.compile(r"^-- value: (.*)$")


def run_sql_file(con, text):
    """Runs each statement of a `funnel --sql duckdb` file; the rows of each query."""
    out = []
    params = []
    chunk = []
    for line in text.splitlines(keepends=True):
        m = PARAM.match(line.rstrip("\n"))
        v = VALUE.match(line.rstrip("\n"))
        if v:
            out.append([v.group(1)])
            continue
        if m:
            params.append(parameter(m.group(2), m.group(4)))
            continue
        if line.startswith("--") and not chunk:
            continue
        chunk.append(line)
        if line.rstrip().endswith(";"):
            sql = "".join(chunk)
            cursor = con.execute(sql, params) if params else con.execute(sql)
            body = "\n".join(x for x in sql.splitlines() if x.strip() and not x.lstrip().startswith("--"))
            if not body.upper().startswith("CREATE"):
                out.append([d[0] for d in cursor.description])
                out.extend([duck_text(x) for x in r] for r in cursor.fetchall())
            chunk, params = [], []
    return out


def parameter(text, type_name):
    if type_name == "int":
        return int(text)
    if type_name == "double":
        return float(text)
    if type_name.startswith("decimal"):
        return decimal.Decimal(text)
    if type_name == "date":
        return datetime.date.fromisoformat(text)
    if type_name == "bool":
        return text == "true"
    return text


@pytest.mark.parametrize("g,i", CASES)
def test_duckdb_sql(g, i):
    statements = GROUPS[GROUP_KEYS[g]][i]
    want = expected(g, i)
    sql = compiled("duckdb", g, i)
    refused(sql.stderr)
    assert sql.returncode == 0, f"--sql duckdb failed:\n{sql.stderr}\n{statements}"
    got = run_sql_file(duck_connection(g), sql.stdout)
    assert_same_rows(want, got, statements + "\n" + sql.stdout, sorts(statements))


# --- Live servers: the same statements through `funnel --engine`.

def server(variable):
    url = os.environ.get(variable)
    if not url:
        if REQUIRE:
            pytest.fail(f"{variable} is not set: scripts/services start")
        pytest.skip(f"{variable} is not set (scripts/services start, then eval $(scripts/services env))")
    return url


@pytest.mark.parametrize("engine,variable", [("postgres", "FUNNEL_PG_URL"), ("spark", "FUNNEL_SPARK_URL")])
@pytest.mark.parametrize("g,i", CASES)
def test_live(engine, variable, g, i):
    url = server(variable)
    statements = GROUPS[GROUP_KEYS[g]][i]
    want = expected(g, i)
    sql = compiled(engine, g, i)
    refused(sql.stderr)
    assert sql.returncode == 0, f"--sql {engine} failed:\n{sql.stderr}\n{statements}"
    status, text = remote(engine, url, g)[i]
    if status != "ok":
        refused(text)
    assert status == "ok", f"{engine} failed:\n{text}\n{statements}"
    assert_same_rows(want, rows(text), statements, sorts(statements))


# --- The example scripts, whole.

@pytest.mark.parametrize("engine,variable", [("postgres", "FUNNEL_PG_URL"), ("spark", "FUNNEL_SPARK_URL")])
@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_script(engine, variable, script, tmp_path):
    url = server(variable)
    data = tmp_path / "data"
    data.mkdir()
    saves = "\n".join(f'{n} | save "{data / n}.csv"' for n in ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas"])
    made = run_funnel(["--demo-size", "3000", "--seed", "7"], saves)
    assert made.returncode == 0, made.stderr
    text = script.read_text(encoding="utf-8")
    mem = run_funnel(["--data", str(data)], text)
    assert mem.returncode == 0, mem.stderr
    live = run_funnel(["--engine", url, "--data", str(data)], text)
    refused(live.stderr)
    assert live.returncode == 0, f"{engine} failed on {script.name}:\n{live.stderr}"
    assert_same_rows(rows(mem.stdout), rows(live.stdout), text, sorts(text))
