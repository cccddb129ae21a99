"""The print kit prints correctly: headless Chromium prints each document to PDF, pdfinfo checks
the page size and orientation, pdftotext finds the texts, and pdftoppm saves PNGs of the first pages
in test-artifacts/facetoface/ to look at."""
import hashlib
import re
import shutil
import subprocess
import zipfile

import pytest

from .conftest import ARTIFACTS, build

A4 = (595, 842)
LETTER = (612, 792)
A3_LANDSCAPE = (1191, 842)
TABLOID_LANDSCAPE = (1224, 792)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("Chromium is not installed: run scripts/install-deps")


def print_pdf(html, pdf):
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, timeout=120)
    assert pdf.is_file() and pdf.stat().st_size > 1000, f"Chromium did not print {html.name}"
    return pdf


def pdf_info(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    return (round(float(size.group(1))), round(float(size.group(2)))), pages


def pdf_text(pdf):
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text).casefold()


def snapshot(pdf, name, pages=2):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", str(pages), str(pdf), str(ARTIFACTS / name)],
                   check=True)
    return sorted(ARTIFACTS.glob(f"{name}*.png"))


def assert_size(actual, expected):
    assert abs(actual[0] - expected[0]) <= 2 and abs(actual[1] - expected[1]) <= 2, f"page size {actual}, expected {expected}"


DOCUMENTS = {
    "handbook-es": (A4, ["Manual para participantes", "Contenido", "El enfoque de Aprendizaje en Acción",
                         "¿Qué saben las personas usuarias de su servicio? (%)", "Santa Lucía del Camino",
                         "Preguntas para la discusión", "Mis notas", "Glosario", "Coalición pro-reforma"]),
    "facilitator-guide-es": (A4, ["Guía para facilitadores", "Agenda", "Día 1", "Día 2", "9:00–10:30",
                                  "Cómo organizar las mesas de trabajo", "Notas para quien presenta",
                                  "Abra preguntando quién ha participado", "Para animar la discusión",
                                  "tequio import"]),
    "matrix-plan-es": (A3_LANDSCAPE, ["Matriz de reforma del plan de acción municipal", "Problemas y prioridades de reforma",
                                      "Resultados esperados", "Mesa", "Municipio", "Integrantes", "obligatoria"]),
    "sign-up-es": (A4, ["Mesa 1", "Mesa 8", "Registro de mesas de trabajo", "Relatoría", "Sociedad civil", "Firma"]),
    "handbook-en": (A4, ["Participant handbook", "Contents", "The Action Learning approach", "Glossary"]),
    "facilitator-guide-en": (A4, ["Facilitator guide", "Speaker notes", "How to set up the working tables"]),
    "matrix-plan-en": (A3_LANDSCAPE, ["Problems and reform priorities", "Expected results", "required"]),
    "sign-up-en": (A4, ["Table 1", "Working-table sign-up sheet", "Rapporteur"]),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_document_prints_with_its_page_size_and_texts(kit, tmp_path, name):
    size, texts = DOCUMENTS[name]
    pdf = print_pdf(kit / f"{name}.html", tmp_path / f"{name}.pdf")
    actual, pages = pdf_info(pdf)
    assert_size(actual, size)
    text = pdf_text(pdf)
    for expected in texts:
        assert expected.casefold() in text, f"{name}: '{expected}' not found in the printed PDF"
    if name.startswith("matrix-"):
        assert pages == 1, f"the blank matrix should fit on one {size} sheet, got {pages} pages"
    if name == "sign-up-es":
        assert pages == 8, "one sign-up page per working table"
    assert snapshot(pdf, name, pages=2 if pages > 1 else 1)


def test_the_kit_lists_every_document_and_the_spreadsheets(kit):
    index = (kit / "index.html").read_text("utf-8")
    for name in DOCUMENTS:
        assert f'href="{name}.html"' in index
    for ext in ("xlsx", "ods"):
        assert f"spreadsheets/oaxaca-agua-1.0.0-plan-es.{ext}" in index
        assert (kit / "spreadsheets" / f"oaxaca-agua-1.0.0-plan-es.{ext}").is_file()
    assert (kit / "media" / "fases-es.png").is_file()
    assert "@page" in (kit / "handbook-es.html").read_text("utf-8")


def test_letter_paper_prints_on_letter_and_the_matrix_on_tabloid(tmp_path):
    out = build(tmp_path / "dist", targets="print", options=("--paper", "letter", "--tables", "3"))
    folder = tmp_path / "kit"
    with zipfile.ZipFile(out / "oaxaca-agua-1.0.0-print.zip") as z:
        z.extractall(folder)
    size, _ = pdf_info(print_pdf(folder / "handbook-es.html", tmp_path / "h.pdf"))
    assert_size(size, LETTER)
    size, pages = pdf_info(print_pdf(folder / "matrix-plan-es.html", tmp_path / "m.pdf"))
    assert_size(size, TABLOID_LANDSCAPE)
    assert pages == 1
    _, pages = pdf_info(print_pdf(folder / "sign-up-es.html", tmp_path / "s.pdf"))
    assert pages == 3


def test_rebuilds_are_byte_identical(dist, tmp_path):
    again = build(tmp_path / "again")
    for name in ("oaxaca-agua-1.0.0-print.zip", "oaxaca-agua-1.0.0-sheets.zip"):
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == hashlib.sha256((again / name).read_bytes()).hexdigest(), name
