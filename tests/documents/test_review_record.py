"""`tequio review record` as the donor committee uses it (issue 13, point 5): four rounds ranked with the
example module's rubric narrow eight plans to four, three and two, as in the Oaxaca program; the record
of the chain is read back by python-docx, pandoc and LibreOffice, checked against the ODF schema, parsed
as HTML with its SVG chart, and run through pandoc as Markdown. Bad input (point 6) writes nothing and
names the problem."""
import html.parser
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import docx
import pytest

from tequio_cli import ROOT, run_tequio

from .scorefiles import CRITERIA, score_file

MODULE = ROOT / "modules" / "oaxaca-agua"
SCHEMAS = ROOT / "schemas" / "official" / "odf1.3"
# Eight plans, best first: the example module's four tables and four more.
PLANS = {
    "oaxaca-agua-mesa-1-santa-lucia-del-camino": ("Mesa 1 · Santa Lucía del Camino", 3, 4.6),
    "oaxaca-agua-table-8-isthmus": ("Table 8 · Isthmus", 4, 4.3),
    "oaxaca-agua-mesa-3-tlacolula": ("Mesa 3 · Tlacolula de Matamoros", 2, 3.9),
    "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan": ("Mesa 2 · Santa Cruz Xoxocotlán", 2, 3.6),
    "oaxaca-agua-mesa-4-huajuapan": ("Mesa 4 · Huajuapan de León", 1, 3.2),
    "oaxaca-agua-mesa-5-tuxtepec": ("Mesa 5 · San Juan Bautista Tuxtepec", 2, 2.9),
    "oaxaca-agua-mesa-6-sierra-norte": ("Mesa 6 · Sierra Norte", 2, 2.5),
    "oaxaca-agua-mesa-7-costa": ("Mesa 7 · Costa", 1, 2.2),
}
EVALUATORS = ("Ana Pérez", "Luis Cruz", "Rosa Díaz")
CHAIN = (("Ronda 1", 4), ("Ronda 2", 3), ("Ronda 3", 2))


def scores_file(path, evaluator, round_, plans, rnd, conflict=()):
    """One evaluator's scores around each plan's quality, each justification naming who, what and where."""
    scores = {p: {c: max(1, min(5, round(PLANS[p][2] + rnd.choice([-1.2, -0.4, 0, 0.4, 0.9])))) for c in CRITERIA} for p in plans}
    score_file(path, evaluator, round_, {p: PLANS[p][:2] for p in plans}, scores, conflict=conflict, note=f"{evaluator} asesoró a esta mesa.",
               justification=lambda table, c, value: f"{evaluator}: nota {value} en {c} de {table}.")


def rank_chain(folder, rounds=CHAIN):
    """Ranks the chain 8 → 4 → 3 → 2 and returns the round files, first round first."""
    rnd = random.Random(2013)
    decision = folder / "decision"
    files = []
    plans = list(PLANS)
    previous = None
    for number, (name, advance) in enumerate(rounds):
        scores = folder / f"scores-{number}"
        scores.mkdir(parents=True)
        for evaluator in EVALUATORS:
            conflict = ("oaxaca-agua-mesa-2-santa-cruz-xoxocotlan",) if evaluator == "Luis Cruz" else ()
            scores_file(scores / f"{evaluator.split()[0].lower()}.xml", evaluator, name, plans, rnd, conflict)
        args = ["review", "rank", "--module", MODULE, scores, "--round", name, "--advance", advance, "-o", decision]
        if previous:
            args += ["--previous", previous]
        note = folder / f"note-{number}.txt"
        note.write_text(f"En la {name} el comité discutió los desacuerdos y privilegió la factibilidad.\n\n"
                        "Los planes con acciones de la sociedad civil pesaron más.", encoding="utf-8")
        args += ["--note", note]
        if number == len(rounds) - 1:
            commitment = folder / "compromiso.txt"
            commitment.write_text("El comité apoyará la ejecución de los dos planes seleccionados durante 2013.", encoding="utf-8")
            args += ["--commitment", commitment]
        result = run_tequio(*args)
        assert result.returncode == 0, result.stderr
        previous = decision / f"ronda-{name.lower().replace(' ', '-')}.xml"
        files.append(previous)
        root = ET.parse(previous).getroot()
        plans = [p.get("id") for p in root.iter("{urn:tequio:round:1}plan") if p.get("status") == "advances"]
    return files


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """The chain's record in every format, plus LibreOffice's PDFs of the DOCX and ODT."""
    folder = tmp_path_factory.mktemp("record")
    rounds = rank_chain(folder)
    out = folder / "acta"
    result = run_tequio("review", "record", *reversed(rounds), "--module", MODULE, "--format", "docx,odt,html,md,pdf",
                        "--member", "Ana Pérez:Presidenta del comité", "--member", "Marta Gil:Secretaria técnica", "-o", out)
    assert result.returncode == 0, result.stderr
    inputs = folder / "lo-in"
    inputs.mkdir()
    for suffix in ("docx", "odt"):
        shutil.copy(out / f"oaxaca-agua-acta-comite.{suffix}", inputs / f"acta-{suffix}.{suffix}")
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(folder / "lo"), *sorted(str(p) for p in inputs.iterdir())],
                   capture_output=True, timeout=180, check=False)
    return {"folder": folder, "rounds": rounds, "out": out, "lo": folder / "lo"}


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(text):
    return re.sub(r"\s+", " ", text)


