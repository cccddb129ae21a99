"""Reviewed plans come back (issue 12, point 3): a committee member edits a Tequio plan in Word or
LibreOffice with track changes on and adds comments; `tequio import` makes the next draft of the table's
matrix from it, with the changes applied (or kept as suggestions with --pending reject) and the comments as
review notes on their cells.

The DOCX edits are written in the markup Word writes (runs split mid-word with rsids, proofing marks, a
smart tag, `w:ins`/`w:del`, a comment with its range and reference); the ODT edits in the markup LibreOffice
writes (`text:tracked-changes`, `text:change-start`/`end`, `text:change`, `office:annotation`). Each is also
opened and saved again by LibreOffice headless, which rewrites the whole file, and imported again."""
import re
import shutil
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import pytest

from tequio_cli import ROOT, run_tequio

MODULE = ROOT / "modules" / "oaxaca-agua"
EXAMPLE = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"
NS = "{urn:tequio:completed-matrix:1}"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLD = "Quienes operan las válvulas y deciden a qué colonia mandar el agua, porque pueden cobrar favores."
NEW = "Quienes manejan las válvulas y deciden a qué colonia mandar el agua, porque pueden cobrar favores."
COMMENT = "¿Quiénes exactamente? Nombren el cargo."


def rezip(source, target, replace):
    """`source` with some entries replaced (or added), `mimetype` first and stored as ODF wants."""
    with zipfile.ZipFile(source) as z:
        names = z.namelist()
        entries = {n: z.read(n) for n in names}
    entries.update(replace)
    order = [n for n in names if n == "mimetype"] + [n for n in names if n != "mimetype"] + [n for n in replace if n not in names]
    with zipfile.ZipFile(target, "w") as out:
        for name in order:
            out.writestr(name, entries[name], zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)


def word_review(plan, target):
    """The plan as Word saves it after a review of Mesa 1's first row."""
    with zipfile.ZipFile(plan) as z:
        document = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    run = f"<w:r><w:t>{OLD}</w:t></w:r>"
    assert run in document
    change = 'w:author="Comité Técnico" w:date="2012-03-01T09:00:00Z"'
    edited = (
        '<w:commentRangeStart w:id="0"/>'
        '<w:r w:rsidR="00A13F2B"><w:rPr><w:lang w:val="es-MX"/></w:rPr><w:t xml:space="preserve">Quie</w:t></w:r>'
        '<w:r w:rsidR="00C4E1D0"><w:t xml:space="preserve">nes </w:t></w:r>'
        f'<w:del w:id="901" {change}><w:r w:rsidDel="00B2"><w:delText>operan</w:delText></w:r></w:del>'
        f'<w:ins w:id="902" {change}><w:r w:rsidR="00B2"><w:t>manejan</w:t></w:r></w:ins>'
        '<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> las válvulas y deciden</w:t></w:r>'
        '<w:proofErr w:type="spellEnd"/>'
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        '<w:r><w:t xml:space="preserve"> a qué colonia mandar el agua,</w:t></w:r></w:smartTag>'
        '<w:r><w:t xml:space="preserve"> porque pueden cobrar favores.</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
    )
    document = document.replace(run, edited, 1)
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="0" w:author="Comité Técnico" w:date="2012-03-01T09:05:00Z" w:initials="CT">'
        f'<w:p><w:r><w:t>{COMMENT}</w:t></w:r></w:p></w:comment></w:comments>')
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/comments" Target="comments.xml"/></Relationships>')
    types = types.replace("</Types>",
                          '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
                          'officedocument.wordprocessingml.comments+xml"/></Types>')
    rezip(plan, target, {"word/document.xml": document, "word/comments.xml": comments,
                         "word/_rels/document.xml.rels": rels, "[Content_Types].xml": types})


def libreoffice_review(plan, target):
    """The plan as LibreOffice saves it after the same review, in ODT."""
    with zipfile.ZipFile(plan) as z:
        content = z.read("content.xml").decode()
    assert OLD in content
    info = ('<office:change-info><dc:creator>Comité Técnico</dc:creator><dc:date>2012-03-01T09:00:00</dc:date>'
            '</office:change-info>')
    regions = (f'<text:tracked-changes text:track-changes="true">'
               f'<text:changed-region xml:id="ct901" text:id="ct901"><text:deletion>{info}<text:p>operan</text:p>'
               f'</text:deletion></text:changed-region>'
               f'<text:changed-region xml:id="ct902" text:id="ct902"><text:insertion>{info}</text:insertion>'
               f'</text:changed-region></text:tracked-changes>')
    content = re.sub(r"(<office:text[^>]*>)", lambda m: m.group(1) + regions, content, count=1)
    annotation = ('<office:annotation><dc:creator>Comité Técnico</dc:creator><dc:date>2012-03-01T09:05:00</dc:date>'
                  f'<text:p>{COMMENT}</text:p></office:annotation>')
    edited = (annotation + 'Quienes <text:change text:change-id="ct901"/><text:change-start text:change-id="ct902"/>'
              'manejan<text:change-end text:change-id="ct902"/> las válvulas y deciden a qué colonia mandar el agua, '
              'porque pueden cobrar favores.')
    content = content.replace(OLD, edited, 1)
    rezip(plan, target, {"content.xml": content})


