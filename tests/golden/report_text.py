#!/usr/bin/python3
"""Turns an ipsreport output folder into reviewable text (the golden files).

    report_text.py OUT_DIR DEST_DIR

Every file of the run becomes text under DEST_DIR, at the same relative path:
  *.html  as written, except the shared <style> sheet, which is replaced by a one-line
          reference to styles/<sha256-prefix>.css (CSS is layout, not content; written once);
  *.pdf   -> *.pdf.txt, the text by `pdftotext -layout`;
  *.xlsx  -> *.xlsx.txt, every sheet's non-empty cells as a spreadsheet program displays them
          (the cell's number format applied in the report's language, see display_text), one
          row per line, cells separated by " | ", formulas shown with their cached result;
  others  (run-summary.json, run-state.toml, changes.txt, the marker) copied as they are.
The same module is imported by cross_format_check.py. Standard library + openpyxl only.
"""
import datetime
import decimal
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import openpyxl

NBSP = "\u00a0"

# How a spreadsheet program shows numbers in each report language (LibreOffice's nb-NO and
# en-US locale data): the decimal separator and the thousands separator.
LOCALES = {"nb": (",", NBSP), "en": (".", ",")}


class UnknownFormat(Exception):
    """A number format this interpreter does not know: extend display_text rather than guess."""


def _split_sections(fmt):
    """The ;-separated sections of a format code, quotes respected."""
    sections, cur, quoted = [], "", False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            sections.append(cur)
            cur = ""
        else:
            cur += ch
    sections.append(cur)
    return sections


def _round_half_away(x, decimals):
    """x rounded half away from zero as Excel and LibreOffice display it: on the decimal number
    of 15 significant digits (so the binary 4.5499999999999998 counts as 4.55)."""
    d = decimal.Decimal(format(x, ".15g"))
    q = decimal.Decimal(1).scaleb(-decimals)
    return d.quantize(q, rounding=decimal.ROUND_HALF_UP)


def _numeric_section(section, x, lang):
    """One numeric section (`#,##0.00`, `0.0%`, `+0;...`, literals in quotes) applied to |x|."""
    dec_sep, group_sep = LOCALES[lang]
    # Tokenise: quoted literals, the digit pattern, % and single literal characters.
    tokens = re.findall(r'"[^"]*"|[#0,.]+|%|\\.|.', section)
    pattern = [t for t in tokens if re.fullmatch(r"[#0,.]+", t)]
    if len(pattern) != 1:
        raise UnknownFormat(section)
    digits = pattern[0]
    if not re.fullmatch(r"(#,##)?0(\.0+)?", digits):
        raise UnknownFormat(section)
    grouped = digits.startswith("#,##")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = abs(x) * (100 if "%" in tokens else 1)
    rounded = _round_half_away(value, decimals)
    text = format(rounded, "f")
    whole, _, frac = text.partition(".")
    if grouped and len(whole) > 3:
        parts = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        parts.insert(0, whole)
        whole = group_sep.join(parts)
    number = whole + (dec_sep + frac if decimals else "")
    out = ""
    for t in tokens:
        if t == digits:
            out += number
        elif t.startswith('"'):
            out += t[1:-1]
        elif t.startswith("\\"):
            out += t[1:]
        elif t in ("%", "+", "-", " ", "(", ")", NBSP):
            out += t
        else:
            raise UnknownFormat(section)
    return out


def display_text(value, fmt, lang):
    """The text a spreadsheet program shows for a cell value under number format `fmt`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime.datetime, datetime.date)):
        if fmt == "dd.mm.yyyy":
            return value.strftime("%d.%m.%Y")
        if fmt == "yyyy-mm-dd":
            return value.strftime("%Y-%m-%d")
        raise UnknownFormat(fmt)
    if fmt == "General":
        # The renderer writes every figure with a number format; General is only for raw counts.
        if float(value).is_integer():
            return str(int(value))
        raise UnknownFormat("General for " + repr(value))
    sections = _split_sections(fmt)
    if len(sections) == 1:
        body = _numeric_section(sections[0], value, lang)
        return ("-" + body) if value < 0 else body
    if value > 0 or len(sections) == 2 and value == 0:
        return _numeric_section(sections[0], value, lang)
    if value < 0:
        return _numeric_section(sections[1], value, lang)
    return _numeric_section(sections[2], value, lang)


def report_lang(out_dir):
    with open(os.path.join(out_dir, "run-summary.json"), encoding="utf-8") as f:
        return json.load(f)["lang"]


def xlsx_sheets(path, lang):
    """[(sheet name, [[(cell ref, displayed text, formula or None), ...] per row])]."""
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in formulas.worksheets:
        wc = cached[ws.title]
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.value is None:
                    continue
                formula = c.value if isinstance(c.value, str) and c.data_type == "f" else None
                shown = wc[c.coordinate].value if formula else c.value
                cells.append((c.coordinate, display_text(shown, c.number_format, lang), formula))
            if cells:
                rows.append(cells)
        sheets.append((ws.title, rows))
    return sheets


def xlsx_text(path, lang):
    lines = []
    for title, rows in xlsx_sheets(path, lang):
        lines.append("== sheet: " + title)
        for cells in rows:
            parts = []
            for ref, shown, formula in cells:
                parts.append(f"{ref}={shown}" + (f" [{formula}]" if formula else ""))
            lines.append(" | ".join(parts))
        lines.append("")
    return "\n".join(lines)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)


def html_text(text, styles_dir):
    def replace(m):
        digest = hashlib.sha256(m.group(2).encode("utf-8")).hexdigest()[:16]
        os.makedirs(styles_dir, exist_ok=True)
        target = os.path.join(styles_dir, digest + ".css")
        if not os.path.exists(target):
            with open(target, "w", encoding="utf-8") as f:
                f.write(m.group(2))
        return f"{m.group(1)}/* golden: styles/{digest}.css */{m.group(3)}"

    return STYLE.sub(replace, text)


def convert(out_dir, dest):
    lang = report_lang(out_dir)
    for root, dirs, files in os.walk(out_dir):
        dirs.sort()
        for name in sorted(files):
            src = os.path.join(root, name)
            rel = os.path.relpath(src, out_dir)
            target = os.path.join(dest, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if name.endswith(".html"):
                with open(src, encoding="utf-8") as f:
                    text = html_text(f.read(), os.path.join(dest, "styles"))
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
            elif name.endswith(".pdf"):
                with open(target + ".txt", "w", encoding="utf-8") as f:
                    f.write(pdf_text(src))
            elif name.endswith(".xlsx"):
                with open(target + ".txt", "w", encoding="utf-8") as f:
                    f.write(xlsx_text(src, lang))
            else:
                shutil.copyfile(src, target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        convert(sys.argv[1], sys.argv[2])
    except UnknownFormat as e:
        sys.exit(f"report_text.py: unknown number format {e}: teach display_text() how "
                 "LibreOffice shows it")
