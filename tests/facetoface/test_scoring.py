"""The committee's scoring (issue 13): `tequio review sheets` writes each evaluator's workbook (XLSX,
ODS), a score sheet to print (HTML), the score CSV's template and the plans' compendium; the workbooks open and print in
LibreOffice, pass `tequio check`, keep their drop-downs and protection; filled with openpyxl, by
editing the ODS itself, or after LibreOffice re-saved them, `tequio import` turns them into score files
that `tequio check` accepts; so does the CSV template filled with Python's csv module and re-saved by
LibreOffice, alone or beside workbooks; every bad answer is refused with its file, sheet and cell, and nothing is
written."""
import csv
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from .conftest import MODULE, ROOT, run_tequio, soffice_convert

PLANS = ROOT / "examples" / "matrices"
NS = {"s": "urn:tequio:scores:1"}
EVALUATORS = ["Ana Pérez", "Luis Cruz"]
ANA = "puntajes-ronda-1-ana-perez"
LUIS = "puntajes-ronda-1-luis-cruz"
# The example plans in compendium order: Plan 1 … Plan 4.
PLAN_IDS = ["oaxaca-agua-mesa-1-santa-lucia-del-camino", "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan",
            "oaxaca-agua-mesa-6-sierra-norte", "oaxaca-agua-table-8-isthmus"]
CRITERIA = ["criterio-coordinacion", "criterio-transparencia", "criterio-factibilidad", "criterio-sociedad-civil",
            "criterio-resultados"]
# Where the answers are (ScoringLayout, two gates and five criteria).
CONFLICT, NOTE, GATES, SCORES = "C9", "D9", ["C12", "C13"], [f"C{r}" for r in range(16, 21)]
JUSTIFY = {1, 2, 5}


def review_sheets(out, *extra):
    args = ["review", "sheets", "--module", MODULE, PLANS, "--round", "Ronda 1", "-o", out, *extra]
    for name in EVALUATORS:
        args += ["--evaluator", name]
    return run_tequio(args, check=True)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    review_sheets(out)
    return out


def answers(plan):
    """What each test evaluator answers on plan N (1-based): scores vary by plan, the ones the rubric
    asks to justify are justified."""
    return [(plan + i) % 5 + 1 for i in range(5)]


def fill_openpyxl(source, target, conflict_on=None, change=None):
    wb = openpyxl.load_workbook(source)
    for n in range(1, 5):
        ws = wb[f"Plan {n}"]
        if n == conflict_on:
            ws[CONFLICT] = "Sí"
            ws[NOTE] = "Mi hermana integra la mesa"
            continue
        ws[CONFLICT] = "No"
        ws[GATES[0]], ws[GATES[1]] = "Sí", "No"
        for cell, justification, value in zip(SCORES, [c.replace("C", "D") for c in SCORES], answers(n)):
            ws[cell] = value
            if value in JUSTIFY:
                ws[justification] = f"Puntaje {value} en el plan {n}: «razones» & <detalles>"
    if change:
        change(wb)
    wb.save(target)
    return target


def scores_of(path):
    root = ET.parse(path).getroot()
    result = {"evaluator": root.find("s:evaluator", NS).text, "round": root.get("round"), "plans": {}}
    for plan in root.findall("s:plan", NS):
        conflict = plan.find("s:conflict", NS)
        result["plans"][plan.get("id")] = {
            "draft": plan.get("draft"),
            "conflict": conflict.get("declared") == "true",
            "note": conflict.text,
            "gates": {g.get("id"): g.get("met") for g in plan.findall("s:gate", NS)},
            "scores": [int(s.get("value")) for s in plan.findall("s:score", NS)],
            "justified": [s.find("s:justification", NS) is not None for s in plan.findall("s:score", NS)],
        }
    return result


def assert_ana(path, conflict_on=None):
    got = scores_of(path)
    assert got["evaluator"] == "Ana Pérez" and got["round"] == "Ronda 1"
    assert list(got["plans"]) == PLAN_IDS
    for n, plan_id in enumerate(PLAN_IDS, start=1):
        plan = got["plans"][plan_id]
        if n == conflict_on:
            assert plan["conflict"] and plan["note"] == "Mi hermana integra la mesa" and plan["scores"] == []
            continue
        assert not plan["conflict"]
        assert plan["gates"] == {"requisito-dos-sectores": "true", "requisito-diagnostico": "false"}
        assert plan["scores"] == answers(n)
        assert plan["justified"] == [v in JUSTIFY for v in answers(n)]


