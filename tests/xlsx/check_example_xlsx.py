#!/usr/bin/python3
"""Reads the example's XLSX reports back with openpyxl (issue 17) and checks what an analyst
relies on: every chart the PDF has, with the 31/41/50 % benchmarks as series and the scatter
points labelled; formulas (SUM totals, Endring = Skår − Forrige) with their cached values; real
date and number cells; sheet names cut at a word and unique.

Usage: check_example_xlsx.py REPORT_FOLDER. Exit 0: all hold; 1: failures, each printed;
77 (a CTest skip): no openpyxl (Debian's python3-openpyxl).
"""
import glob
import os
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("SKIP: openpyxl not found (apt-get install python3-openpyxl)")
    sys.exit(77)

BENCHMARKS = ["Minimum 31 %", "Internasjonalt snitt 41 %", "Svært bra 50 %"]
failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")


def series_names(chart, book):
    """The legend names of a chart's series: literal, or the text of the cell referred to."""
    names = []
    for s in chart.series:
        if s.tx is None:
            names.append(None)
        elif s.tx.strRef is not None:
            sheet, cell = s.tx.strRef.f.rsplit("!", 1)
            names.append(book[sheet.strip("'").replace("''", "'")][cell.replace("$", "")].value)
        else:
            names.append(s.tx.v)
    return names


def charts_of(book):
    return [(ws.title, chart) for ws in book.worksheets for chart in ws._charts]


def check_sheet_names(path, book):
    names = [ws.title for ws in book.worksheets]
    if len({n.upper() for n in names}) != len(names):
        fail(path, f"sheet names not unique: {names}")
    for n in names:
        if len(n) > 31:
            fail(path, f"sheet name over 31 characters: {n!r}")
    # Cut mid-word (issue 17): "Andel i ordinært arbeid sammen" of "... sammenlignet".
    if "Andel i ordinært arbeid sammen" in names:
        fail(path, "sheet name cut mid-word: 'Andel i ordinært arbeid sammen'")


def check_national(path):
    book = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    check_sheet_names(path, book)
    charts = charts_of(book)
    kinds = [type(c).__name__ for _, c in charts]
    # Totals per round (the PDF's fidelity line chart), outcomes per site, and the scatter.
    if "LineChart" not in kinds:
        fail(path, f"no fidelity line chart (charts: {kinds})")
    for sheet, chart in charts:
        names = series_names(chart, book)
        if type(chart).__name__ in ("BarChart", "ScatterChart"):
            for b in BENCHMARKS:
                if b not in names:
                    fail(path, f"{sheet}: chart without the benchmark series {b!r} (series {names})")
    # The scatter points carry their services' names (openpyxl does not read label text: the
    # chart's XML is read instead).
    with zipfile.ZipFile(path) as package:
        scatter = [package.read(n).decode() for n in package.namelist()
                   if n.startswith("xl/charts/chart") and b"<c:scatterChart>" in package.read(n)]
    sites = [c.value for c in book["Kvalitet og sysselsetting"]["A"][2:] if c.value]
    labels = re.findall(r"<c:dLbl>.*?<a:t>(.*?)</a:t>.*?</c:dLbl>", scatter[0], re.S) if scatter else []
    if not scatter:
        fail(path, "no scatter chart")
    elif sorted(labels) != sorted(sites):
        fail(path, f"scatter points labelled {labels}, not the services {sites}")
    # 'Resultater per enhet': the total row sums the counts, with the figure cached.
    ws, wc = book["Resultater per enhet"], cached["Resultater per enhet"]
    total_row = next((r for r in range(3, ws.max_row + 1)
                      if isinstance(ws.cell(r, 2).value, str) and ws.cell(r, 2).value.startswith("=")), None)
    if total_row is None:
        fail(path, "'Resultater per enhet': no formula in the total row")
    else:
        formula = ws.cell(total_row, 2).value
        if not re.fullmatch(r"=SUM\(B3:B\d+\)", formula):
            fail(path, f"'Resultater per enhet' B{total_row}: {formula!r} is not a SUM of the column")
        parts = [wc.cell(r, 2).value for r in range(3, total_row)]
        if wc.cell(total_row, 2).value != sum(p for p in parts if isinstance(p, (int, float))):
            fail(path, f"'Resultater per enhet' B{total_row}: cached {wc.cell(total_row, 2).value!r}, not the sum")


