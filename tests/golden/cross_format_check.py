#!/usr/bin/python3
"""Every figure of a run reads the same in HTML, PDF and XLSX.

    cross_format_check.py OUT_DIR

For every report that has all three formats, it reads only the published files:
  - HTML: every table outside a chart (caption, header, rows, footnotes), every chart's table
    of numbers (with the intervals of its error bars), and every key figure with the note
    after the key figures;
  - XLSX: the sheet whose first cell is the table's caption, each cell as a spreadsheet program
    displays it (report_text.display_text: the cell's number format in the report's language);
    a chart's numbers in the block titled with its title on the chart data sheet; key figures
    on the first sheet (label in A, value in B, a rate shown with its interval);
  - PDF: the text by `pdftotext -layout`.
and checks that each table's cells are the same text in HTML and XLSX (cell for cell), that
each row's figures appear in the PDF, in order on one line, after the table's caption, that
each key figure's value is the same in HTML and XLSX and appears in the PDF, and that every
note under a table or after key figures is in all three. Exit 1 with every difference listed.
"""
import html.parser
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_text  # noqa: E402

NBSP = "\u00a0"


def norm(text):
    """Whitespace as pdftotext gives it: any run of spaces (also no-break) is one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


class HtmlReport(html.parser.HTMLParser):
    """Tables (outside <figure>) and key figures of one HTML report."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.key_figures, self.notes = [], [], []
        self._figure_depth = 0
        self._table = None
        self._cell = None
        self._row = None
        self._caption = None
        self._in_footnotes = False
        self._footnote = None
        self._span = None  # "label" / "value" of a key figure
        self._note = None
        self._last_table = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "figure":
            self._figure_depth += 1
        elif tag == "table":
            self._table = {"caption": "", "rows": [], "footnotes": [], "in_chart": self._figure_depth > 0,
                           "heatmap": "heatmap" in cls.split()}
        elif tag == "caption" and self._table is not None:
            self._caption = ""
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        elif tag == "ul" and "footnotes" in cls.split():
            self._in_footnotes = True
        elif tag == "li" and self._in_footnotes:
            self._footnote = ""
        elif tag == "li" and "key-figure" in cls.split():
            self.key_figures.append({"label": "", "value": ""})
        elif tag == "span" and "figure-label" in cls.split():
            self._span = "label"
        elif tag == "span" and "figure-value" in cls.split():
            self._span = "value"
        elif tag == "p" and "figures-note" in cls.split():
            self._note = ""

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure_depth -= 1
        elif tag == "caption" and self._caption is not None:
            self._table["caption"] = norm(self._caption)
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table["rows"].append(self._row)
            self._row = None
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._last_table = self._table
            self._table = None
        elif tag == "li" and self._footnote is not None:
            if self._last_table is not None:
                self._last_table["footnotes"].append(norm(self._footnote))
            self._footnote = None
        elif tag == "ul" and self._in_footnotes:
            self._in_footnotes = False
        elif tag == "span":
            self._span = None
        elif tag == "p" and self._note is not None:
            self.notes.append(norm(self._note))
            self._note = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        if self._cell is not None:
            self._cell += data
        if self._footnote is not None:
            self._footnote += data
        if self._span and self.key_figures:
            self.key_figures[-1][self._span] += data
        if self._note is not None:
            self._note += data


def is_figure(text):
    """A number, a date, "<5" or "–": short, so a PDF table never wraps it."""
    return re.fullmatch(r"[-+\u2212<]?[\d., ]*\d[\d., ]*( ?%)?|<\d+|\u2013|[\d.]+", text) is not None


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def positional(cells):
    """A sheet row as a list by column, empty cells as ""."""
    row = []
    for ref, text, _ in cells:
        i = column_index(ref)
        row.extend([""] * (i + 1 - len(row)))
        row[i] = norm(text)
    return row


def pdf_lines(path):
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return [norm(line) for line in text.splitlines()]