def import_scores(files, out, expect=0):
    result = run_tequio(["import", *files, "--module", MODULE, "-o", out])
    assert result.returncode == expect, result.stderr
    return result


# ---- the sheets ----

def test_each_evaluator_gets_a_workbook_a_printed_sheet_and_the_compendium_is_written_once(sheets, tmp_path):
    names = sorted(p.name for p in sheets.iterdir())
    assert names == sorted([f"{s}.{e}" for s in (ANA, LUIS) for e in ("xlsx", "ods", "html", "csv")] + ["planes-ronda-1.docx"])
    again = tmp_path / "again"
    review_sheets(again)
    for name in names:
        assert (sheets / name).read_bytes() == (again / name).read_bytes(), f"{name} differs between two runs"


def test_the_workbook_has_drop_downs_protection_and_a_hidden_tequio_sheet(sheets):
    wb = openpyxl.load_workbook(sheets / f"{ANA}.xlsx")
    assert wb.sheetnames == ["Instrucciones", "Plan 1", "Plan 2", "Plan 3", "Plan 4", "tequio"]
    assert wb["tequio"].sheet_state == "hidden" and wb["tequio"].protection.sheet
    assert wb["tequio"]["B7"].value == "Ana Pérez"
    for n in range(1, 5):
        ws = wb[f"Plan {n}"]
        assert ws.protection.sheet, f"Plan {n} is not protected"
        for ref in [CONFLICT, NOTE, *GATES, *SCORES, *[c.replace("C", "D") for c in SCORES]]:
            assert ws[ref].protection.locked is False, f"Plan {n}!{ref} should be open"
        for ref in ["A1", "B2", "A16", "B16", "E16", "C15"]:
            assert ws[ref].protection.locked is not False, f"Plan {n}!{ref} should be locked"
        lists = {str(dv.sqref): (dv.type, dv.formula1, dv.errorStyle) for dv in ws.data_validations.dataValidation}
        assert lists == {
            "C9": ("list", '"Sí,No"', "stop"),
            "C12:C13": ("list", '"Sí,No"', "stop"),
            "C16:C20": ("list", '"1,2,3,4,5"', "stop"),
        }
    instructions = [c for row in wb["Instrucciones"].iter_rows(values_only=True) for c in row if c]
    assert "Criterios para seleccionar los planes de acción" in instructions
    assert "Excelente" in instructions and "25 %" in instructions and "1, 2 y 5" in instructions
    assert any("conflicto de interés" in str(c) for c in instructions)


def test_english_sheets_speak_english(tmp_path):
    review_sheets(tmp_path, "--language", "en", "--compendium", "none")
    wb = openpyxl.load_workbook(tmp_path / f"{ANA}.xlsx")
    assert wb.sheetnames[0] == "Instructions"
    assert wb["Plan 1"]["A16"].value == "Coordination among agencies and stakeholders"
    assert {str(dv.sqref): dv.formula1 for dv in wb["Plan 1"].data_validations.dataValidation}["C9"] == '"Yes,No"'
    assert '<html lang="en">' in (tmp_path / f"{ANA}.html").read_text(encoding="utf-8")


def test_libreoffice_opens_and_prints_both_workbooks(sheets, tmp_path):
    for ext in ("xlsx", "ods"):
        soffice_convert([sheets / f"{ANA}.{ext}"], "pdf", tmp_path / ext, tmp_path / "profile")
        pdf = tmp_path / ext / f"{ANA}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), f"LibreOffice could not print the {ext}"


def test_tequio_check_accepts_the_workbooks_and_the_compendium(sheets):
    files = [sheets / f"{s}.{e}" for s in (ANA, LUIS) for e in ("xlsx", "ods")] + [sheets / "planes-ronda-1.docx"]
    result = run_tequio(["check", *files])
    assert result.returncode == 0, result.stderr


