"""The implementation phase (issue 15): `tequio track init` turns the winning plans into tracking files and a
tracking workbook (XLSX, ODS) that LibreOffice opens; filled with openpyxl, and after LibreOffice re-saved
or converted it, `tequio import` appends dated updates to the tracking files (a second import adds nothing);
every bad row is refused with its file, sheet and cell and nothing is written; `tequio track report` writes
DOCX and ODT that LibreOffice and pandoc open (the ODT valid against the ODF schema) and one self-contained
HTML file with SVG charts; `tequio track export --iati` writes a file valid against the official IATI 2.03
schema."""
import datetime
import html.parser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from .conftest import MODULE, ROOT, SCHEMAS, run_tequio, soffice_convert

PLANS = ROOT / "examples" / "matrices"
NS = {"t": "urn:tequio:tracking:1"}
MESA1 = "seguimiento-oaxaca-agua-mesa-1-santa-lucia-del-camino.xml"
WORKBOOK = "seguimiento-oaxaca-agua"
# Plan 1 (Mesa 1): four commitments, then the milestones' table from row 15 (TrackingLayout).
COMMITMENT, FIRST_MILESTONE = 8, 15


@pytest.fixture(scope="module")
def tracked(tmp_path_factory):
    out = tmp_path_factory.mktemp("tracking")
    run_tequio(["track", "init", "--module", MODULE, PLANS, "-o", out], check=True)
    return out


def copy_of(tracked, target):
    shutil.copytree(tracked, target)
    return target


def rows_by_id(ws):
    return {ws[f"A{r}"].value: r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value}


def fill(source, target, month=3, extra=None):
    """Mesa 1's planning and one month of progress, typed as a person would in Excel (dates as dates)."""
    wb = openpyxl.load_workbook(source)
    ws = wb["Plan 1"]
    rows = rows_by_id(ws)
    c = rows["c1"]
    ws[f"D{c}"], ws[f"F{c}"], ws[f"G{c}"] = "Área de agua del municipio", datetime.date(2025, 1, 15), datetime.date(2025, 12, 31)
    ws[f"H{c}"], ws[f"I{c}"], ws[f"J{c}"] = 150000, "MXN", "Banco Mundial"
    g1, g2, r2 = rows["c1-g1"], rows["c1-g2"], rows["c1-r2"]
    ws[f"D{g1}"], ws[f"E{g1}"] = datetime.date(2025, 2, 1), datetime.date(2025, 3, 31)
    ws[f"F{g1}"], ws[f"G{g1}"] = datetime.date(2025, month, 28), "Completo"
    ws[f"I{g1}"], ws[f"J{g1}"] = datetime.date(2025, 2, 3), datetime.date(2025, 3, 20)
    ws[f"K{g1}"], ws[f"L{g1}"] = "Calendario publicado «en la presidencia» & <redes>", "https://example.org/calendario.pdf"
    ws[f"E{g2}"] = datetime.date(2025, 4, 30)
    ws[f"F{g2}"], ws[f"G{g2}"], ws[f"H{g2}"], ws[f"I{g2}"] = datetime.date(2025, month, 28), "Limitado", 30, datetime.date(2025, 3, 2)
    ws[f"D{r2}"], ws[f"E{r2}"], ws[f"F{r2}"], ws[f"G{r2}"] = "% de días", 40, 80, "Aumentar"
    ws[f"H{r2}"], ws[f"I{r2}"] = datetime.date(2025, month, 28), 55
    if extra:
        extra(ws, rows)
    wb.save(target)
    return target


def updates(path):
    root = ET.parse(path).getroot()
    return [(u.get("item"), u.get("date"), u.get("status"), u.get("percent"), u.get("started"), u.get("completed"), u.get("value"),
             (u.findtext("t:narrative", None, NS) or ""), [e.get("href") for e in u.findall("t:evidence", NS)])
            for u in root.find("t:updates", NS)]


EXPECTED = [
    ("c1-g1", "2025-03-28", "complete", None, "2025-02-03", "2025-03-20", None, "Calendario publicado «en la presidencia» & <redes>",
     ["https://example.org/calendario.pdf"]),
    ("c1-g2", "2025-03-28", "limited", "30", "2025-03-02", None, None, "", []),
    ("c1-r2", "2025-03-28", None, None, None, None, "55", "", []),
]