WINNERS = ("Mesa 1 · Santa Lucía del Camino", "Table 8 · Isthmus")


def test_the_round_files_keep_every_evaluators_sheet_and_tequio_check_reads_them(record):
    for path in record["rounds"]:
        root = ET.parse(path).getroot()
        sheets = root.findall("{urn:tequio:round:1}sheets/{urn:tequio:scores:1}scores")
        assert [s.find("{urn:tequio:scores:1}evaluator").text for s in sheets] == list(EVALUATORS)
        assert run_tequio("check", path).returncode == 0
    last = ET.parse(record["rounds"][-1]).getroot()
    assert last.find("{urn:tequio:round:1}commitment").text.startswith("El comité apoyará")
    assert {p.get("id") for p in last.iter("{urn:tequio:round:1}plan") if p.get("status") == "advances"} == {
        "oaxaca-agua-mesa-1-santa-lucia-del-camino", "oaxaca-agua-table-8-isthmus"}


def test_word_readers_find_the_winners_the_evaluators_and_every_annexed_score(record):
    path = record["out"] / "oaxaca-agua-acta-comite.docx"
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for winner in WINNERS:
        assert f"{winner} — total ponderado" in text
    assert "El comité apoyará la ejecución" in text
    for name in (*EVALUATORS, "Marta Gil", "Presidenta del comité"):
        assert name in cells, name
    assert "Luis Cruz asesoró a esta mesa." in cells, "the conflict declarations are annexed"
    plain = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True, check=True).stdout
    for needle in (*WINNERS, *EVALUATORS, "Anexo A. Puntuaciones de cada evaluador", "Ana Pérez: nota 5 en criterio-coordinacion de Mesa 1"):
        assert needle in plain, needle
    assert "Ronda 3" in plain and plain.index("Ronda 1") < plain.index("Ronda 2") < plain.index("Ronda 3"), "chain order"
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert body.count('<mc:Choice Requires="wpg">') == 3, "one drawing per round"


def test_libreoffice_opens_the_docx_and_the_odt_and_draws_their_charts(record):
    for suffix in ("docx", "odt"):
        pdf = record["lo"] / f"acta-{suffix}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 10_000, f"LibreOffice could not convert the {suffix} (it exits 0 even then)"
        text = squeezed(pdf_text(pdf))
        # The charts' texts (axis title, plan labels) are shapes' text: LibreOffice drew the drawings.
        assert text.count("Total ponderado (escala de 1 a 5)") == 3, suffix
        assert text.count("Del total más bajo al más alto de los evaluadores") == 3, suffix
        assert all(w in text for w in WINNERS) and "Anexo B. Declaraciones de conflicto de interés" in text