def test_the_printed_sheet_is_one_file_with_a_page_per_plan_and_no_script(sheets):
    html = (sheets / f"{ANA}.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert html.count('<section class="page">') == 1 + len(PLAN_IDS)
    assert html.count('<span class="box">5</span>') == 5 * len(PLAN_IDS)
    assert "Mesa 6 · Sierra Norte" in html


def test_a_module_without_rubric_or_a_bad_plan_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text((PLANS / "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan-2012-01-20.xml").read_text(encoding="utf-8")
                   .replace('module-version="1.0.0"', 'module-version="0.9.0"'), encoding="utf-8")
    out = tmp_path / "out"
    result = run_tequio(["review", "sheets", "--module", MODULE, PLANS, bad, "--evaluator", "Ana", "--round", "R1", "-o", out])
    assert result.returncode == 65 and "bad.xml" in result.stderr
    assert not out.exists()


# ---- filled and imported ----

def test_xlsx_filled_with_openpyxl_becomes_score_files_that_check_accepts(sheets, tmp_path):
    ana = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "ana.xlsx")
    luis = fill_openpyxl(sheets / f"{LUIS}.xlsx", tmp_path / "luis.xlsx", conflict_on=3)
    out = tmp_path / "scores"
    result = import_scores([ana, luis], out)
    assert "4 plans scored" in result.stderr and "3 plans scored, 1 conflict of interest declared" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{ANA}.xml", f"{LUIS}.xml"]
    assert_ana(out / f"{ANA}.xml")
    luis_scores = scores_of(out / f"{LUIS}.xml")
    assert luis_scores["plans"][PLAN_IDS[2]]["conflict"] and luis_scores["plans"][PLAN_IDS[2]]["scores"] == []
    check = run_tequio(["check", "--module", MODULE, *sorted(out.iterdir())])
    assert check.returncode == 0, check.stderr


def test_xlsx_resaved_and_converted_to_ods_by_libreoffice_imports_the_same(sheets, tmp_path):
    ana = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "ana.xlsx", conflict_on=2)
    soffice_convert([ana], "ods", tmp_path / "ods", tmp_path / "profile")
    soffice_convert([ana], "xlsx:Calc MS Excel 2007 XML", tmp_path / "xlsx", tmp_path / "profile")
    for converted in (tmp_path / "ods" / "ana.ods", tmp_path / "xlsx" / "ana.xlsx"):
        assert converted.is_file(), f"LibreOffice did not write {converted}"
        out = tmp_path / f"out-{converted.suffix[1:]}"
        import_scores([converted], out)
        assert_ana(out / f"{ANA}.xml", conflict_on=2)
    resaved = openpyxl.load_workbook(tmp_path / "xlsx" / "ana.xlsx")
    assert resaved["tequio"].sheet_state == "hidden" and resaved["Plan 1"].protection.sheet
    assert resaved["Plan 1"]["C16"].protection.locked is False


# The ODS as Tequio wrote it, filled by editing its content.xml (what a spreadsheet program saves).
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TX = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _expand(parent, tag, attribute, index):
    """The index-th child `tag` of parent, splitting a repeated one so that it stands alone."""
    position = 0
    for child in list(parent):
        if child.tag != f"{{{T}}}{tag}":
            if child.tag == f"{{{T}}}table-header-rows":
                found = _expand(child, tag, attribute, index - position)
                if found is not None:
                    return found
                position += sum(int(c.get(f"{{{T}}}{attribute}", "1")) for c in child)
            continue
        count = int(child.get(f"{{{T}}}{attribute}", "1"))
        if position <= index < position + count:
            if count > 1:
                at = list(parent).index(child)
                child.attrib.pop(f"{{{T}}}{attribute}")
                pieces = []
                for k in range(count):
                    piece = ET.fromstring(ET.tostring(child))
                    pieces.append(piece)
                parent.remove(child)
                for k, piece in enumerate(pieces):
                    parent.insert(at + k, piece)
                return pieces[index - position]
            return child
        position += count
    return None