def find_in_order(line, parts):
    # pdftotext -layout sometimes drops the narrow gap in a short "0 %": the check is about
    # digits, not its spacing heuristics.
    line = line.replace(" %", "%")
    parts = [p.replace(" %", "%") for p in parts]
    pos = 0
    for p in parts:
        i = line.find(p, pos)
        if i < 0:
            return False
        pos = i + len(p)
    return True


INTERVAL = re.compile(r"^(.*%) \((?:(.+)[\u2013-](.+)|[\u2013-])\)$")


def split_intervals(rows):
    """Rows with each "rate (low–high)" cell cut to the rate, and per row the XLSX bound cells
    expected after the table's columns: for each column that shows intervals, the two bounds,
    "–" twice where that row's rate or interval is withheld, nothing where it has no rate; None
    for a row without rates with intervals (the header, counts)."""
    columns = sorted({j for row in rows for j, c in enumerate(row) if INTERVAL.match(c)})
    out, bounds = [], []
    for row in rows:
        cells = list(row)
        found, any_interval = [], False
        for j in columns:
            m = INTERVAL.match(cells[j]) if j < len(cells) else None
            if m:
                any_interval = True
                cells[j] = m.group(1)
                found += [m.group(2), m.group(3)] if m.group(2) else ["\u2013", "\u2013"]
            elif j >= len(cells) or not cells[j]:
                found += ["", ""]  # no rate (a gap in a chart's numbers): no bounds either
            else:
                found += ["\u2013", "\u2013"]
        out.append(cells)
        bounds.append(found if any_interval else None)
    return out, bounds