def import_tracking(files, folder=None, expect=0):
    args = ["import", *files, "--module", MODULE] + (["-o", folder] if folder else [])
    result = run_tequio(args)
    assert result.returncode == expect, result.stderr
    return result


# ---- init and the workbook ----

def test_init_writes_a_tracking_file_per_plan_and_the_workbook_the_same_bytes_every_time(tracked, tmp_path):
    names = sorted(p.name for p in tracked.iterdir())
    assert names == sorted([MESA1, "seguimiento-oaxaca-agua-mesa-2-santa-cruz-xoxocotlan.xml", "seguimiento-oaxaca-agua-mesa-6-sierra-norte.xml",
                            "seguimiento-oaxaca-agua-table-8-isthmus.xml", f"{WORKBOOK}.xlsx", f"{WORKBOOK}.ods"])
    root = ET.parse(tracked / MESA1).getroot()
    assert [c.get("id") for c in root.findall("t:commitment", NS)] == ["c1", "c2", "c3", "c4"]
    assert [m.get("owner") for m in root.find("t:commitment", NS).findall("t:milestone", NS)] == ["government"] * 4 + ["civil-society"] * 4
    check = run_tequio(["check", *sorted(tracked.iterdir())])
    assert check.returncode == 0, check.stderr
    again = tmp_path / "again"
    run_tequio(["track", "init", "--module", MODULE, PLANS, "-o", again], check=True)
    for name in names:
        assert (tracked / name).read_bytes() == (again / name).read_bytes(), f"{name} differs between two runs"
    refused = run_tequio(["track", "init", "--module", MODULE, PLANS, "-o", again])
    assert refused.returncode == 64 and "never replaced" in refused.stderr


def test_the_workbook_has_status_drop_downs_date_cells_and_locked_cells(tracked, tmp_path):
    wb = openpyxl.load_workbook(tracked / f"{WORKBOOK}.xlsx")
    assert wb.sheetnames == ["Instrucciones", "Plan 1", "Plan 2", "Plan 3", "Plan 4", "tequio"]
    assert wb["tequio"].sheet_state == "hidden" and wb["tequio"].protection.sheet
    ws = wb["Plan 1"]
    assert ws.protection.sheet
    g1 = rows_by_id(ws)["c1-g1"]
    assert g1 == FIRST_MILESTONE
    for ref in [f"D{COMMITMENT}", f"F{g1}", f"G{g1}", f"H{g1}", f"K{g1}", f"L{g1}"]:
        assert ws[ref].protection.locked is False, f"{ref} should be open"
    for ref in ["A1", f"A{g1}", f"C{g1}", f"B{COMMITMENT}"]:
        assert ws[ref].protection.locked is not False, f"{ref} should be locked"
    kinds = {}
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            kinds[ref[0]] = kinds.get(ref[0], set()) | {dv.type}
    assert "list" in kinds["G"] and "date" in kinds["F"] and "whole" in kinds["H"]
    assert any(dv.formula1 == '"No iniciado,Limitado,Sustancial,Completo,Retirado"' for dv in ws.data_validations.dataValidation)
    assert ws[f"F{g1}"].number_format == "yyyy\\-mm\\-dd"
    english = tmp_path / "en"
    run_tequio(["track", "sheets", "--module", MODULE, tracked, "--language", "en", "-o", english], check=True)
    en = openpyxl.load_workbook(english / f"{WORKBOOK}.xlsx")
    assert en.sheetnames[0] == "Instructions"
    assert any(dv.formula1 == '"Not started,Limited,Substantial,Complete,Withdrawn"' for dv in en["Plan 1"].data_validations.dataValidation)


# ---- filled and imported ----

