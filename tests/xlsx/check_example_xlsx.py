#!/usr/bin/python3
"""Reads the example's XLSX reports back with openpyxl (issue 17) and checks what an analyst
relies on: every chart the PDF has, with the 31/41/50 % benchmarks as series and the scatter
points labelled; formulas (SUM totals, Endring = Skår − Forrige) with their cached values; real
date and number cells; sheet names cut at a word and unique; the 95 % intervals as custom error
bars on every bar chart of employment rates, each bar running exactly from the lower to the
upper bound the table's bound columns hold (issue 19).

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


def cells_of(book, ref):
    """The values of a one-column range "'Sheet'!$B$3:$B$8", in order."""
    sheet, cells = ref.rsplit("!", 1)
    ws = book[sheet.strip("'").replace("''", "'")]
    rows = ws[cells.replace("$", "")]
    return [row[0].value if isinstance(row, tuple) else row.value for row in
            (rows if isinstance(rows, tuple) else (rows,))]


def bound_pairs(book):
    """Every (lower, upper) pair the bound columns of the table sheets hold."""
    pairs = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.endswith(", nedre grense 95 %"):
                    upper = ws.cell(cell.row, cell.column + 1)
                    for r in range(cell.row + 1, ws.max_row + 1):
                        lo, hi = ws.cell(r, cell.column).value, ws.cell(r, upper.column).value
                        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
                            pairs.append((lo, hi))
    return pairs


def check_error_bars(path, book, required):
    """Custom error bars whose lengths, read from the cells they name, put each point's ends on a
    (lower, upper) pair of the bound columns: on every employment-rate bar chart, and on the
    outcome trend's line chart (the kinds in `required` must have some)."""
    pairs = bound_pairs(book)
    points = {"BarChart": 0, "LineChart": 0}
    for sheet, chart in charts_of(book):
        kind = type(chart).__name__
        if kind not in points:
            continue
        names = series_names(chart, book)
        for n, series in enumerate(chart.series):
            where = f"{sheet}: {kind} series {names[n]!r}"
            eb = series.errBars
            if eb is None:
                if kind == "BarChart" and n == 0:
                    fail(path, f"{where}: no error bars (the 95 % intervals)")
                continue
            if eb.errValType != "cust" or eb.plus is None or eb.minus is None:
                fail(path, f"{where}: error bars of type {eb.errValType}, not custom lengths")
                continue
            values = cells_of(book, series.val.numRef.f)
            plus = cells_of(book, eb.plus.numRef.f)
            minus = cells_of(book, eb.minus.numRef.f)
            cached = {int(p.idx): float(p.v) for p in eb.plus.numRef.numCache.pt}
            if cached != {i: float(v) for i, v in enumerate(plus) if v is not None}:
                fail(path, f"{where}: cached lengths {cached} are not the cells' {plus}")
            if len(values) != len(plus) or len(values) != len(minus):
                fail(path, f"{where}: {len(values)} points, {len(plus)}/{len(minus)} lengths")
                continue
            for i, v in enumerate(values):
                if not isinstance(v, (int, float)):
                    if plus[i] is not None:
                        fail(path, f"{where}: an error bar on the withheld point {i}")
                    continue
                if plus[i] is None:
                    continue
                low, high = v - minus[i], v + plus[i]
                points[kind] += 1
                if not any(abs(low - a) < 1e-9 and abs(high - b) < 1e-9 for a, b in pairs):
                    fail(path, f"{where}: point {i} runs {low:.4f}–{high:.4f}, no interval of the tables")
    for kind in required:
        if points[kind] == 0:
            fail(path, f"no {kind} with error bars")


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
    # The all-sites trend's intervals are withheld (its counts are not published).
    check_error_bars(path, book, ("BarChart",))
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
    check_error_bars(path, book, ("BarChart", "LineChart"))
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