def ods_fill(source, target, values):
    """values: {(sheet, "C16"): 4 or "text"}"""
    for prefix, uri in [("office", O), ("table", T), ("text", TX)]:
        ET.register_namespace(prefix, uri)
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for prefix, uri in re.findall(rb'xmlns:([a-z0-9]+)="([^"]+)"', parts["content.xml"]):
        ET.register_namespace(prefix.decode(), uri.decode())
    root = ET.fromstring(parts["content.xml"])
    tables = {t.get(f"{{{T}}}name"): t for t in root.iter(f"{{{T}}}table")}
    for (sheet, ref), value in values.items():
        column = ord(ref[0]) - ord("A")
        row = _expand(tables[sheet], "table-row", "number-rows-repeated", int(ref[1:]) - 1)
        cell = _expand(row, "table-cell", "number-columns-repeated", column)
        for child in list(cell):
            cell.remove(child)
        if isinstance(value, int):
            cell.set(f"{{{O}}}value-type", "float")
            cell.set(f"{{{O}}}value", str(value))
        else:
            cell.set(f"{{{O}}}value-type", "string")
        ET.SubElement(cell, f"{{{TX}}}p").text = str(value)
    parts["content.xml"] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def ana_values(conflict_on=None):
    values = {}
    for n in range(1, 5):
        sheet = f"Plan {n}"
        if n == conflict_on:
            values[(sheet, CONFLICT)] = "Sí"
            values[(sheet, NOTE)] = "Mi hermana integra la mesa"
            continue
        values[(sheet, CONFLICT)] = "No"
        values[(sheet, GATES[0])], values[(sheet, GATES[1])] = "Sí", "No"
        for cell, value in zip(SCORES, answers(n)):
            values[(sheet, cell)] = value
            if value in JUSTIFY:
                values[(sheet, cell.replace("C", "D"))] = f"Puntaje {value}"
    return values


def test_the_ods_filled_in_place_and_resaved_by_libreoffice_imports(sheets, tmp_path):
    filled = ods_fill(sheets / f"{ANA}.ods", tmp_path / "ana.ods", ana_values(conflict_on=4))
    out = tmp_path / "out"
    import_scores([filled], out)
    assert_ana(out / f"{ANA}.xml", conflict_on=4)
    soffice_convert([filled], "ods", tmp_path / "resaved", tmp_path / "profile")
    resaved = tmp_path / "resaved" / "ana.ods"
    assert resaved.is_file()
    out2 = tmp_path / "out2"
    import_scores([resaved], out2)
    assert_ana(out2 / f"{ANA}.xml", conflict_on=4)
    content = zipfile.ZipFile(resaved).read("content.xml").decode()
    assert 'table:name="Plan 1"' in content and 'table:protected="true"' in content


# ---- bad answers: file, sheet and cell; exit 65; nothing written ----

def set_cell(sheet, ref, value):
    return lambda wb: wb[sheet].__setitem__(ref, value)


def both(*changes):
    def change(wb):
        for c in changes:
            c(wb)
    return change


CASES = {
    "out of scale": (set_cell("Plan 3", "C16", 7), "Plan 3!C16: error: 7 is outside the scale 1–5", "review.out-of-scale"),
    "not a number": (set_cell("Plan 1", "C17", "bueno"), "Plan 1!C17: error: 'bueno' is not a number", "review.out-of-scale"),
    "missing justification": (both(set_cell("Plan 2", "C18", 5), set_cell("Plan 2", "D18", None)),
                              "Plan 2!D18: error: a 5 for 'Factibilidad para un municipio de baja capacidad' needs a written justification",
                              "review.missing-justification"),
    "missing score": (set_cell("Plan 4", "C20", None), "Plan 4!C20: error: no score for 'Resultados medibles'", "review.missing-score"),
    "not yes or no": (set_cell("Plan 1", "C12", "Tal vez"), "Plan 1!C12: error: 'Tal vez' is not Sí or No", "review.not-yes-no"),
    "scored despite conflict": (set_cell("Plan 2", "C9", "Sí"), "Plan 2!C12: error: Ana Pérez declared a conflict of interest",
                                "review.scored-despite-conflict"),
    "unknown criterion": (set_cell("tequio", "B10", "criterio-nuevo"),
                          "tequio!B10: error: the rubric 'seleccion-planes' has no criterion 'criterio-nuevo'", "review.unknown-criterion"),
    "unknown plan": (set_cell("tequio", "C18", "otro-plan"), "tequio!C18: error: 'otro-plan' is not a plan of module 'oaxaca-agua'",
                     "review.unknown-plan"),
    "another module": (set_cell("tequio", "B4", "agua-huajuapan"),
                       "tequio!B4: error: this workbook is for module 'agua-huajuapan', not 'oaxaca-agua'", "review.wrong-module"),
    "another rubric": (set_cell("tequio", "B6", "otra-rubrica"),
                       "tequio!B6: error: this workbook was made with rubric 'otra-rubrica'", "review.other-rubric"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_answers_are_refused_naming_file_sheet_and_cell(sheets, tmp_path, case):
    change, message, identifier = CASES[case]
    good = fill_openpyxl(sheets / f"{LUIS}.xlsx", tmp_path / "luis.xlsx")
    bad = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "puntajes-ana.xlsx", change=change)
    out = tmp_path / "out"
    result = import_scores([good, bad], out, expect=65)
    stderr = result.stderr.replace(str(tmp_path) + "/", "")
    assert f"puntajes-ana.xlsx:{message}" in stderr, stderr
    assert f"[{identifier}]" in stderr
    assert not out.exists(), "nothing may be written when an input is invalid"


def test_two_workbooks_of_one_evaluator_are_refused(sheets, tmp_path):
    a = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "ana.xlsx")
    b = shutil.copy(a, tmp_path / "ana-copia.xlsx")
    out = tmp_path / "out"
    result = import_scores([a, b], out, expect=65)
    assert "ana-copia.xlsx:tequio!B7: error: Ana Pérez has two workbooks for round 'Ronda 1'" in result.stderr.replace(str(tmp_path) + "/", "")
    assert "[review.duplicate-evaluator]" in result.stderr
    assert not out.exists()


