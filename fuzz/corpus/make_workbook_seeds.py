#!/usr/bin/env python3
"""Writes the small hand-made workbook seeds of fuzz/corpus/fuzz_workbook/: an xlsx and an ods
whose zip entries are stored, not deflated, so the fuzzer's mutations land in the XML itself.
The deflated fixtures copied from tests/fixtures/ingest/ sit beside them."""
import os
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz_workbook")


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, text.encode("utf-8"))


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx():
    strings = ["Enhet", "Dato", "Skala", "Punkt", "Evaluator 1", "Evaluator 2", "Konsensus", "Kommentar",
               "Bodø", "IPS-25", "B1", "B2", "ikke skåret", "Navn", "Årsverk", "IPS Bodø"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    sheet1 = (f'<worksheet xmlns="{MAIN}"><dimension ref="A1:H4"/><sheetData>'
              '<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCDEFGH")) + '</row>'
              '<row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" s="1"><v>41246</v></c><c r="C2" t="s"><v>9</v></c>'
              '<c r="D2" t="s"><v>10</v></c><c r="E2"><v>5</v></c><c r="F2"><v>4</v></c><c r="G2"><f>E2</f><v>5</v></c>'
              '<c r="H2" t="inlineStr"><is><t>god</t></is></c></row>'
              '<row r="3"><c r="A3" t="s"><v>8</v></c><c r="B3" t="str"><v>03.12.2012</v></c><c r="C3" t="s"><v>9</v></c>'
              '<c r="D3" t="s"><v>11</v></c><c r="E3" t="s"><v>12</v></c><c r="G3" t="b"><v>1</v></c></row>'
              '</sheetData><mergeCells count="1"><mergeCell ref="H3:H4"/></mergeCells></worksheet>')
    sheet2 = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>13</v></c>'
              '<c r="C1" t="s"><v>14</v></c></row><row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" t="s"><v>15</v></c>'
              '<c r="C2"><v>1.5</v></c></row></sheetData></worksheet>')
    write_zip(os.path.join(HERE, "small_stored.xlsx"), [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/_rels/workbook.xml.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
         f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
         f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        ("xl/workbook.xml",
         f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Kvalitetsmålinger" sheetId="1" r:id="rId1"/>'
         '<sheet name="Enheter" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>'),
        ("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}" count="{len(strings)}">{sst}</sst>'),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
    ])


def ods():
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

    def s(t):
        return f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'

    def n(v):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'

    def d(v):
        return f'<table:table-cell office:value-type="date" office:date-value="{v}"><text:p>{v}</text:p></table:table-cell>'

    header = "".join(s(h) for h in ["Enhet", "Dato", "Skala", "Punkt", "Evaluator 1", "Konsensus"])
    rows = (f'<table:table-row>{header}</table:table-row>'
            f'<table:table-row>{s("Bodø")}{d("2012-12-03")}{s("IPS-25")}{s("B1")}{n(5)}'
            '<table:table-cell table:formula="of:=[.E2]" office:value-type="float" office:value="5"/></table:table-row>'
            f'<table:table-row table:number-rows-repeated="2">{s("Bodø")}{d("2012-12-03T10:30:00")}{s("IPS-25")}'
            f'{s("B2")}<table:table-cell table:number-columns-repeated="2" table:number-columns-spanned="2"/></table:table-row>')
    sites = (f'<table:table-row>{s("Enhet")}{s("Navn")}{s("Oppstart")}</table:table-row>'
             f'<table:table-row>{s("Bodø")}{s("IPS Bodø")}{d("2012-09-01")}</table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
               '<office:body><office:spreadsheet>'
               f'<table:table table:name="Kvalitetsmålinger">{rows}</table:table>'
               f'<table:table table:name="Enheter">{sites}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    write_zip(os.path.join(HERE, "small_stored.ods"), [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content),
    ])


if __name__ == "__main__":
    xlsx()
    ods()
