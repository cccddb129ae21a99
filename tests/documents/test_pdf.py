"""Action plans as PDF, written by Tequio itself (pango + cairo + libqpdf), read back by poppler's tools,
qpdf and pandoc: the same words as the DOCX, every font embedded, a sound file, the paper's page size,
right-to-left text and emoji as text, page numbers, contents, outline and metadata, and byte-identical
runs. Needs pdftotext, pdffonts, pdfinfo, pdftoppm (poppler-utils), qpdf and pandoc.

Run alone with:  TEQUIO_BIN=.build/debug/tequio .venv-browser/bin/pytest -q tests/documents/test_pdf.py
"""
import json
import re
import shutil
import subprocess

import pytest

from .conftest import HOSTILE_CELLS, LONG, ROOT, matrix_header, run_tequio, split_rows

EXAMPLE = "oaxaca-agua-mesa-1-santa-lucia-del-camino"
BIDI_CONTROLS = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Numbers and bullets of lists: typed text in the PDF, automatic numbering in the DOCX.
LABEL = re.compile(r"\d+\.|•")
PAGE = re.compile(r"(Página|Page) (\d+) (de|of) (\d+)")


def run(*args):
    return subprocess.run([*map(str, args)], capture_output=True, text=True, check=True).stdout


def words(text):
    return [w.casefold() for w in BIDI_CONTROLS.sub("", text).split() if not LABEL.fullmatch(w)]


def raw_pages(pdf):
    """pdftotext's text of each page in the order it was drawn (-raw)."""
    return run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split("\f")[:-1]


def pandoc_words(docx):
    """The DOCX's words in document order as pandoc reads them (tables row by row, cell by cell), without
    the logo's text alternative or the table's caption (neither is shown on the page); and the words of
    the first table's header row."""
    ast = json.loads(run("pandoc", "-f", "docx", "-t", "json", docx))
    out, header = [], []

    def walk(node, into):
        if isinstance(node, dict):
            kind = node.get("t")
            if kind == "Str":
                into.append(node["c"])
            elif kind == "Image":
                return
            elif kind == "Table":
                _, _, _, head, bodies, foot = node["c"]
                if not header:
                    walk(head, header)
                for part in (head, bodies, foot):
                    walk(part, into)
            else:
                for value in node.values():
                    walk(value, into)
        elif isinstance(node, list):
            for value in node:
                walk(value, into)

    walk(ast["blocks"], out)
    return words(" ".join(out)), words(" ".join(header))


