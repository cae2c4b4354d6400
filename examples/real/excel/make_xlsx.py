#!/usr/bin/env python3
"""Saves a CSV file as an Excel workbook, the way a CRM's "Export to Excel" does.

    python3 examples/real/excel/make_xlsx.py SOURCE.csv OUT.xlsx [SHEET]

The sheet opens with a merged title row and a blank row above the header;
ISO dates become date cells (formatted yyyy-mm-dd), whole numbers and
decimals become number cells, empty fields empty cells, and everything
else text. Needs openpyxl (scripts/test installs it into .venv).
"""

import csv
import datetime
import re
import sys

import openpyxl

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^-?[1-9]\d{0,17}$|^0$")
DECIMAL = re.compile(r"^-?\d+\.\d+$")


def cell(text):
    if text == "":
        return None
    if DATE.match(text):
        return datetime.date.fromisoformat(text)
    if INTEGER.match(text):
        return int(text)
    if DECIMAL.match(text):
        return float(text)
    return text


def main(source, out, sheet):
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([f"{sheet} (exported from {source.rsplit('/', 1)[-1]})"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    ws.append([])
    ws.append(rows[0])
    for number, row in enumerate(rows[1:], start=4):
        values = [cell(text) for text in row]
        ws.append(values)
        for column, value in enumerate(values, start=1):
            if isinstance(value, datetime.date):
                ws.cell(row=number, column=column).number_format = "yyyy-mm-dd"
    book.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else "Sheet1")