def test_a_filled_workbook_appends_dated_updates_and_importing_it_again_adds_nothing(tracked, tmp_path):
    folder = copy_of(tracked, tmp_path / "t")
    filled = fill(folder / f"{WORKBOOK}.xlsx", folder / "marzo.xlsx")
    result = import_tracking([filled])
    assert "3 updates, 13 planning fields set" in result.stderr
    assert updates(folder / MESA1) == EXPECTED
    root = ET.parse(folder / MESA1).getroot()
    c1 = root.find("t:commitment", NS)
    assert c1.findtext("t:lead-agency", None, NS) == "Área de agua del municipio"
    assert c1.find("t:budget", NS).get("currency") == "MXN" and c1.findtext("t:due", None, NS) == "2025-12-31"
    before = (folder / MESA1).read_bytes()
    again = import_tracking([filled])
    assert "nothing new" in again.stderr and (folder / MESA1).read_bytes() == before
    # A month later, from the workbook written again with the current state: one more update, history kept.
    run_tequio(["track", "sheets", "--module", MODULE, folder, "-o", folder / "abril"], check=True)
    wb = openpyxl.load_workbook(folder / "abril" / f"{WORKBOOK}.xlsx")
    ws = wb["Plan 1"]
    g2 = rows_by_id(ws)["c1-g2"]
    assert ws[f"G{g2}"].value == "Limitado" and ws[f"H{g2}"].value in ("30", 30)
    ws[f"F{g2}"], ws[f"G{g2}"], ws[f"H{g2}"] = datetime.date(2025, 4, 30), "Sustancial", 70
    ws[f"E{COMMITMENT + 0}"] = "Secretaría de Finanzas"
    wb.save(folder / "abril.xlsx")
    import_tracking([folder / "abril.xlsx"], folder)
    assert updates(folder / MESA1)[:3] == EXPECTED
    assert updates(folder / MESA1)[3][:4] == ("c1-g2", "2025-04-30", "substantial", "70")
    check = run_tequio(["check", folder / MESA1])
    assert check.returncode == 0, check.stderr


def test_the_workbook_resaved_and_converted_by_libreoffice_imports_the_same(tracked, tmp_path):
    filled = fill(tracked / f"{WORKBOOK}.xlsx", tmp_path / "filled.xlsx")
    soffice_convert([filled], "ods", tmp_path / "ods", tmp_path / "profile")
    ods = tmp_path / "ods" / "filled.ods"
    assert ods.is_file(), "LibreOffice did not write the ODS"
    soffice_convert([ods], "xlsx:Calc MS Excel 2007 XML", tmp_path / "xlsx", tmp_path / "profile")
    xlsx = tmp_path / "xlsx" / "filled.xlsx"
    assert xlsx.is_file(), "LibreOffice did not write the XLSX"
    for converted in (ods, xlsx):
        folder = copy_of(tracked, tmp_path / f"t-{converted.suffix[1:]}")
        import_tracking([converted], folder)
        assert updates(folder / MESA1) == EXPECTED, converted
    resaved = openpyxl.load_workbook(xlsx)
    assert resaved["tequio"].sheet_state == "hidden" and resaved["Plan 1"].protection.sheet


def test_bad_rows_are_refused_with_file_sheet_and_cell_and_nothing_is_written(tracked, tmp_path):
    folder = copy_of(tracked, tmp_path / "t")
    import_tracking([fill(folder / f"{WORKBOOK}.xlsx", folder / "marzo.xlsx")])
    before = {p.name: p.read_bytes() for p in folder.glob("*.xml")}

    def mistakes(ws, rows):
        g1, g2, g3, g4, s1, s2 = (rows[k] for k in ("c1-g1", "c1-g2", "c1-g3", "c1-g4", "c1-s1", "c1-s2"))
        ws[f"F{g1}"], ws[f"G{g1}"] = datetime.date(2025, 3, 1), "Sustancial"
        ws[f"J{g2}"], ws[f"G{g2}"], ws[f"H{g2}"] = datetime.date(2025, 3, 1), "Completo", None
        ws[f"A{g3}"] = "c9-g9"
        ws[f"F{g4}"], ws[f"G{g4}"] = datetime.date(2025, 5, 1), "Casi listo"
        ws[f"F{s1}"], ws[f"G{s1}"], ws[f"L{s1}"] = datetime.date(2025, 4, 2), "Limitado", "acta en la oficina"
        ws[f"G{s2}"] = "Limitado"
    bad = fill(folder / f"{WORKBOOK}.xlsx", folder / "mal.xlsx", month=4, extra=mistakes)
    result = import_tracking([bad], expect=65)
    g1 = FIRST_MILESTONE
    for expected in [f"mal.xlsx:Plan 1!F{g1}: error: the update of 'c1-g1' is dated 2025-03-01, before its last update (2025-03-28)",
                     f"mal.xlsx:Plan 1!J{g1 + 1}: error: 'c1-g2' would end on 2025-03-01, before it started (2025-03-02)",
                     f"mal.xlsx:Plan 1!A{g1 + 2}: error: 'c9-g9' is not a milestone of plan",
                     f"mal.xlsx:Plan 1!G{g1 + 3}: error: 'Casi listo' is not a status",
                     f"mal.xlsx:Plan 1!F{g1 + 5}: error: the update of 'c1-s2' has no date",
                     f"mal.xlsx:Plan 1!L{g1 + 4}: error: 'acta' in 'acta en la oficina' is not a web address"]:
        assert expected in result.stderr, result.stderr
    for ident in ["track.update-before-last", "track.done-before-start", "track.unknown-id", "track.not-a-status", "track.missing-date", "track.bad-link"]:
        assert f"[{ident}]" in result.stderr
    assert "nothing was imported" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.glob("*.xml")} == before