@pytest.fixture(scope="module")
def pdfs(workspace, hostile):
    out = workspace / "pdf-dist"
    result = run_tequio("assemble", "examples/matrices", "--module", "modules/oaxaca-agua", "--format", "pdf,docx", "--compendium", "-o", out)
    assert result.returncode == 0, result.stderr
    module, matrix = hostile
    result = run_tequio("assemble", matrix, "--module", module, "--format", "pdf,docx", "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_example_plan_has_the_words_of_its_docx_in_the_same_order(pdfs):
    expected, labels = pandoc_words(pdfs / f"{EXAMPLE}.docx")
    pages = raw_pages(pdfs / f"{EXAMPLE}.pdf")
    running = words(pdfs.joinpath(f"{EXAMPLE}.pdf").name and "Plan de acción: Mesa 1 · Santa Lucía del Camino")
    got, seen_table = [], False
    for i, page in enumerate(pages):
        w = words(page)
        if i == 0:
            assert "página" not in w, "the cover has no footer"
        else:
            footer = words(f"Página {i + 1} de {len(pages)}")
            assert w[-len(footer):] == footer, f"page {i + 1}: no footer"
            w = w[:-len(footer)]
            assert w[-len(running):] == running, f"page {i + 1}: no running header"
            w = w[:-len(running)]
        # The matrix header row repeats at the top of each page of the table.
        if seen_table and w[:len(labels)] == labels:
            w = w[len(labels):]
        if " ".join(labels) in " ".join(w):
            seen_table = True
        got += w
    assert seen_table
    if got != expected:
        first = next(i for i, (a, b) in enumerate(zip(got + [None], expected + [None])) if a != b)
        pytest.fail(f"words differ at {first}: PDF {got[first - 5:first + 10]} DOCX {expected[first - 5:first + 10]}")


def test_no_matrix_row_is_split_across_pages(pdfs, example_matrices):
    for m in example_matrices:
        header = matrix_header(pdfs / f"{m.base_name}.docx")[1]
        assert split_rows(pdfs / f"{m.base_name}.pdf", [m], header) == [], m.base_name
    header = matrix_header(pdfs / "oaxaca-agua-mesa-1-santa-lucia-del-camino.docx")[1]
    assert split_rows(pdfs / "oaxaca-agua-compendium.pdf", example_matrices, header) == []


def test_every_font_is_embedded_and_qpdf_finds_nothing(pdfs):
    files = sorted(pdfs.glob("*.pdf"))
    assert len(files) == 6
    for pdf in files:
        fonts = run("pdffonts", pdf).splitlines()[2:]
        assert fonts, pdf.name
        for line in fonts:
            assert line.split()[-5] == "yes", f"{pdf.name}: not embedded: {line}"
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, f"{pdf.name}: {check.stdout}{check.stderr}"


def info(pdf):
    return dict(line.split(":", 1) for line in run("pdfinfo", "-isodates", pdf).splitlines() if ":" in line)


def test_letter_pages_a_sane_count_and_the_metadata(pdfs):
    for pdf in pdfs.glob("oaxaca-agua-mesa-*.pdf"):
        meta = info(pdf)
        assert meta["Page size"].split()[:3] == ["612", "x", "792"], pdf.name
        pages = int(meta["Pages"])
        assert 4 <= pages <= 15, f"{pdf.name}: {pages} pages"
        last = raw_pages(pdf)[-1]
        assert PAGE.search(last).group(2, 4) == (str(pages), str(pages))
    meta = info(pdfs / f"{EXAMPLE}.pdf")
    assert meta["Title"].strip() == "Plan de acción: Mesa 1 · Santa Lucía del Camino"
    assert meta["Author"].strip() == "Mesa 1 · Santa Lucía del Camino"
    assert meta["Keywords"].strip() == "oaxaca-agua, Santa Lucía del Camino"
    assert meta["Creator"].strip().startswith("Tequio")
    assert meta["Subject"].strip().startswith("Transparencia y rendición de cuentas en el agua")
    assert meta["CreationDate"].strip() == "2011-12-09T18:42:10Z"
    assert meta["ModDate"].strip() == "2012-03-14T16:05:31Z"
    catalogue = run("qpdf", "--show-object=trailer", pdfs / f"{EXAMPLE}.pdf")
    root = re.search(r"/Root (\d+) 0 R", catalogue).group(1)
    assert "/Lang (es)" in run("qpdf", f"--show-object={root}", pdfs / f"{EXAMPLE}.pdf")


def test_landscape_pages_for_the_matrix(pdfs):
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", "-f", "1", "-l", "99", pdfs / f"{EXAMPLE}.pdf"))
    assert ("792", "612") in sizes and sizes[0] == ("612", "792")


def test_a4_branding_gives_a4_pages(workspace):
    branding = workspace / "branding-a4"
    shutil.copytree(ROOT / "templates" / "documents", branding)
    config = json.loads((branding / "branding.json").read_text("utf-8"))
    config["paper"] = "a4"
    (branding / "branding.json").write_text(json.dumps(config), "utf-8")
    out = workspace / "pdf-a4"
    result = run_tequio("assemble", f"examples/matrices/{EXAMPLE}-2012-03-14.xml", "--module", "modules/oaxaca-agua",
                        "--format", "pdf", "--branding", branding, "-o", out)
    assert result.returncode == 0, result.stderr
    size = info(out / f"{EXAMPLE}.pdf")["Page size"].split()
    assert abs(float(size[0]) - 595.3) < 0.1 and abs(float(size[2]) - 841.9) < 0.1, size


def test_right_to_left_text_and_emoji_survive(pdfs):
    pdf = next(pdfs.glob("hostil-*.pdf"))
    text = BIDI_CONTROLS.sub("", run("pdftotext", "-enc", "UTF-8", pdf, "-"))
    flat = re.sub(r"\s+", "", text)
    for cell in ("beneficiaries", "affected"):
        for word in HOSTILE_CELLS[cell].split():
            assert word.strip(",") in text, f"{cell}: {word!r} missing"
    for emoji in ("💧", "🚰", "🌾"):
        assert emoji in text, f"{emoji} missing"
    assert "<script>alert(1)</script>" in flat
    assert "FIN-DE-CELDA" in flat
    # The 5,000-character cell runs over several pages (in the matrix, then in its problem's section),
    # every word once.
    docx = " ".join(pandoc_words(pdf.with_suffix(".docx"))[0])
    assert LONG.count("licitación") == 93
    assert text.count("licitación") == docx.count("licitación") == 2 * 93
    assert len(raw_pages(pdf)) >= 4


def test_latin_plans_are_written_directly_and_right_to_left_ones_by_pango_and_cairo(pdfs):
    """Tequio's own writer (HarfBuzz, no cairo) writes the documents whose text it lays out as pango would;
    pango and cairo write the others (right-to-left text, emoji)."""
    assert "cairo" not in info(pdfs / f"{EXAMPLE}.pdf").get("Producer", "")
    assert "cairo" not in info(pdfs / "oaxaca-agua-compendium.pdf").get("Producer", "")
    assert "cairo" in info(next(pdfs.glob("hostil-*.pdf")))["Producer"]


def test_the_compendium_contents_show_the_pages_of_their_chapters(pdfs):
    pdf = pdfs / "oaxaca-agua-compendium.pdf"
    pages = raw_pages(pdf)
    entries = [m.groups() for m in re.finditer(r"^(.+?) (\d+)$", pages[1], re.M) if not PAGE.search(m.group(0))]
    # Introduction, summary, four chapters, next steps, approval.
    assert len(entries) == 8, pages[1]
    for title, number in entries:
        page = pages[int(number) - 1]
        assert re.sub(r"\s+", " ", title) in re.sub(r"\s+", " ", page), f"{title!r} is not on page {number}"
    outline = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf))["outlines"]
    assert [o["title"] for o in outline][:2] == ["Introducción", "Resumen de los planes"]
    assert [o["title"] for o in outline][-2:] == ["Próximos pasos", "Aprobación del comité"]
    assert [o["destpageposfrom1"] for o in outline] == [int(n) for _, n in entries]
    # Each entry is a link to its chapter's page.
    data = json.loads(run("qpdf", "--json", "--json-key=qpdf", "--json-key=pages", pdf))
    objects = data["qpdf"][1]
    page_objects = [p["object"] for p in data["pages"]]
    links = [objects[f"obj:{a}"]["value"] for a in objects[f"obj:{page_objects[1]}"]["value"]["/Annots"]]
    assert [link["/Subtype"] for link in links] == ["/Link"] * len(entries)
    assert [page_objects.index(link["/Dest"][0]) + 1 for link in links] == [int(n) for _, n in entries]