def test_the_odt_is_valid_odf_and_draws_its_charts(record, tmp_path):
    path = record["out"] / "oaxaca-agua-acta-comite.odt"
    with zipfile.ZipFile(path) as z:
        assert z.namelist()[0] == "mimetype" and z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        z.extractall(tmp_path)
    check = subprocess.run(["xmllint", "--noout", "--nonet", "--relaxng", str(SCHEMAS / "OpenDocument-v1.3-schema.rng"),
                            *(str(tmp_path / n) for n in ("content.xml", "styles.xml", "meta.xml"))], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    check = subprocess.run(["xmllint", "--noout", "--nonet", "--relaxng", str(SCHEMAS / "OpenDocument-v1.3-manifest-schema.rng"),
                            str(tmp_path / "META-INF" / "manifest.xml")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    content = (tmp_path / "content.xml").read_text("utf-8")
    assert content.count("<draw:g ") == 3 and "<svg:title>Ronda 1: total ponderado" in content
    plain = subprocess.run(["pandoc", "-f", "odt", "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(w in plain for w in WINNERS)


class HTMLShape(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.titles = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("title", "desc") and "svg" in self.stack:
            self.titles.append((self.stack[-1], data))


def test_the_html_has_an_accessible_svg_chart_per_round_and_no_script(record):
    text = (record["out"] / "oaxaca-agua-acta-comite.html").read_text("utf-8")
    parser = HTMLShape()
    parser.feed(text)
    assert all(tag != "script" and not any(name.startswith("on") for name in attrs) for tag, attrs in parser.tags)
    svgs = [a for t, a in parser.tags if t == "svg"]
    assert len(svgs) == 3 and all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    assert [k for k, _ in parser.titles] == ["title", "desc"] * 3
    assert all("Mesa 1 · Santa Lucía del Camino:" in d for k, d in parser.titles if k == "desc")
    assert "<table" in text, "the ranking tables stay beside the charts"


def test_markdown_reads_back_through_pandoc_with_the_tables_and_the_bars_in_words(record):
    path = record["out"] / "oaxaca-agua-acta-comite.md"
    text = path.read_text("utf-8")
    assert "<svg" not in text
    plain = subprocess.run(["pandoc", "-f", "gfm", "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True, check=True).stdout
    for needle in (*WINNERS, "Ana Pérez: nota 5 en criterio-coordinacion de Mesa 1", "Mesa 6 · Sierra Norte"):
        assert needle in plain, needle
    assert re.search(r"- Mesa 1 · Santa Lucía del Camino: \d\.\d\d \(de \d\.\d\d a \d\.\d\d\), Avanza\.", text)


def test_the_pdf_record_draws_its_charts(record):
    text = squeezed(pdf_text(record["out"] / "oaxaca-agua-acta-comite.pdf"))
    assert text.count("Total ponderado (escala de 1 a 5)") == 3
    assert all(w in text for w in WINNERS) and "Anexo B. Declaraciones de conflicto de interés" in text


def test_the_record_is_the_same_bytes_on_every_run(record, tmp_path):
    again = tmp_path / "again"
    result = run_tequio("review", "record", *record["rounds"], "--module", MODULE, "--format", "docx,odt,html,md,pdf",
                        "--member", "Ana Pérez:Presidenta del comité", "--member", "Marta Gil:Secretaria técnica", "-o", again)
    assert result.returncode == 0, result.stderr
    for path in sorted(record["out"].iterdir()):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    english = run_tequio("review", "record", *record["rounds"], "--module", MODULE, "--format", "md", "--language", "en", "-o", tmp_path / "en")
    assert english.returncode == 0, english.stderr
    text = (tmp_path / "en" / "oaxaca-agua-committee-record.md").read_text("utf-8")
    assert "# Committee decision record" in text and "Annex A. Each evaluator's scores" in text


def edited(record, tmp_path, index, *replacements, name=None):
    """A copy of round `index` with text replaced, in a folder of its own."""
    source = record["rounds"][index]
    text = source.read_text("utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    target = tmp_path / "edited" / (name or source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    return target


@pytest.mark.parametrize("case,identifier", [
    ("missing", "review.missing-round"), ("unchained", "review.not-chained"), ("duplicate", "review.duplicate-round"),
    ("fingerprint", "review.rubric-changed"), ("rubric", "review.other-rubric"), ("old", "review.no-sheets"),
    ("module", "review.wrong-module"),
])
def test_bad_rounds_never_give_a_record(record, tmp_path, case, identifier):
    r1, r2, r3 = record["rounds"]
    if case == "missing":
        files = [r1, r3]
    elif case == "unchained":
        # Round 2 ranks Mesa 7, which did not advance in round 1, instead of its last plan.
        statuses = {p.get("id"): p.get("status") for p in ET.parse(r1).getroot().iter("{urn:tequio:round:1}plan")}
        assert statuses["oaxaca-agua-mesa-7-costa"] != "advances"
        plan = [p.get("id") for p in ET.parse(r2).getroot().iter("{urn:tequio:round:1}plan")][-1]
        files = [r1, edited(record, tmp_path, 1, (plan, "oaxaca-agua-mesa-7-costa"), (PLANS[plan][0], "Mesa 7 · Costa")), r3]
    elif case == "duplicate":
        files = [r1, r2, r3, edited(record, tmp_path, 0, name="copia.xml")]
    elif case == "fingerprint":
        files = [r1, edited(record, tmp_path, 1, ('id="criterio-transparencia" fingerprint="w25', 'id="criterio-transparencia" fingerprint="w30')), r3]
    elif case == "rubric":
        files = [r1, r2, edited(record, tmp_path, 2, ('rubric="seleccion-planes"', 'rubric="otra-rubrica"'))]
    elif case == "old":
        text = r1.read_text("utf-8")
        old = tmp_path / "old" / r1.name
        old.parent.mkdir()
        old.write_text(re.sub(r"\s*<sheets>.*</sheets>", "", text, flags=re.S), "utf-8")
        assert run_tequio("check", old).returncode == 0, "a round file without sheets is still a valid round file"
        files = [old, r2, r3]
    elif case == "module":
        files = [edited(record, tmp_path, 0, ('module-version="1.0.0"', 'module-version="0.9.0"')), r2, r3]
    out = tmp_path / "out"
    result = run_tequio("review", "record", *files, "--module", MODULE, "-o", out)
    assert result.returncode == 65, result.stderr
    assert f"[{identifier}]" in result.stderr, result.stderr
    assert not out.exists(), "nothing is written"
    if case == "fingerprint":
        assert "criterio-transparencia" in result.stderr, "the changed criterion is named"
    if case == "unchained":
        assert "Mesa 7 · Costa" in result.stderr and "did not advance in round 'Ronda 1'" in result.stderr


def test_an_old_round_file_still_chains_the_next_ranking(record, tmp_path):
    old = tmp_path / "ronda-1-old.xml"
    old.write_text(re.sub(r"\s*<sheets>.*</sheets>", "", record["rounds"][0].read_text("utf-8"), flags=re.S), "utf-8")
    folder = tmp_path / "r2"
    folder.mkdir()
    advancing = [p.get("id") for p in ET.parse(old).getroot().iter("{urn:tequio:round:1}plan") if p.get("status") == "advances"]
    rnd = random.Random(5)
    for evaluator in EVALUATORS:
        scores_file(folder / f"{evaluator.split()[0].lower()}.xml", evaluator, "Ronda 2", advancing, rnd)
    result = run_tequio("review", "rank", "--module", MODULE, folder, "--round", "Ronda 2", "--advance", "3", "--previous", old,
                        "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_rank_names_the_criterion_that_changed_after_scoring(tmp_path):
    folder = tmp_path / "scores"
    folder.mkdir()
    rnd = random.Random(1)
    for evaluator in EVALUATORS:
        scores_file(folder / f"{evaluator.split()[0].lower()}.xml", evaluator, "Ronda 1", list(PLANS), rnd)
    path = folder / "ana.xml"
    path.write_text(path.read_text("utf-8").replace('"criterio-resultados" fingerprint="w15', '"criterio-resultados" fingerprint="w10'), "utf-8")
    result = run_tequio("review", "rank", "--module", MODULE, folder, "--round", "Ronda 1", "--advance", "4", "-o", tmp_path / "out")
    assert result.returncode == 65
    assert "[review.rubric-changed]" in result.stderr and "criterion 'criterio-resultados' changed" in result.stderr
    assert not (tmp_path / "out").exists()