def check_report(stem, lang, problems, counts):
    parser = HtmlReport()
    with open(stem + ".html", encoding="utf-8") as f:
        parser.feed(f.read())
    sheets = report_text.xlsx_sheets(stem + ".xlsx", lang)
    by_caption = {}
    for title, rows in sheets:
        if rows and rows[0] and rows[0][0][0] == "A1":
            by_caption.setdefault(norm(rows[0][0][1]), (title, rows))
    # A chart's numbers: the block on the chart data sheet titled with the chart's title (also
    # below another chart's block), compared with the HTML chart table, intervals and all.
    blocks = {}
    for title, rows in sheets:
        if title not in ("Figurdata", "Chart data"):
            continue
        for k, cells in enumerate(rows):
            if len(cells) == 1 and cells[0][0].startswith("A") and k + 1 < len(rows):
                blocks.setdefault(norm(cells[0][1]), (title, rows[k:]))
    lines = pdf_lines(stem + ".pdf")
    name = os.path.basename(stem)
    pdf_pos = 0

    for table in parser.tables:
        sheet = by_caption.get(table["caption"])
        if sheet is None and table["in_chart"]:
            sheet = blocks.get(table["caption"])
            if sheet is not None:
                counts["chart tables"] += 1
        if sheet is None:
            if not table["in_chart"]:
                problems.append(f"{name}: table '{table['caption']}' has no XLSX sheet")
            continue
        title, rows = sheet
        # The sheet: caption, header, the rows, an empty row, the footnotes.
        grid = [positional(cells) for cells in rows[1:]]
        html_rows = [[norm(c) for c in r] for r in table["rows"]]
        # A rate with its interval, "40,0 % (21,9–61,3)", is the rate's cell in the XLSX and
        # the two bounds in columns after the table's (the spreadsheet keeps numbers numbers).
        html_rows, bounds = split_intervals(html_rows)
        for i, hrow in enumerate(html_rows):
            xrow = grid[i] if i < len(grid) else []
            if bounds[i] is not None:
                extra = xrow[len(hrow):len(hrow) + len(bounds[i])]
                extra += [""] * (len(bounds[i]) - len(extra))  # empty cells at the row's end
                if [c.replace(" %", "").replace("%", "") for c in extra] != bounds[i]:
                    problems.append(f"{name}: '{table['caption']}' row {i + 1}: interval bounds "
                                    f"{bounds[i]} but XLSX {extra}")
            # After the table's own columns the XLSX may add the interval bounds (checked
            # above) and the items' comment columns, which the HTML shows under the table.
            xrow = xrow[:len(hrow)]
            while hrow and not hrow[-1] and len(hrow) > len(xrow):
                hrow = hrow[:-1]  # trailing empty cells are not written to the sheet
            counts["cells"] += len(hrow)
            counts["figures"] += sum(1 for c in hrow[1:] if is_figure(c))
            if hrow != xrow:
                problems.append(f"{name}: '{table['caption']}' row {i + 1}: HTML {hrow} "
                                f"but XLSX sheet '{title}' {xrow}")
        xnotes = [cells[0] for cells in grid[len(html_rows):] if cells and cells[0]]
        # A chart's numbers may share the chart data sheet with other charts' numbers below
        # them, so only a table sheet's notes are compared.
        if not table["in_chart"] and xnotes != table["footnotes"]:
            problems.append(f"{name}: '{table['caption']}' notes: HTML {table['footnotes']} "
                            f"but XLSX {xnotes}")
        if table["in_chart"] or table["heatmap"]:
            continue  # the PDF draws the chart (or the coloured heatmap), not the table
        # PDF: after the caption, each row's figures on one line, in order.
        start = next((j for j in range(pdf_pos, len(lines))
                      if table["caption"][:40] in lines[j]), None)
        if start is None:
            problems.append(f"{name}: table '{table['caption']}' not found in the PDF")
            continue
        pos = start
        for hrow in html_rows[1:]:
            values = [c for c in hrow[1:] if is_figure(c)]
            if not values:
                continue
            found = next((j for j in range(pos, len(lines)) if find_in_order(lines[j], values)),
                         None)
            if found is None:
                problems.append(f"{name}: '{table['caption']}' row '{hrow[0]}': {values} not "
                                f"on one line of the PDF after its caption")
                continue
            pos = found
        for note in table["footnotes"]:
            flat = " ".join(lines[start:])
            if note not in flat:
                problems.append(f"{name}: '{table['caption']}' note not in the PDF: {note}")
        pdf_pos = start

    # Key figures: label in A and value in B of the first sheet.
    first = sheets[0][1] if sheets else []
    xlsx_figures = {}
    for cells in first:
        if len(cells) >= 2 and cells[0][0].startswith("A") and cells[1][0].startswith("B"):
            xlsx_figures.setdefault(norm(cells[0][1]), norm(cells[1][1]))
    flat_pdf = " ".join(lines)
    for fig in parser.key_figures:
        label, value = norm(fig["label"]), norm(fig["value"])
        counts["key figures"] += 1
        if xlsx_figures.get(label) != value:
            problems.append(f"{name}: key figure '{label}': HTML '{value}' but XLSX "
                            f"'{xlsx_figures.get(label)}'")
        if value not in flat_pdf:
            problems.append(f"{name}: key figure '{label}' = '{value}' not in the PDF")
    xlsx_text = {norm(t) for cells in first for _, t, _ in cells}
    for note in parser.notes:
        counts["notes"] += 1
        if note not in xlsx_text:
            problems.append(f"{name}: key-figure note not in the XLSX: {note}")
        if note not in flat_pdf:
            problems.append(f"{name}: key-figure note not in the PDF: {note}")


def main(out_dir):
    lang = report_text.report_lang(out_dir)
    problems = []
    counts = {"reports": 0, "cells": 0, "figures": 0, "key figures": 0, "notes": 0,
              "chart tables": 0}
    for root, dirs, files in os.walk(out_dir):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".html") or name == "index.html":
                continue
            stem = os.path.join(root, name[: -len(".html")])
            if os.path.exists(stem + ".pdf") and os.path.exists(stem + ".xlsx"):
                counts["reports"] += 1
                check_report(stem, lang, problems, counts)
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    if problems:
        print("\n".join(problems))
        print(f"cross-format: {len(problems)} differences ({summary})")
        return 1
    if counts["reports"] == 0:
        print("cross-format: no report with HTML, PDF and XLSX found")
        return 1
    print(f"cross-format: HTML, PDF and XLSX agree ({summary})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