# ---- the report and the IATI export ----

class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.svg_titles, self._in_title = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        self._in_title = tag == "title" and "svg" in self.tags

    def handle_data(self, data):
        if self._in_title:
            self.svg_titles.append(data)
            self._in_title = False


@pytest.fixture(scope="module")
def reported(tracked, tmp_path_factory):
    folder = copy_of(tracked, tmp_path_factory.mktemp("rep") / "t")
    import_tracking([fill(folder / f"{WORKBOOK}.xlsx", folder / "marzo.xlsx")])
    out = folder / "informe"
    run_tequio(["track", "report", "--module", MODULE, *sorted(folder.glob("*.xml")), "--as-of", "2025-06-30", "-o", out], check=True)
    return folder, out


def test_the_report_opens_in_libreoffice_and_pandoc_and_the_odt_is_valid(reported, tmp_path, artifacts):
    _, out = reported
    stem = "oaxaca-agua-seguimiento-2025-06-30"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{stem}.{e}" for e in ("docx", "odt", "html", "md"))
    check = run_tequio(["check", out / f"{stem}.docx", out / f"{stem}.odt"])
    assert check.returncode == 0, check.stderr
    with zipfile.ZipFile(out / f"{stem}.odt") as z:
        for part in ("content.xml", "styles.xml"):
            (tmp_path / part).write_bytes(z.read(part))
    lint = subprocess.run(["xmllint", "--nonet", "--noout", "--relaxng", SCHEMAS / "odf1.3" / "OpenDocument-v1.3-schema.rng",
                           tmp_path / "content.xml", tmp_path / "styles.xml"], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr
    for ext in ("docx", "odt"):
        text = subprocess.run(["pandoc", "-f", ext, "-t", "plain", out / f"{stem}.{ext}"], capture_output=True, text=True, timeout=120)
        assert text.returncode == 0 and "Compromiso 1: Calendario de tandeo" in text.stdout, text.stderr
    soffice_convert([out / f"{stem}.docx"], "pdf", tmp_path / "docx", tmp_path / "profile")
    soffice_convert([out / f"{stem}.odt"], "pdf", tmp_path / "odt", tmp_path / "profile")
    for ext in ("docx", "odt"):
        pdf = tmp_path / ext / f"{stem}.pdf"
        assert pdf.is_file(), f"LibreOffice could not open the {ext}"
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        assert "Informe de seguimiento" in text and "Mesa 1 · Santa Lucía del Camino" in text
        assert "Corte 2025-06-30" in text, f"the timeline's legend is not drawn in the {ext}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "4", "-l", "4", pdf, artifacts / f"tracking-report-{ext}"], check=True)


def test_the_pdf_report_draws_its_charts_as_tagged_figures(reported, tmp_path, artifacts):
    folder, _ = reported
    out = tmp_path / "pdf"
    run_tequio(["track", "report", "--module", MODULE, *sorted(folder.glob("*.xml")), "--as-of", "2025-06-30", "--format", "pdf", "-o", out],
               check=True)
    pdf = out / "oaxaca-agua-seguimiento-2025-06-30.pdf"
    assert sorted(p.name for p in out.iterdir()) == [pdf.name]
    check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), "every font embedded"
    structure = subprocess.run(["pdfinfo", "-struct", pdf], capture_output=True, text=True, check=True).stdout
    html = (folder / "informe" / "oaxaca-agua-seguimiento-2025-06-30.html").read_text(encoding="utf-8")
    assert structure.count("Figure") == html.count("<svg ") >= 7, "each chart a /Figure, as in the HTML"
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "Corte 2025-06-30" in text and "Compromiso 1: Calendario de tandeo" in text, "the timeline's legend is drawn as text"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "4", "-l", "4", pdf, artifacts / "tracking-report-pdf"], check=True)


