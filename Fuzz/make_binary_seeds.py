#!/usr/bin/env python3
"""Writes the seeds of the binary fuzz targets (see README.md):

  corpus/arrow/      Arrow IPC streams, as a Spark Connect server sends them:
                     every column type the reader takes, with nulls, several
                     batches, an empty batch, the pre-0.15 framing, and one
                     type it refuses.
  corpus/pgnumeric/  PostgreSQL numerics in their binary (send) form.

Needs pyarrow (pip install pyarrow); the seeds are committed, so only a
change to them needs it. Run from anywhere: python3 Fuzz/make_binary_seeds.py
"""
import datetime
import decimal
import os
import struct

import pyarrow as pa

HERE = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, data):
    path = os.path.join(HERE, "corpus", folder, name)
    with open(path, "wb") as f:
        f.write(data)


def stream(batches, schema, legacy=False):
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(use_legacy_format=legacy)
    with pa.ipc.new_stream(sink, schema, options=options) as writer:
        for b in batches:
            writer.write_batch(b)
    return sink.getvalue().to_pybytes()


def arrow_seeds():
    day = datetime.date(2024, 3, 1)
    moment = datetime.datetime(2024, 3, 1, 9, 30, 15)
    columns = {
        "i8": pa.array([1, -2, None, 127], pa.int8()),
        "i16": pa.array([300, None, -300, 0], pa.int16()),
        "i32": pa.array([70000, -1, None, 5], pa.int32()),
        "i64": pa.array([2**40, None, -(2**40), 0], pa.int64()),
        "u8": pa.array([0, 255, None, 1], pa.uint8()),
        "u64": pa.array([0, 2**63, None, 1], pa.uint64()),
        "f32": pa.array([1.5, None, -0.25, 3.0], pa.float32()),
        "f64": pa.array([1.5, float("nan"), None, -1e300], pa.float64()),
        "dec": pa.array([decimal.Decimal("1234.50"), None, decimal.Decimal("-0.05"), decimal.Decimal("0")],
                        pa.decimal128(12, 2)),
        "dec38": pa.array([decimal.Decimal("1" * 30), None, decimal.Decimal("1"), decimal.Decimal("-2")],
                          pa.decimal128(38, 0)),
        "d32": pa.array([day, None, datetime.date(1969, 12, 31), datetime.date(9999, 12, 31)], pa.date32()),
        "d64": pa.array([day, None, day, day], pa.date64()),
        "ts_s": pa.array([moment, None, moment, moment], pa.timestamp("s")),
        "ts_ms": pa.array([moment, None, moment, moment], pa.timestamp("ms")),
        "ts_us": pa.array([moment, None, moment, moment], pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([moment, None, moment, moment], pa.timestamp("ns")),
        "flag": pa.array([True, None, False, True], pa.bool_()),
        "text": pa.array(["paid_search", None, "", "é—✓"], pa.string()),
        "large": pa.array(["a", None, "bb", "ccc"], pa.large_string()),
        "nothing": pa.array([None, None, None, None], pa.null()),
    }
    for name, column in columns.items():
        table = pa.table({name: column})
        write("arrow", f"type-{name}", stream(table.to_batches(), table.schema))
    whole = pa.table(columns)
    write("arrow", "all-types", stream(whole.to_batches(), whole.schema))
    # Without the two columns whose values leave Int64 (u64's 2^63, dec38's 30 digits).
    readable = pa.table({k: v for k, v in columns.items() if k not in ("u64", "dec38")})
    write("arrow", "all-readable", stream(readable.to_batches(), readable.schema))
    # A result as Spark sends it: a few columns, several batches, one empty.
    deals = pa.table({
        "owner": pa.array(["ana", "bo", None, "cy", "ana", "bo"]),
        "n": pa.array([3, 1, 2, 5, 0, 9], pa.int64()),
        "amount": pa.array([decimal.Decimal("10.00"), None, decimal.Decimal("7.25"), decimal.Decimal("1.00"),
                            decimal.Decimal("0.00"), decimal.Decimal("99.99")], pa.decimal128(18, 2)),
    })
    batches = deals.to_batches(max_chunksize=2)
    write("arrow", "batches", stream(batches + [deals.to_batches()[0].slice(0, 0)], deals.schema))
    write("arrow", "schema-only", stream([], deals.schema))
    write("arrow", "legacy-framing", stream(batches, deals.schema, legacy=True))
    refused = pa.table({"when": pa.array([datetime.time(9, 30)], pa.time64("us"))})
    write("arrow", "refused-time", stream(refused.to_batches(), refused.schema))


def numeric(text):
    """PostgreSQL's numeric_send of a decimal literal: base-10000 digits."""
    if text in ("NaN", "Infinity", "-Infinity"):
        sign = {"NaN": 0xC000, "Infinity": 0xD000, "-Infinity": 0xF000}[text]
        return struct.pack(">hhHh", 0, 0, sign, 0)
    negative = text.startswith("-")
    digits = text.lstrip("-")
    whole, _, fraction = digits.partition(".")
    scale = len(fraction)
    whole = whole.lstrip("0")
    # Pad to whole groups of four on each side of the point.
    whole = "0" * (-len(whole) % 4) + whole
    fraction = fraction + "0" * (-len(fraction) % 4)
    groups = [int(whole[i:i + 4]) for i in range(0, len(whole), 4)]
    weight = len(groups) - 1
    groups += [int(fraction[i:i + 4]) for i in range(0, len(fraction), 4)]
    while groups and groups[0] == 0:
        groups.pop(0)
        weight -= 1
    while groups and groups[-1] == 0:
        groups.pop()
    if not groups:
        weight = 0
    sign = 0x4000 if negative and groups else 0
    return struct.pack(">hhHh", len(groups), weight, sign, scale) + b"".join(struct.pack(">h", g) for g in groups)


def numeric_seeds():
    values = ["0", "0.00", "1234.50", "-0.05", "12345678", "10000", "0.000012", "9223372036854775807",
              "-9223372036854775808", "100000000000000000000", "1234.5678", "0.1", "99999999.9999",
              "NaN", "Infinity", "-Infinity", "3.141592653589793238", "-1"]
    for i, v in enumerate(values):
        write("pgnumeric", f"{i:02d}-{v.replace('.', '_')}", numeric(v))


if __name__ == "__main__":
    arrow_seeds()
    numeric_seeds()
