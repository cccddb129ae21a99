"""Fixtures for the action-plan document tests: `tequio assemble` run on the example matrices (and on a
hostile one) with the binary named by TEQUIO_BIN, then every DOCX and ODT converted to PDF by LibreOffice
in one headless call with its own profile.

Needs LibreOffice (soffice), pdftotext, pandoc, xmllint and python-docx (scripts/install-deps installs
them). Run alone with:  TEQUIO_BIN=.build/debug/tequio .venv-browser/bin/pytest -q tests/documents
"""
import os
import pathlib
import re
import shutil
import subprocess
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NS = "{urn:tequio:completed-matrix:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ACTION_COLUMNS = {"government-actions", "civil-society-actions"}
MARKER = re.compile(r"^(?:[-–—•·*▪◦‣●○►➢✓>]+|\(?\d{1,3}(?:[.):]-?|-|–)|\(\d{1,3}\)?|[a-z]\))\s+")
ALLOWED = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SOURCE_DATE_EPOCH = "1764374400"


from tequio_cli import tequio_bin  # noqa: E402  (one definition for every test folder)

from tequio_cli import run_tequio  # noqa: E402


def lines(text, actions=False):
    """A cell as the documents show it: trimmed non-blank lines, actions without the typed markers."""
    result = []
    for line in re.split(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]", ALLOWED.sub("", text)):
        line = line.strip()
        if actions:
            line = MARKER.sub("", line, count=1).strip()
        if line:
            result.append(line)
    return result


def slug(text):
    """The file-name slug Tequio gives a table (`Mesa 1 · Santa Lucía` → `mesa-1-santa-lucia`)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60]


class Matrix:
    """What a completed-matrix file says, for comparing with the documents made from it."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.path = path
        self.language = root.get(XML_LANG)
        self.module = root.get("module")
        self.table = root.find(f"{NS}table/{NS}name").text or ""
        self.rows = []
        for row in root.iter(f"{NS}row"):
            cells = {c.get("column"): lines(c.text or "", c.get("column") in ACTION_COLUMNS) for c in row.iter(f"{NS}cell")}
            if any(cells.values()):
                self.rows.append(cells)

    @property
    def base_name(self):
        return f"{self.module}-{slug(self.table)}"

    @property
    def cell_lines(self):
        return [line for row in self.rows for cell in row.values() for line in cell]


HOSTILE_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:tequio:module:1" format="1" id="hostil" version="1.0.0" languages="es en">
  <metadata>
    <title xml:lang="es">Módulo de prueba &amp; &lt;texto&gt; hostil</title>
    <title xml:lang="en">Hostile test module</title>
    <summary xml:lang="es">Un módulo para probar textos difíciles.</summary>
    <summary xml:lang="en">A module to test difficult texts.</summary>
    <author name="Pruebas"/>
    <license>CC-BY-4.0</license>
    <delivery modes="face-to-face"/>
  </metadata>
  <matrix id="plan">
    <title xml:lang="es">Matriz sin límites</title>
    <title xml:lang="en">Matrix without limits</title>
    <column id="problem" required="true"><label xml:lang="es">Problema</label><label xml:lang="en">Problem</label></column>
    <column id="beneficiaries"><label xml:lang="es">¿Quién se beneficia?</label><label xml:lang="en">Who benefits?</label></column>
    <column id="affected"><label xml:lang="es">¿Quién resulta afectado?</label><label xml:lang="en">Who is affected?</label></column>
    <column id="government-actions"><label xml:lang="es">Acciones del gobierno</label><label xml:lang="en">Government actions</label></column>
    <column id="civil-society-actions"><label xml:lang="es">Acciones de la sociedad civil</label><label xml:lang="en">Civil-society actions</label></column>
    <column id="expected-results"><label xml:lang="es">Resultados esperados</label><label xml:lang="en">Expected results</label></column>
  </matrix>
  <unit id="u1">
    <title xml:lang="es">Unidad</title>
    <title xml:lang="en">Unit</title>
    <activity id="mesas" kind="working-table" minutes="60" matrix="plan">
      <title xml:lang="es">Mesas</title>
      <title xml:lang="en">Tables</title>
      <instructions xml:lang="es"><p>Llenen la matriz.</p></instructions>
      <instructions xml:lang="en"><p>Fill in the matrix.</p></instructions>
    </activity>
  </unit>
</module>
"""

LONG = "Obra pública sin licitación ni seguimiento ciudadano, " * 93 + "FIN-DE-CELDA"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HOSTILE_CELLS = {
    "problem": 'Agua & <transparencia> "ya" \'hoy\' </w:t> ]]> <script>alert(1)</script>\n💧🚰 agua para 👩🏽‍🌾 todas',
    "beneficiaries": "الشفافية في قطاع المياه ١٢٣",
    "affected": "שקיפות במים, 2012",
    "government-actions": "1. | pipa | *negritas* _x_ # [enlace](http://x)\n2. Publicar el padrón &amp; las tarifas",
    "civil-society-actions": "- Vigilar las obras 💧\n- Informar a la asamblea",
    "expected-results": LONG,
}


def hostile_matrix():
    cells = "\n".join(f'      <cell column="{c}">{esc(t)}</cell>' for c, t in HOSTILE_CELLS.items())
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<completed-matrix xmlns="urn:tequio:completed-matrix:1" format="1" module="hostil" module-version="1.0.0" matrix="plan"
    xml:lang="es" draft="1" created="2012-01-01T00:00:00Z" modified="2012-01-02T00:00:00Z">
  <table><name>Mesa &lt;7&gt; &amp; "Ñ" 💧</name><municipality>San Juan | Bautista</municipality></table>
  <members><member sector="government"><name>Ana &amp; &lt;Luis&gt;</name></member></members>
  <rows>
    <row>
{cells}
    </row>
  </rows>
</completed-matrix>
"""


