"""The print kit's PDFs are what a print shop takes as they are: pdfinfo finds the paper (A4 or Letter,
the blank matrix on A3 or Tabloid landscape) and a plausible page count, pdffonts every font embedded,
qpdf --check no damage; pdftotext finds each piece's words in its one language, no page but a cover
holding a line or two, the handbook's and the guide's contents giving the pages their headings are
on, and no text under 8 points. pdftoppm saves PNGs of the pages in test-artifacts/facetoface/ to
look at."""
import hashlib
import re
import subprocess
import zipfile

import pytest

from .conftest import ARTIFACTS, build

A4 = (595, 842)
LETTER = (612, 792)
A3_LANDSCAPE = (1191, 842)
TABLOID_LANDSCAPE = (1224, 792)


def run(*args):
    return subprocess.run(list(map(str, args)), capture_output=True, text=True, check=True).stdout


def page_sizes(pdf):
    out = run("pdfinfo", "-f", "1", "-l", "999", pdf)
    return [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def pages(pdf):
    """The text of each page, in reading order and laid out as on the page."""
    return run("pdftotext", "-layout", pdf, "-").split("\f")[:-1]


def flat(text):
    return re.sub(r"\s+", " ", text)


def words(pdf):
    """The text in reading order (a table cell's lines together), spaces collapsed, letter case folded:
    small capitals are set as capitals."""
    return flat(run("pdftotext", pdf, "-")).casefold()


def snapshot(pdf, name, last=3):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", last, pdf, ARTIFACTS / name)


# Per piece: its paper, the fewest and most pages, words it must show, and words of the other
# language it must not (labels of the kit, the charts' legends, the agenda's breaks).
DOCUMENTS = {
    "handbook-es": (A4, (12, 40), ["Manual para participantes", "Contenido", "Sobre este material", "Unidad 1. El enfoque de Aprendizaje en Acción",
                                   "Sabe cómo se calcula su tarifa (%)", "Santa Lucía del Camino", "Preguntas para la discusión", "Mis notas",
                                   "Glosario", "Coalición pro-reforma", "Organizan", "Con el apoyo de", "Transparencia Mexicana",
                                   "Oaxaca de Juárez, Oaxaca, México", "del 8 al 9 de diciembre de 2011", "Página 3 de"],
                    ["Contents", "Glossary", "My notes", "Knows how their tariff", "Discussion questions", "Page ", "Organised by",
                     "Participating municipalities", "Presented by"]),
    "facilitator-guide-es": (A4, (6, 20), ["Guía para facilitadores", "Agenda", "Día 1 · 8 de diciembre de 2011", "Día 2 · 9 de diciembre de 2011",
                                           "9:00–10:30", "Receso para café", "10:30–10:45", "Comida", "12:45–13:45",
                                           "Cómo organizar las mesas de trabajo", "Abra preguntando quién ha participado",
                                           "Para animar la discusión", "tequio import"],
                             ["Coffee break", "Lunch", "Day 1", "Speaker", "Sin notas", "≈"]),
    "matrix-plan-es": (A3_LANDSCAPE, (1, 1), ["Matriz de reforma del plan de acción municipal", "Problemas y prioridades de reforma",
                                              "Resultados esperados", "Mesa", "Municipio", "Integrantes", "obligatoria"],
                       ["máx", "caracteres", "1500", "required", "Members"]),
    "sign-up-es": (A4, (8, 8), ["Mesa 1", "Mesa 8", "Registro de mesas de trabajo", "Relatoría", "Sociedad civil", "Firma",
                                "Fecha: del 8 al 9 de diciembre de 2011", "Lugar: Oaxaca de Juárez", "Aviso de privacidad",
                                "Gobierno del Estado de Oaxaca y Banco Mundial", "borrar sus datos"],
                   ["Privacy", "Table 1", "Signature", "Page "]),
    "handbook-en": (A4, (12, 40), ["Participant handbook", "Contents", "The Action Learning approach", "Glossary",
                                   "Knows how their tariff is calculated (%)", "My notes", "Organised by", "8 to 9 December 2011", "Page 3 of"],
                    ["Contenido", "Glosario", "Mis notas", "Sabe cómo", "Preguntas para", "Página", "Organizan", "Municipios participantes"]),
    "facilitator-guide-en": (A4, (6, 20), ["Facilitator guide", "Agenda", "Speaker notes", "Day 1 · 8 December 2011", "Coffee break",
                                           "Lunch", "How to set up the working tables"],
                             ["Receso", "Comida", "Día 1", "No notes", "≈"]),
    "matrix-plan-en": (A3_LANDSCAPE, (1, 1), ["Problems and reform priorities", "Expected results", "required"], ["max.", "characters", "obligatoria"]),
    "sign-up-en": (A4, (8, 8), ["Table 1", "Working-table sign-up sheet", "Rapporteur", "Date: 8 to 9 December 2011", "Privacy notice",
                                "Government of the State of Oaxaca and World Bank"],
                   ["Aviso", "Mesa 1", "Firma", "Página"]),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_pdf_is_ready_for_a_print_shop(kit, name):
    paper, (fewest, most), present, absent = DOCUMENTS[name]
    pdf = kit / f"{name}.pdf"
    sizes = page_sizes(pdf)
    assert fewest <= len(sizes) <= most, f"{name}: {len(sizes)} pages"
    for size in sizes:
        assert abs(size[0] - paper[0]) <= 1 and abs(size[1] - paper[1]) <= 1, f"{name}: page size {size}, expected {paper}"
    fonts = run("pdffonts", pdf).splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", line) for line in fonts), "\n".join(fonts)
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0 and "WARNING" not in check.stdout + check.stderr, check.stdout + check.stderr
    text = words(pdf)
    for expected in present:
        assert expected.casefold() in text, f"{name}: '{expected}' is not in the PDF"
    for foreign in absent:
        assert foreign.casefold() not in text, f"{name}: '{foreign}' is in the PDF"
    snapshot(pdf, name)


@pytest.mark.parametrize("name", ["handbook-es", "handbook-en", "facilitator-guide-es", "facilitator-guide-en"])
def test_no_page_but_the_cover_holds_only_a_line_or_two(kit, name):
    for number, page in enumerate(pages(kit / f"{name}.pdf")[1:], start=2):
        lines = [line for line in page.splitlines() if line.strip()]
        # The running header (one or two lines) and the footer are on every page: three lines of text besides.
        assert len(lines) >= 6, f"{name}: page {number} holds only {lines}"


@pytest.mark.parametrize("name", ["handbook-es", "handbook-en", "facilitator-guide-es"])
def test_the_contents_give_the_pages_the_headings_are_on(kit, name):
    texts = pages(kit / f"{name}.pdf")
    contents = re.search(r"^(Contenido|Contents)\n((?:.+\n)+)", texts[1], re.MULTILINE).group(2)
    entries = re.findall(r"^(\S.*?)\s{3,}(\d+)\s*$", contents, re.MULTILINE)
    assert len(entries) >= 7, texts[1]
    for title, number in entries:
        page = texts[int(number) - 1]
        lines = [flat(line).strip() for line in page.splitlines()]
        # The heading alone on its line, or its first line when it wraps (not a line of the contents).
        assert any(line == title or (len(line) > 15 and title.startswith(line)) for line in lines), \
            f"{name}: '{title}' is not on page {number}"


@pytest.mark.parametrize("name", ["handbook-es", "facilitator-guide-en", "matrix-plan-es", "sign-up-en"])
def test_no_text_is_smaller_than_8_points(kit, name):
    words = run("pdftotext", "-bbox", kit / f"{name}.pdf", "-")
    heights = [float(y1) - float(y0) for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words)]
    # Liberation Sans: a word's box is 1.116 times its size.
    assert heights and min(heights) >= 8 * 1.1, f"{name}: smallest text {min(heights) / 1.116:.1f} pt"


def test_the_action_columns_of_the_blank_matrix_are_the_widest(kit):
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', run("pdftotext", "-bbox", kit / "matrix-plan-es.pdf", "-"))
    header = min(float(y) for x, y, w in words if w == "Problemas")
    starts = sorted(float(x) for x, y, w in words if abs(float(y) - header) < 1 and w in ("Problemas", "¿Quién", "Acciones", "Resultados"))
    widths = [b - a for a, b in zip(starts, starts[1:])]
    assert len(widths) == 5, starts
    affected, government, civil = widths[2], widths[3], widths[4]
    assert government > 1.4 * affected and civil > 1.4 * affected, widths


def test_letter_paper_prints_on_letter_and_the_matrix_on_tabloid(tmp_path):
    out = build(tmp_path / "dist", targets="print", options=("--paper", "letter", "--tables", "3"))
    folder = tmp_path / "kit"
    with zipfile.ZipFile(out / "oaxaca-agua-1.0.0-print.zip") as z:
        z.extractall(folder)
    assert set(page_sizes(folder / "handbook-es.pdf")) == {LETTER}
    assert page_sizes(folder / "matrix-plan-es.pdf") == [TABLOID_LANDSCAPE]
    assert page_sizes(folder / "sign-up-es.pdf") == [LETTER] * 3
    snapshot(folder / "sign-up-en.pdf", "letter-sign-up-en", last=1)


def test_the_kit_lists_every_document_and_the_spreadsheets(kit):
    index = (kit / "index.html").read_text("utf-8")
    for name in DOCUMENTS:
        assert f'href="{name}.pdf"' in index
    for ext in ("xlsx", "ods"):
        assert f"spreadsheets/oaxaca-agua-1.0.0-plan-es.{ext}" in index
        assert (kit / "spreadsheets" / f"oaxaca-agua-1.0.0-plan-es.{ext}").is_file()
    assert not list(kit.glob("*.html"))[1:], "index.html is the kit's only page"


def test_rebuilds_are_byte_identical(dist, tmp_path):
    again = build(tmp_path / "again")
    for name in ("oaxaca-agua-1.0.0-print.zip", "oaxaca-agua-1.0.0-sheets.zip"):
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == hashlib.sha256((again / name).read_bytes()).hexdigest(), name