def test_the_plan_outline_follows_its_headings(pdfs):
    outline = json.loads(run("qpdf", "--json", "--json-key=outlines", pdfs / f"{EXAMPLE}.pdf"))["outlines"]
    assert [o["title"] for o in outline] == [
        "Introducción", "Resumen del plan", "Matriz de reforma del plan de acción municipal", "Problemas y acciones", "Próximos pasos",
        "Aprobación"]
    problems = outline[3]["kids"]
    assert [p["title"] for p in problems] == [
        "Problema 1: Calendario de tandeo", "Problema 2: Tarifa y uso de lo cobrado", "Problema 3: Contratos de obra sin información",
        "Problema 4: Quejas sin registro ni respuesta"]
    assert [k["title"] for k in problems[0]["kids"]][:1] == ["Quién se beneficia del problema"]


def test_the_plan_is_tagged_for_screen_readers_in_reading_order(pdfs):
    pdf = pdfs / f"{EXAMPLE}.pdf"
    assert info(pdf)["Tagged"].strip() == "yes"
    tree = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True)
    assert "Syntax Warning" not in tree.stderr, tree.stderr
    lines = tree.stdout.splitlines()
    assert lines[0] == "Document"
    elements = [line.split()[0] for line in lines[1:] if line.startswith("  ") and not line.startswith("    ")]
    assert {"H1", "H2", "P"} <= set(elements), set(elements)
    headings = [lines[i + 1].strip().strip('"') for i, line in enumerate(lines[:-1]) if line.strip().startswith("H2 ")]
    assert headings[:2] == ["Introducción", "Resumen del plan"], headings
    # The matrix is a table of rows of header and data cells, one table element per page it is on.
    assert "Table" in elements
    structure = [line.strip().split()[0] for line in lines if line.strip() and not line.strip().startswith('"')]
    table = structure.index("Table")
    assert structure[table + 1:table + 3] == ["TR", "TH"], structure[table:table + 5]
    first = lines[[i for i, line in enumerate(lines) if line.strip() == "TH"][0] + 2].strip().strip('"')
    assert first.startswith("Problemas y prioridades"), first
    assert structure.count("TD") >= 6 * 4, "every cell of the matrix's rows"