def test_the_html_report_is_one_file_with_svg_charts_and_no_script(reported):
    _, out = reported
    page = (out / "oaxaca-agua-seguimiento-2025-06-30.html").read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags
    assert [u for u in parser.urls if not u.startswith(("#", "data:"))] == [], "nothing outside the file"
    assert parser.tags.count("svg") >= 7
    assert any("Cronograma de los hitos (8)" in t for t in parser.svg_titles)
    assert "Calendario publicado «en la presidencia» &amp; &lt;redes&gt;" in page
    markdown = (out / "oaxaca-agua-seguimiento-2025-06-30.md").read_text(encoding="utf-8")
    assert "## Plan 1: Mesa 1 · Santa Lucía del Camino" in markdown


def test_the_iati_export_is_valid_against_the_official_schema(reported, tmp_path):
    folder, _ = reported
    target = tmp_path / "iati.xml"
    run_tequio(["track", "export", "--iati", *sorted(folder.glob("seguimiento-*.xml")), "--reporting-org", "XM-DAC-44000",
                "--reporting-org-name", "Banco Mundial", "--country", "MX", "--as-of", "2025-06-30", "-o", target], check=True)
    lint = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", SCHEMAS / "iati-2.03" / "iati-activities-schema.xsd", target],
                          capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr
    root = ET.parse(target).getroot()
    activities = root.findall("iati-activity")
    assert len(activities) == 4
    assert all(a.findtext("iati-identifier").startswith("XM-DAC-44000-oaxaca-agua-") for a in activities)
    mesa1 = next(a for a in activities if a.findtext("iati-identifier").endswith("mesa-1-santa-lucia-del-camino"))
    assert len(mesa1.findall("result")) == 4
    assert mesa1.find("result/indicator/period/actual").get("value") == "16"
    assert run_tequio(["check", target]).returncode == 0
    bad = run_tequio(["track", "export", "--iati", folder, "--reporting-org", "banco"])
    assert bad.returncode == 64 and "not an IATI organisation identifier" in bad.stderr


def test_per_plan_workbooks_and_reports_for_many_plans(reported, tmp_path):
    folder, _ = reported
    tracking = sorted(folder.glob("seguimiento-*.xml"))
    run_tequio(["track", "sheets", "--per-plan", "--module", MODULE, *tracking, "-o", tmp_path / "hojas"], check=True)
    assert sorted(p.name for p in (tmp_path / "hojas").iterdir()) == sorted(f"{p.stem}.{e}" for p in tracking for e in ("xlsx", "ods"))
    one = tmp_path / "hojas" / MESA1.replace(".xml", ".xlsx")
    assert openpyxl.load_workbook(one).sheetnames == ["Instrucciones", "Plan 1", "tequio"]
    assert "nothing new" in import_tracking([one], folder).stderr
    run_tequio(["track", "report", "--per-plan", "--module", MODULE, *tracking, "--format", "md", "--as-of", "2025-06-30", "-o", tmp_path / "inf"],
               check=True)
    names = sorted(p.name for p in (tmp_path / "inf").iterdir())
    assert names == sorted(["oaxaca-agua-seguimiento-2025-06-30.md"] + [f"{p.stem[len('seguimiento-'):]}-seguimiento-2025-06-30.md" for p in tracking])
    summary = (tmp_path / "inf" / "oaxaca-agua-seguimiento-2025-06-30.md").read_text(encoding="utf-8")
    assert "Resumen" in summary and "Compromiso 1:" not in summary
