"""Action plans read back by other programs: LibreOffice (PDF, then pdftotext), pandoc and python-docx.
Each must find the whole matrix: every row, every cell's text."""
import json
import re
import subprocess
import zipfile

import docx
import pytest

from .conftest import HOSTILE_CELLS, LONG, ROOT, Matrix, lines, matrix_header, split_rows, squeezed


RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def normalised(text):
    """Text without white space, hyphens (typed, or added at a line end) or bidi controls, for substring
    checks."""
    return squeezed(text)


def found(line, text):
    """True when `line` is in the normalised `text`. Right-to-left lines come out of a PDF in visual
    order (numbers and words moved), so for them every word must be there."""
    if RTL.search(line):
        return all(normalised(word.strip(",.;:")) in text for word in line.split())
    return normalised(line) in text


def pdf_text(pdf, furniture):
    """The PDF's text with the page furniture removed: running header, page numbers and the matrix
    header row that repeats on every page (so that a cell broken across pages reads as one)."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in raw.split("\f"):
        kept = [l for l in page.split("\n") if not re.fullmatch(r"\s*(Página|Page) \d+ (de|of) \d+\s*", l)]
        pages.append(normalised("\n".join(kept)))
    text = "".join(pages)
    for piece in furniture:
        text = text.replace(normalised(piece), "")
    return text


def test_libreoffice_converts_every_docx_and_odt(documents):
    missing = [str(p.name) for p, pdf in documents["pdfs"].items() if not pdf.is_file() or pdf.stat().st_size < 1000]
    assert missing == [], "LibreOffice could not convert (it exits 0 even then)"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_pdf_has_every_cell_of_every_example_plan(documents, example_matrices, fmt):
    dist = documents["dist"]
    for m in example_matrices:
        doc = dist / f"{m.base_name}.{fmt}"
        text = pdf_text(documents["pdfs"][doc], matrix_header(dist / f"{m.base_name}.docx"))
        absent = [line[:70] for line in m.cell_lines if normalised(line) not in text]
        assert absent == [], f"{doc.name}: not in the PDF"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_compendium_pdf_has_every_plan(documents, example_matrices, fmt):
    dist = documents["dist"]
    pdf = documents["pdfs"][dist / f"oaxaca-agua-compendium.{fmt}"]
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    furniture = matrix_header(dist / "oaxaca-agua-compendium.docx")
    for m in example_matrices:
        furniture += matrix_header(dist / f"{m.base_name}.docx")[1:]
    text = pdf_text(pdf, furniture)
    for m in example_matrices:
        absent = [line[:70] for line in m.cell_lines if normalised(line) not in text]
        assert absent == [], f"compendium ({fmt}): {m.table}"
    # Contents with page numbers computed by the word processor, and the summary table.
    contents = raw.split("Contenido", 1)[1].split("\f", 1)[0]
    assert re.search(r"Mesa 1 · Santa Lucía del Camino\.{3,}\s*\d+", contents), contents
    assert "Resumen de los planes" in raw


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_libreoffice_never_splits_a_matrix_row_across_pages(documents, example_matrices, fmt):
    """Rows are kept together (DOCX `w:cantSplit`, ODT `fo:keep-together`): every row's text is on one
    page of the matrix, in each plan and in the compendium, as LibreOffice lays them out."""
    dist = documents["dist"]
    for m in example_matrices:
        header = matrix_header(dist / f"{m.base_name}.docx")[1]
        assert split_rows(documents["pdfs"][dist / f"{m.base_name}.{fmt}"], [m], header) == [], m.base_name
    compendium = dist / f"oaxaca-agua-compendium.{fmt}"
    header = matrix_header(dist / "oaxaca-agua-mesa-1-santa-lucia-del-camino.docx")[1]
    assert split_rows(documents["pdfs"][compendium], example_matrices, header) == []


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_hostile_text_survives_into_the_pdf(documents, fmt):
    doc = documents["dist"] / f"hostil-mesa-7-n.{fmt}"
    text = pdf_text(documents["pdfs"][doc], matrix_header(documents["dist"] / "hostil-mesa-7-n.docx"))
    for column, cell in HOSTILE_CELLS.items():
        for line in lines(cell, column.endswith("-actions")):
            if any(ord(c) > 0xFFFF for c in line):
                continue  # emoji: fonts without them print boxes; the Swift tests check the text
            assert found(line, text), f"{column}: {line[:60]}"
    assert normalised("FIN-DE-CELDA") in text


def pandoc_json(path, reader):
    out = subprocess.run(["pandoc", "-f", reader, "-t", "json", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def stringify(node):
    if isinstance(node, dict):
        t, c = node.get("t"), node.get("c")
        if t == "Str":
            return c
        if t in ("Space", "SoftBreak", "LineBreak"):
            return " "
        return stringify(c)
    if isinstance(node, list):
        return "".join(stringify(x) for x in node)
    return ""


def tables(ast):
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Table":
                found.append(node["c"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(ast["blocks"])
    return found


def rows_of(table):
    """(header rows, body rows) of a pandoc table, each row a list of cell texts."""
    _, _, _, head, bodies, _ = table
    def cells(row):
        return [stringify(cell[4]) for cell in row[1]]
    header = [cells(r) for r in head[1]]
    body = [cells(r) for b in bodies for r in b[2] + b[3]]
    return header, body


@pytest.mark.parametrize("fmt,reader", [("docx", "docx"), ("odt", "odt")])
def test_pandoc_round_trip_keeps_every_row(documents, example_matrices, fmt, reader):
    for m in example_matrices:
        ast = pandoc_json(documents["dist"] / f"{m.base_name}.{fmt}", reader)
        found = tables(ast)
        assert len(found) == 2, f"{m.base_name}.{fmt}: {len(found)} tables (the matrix and the signatures)"
        header, body = rows_of(found[0])
        all_rows = header + body
        # The header row (pandoc may read it as a header or as the first body row) and one row per
        # non-empty matrix row, each with every cell's text.
        assert len(all_rows) == len(m.rows) + 1, f"{m.base_name}.{fmt}"
        text = normalised(" ".join(" ".join(r) for r in all_rows))
        absent = [line[:60] for line in m.cell_lines if normalised(line) not in text]
        assert absent == [], f"{m.base_name}.{fmt}"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_pandoc_reads_the_hostile_plan_intact(documents, fmt):
    ast = pandoc_json(documents["dist"] / f"hostil-mesa-7-n.{fmt}", fmt)
    header, body = rows_of(tables(ast)[0])
    assert len(header) + len(body) == 2
    text = normalised(" ".join(" ".join(r) for r in header + body))
    for column, cell in HOSTILE_CELLS.items():
        for line in lines(cell, column.endswith("-actions")):
            assert normalised(line) in text, f"{column}: {line[:60]}"


def test_python_docx_opens_every_docx(documents, example_matrices):
    for path in [p for p in documents["packages"] if p.suffix == ".docx"]:
        d = docx.Document(str(path))
        styles = {p.style.name for p in d.paragraphs}
        assert {"Title", "Heading 1"} <= styles, f"{path.name}: {sorted(styles)}"
        assert d.core_properties.title, path.name
        assert d.core_properties.language in ("es", "en"), path.name
        assert d.tables, path.name
        for table in d.tables:
            assert table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
        sections = [s.orientation for s in d.sections]
        assert docx.enum.section.WD_ORIENT.LANDSCAPE in sections, path.name
    for m in example_matrices:
        d = docx.Document(str(documents["dist"] / f"{m.base_name}.docx"))
        assert len(d.tables[0].rows) == len(m.rows) + 1
        assert d.core_properties.language == m.language


def test_a_reference_docx_from_word_lends_its_styles(documents, reference_docx):
    styled = next(documents["styled"].glob("*.docx"))
    with zipfile.ZipFile(styled) as z, zipfile.ZipFile(reference_docx) as r:
        ours = z.read("word/styles.xml").decode()
        theirs = r.read("word/styles.xml").decode()
        assert "word/theme/theme1.xml" in z.namelist()
        # pandoc's reference names its body text style "Body Text" with its own spacing: it is kept as is.
        assert 'w:styleId="BodyText"' in theirs and 'w:styleId="BodyText"' in ours
        styles = z.read("word/styles.xml")
    xsd = ROOT / "schemas" / "official" / "ooxml" / "wml-driver.xsd"
    check = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", str(xsd), "-"], input=styles, capture_output=True)
    assert check.returncode == 0, check.stderr.decode()[-2000:]
    assert docx.Document(str(styled)).tables
    assert documents["pdfs"][styled].is_file()