def test_two_runs_give_the_same_bytes(workspace, pdfs):
    again = workspace / "pdf-again"
    result = run_tequio("assemble", "examples/matrices", "--module", "modules/oaxaca-agua", "--format", "pdf", "--compendium", "-o", again)
    assert result.returncode == 0, result.stderr
    for pdf in again.glob("*.pdf"):
        assert pdf.read_bytes() == (pdfs / pdf.name).read_bytes(), pdf.name


def test_every_page_renders(workspace, pdfs):
    images = workspace / "pdf-png"
    images.mkdir()
    run("pdftoppm", "-r", "40", "-png", pdfs / f"{EXAMPLE}.pdf", images / "page")
    pngs = sorted(images.glob("*.png"))
    assert len(pngs) == int(info(pdfs / f"{EXAMPLE}.pdf")["Pages"])
    assert all(p.stat().st_size > 1500 for p in pngs)


def read_pgm(data):
    """A binary (P5) grey map from pdftoppm -gray: (width, height, pixels)."""
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5" and fields[3] == b"255", fields[:4]
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][: width * height]


def test_the_example_plan_looks_like_its_reviewed_reference_pages(workspace, pdfs):
    """Each page rendered at 20 dpi in grey against the page images a person looked at and accepted
    (tests/documents/reference/pdf/, re-recorded with TEQUIO_RECORD_GOLDEN=1 and looked at again)."""
    import gzip
    import os

    reference = ROOT / "tests" / "documents" / "reference" / "pdf"
    images = workspace / "pdf-pgm"
    images.mkdir()
    run("pdftoppm", "-r", "20", "-gray", pdfs / f"{EXAMPLE}.pdf", images / "page")
    pages = sorted(images.glob("*.pgm"))
    if os.environ.get("TEQUIO_RECORD_GOLDEN"):
        shutil.rmtree(reference, ignore_errors=True)
        reference.mkdir(parents=True)
        for page in pages:
            (reference / f"{page.stem}.pgm.gz").write_bytes(gzip.compress(page.read_bytes(), mtime=0))
    expected = sorted(reference.glob("*.pgm.gz"))
    assert [p.name for p in expected] == [f"{p.stem}.pgm.gz" for p in pages], "the page count changed"
    for page, accepted in zip(pages, expected):
        w, h, got = read_pgm(page.read_bytes())
        rw, rh, want = read_pgm(gzip.decompress(accepted.read_bytes()))
        assert (w, h) == (rw, rh), page.name
        differing = sum(1 for a, b in zip(got, want) if abs(a - b) > 64)
        assert differing <= len(got) // 200, f"{page.name}: {differing} of {len(got)} pixels differ from the reviewed page"
