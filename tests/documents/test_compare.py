"""`tequio compare` as a committee member uses it: three drafts of one table's matrix (a reworded cell, an
action added, a row removed, a row moved, a member added, a role and a question reworded), compared in
every format. The acceptance test of issue 12: accepting every change gives exactly the text of the newest
draft's plan and rejecting every change the oldest's, the summary aside; read back by pandoc
(`--track-changes=accept|reject`) for DOCX, by LibreOffice for ODT (opened and saved as DOCX, changes
kept), and by applying the markup's own rules for HTML (`ins`/`del`) and Markdown (CriticMarkup)."""
import json
import pathlib
import re
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import pytest

from tequio_cli import ROOT, run_tequio

EXAMPLE = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"
MODULE = ROOT / "modules" / "oaxaca-agua"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROW = re.compile(r"<row[ >]")  # a row, with or without its title


def drafts(folder):
    """Draft 1, 2 and 3 of Mesa 1, each a plausible edit of the one before."""
    src = EXAMPLE.read_text(encoding="utf-8")
    assert len(ROW.findall(src)) >= 4
    d1 = src.replace('draft="3"', 'draft="1"').replace('modified="2012-03-14T16:05:31Z"', 'modified="2012-01-10T12:00:00Z"')
    d2 = src.replace('draft="3"', 'draft="2"').replace('modified="2012-03-14T16:05:31Z"', 'modified="2012-02-10T12:00:00Z"')
    d2 = d2.replace("El calendario de tandeo no se publica y cambia sin aviso.",
                    "¿Por qué el calendario de tandeo no se publica? Cambia sin aviso.")
    d2 = d2.replace("<role>Presidenta de un comité de colonia</role>", "<role>Presidenta del comité de la colonia Volcanes</role>")
    d3 = d2.replace('draft="2"', 'draft="3"').replace('modified="2012-02-10T12:00:00Z"', 'modified="2012-03-14T16:05:31Z"')
    rows = re.findall(r"    <row[ >].*?</row>\n", d3, re.S)
    d3 = d3.replace("".join(rows), "".join([rows[-1], rows[0]] + rows[2:-1]))  # last row moved up, second removed
    assert len(ROW.findall(d3)) == len(rows) - 1
    d3 = re.sub(r'(<cell column="government-actions">)', r"\1Publicar cada mes el calendario en la presidencia municipal.\n", d3, count=1)
    d3 = d3.replace("  </members>", '    <member sector="other">\n      <name>Lucía Méndez</name>\n      <role>Investigadora</role>\n    </member>\n  </members>')
    paths = []
    for n, text in enumerate([d1, d2, d3], 1):
        path = folder / f"mesa-1-borrador-{n}.xml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    paths = drafts(folder)
    out = folder / "out"
    result = run_tequio("compare", *paths, "--module", MODULE, "-o", out)
    assert result.returncode == 0, result.stderr
    plans = {}
    for n in (1, 3):
        target = folder / f"plan-{n}"
        result = run_tequio("assemble", paths[n - 1], "--module", MODULE, "-o", target, "--quiet")
        assert result.returncode == 0, result.stderr
        plans[n] = {p.suffix: p for p in target.iterdir()}
    outputs = {p.suffix: p for p in out.iterdir()}
    assert set(outputs) == {".docx", ".odt", ".html", ".md"}
    return folder, outputs, plans


def pandoc_paragraphs(path, source_format=None, track=None):
    """Every paragraph, heading and cell paragraph of a document, in order, as pandoc reads it."""
    args = ["pandoc", str(path), "-t", "json"]
    if source_format:
        args += ["-f", source_format]
    if track:
        args.append(f"--track-changes={track}")
    doc = json.loads(subprocess.run(args, capture_output=True, check=True).stdout)
    out = []

    def inline(x):
        if isinstance(x, dict):
            t = x.get("t")
            if t == "Str":
                return x["c"]
            if t in ("Space", "SoftBreak"):
                return " "
            if t == "LineBreak":
                return "\n"
            return inline(x.get("c"))
        if isinstance(x, list):
            return "".join(inline(i) for i in x)
        return ""

    def walk(x):
        if isinstance(x, dict):
            t = x.get("t")
            if t in ("Para", "Plain"):
                out.extend(inline(x["c"]).split("\n"))
                return
            if t == "Header":
                out.append(inline(x["c"][2]))
                return
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(doc["blocks"])
    return [" ".join(p.split()) for p in out if p.strip()]


def without_summary(paragraphs):
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Cambios desde el borrador"))
    end = next(i for i, p in enumerate(paragraphs) if p.startswith("Cómo leer los cambios"))
    return paragraphs[:start] + paragraphs[end + 1:]


