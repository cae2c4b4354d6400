#!/usr/bin/env python3
"""Writes the seed corpora of scripts/fuzz into Fuzz/corpus/<target>/.

Seeds come from the golden scripts (Tests/Scripts/**/*.funnel), the examples,
the statements in the docs' code blocks, and the first lines of the real
datasets in ../shared/data/real (a few KB each; the data is only read).
Run from anywhere: python3 Fuzz/make_seeds.py. Old seeds are replaced.
"""
import csv
import glob
import hashlib
import io
import json
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(os.path.dirname(ROOT), "shared", "data", "real")
MAX_SCRIPT = 4096
MAX_DATA = 6000


def write(target, data):
    folder = os.path.join(ROOT, "Fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def scripts():
    paths = sorted(glob.glob(os.path.join(ROOT, "Tests", "Scripts", "**", "*.funnel"), recursive=True))
    paths += sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.funnel"), recursive=True))
    return [open(p, "rb").read() for p in paths]


def doc_statements():
    """Lines of the docs' plain code blocks that read as statements."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))):
        inside = False
        for line in open(path, encoding="utf-8"):
            if line.startswith("```"):
                inside = not inside and line.strip() == "```"
                continue
            if inside:
                line = line.rstrip("\n")
                if line.startswith("funnel> "):
                    found.append(line[len("funnel> "):])
                elif re.match(r"^(let |metric |[a-z_]+ \| )", line):
                    found.append(line)
    return found


def statements(script):
    """A script's statements: a line, with the `|` lines that continue it."""
    result, current = [], []
    for line in script.decode("utf-8", "replace").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("|") and current:
            current.append(line)
            continue
        if current:
            result.append("\n".join(current))
        current = [line]
    if current:
        result.append("\n".join(current))
    return result


def data_slices():
    """(name, header, rows) of the first rows of each real CSV file."""
    slices = []
    for path in sorted(glob.glob(os.path.join(REAL, "**", "*.csv"), recursive=True)):
        with open(path, "rb") as f:
            head = f.read(64 * 1024)
        text = head.decode("utf-8", "replace")
        lines = text.splitlines(keepends=True)[:-1]
        slices.append((os.path.basename(path), lines))
    return slices


def main():
    shutil.rmtree(os.path.join(ROOT, "Fuzz", "corpus"), ignore_errors=True)
    texts = scripts()
    docs = doc_statements()
    for script in texts:
        write("lexer", script[:MAX_SCRIPT])
        write("parser", script[:MAX_SCRIPT])
    for line in docs:
        write("parser", line.encode())
    single = sorted({s for script in texts for s in statements(script) if not s.lstrip().startswith(".")} | set(docs))
    for s in single:
        write("pipeline", s.encode())
    # Pairs, so `let` and `metric` feed a later statement.
    lets = [s for s in single if s.startswith(("let ", "metric "))]
    for i, s in enumerate(lets[:60]):
        write("pipeline", (s + "\n" + single[(i * 7) % len(single)]).encode())

    for name, lines in data_slices():
        header, rows = lines[0], lines[1:]
        for start, count in ((0, 20), (len(rows) // 2, 12)):
            body = header + "".join(rows[start:start + count])
            body = body.encode()[:MAX_DATA]
            write("csv", bytes([0]) + body)
            write("csv", bytes([0b00000110]) + body)
        # The same rows as JSON: an array of objects, and one object a line.
        sep = ";" if header.count(";") > header.count(",") else ","
        records = list(csv.DictReader(io.StringIO(header + "".join(rows[:8])), delimiter=sep))
        write("json", bytes([0]) + json.dumps(records, indent=1).encode()[:MAX_DATA])
        write("json", bytes([1]) + "\n".join(json.dumps(r) for r in records).encode()[:MAX_DATA])
    write("csv", bytes([0b00011000]) + b"day;amount;won\n01/02/2026;1.234,50;yes\n03/02/2026;NA;no\n")
    write("csv", bytes([0b01010011]) + b"amount\tnote\n$1,200.50\t\"a \"\"quoted\"\"\nline\"\n12.5%\t\n")
    write("json", bytes([0]) + b'[{"a": 1, "b": "x", "c": true, "d": null, "e": 2.5, "f": "2026-01-31"}]')
    write("json", bytes([1]) + b'{"a": "\\u00e9\\n", "b": [1, 2], "c": {"d": 1}}\n{"a": 1e3}\n')
    write_dictionary(texts)


def write_dictionary(texts):
    """Fuzz/funnel.dict: the words and operators of the language, for libFuzzer's -dict."""
    counts = {}
    for script in texts:
        for word in re.findall(r"[A-Za-z_][A-Za-z_0-9]*", script.decode("utf-8", "replace")):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(w for w, n in counts.items() if n >= 3 and len(w) > 1)
    symbols = ["|", "==", "!=", "<=", ">=", "??", "(", ")", "[", "]", "@2026-02-28", "30d", "3mo",
               "1_000", "2.5", "`a b`", "$region", '"won"', "'x'", "#", ";"]
    with open(os.path.join(ROOT, "Fuzz", "funnel.dict"), "w") as f:
        f.write("# Words and symbols of the language (Fuzz/make_seeds.py writes this file).\n")
        for w in words + symbols:
            f.write('"' + w.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
        f.write('"\\x0A"\n')


if __name__ == "__main__":
    main()