def check_review(path):
    book = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    check_sheet_names(path, book)
    # Item sheets: Endring = Skår − Forrige, as a formula with the change cached.
    ws, wc = book["Bemanning"], cached["Bemanning"]
    header = [c.value for c in ws[2]]
    if "Endring" in header:
        col = header.index("Endring") + 1
        score, previous = header.index("Skår") + 1, header.index("Forrige") + 1
        letter = openpyxl.utils.get_column_letter
        formulas = 0
        for r in range(3, ws.max_row + 1):
            v = ws.cell(r, col).value
            if v is None:
                continue
            if not isinstance(v, str) or v != f"={letter(score)}{r}-{letter(previous)}{r}":
                fail(path, f"Bemanning {letter(col)}{r}: {v!r} is not Skår − Forrige")
                continue
            formulas += 1
            if wc.cell(r, col).value != wc.cell(r, score).value - wc.cell(r, previous).value:
                fail(path, f"Bemanning {letter(col)}{r}: cached {wc.cell(r, col).value!r} is not the change")
        if formulas == 0:
            fail(path, "Bemanning: no change formulas")
    # The review's date on the report sheet is a date cell.
    ws = book["Rapport"]
    dates = [row[1] for row in ws.iter_rows(min_row=1, max_row=40) if row[0].value == "Dato"]
    if not dates or not dates[0].is_date:
        fail(path, f"Rapport: 'Dato' is not a date cell ({dates[0].value if dates else None!r})")
    # "3 / 3" items scored: a number (shown as before by its format), not text.
    ws = book["Seksjon"]
    for row in ws.iter_rows(min_row=3):
        for c in row:
            if isinstance(c.value, str) and re.fullmatch(r"\d+ / \d+", c.value):
                fail(path, f"Seksjon {c.coordinate}: {c.value!r} stored as text")
    # Every chart the PDF has: the item profile.
    if not charts_of(book):
        fail(path, "no chart")
    # Item sheets carry the comments and recommendations under the items in the PDF.
    notes = 0
    for ws in book.worksheets:
        header = [c.value for c in ws[2]] if ws.max_row >= 2 else []
        if header[:2] != ["Kode", "Punkt"]:
            continue
        for label in ("Kommentar", "Anbefalinger"):
            if label in header:
                col = header.index(label) + 1
                for r in range(3, ws.max_row + 1):
                    v = ws.cell(r, col).value
                    if v:
                        notes += 1
                        if v.startswith(label + ":"):
                            fail(path, f"{ws.title} {ws.cell(r, col).coordinate}: label left in {v!r}")
    return notes


def check_halvarsrapport(path):
    book = openpyxl.load_workbook(path)
    check_sheet_names(path, book)
    charts = charts_of(book)
    lines = [c for _, c in charts if type(c).__name__ == "LineChart"]
    # The fidelity chart (totals per round) and the outcome trend are both line charts.
    if len(lines) < 2:
        fail(path, f"{len(lines)} line charts, not the fidelity chart and the outcome trend")
    for sheet, chart in charts:
        names = series_names(chart, book)
        if sheet != "Figurdata" or type(chart).__name__ != "LineChart":
            outcome = any(n and "arbeid" in str(n) for n in names)
            if outcome:
                for b in BENCHMARKS:
                    if b not in names:
                        fail(path, f"{sheet}: outcome chart without the benchmark series {b!r}")


def main():
    folder = sys.argv[1]
    national = glob.glob(os.path.join(folder, "nasjonal-sammenstilling-*.xlsx"))
    reviews = sorted(glob.glob(os.path.join(folder, "*", "kvalitetsrapport-*.xlsx")))
    halves = sorted(glob.glob(os.path.join(folder, "*", "halvarsrapport-*.xlsx")))
    if not national or not reviews or not halves:
        print(f"check_example_xlsx: reports missing in {folder}")
        return 2
    for path in national:
        check_national(path)
    notes = sum(check_review(path) for path in reviews)
    if notes == 0:
        fail(folder, "no review's item sheets have Kommentar or Anbefalinger columns")
    for path in halves:
        check_halvarsrapport(path)
    for f in failures:
        print(f)
    print(f"xlsx: {len(national) + len(reviews) + len(halves)} workbooks read back, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