@pytest.mark.parametrize("track,draft", [("accept", 3), ("reject", 1)])
def test_docx_accepting_gives_the_newest_plan_and_rejecting_the_oldest(compared, track, draft):
    _, outputs, plans = compared
    got = without_summary(pandoc_paragraphs(outputs[".docx"], track=track))
    assert got == pandoc_paragraphs(plans[draft][".docx"])


def test_docx_revisions_are_words_rows_and_paragraph_marks_with_each_drafts_author_and_date(compared):
    _, outputs, _ = compared
    with zipfile.ZipFile(outputs[".docx"]) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    changes = root.findall(f".//{W}ins") + root.findall(f".//{W}del")
    ids = [c.get(f"{W}id") for c in changes]
    ids += [b.get(f"{W}id") for b in root.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids)), "every w:id is unique"
    dates = {c.get(f"{W}date") for c in changes}
    assert dates == {"2012-02-10T12:00:00Z", "2012-03-14T16:05:31Z"}, "each step keeps its own date"
    assert {c.get(f"{W}author") for c in changes} == {"Mesa 1 · Santa Lucía del Camino"}
    deleted = "".join(t.text or "" for t in root.iter(f"{W}delText"))
    assert "de un" in deleted and "y cambia" in deleted
    assert root.findall(f".//{W}trPr/{W}del") and root.findall(f".//{W}trPr/{W}ins"), "rows removed and moved"
    assert root.findall(f".//{W}pPr/{W}rPr/{W}ins"), "an added action is an inserted paragraph"
    # A word-by-word change inside a cell, not a whole deleted and inserted paragraph.
    inserted = [("".join(t.text or "" for t in i.iter(f"{W}t"))) for i in root.iter(f"{W}ins")]
    assert any("Por qué" in text and "calendario" not in text for text in inserted), inserted


def accept_html(html, track):
    keep, drop = ("ins", "del") if track == "accept" else ("del", "ins")
    html = re.sub(rf"<{drop}\b[^>]*>.*?</{drop}>", "", html, flags=re.S)
    return re.sub(rf"</?{keep}\b[^>]*>", "", html)


@pytest.mark.parametrize("track,draft", [("accept", 3), ("reject", 1)])
def test_html_accepting_and_rejecting(compared, tmp_path, track, draft):
    _, outputs, plans = compared
    page = tmp_path / "page.html"
    page.write_text(accept_html(outputs[".html"].read_text(encoding="utf-8"), track), encoding="utf-8")
    assert without_summary(pandoc_paragraphs(page)) == pandoc_paragraphs(plans[draft][".html"])


def test_html_changes_read_without_colour_and_are_spoken(compared):
    _, outputs, _ = compared
    html = outputs[".html"].read_text(encoding="utf-8")
    assert "<ins" in html and "<del" in html
    assert "text-decoration: underline" in html and "text-decoration: line-through" in html
    assert 'content: "\\5b inserci' in html or "inserción" in html
    assert 'title="Mesa 1 · Santa Lucía del Camino, 2012-03-14T16:05:31Z"' in html


def accept_critic(text, track):
    text = re.sub(r"\{\+\+\{--.*?--\}\+\+\}", "", text)
    if track == "accept":
        text = re.sub(r"\{~~(.*?)~>(.*?)~~\}", r"\2", text)
        text = re.sub(r"\{--.*?--\}", "", text)
        text = re.sub(r"\{\+\+(.*?)\+\+\}", r"\1", text)
    else:
        text = re.sub(r"\{~~(.*?)~>(.*?)~~\}", r"\1", text)
        text = re.sub(r"\{\+\+.*?\+\+\}", "", text)
        text = re.sub(r"\{--(.*?)--\}", r"\1", text)
    return text


@pytest.mark.parametrize("track,draft", [("accept", 3), ("reject", 1)])
def test_markdown_criticmarkup_accepting_and_rejecting(compared, tmp_path, track, draft):
    _, outputs, plans = compared
    text = outputs[".md"].read_text(encoding="utf-8")
    assert "{~~" in text and "{++" in text and "{--" in text
    page = tmp_path / "plan.md"
    page.write_text(accept_critic(text, track), encoding="utf-8")
    assert without_summary(pandoc_paragraphs(page, "gfm")) == pandoc_paragraphs(plans[draft][".md"], "gfm")