def matrix_header(docx_path):
    """The labels of the matrix header row and the running header, read from the DOCX."""
    with zipfile.ZipFile(docx_path) as z:
        document = z.read("word/document.xml").decode()
        header = re.sub(r"<[^>]+>", "", z.read("word/header1.xml").decode().split("?>", 1)[1])
    first_row = document.split("<w:tblHeader/>", 1)[1].split("</w:tr>", 1)[0]
    labels = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", first_row)
    unescape = lambda s: s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    return [unescape(header), unescape("".join(labels))]


def squeezed(text):
    """Text without white space, hyphens or bidi controls: a line-end hyphen a PDF adds and one the
    participant typed read the same."""
    return re.sub(r"[\s\-\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


def split_rows(pdf, matrices, header):
    """The matrix rows whose text is not all on one page of the PDF, among the pages that show the
    matrix (they start with its `header` row: problem sections that repeat a row's text do not count).
    One entry per row: (table, row number, the pages its lines are on)."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [squeezed(page) for page in raw.split("\f")]
    matrix_pages = [i for i, page in enumerate(pages) if squeezed(header) in page]
    assert matrix_pages, f"{pdf.name}: no page shows the matrix header"
    split = []
    for m in matrices:
        for number, row in enumerate(m.rows, 1):
            texts = [squeezed(line) for cell in row.values() for line in cell]
            if not any(all(t in pages[i] for t in texts) for i in matrix_pages):
                where = sorted({i + 1 for i in matrix_pages for t in texts if t in pages[i]})
                split.append((m.table, number, where))
    return split


@pytest.fixture(scope="session")
def workspace(tmp_path_factory):
    return tmp_path_factory.mktemp("documents")


@pytest.fixture(scope="session")
def hostile(workspace):
    """A module without length limits and a matrix full of difficult text (5,000-character cell)."""
    module = workspace / "modules" / "hostil"
    module.mkdir(parents=True)
    (module / "module.xml").write_text(HOSTILE_MODULE, "utf-8")
    matrix = workspace / "hostil-matrix.xml"
    # (Control characters cannot occur in a well-formed XML 1.0 file; the Swift tests feed them to the
    # writers directly.)
    matrix.write_text(hostile_matrix(), "utf-8")
    return module, matrix


@pytest.fixture(scope="session")
def reference_docx(workspace):
    """pandoc's default reference.docx: a real Word-made styles part to borrow from."""
    path = workspace / "reference.docx"
    with open(path, "wb") as out:
        subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], stdout=out, check=True)
    return path


@pytest.fixture(scope="session")
def documents(workspace, hostile, reference_docx):
    """Every document of the examples, the compendium, the hostile plan and a plan styled from a
    reference document, plus a PDF of each DOCX and ODT from one LibreOffice call."""
    out = workspace / "dist"
    result = run_tequio("assemble", "examples/matrices", "--module", "modules/oaxaca-agua", "--format", "all", "--compendium", "-o", out)
    assert result.returncode == 0, result.stderr
    module, matrix = hostile
    result = run_tequio("assemble", matrix, "--module", module, "--format", "all", "-o", out)
    assert result.returncode == 0, result.stderr
    styled = workspace / "styled"
    result = run_tequio("assemble", "examples/matrices/oaxaca-agua-mesa-2-santa-cruz-xoxocotlan-2012-01-20.xml",
                        "--module", "modules/oaxaca-agua", "--format", "docx", "--reference-doc", reference_docx, "-o", styled)
    assert result.returncode == 0, result.stderr

    inputs = workspace / "pdf-in"
    pdfs = workspace / "pdf"
    inputs.mkdir()
    pdfs.mkdir()
    packages = sorted(out.glob("*.docx")) + sorted(out.glob("*.odt")) + sorted(styled.glob("*.docx"))
    names = {}
    for path in packages:
        name = f"{path.parent.name}-{path.stem}-{path.suffix[1:]}{path.suffix}"
        shutil.copy(path, inputs / name)
        names[path] = pdfs / f"{pathlib.Path(name).stem}.pdf"
    profile = (workspace / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(pdfs), *sorted(str(p) for p in inputs.iterdir())],
        capture_output=True, timeout=300, check=False)
    return {"dist": out, "styled": styled, "packages": packages, "pdfs": names}


@pytest.fixture(scope="session")
def example_matrices():
    return [Matrix(p) for p in sorted((ROOT / "examples" / "matrices").glob("*.xml"))]