def resave(path, folder, fmt):
    """`path` opened and saved again by LibreOffice headless (changes and comments kept)."""
    out = folder / f"lo-{fmt}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", fmt,
                    "--outdir", str(out), str(path)], capture_output=True, check=True, timeout=240)
    saved = out / (path.stem + "." + fmt)
    assert saved.exists(), "LibreOffice could not open the reviewed document"
    return saved


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    draft = folder / "mesa-1.xml"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8").replace('draft="3"', 'draft="2"'), encoding="utf-8")
    result = run_tequio("assemble", draft, "--module", MODULE, "-o", folder / "plan", "--format", "docx,odt", "--quiet")
    assert result.returncode == 0, result.stderr
    plan = {p.suffix: p for p in (folder / "plan").iterdir()}
    docx, odt = folder / "revisado.docx", folder / "revisado.odt"
    word_review(plan[".docx"], docx)
    libreoffice_review(plan[".odt"], odt)
    return {
        "word markup": docx, "word markup, saved again by LibreOffice": resave(docx, folder, "docx"),
        "LibreOffice markup": odt, "LibreOffice markup, saved again by LibreOffice": resave(odt, folder, "odt"),
    }


def import_reviewed(path, tmp_path, *extra):
    out = tmp_path / "out"
    result = run_tequio("import", path, "--module", MODULE, "-o", out, *extra)
    assert result.returncode == 0, result.stderr
    (written,) = list(out.iterdir())
    root = ET.parse(written).getroot()
    first = root.find(f"{NS}rows/{NS}row")
    cells = {c.get("column"): c.text for c in first.findall(f"{NS}cell")}
    return root, first, cells


@pytest.mark.parametrize("kind", ["word markup", "word markup, saved again by LibreOffice", "LibreOffice markup",
                                  "LibreOffice markup, saved again by LibreOffice"])
def test_a_reviewed_plan_becomes_the_next_draft_with_the_changes_and_comments(reviewed, tmp_path, kind):
    root, first, cells = import_reviewed(reviewed[kind], tmp_path)
    assert root.get("draft") == "3"
    assert cells["beneficiaries"].split("\n")[0] == NEW
    original = ET.parse(EXAMPLE).getroot().find(f"{NS}rows/{NS}row")
    for cell in original.findall(f"{NS}cell"):
        if cell.get("column") != "beneficiaries":
            assert cells[cell.get("column")] == cell.text, "a cell the reviewer did not touch keeps the table's text exactly"
    notes = first.findall(f"{NS}review-note")
    assert [(n.get("column"), n.get("kind"), n.get("author"), n.text) for n in notes] == [
        ("beneficiaries", "comment", "Comité Técnico", COMMENT)]
    assert notes[0].get("date").startswith("2012-03-01T09:05")
    assert len(root.findall(f"{NS}rows/{NS}row")) == len(ET.parse(EXAMPLE).getroot().findall(f"{NS}rows/{NS}row"))
    assert root.find(f"{NS}members") is not None and len(root.findall(f"{NS}members/{NS}member")) == 6


@pytest.mark.parametrize("kind", ["word markup", "LibreOffice markup, saved again by LibreOffice"])
def test_pending_reject_keeps_the_tables_text_and_the_change_as_a_suggestion(reviewed, tmp_path, kind):
    _, first, cells = import_reviewed(reviewed[kind], tmp_path, "--pending", "reject")
    assert cells["beneficiaries"].split("\n")[0] == OLD
    suggestions = [n for n in first.findall(f"{NS}review-note") if n.get("kind") == "suggestion"]
    assert len(suggestions) == 1 and suggestions[0].text.split("\n")[0] == NEW
    assert suggestions[0].get("author") == "Comité Técnico"


def test_documents_that_are_not_tequio_plans_are_refused_and_nothing_is_written(tmp_path):
    plain = tmp_path / "otro.docx"
    subprocess.run(["pandoc", "-o", str(plain)], input=b"# Hola\n\nNada que ver.", check=True)
    out = tmp_path / "out"
    result = run_tequio("import", plain, "--module", MODULE, "-o", out)
    assert result.returncode == 65
    assert "not a plan written by `tequio assemble`" in result.stderr and "[reviewed.not-a-plan]" in result.stderr
    damaged = tmp_path / "roto.odt"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_tequio("import", damaged, "--module", MODULE, "-o", out)
    assert result.returncode == 65 and "[reviewed.damaged]" in result.stderr
    assert not out.exists()