@pytest.fixture(scope="module")
def odt_through_libreoffice(compared):
    """The comparison and the two plans as ODT, opened by LibreOffice and saved as DOCX (tracked changes
    kept), in one call: the same way through LibreOffice for all three."""
    folder, outputs, plans = compared
    sources = {"compare": outputs[".odt"], 1: plans[1][".odt"], 3: plans[3][".odt"]}
    converted = {}
    for key, source in sources.items():
        copy = folder / "lo-in" / f"{key}.odt"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(source.read_bytes())
        converted[key] = folder / "lo" / f"{key}.docx"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "docx",
         "--outdir", str(folder / "lo"), *[str(folder / "lo-in" / f"{k}.odt") for k in sources]],
        capture_output=True, check=True, timeout=240)
    for path in converted.values():
        assert path.exists(), "LibreOffice could not open the ODT"
    return converted


@pytest.mark.parametrize("track,draft", [("accept", 3), ("reject", 1)])
def test_odt_changes_as_libreoffice_reads_them(odt_through_libreoffice, track, draft):
    got = without_summary(pandoc_paragraphs(odt_through_libreoffice["compare"], track=track))
    assert got == pandoc_paragraphs(odt_through_libreoffice[draft])


def test_drafts_of_different_matrices_are_refused_and_nothing_is_written(tmp_path):
    other = ROOT / "examples" / "matrices" / "oaxaca-agua-table-8-juchitan-de-zaragoza-2012-05-30.xml"
    bad = tmp_path / "other.xml"
    bad.write_text(other.read_text(encoding="utf-8").replace('matrix="plan"', 'matrix="otra"'), encoding="utf-8")
    out = tmp_path / "out"
    result = run_tequio("compare", EXAMPLE, bad, "--module", MODULE, "-o", out)
    assert result.returncode == 65
    assert not out.exists()


def test_drafts_given_out_of_order_are_said_and_put_in_order(compared, tmp_path):
    folder, _, _ = compared
    out = tmp_path / "out"
    result = run_tequio("compare", folder / "mesa-1-borrador-3.xml", folder / "mesa-1-borrador-1.xml", "--module", MODULE,
                        "-o", out, "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "[compare.draft-order]" in result.stderr
    assert (out / "oaxaca-agua-mesa-1-santa-lucia-del-camino-cambios-1-3.md").exists()


def test_assemble_compare_with_an_earlier_round(compared, tmp_path):
    """The committee's compendium of round 2 shows each plan's changes since its table's draft of round
    1: accepting them gives round 2's compendium; a table with no draft in round 1 is marked new."""
    folder, _, _ = compared
    round1, round2 = tmp_path / "ronda-1", tmp_path / "ronda-2"
    round1.mkdir()
    round2.mkdir()
    (round1 / "mesa-1.xml").write_bytes((folder / "mesa-1-borrador-1.xml").read_bytes())
    (round2 / "mesa-1.xml").write_bytes((folder / "mesa-1-borrador-3.xml").read_bytes())
    other = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan-2012-01-20.xml"
    (round2 / "mesa-2.xml").write_bytes(other.read_bytes())
    out, plain = tmp_path / "out", tmp_path / "plain"
    for target, extra in ((out, ["--compare-with", round1]), (plain, [])):
        result = run_tequio("assemble", round2, "--module", MODULE, "--only-compendium", "--format", "docx,md", "-o", target, *extra)
        assert result.returncode == 0, result.stderr
    compendium = out / "oaxaca-agua-compendium.docx"
    summary = ("Cambios desde", "Borrador 3 (", "Cómo leer", "Plan nuevo")
    accepted = [p for p in pandoc_paragraphs(compendium, track="accept") if not p.startswith(summary)]
    assert accepted == pandoc_paragraphs(plain / "oaxaca-agua-compendium.docx")
    markdown = (out / "oaxaca-agua-compendium.md").read_text(encoding="utf-8")
    assert "Plan nuevo: no hay un borrador anterior de esta mesa" in markdown
    assert markdown.count("Cambios desde el borrador 1") == 1


def test_libreoffice_prints_both_comparisons_with_the_changes_shown(compared):
    """LibreOffice opens the DOCX and the ODT and prints them to PDF with the changes shown: the deleted words
    are there beside the inserted ones."""
    folder, outputs, _ = compared
    target = folder / "pdf"
    for suffix in (".docx", ".odt"):
        out = target / suffix[1:]
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "pdf",
             "--outdir", str(out), str(outputs[suffix])], capture_output=True, check=True, timeout=240)
        (pdf,) = list(out.glob("*.pdf"))
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout.split())
        assert "Cambios desde el borrador 1" in text
        assert "Nadie sabe cómo se calcula la tarifa" in text, "the removed row is printed, struck through"
        assert "Volcanes" in text, "the inserted words are printed"