def test_a_matrix_among_scoring_workbooks_is_refused(sheets, tmp_path):
    run_tequio(["build", MODULE, "--target", "sheets", "-o", tmp_path / "dist"], check=True)
    with zipfile.ZipFile(tmp_path / "dist" / "oaxaca-agua-1.0.0-sheets.zip") as z:
        z.extract("oaxaca-agua-1.0.0-plan-es.xlsx", tmp_path)
    ana = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "ana.xlsx")
    out = tmp_path / "out"
    result = import_scores([ana, tmp_path / "oaxaca-agua-1.0.0-plan-es.xlsx"], out, expect=65)
    assert "not a scoring workbook made by `tequio review sheets`" in result.stderr and "[review.not-a-workbook]" in result.stderr
    assert not out.exists()


def test_sheets_filled_imported_and_ranked_end_to_end(sheets, tmp_path):
    """The whole round as the committee runs it: the workbooks `review sheets` wrote, filled by each evaluator,
    imported into score files, ranked by `review rank`; the round file names who advances."""
    def both_gates_met(wb):
        for n in range(1, 5):
            if wb[f"Plan {n}"][CONFLICT].value == "No":
                wb[f"Plan {n}"][GATES[1]] = "Sí"
    filled = []
    for i, name in enumerate(EVALUATORS):
        slug = name.split()[0].lower().replace("é", "e")
        (source,) = [p for p in sheets.glob("*.xlsx") if slug in p.name]
        filled.append(fill_openpyxl(source, tmp_path / source.name, conflict_on=2 if i == 0 else None, change=both_gates_met))
    scores = tmp_path / "scores"
    import_scores(filled, scores)
    rank_round(scores, tmp_path / "decision")


def rank_round(scores, out):
    """`review rank` of both evaluators' score files, 2 of the 4 plans advancing; Ana recused from Plan 2."""
    args = ["review", "rank", "--module", MODULE, scores, "--round", "Ronda 1", "--advance", "2", "-o", out]
    for name in EVALUATORS:
        args += ["--evaluator", name]
    result = run_tequio(args)
    assert result.returncode == 0, result.stderr
    root = ET.parse(out / "ronda-ronda-1.xml").getroot()
    ns = {"r": "urn:tequio:round:1"}
    statuses = [p.get("status") for p in root.findall("r:ranking/r:plan", ns)]
    assert statuses.count("advances") == 2 and len(statuses) == 4
    recused = root.find(f"r:ranking/r:plan[@id='{PLAN_IDS[1]}']/r:recused", ns)
    assert recused is not None and recused.text == EVALUATORS[0]


# ---- the score CSV: one line per plan × item ----

def fill_csv(source, target, conflict_on=None, change=None):
    """The template as a form tool or a script fills it: Python's csv module, UTF-8 without a mark."""
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        n = PLAN_IDS.index(row["plan"]) + 1
        item = row["item"]
        if item == "conflict":
            row["answer"] = "Sí" if n == conflict_on else "No"
            row["justification"] = "Mi hermana integra la mesa" if n == conflict_on else ""
        elif n == conflict_on:
            continue
        elif item.startswith("requisito"):
            row["answer"] = "Sí" if item == "requisito-dos-sectores" else "No"
        else:
            value = answers(n)[CRITERIA.index(item)]
            row["answer"] = str(value)
            if value in JUSTIFY:
                row["justification"] = f'Puntaje {value}, "bien" argumentado:\n«razones» & <detalles>'
    if change:
        change(rows)
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_the_csv_template_filled_resaved_by_libreoffice_imports_beside_a_workbook_and_ranks(sheets, tmp_path):
    """Ana answers in the CSV (filled by a script, then opened and saved as UTF-8 CSV by LibreOffice), Luis in
    his workbook: one import gives both score files, Ana's the same as from her workbook, and the round ranks."""
    def both_gates_met(rows):
        for row in rows:
            if row["item"] == "requisito-diagnostico" and row["answer"]:
                row["answer"] = "Sí"
    (tmp_path / "filled").mkdir()
    filled = fill_csv(sheets / f"{ANA}.csv", tmp_path / "filled" / f"{ANA}.csv", conflict_on=2, change=both_gates_met)
    utf8 = "CSV:44,34,76,1"
    soffice_convert([filled], "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "resaved", tmp_path / "profile", infilter=utf8)
    resaved = tmp_path / "resaved" / f"{ANA}.csv"
    assert resaved.is_file(), "LibreOffice did not save the CSV"
    assert resaved.read_bytes() != filled.read_bytes(), "LibreOffice writes its own quoting"

    def luis_gates(wb):
        for n in range(1, 5):
            wb[f"Plan {n}"][GATES[1]] = "Sí"
    luis = fill_openpyxl(sheets / f"{LUIS}.xlsx", tmp_path / f"{LUIS}.xlsx", change=luis_gates)
    scores = tmp_path / "scores"
    result = import_scores([resaved, luis], scores)
    assert f"{ANA}.csv: Ana Pérez, 3 plans scored, 1 conflict of interest declared" in result.stderr, result.stderr
    got = scores_of(scores / f"{ANA}.xml")
    assert list(got["plans"]) == PLAN_IDS and got["plans"][PLAN_IDS[1]]["conflict"]
    for n in (1, 3, 4):
        plan = got["plans"][PLAN_IDS[n - 1]]
        assert plan["scores"] == answers(n) and plan["justified"] == [v in JUSTIFY for v in answers(n)]
        assert plan["gates"] == {"requisito-dos-sectores": "true", "requisito-diagnostico": "true"}
    justification = ET.parse(scores / f"{ANA}.xml").getroot().find("s:plan/s:score/s:justification", NS).text
    assert justification.endswith('"bien" argumentado:\n«razones» & <detalles>'), justification
    rank_round(scores, tmp_path / "decision")


def test_a_bad_csv_line_is_refused_at_its_line_and_column_and_nothing_is_written(sheets, tmp_path):
    def seven(rows):
        next(r for r in rows if r["plan"] == PLAN_IDS[2] and r["item"] == "criterio-coordinacion")["answer"] = "7"
    bad = fill_csv(sheets / f"{ANA}.csv", tmp_path / "ana.csv", change=seven)
    text = bad.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if ",7," in l)
    column = text.splitlines()[line - 1].index(",7,") + 2
    out = tmp_path / "out"
    result = import_scores([bad], out, expect=65)
    stderr = result.stderr.replace(str(tmp_path) + "/", "")
    assert f"ana.csv:{line}:{column}: error: 7 is outside the scale 1–5" in stderr, stderr
    assert not out.exists()
    workbook = fill_openpyxl(sheets / f"{ANA}.xlsx", tmp_path / "ana.xlsx")
    result = import_scores([fill_csv(sheets / f"{ANA}.csv", tmp_path / "ana-bis.csv"), workbook], out, expect=65)
    assert "Ana Pérez has two score sheets for round 'Ronda 1'" in result.stderr and "[review.duplicate-evaluator]" in result.stderr
    assert not out.exists()
