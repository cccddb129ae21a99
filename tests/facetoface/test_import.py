"""`tequio import`: blank spreadsheets filled programmatically (openpyxl for XLSX, LibreOffice for
ODS, a CSV converted by LibreOffice), imported, and compared cell by cell with what was typed; then
every kind of bad input, each refused with a message naming file, sheet and cell, and nothing written."""
import csv
import re
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from .conftest import MODULE, run_tequio, soffice_convert

NS = {"m": "urn:tequio:completed-matrix:1"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
COLUMNS = ["problem", "beneficiaries", "affected", "government-actions", "civil-society-actions", "expected-results"]
LABELS_EN = ["Problems and reform priorities", "Who benefits from the problem?", "Who is affected?",
             "Actions the government must take", "Actions civil society must take", "Expected results"]
XLSX = "oaxaca-agua-1.0.0-plan-es.xlsx"

LONG = ("Las obras de agua potable se anuncian en asamblea, pero nadie conoce el expediente: cuánto costaron, "
        "quién las construyó, qué garantía tienen ni a quién reclamar. ") * 9  # about 1 300 characters
ROWS = [
    {
        "problem": "Nadie conoce el calendario de tandeo 💧 de la colonia\nSegunda línea: ¿quién decide los turnos?",
        "beneficiaries": "Piperos y quien reparte los turnos",
        "affected": "Mujeres usuarias; niñas y niños «sin agua»",
        "government-actions": '=HYPERLINK("https://www.oaxaca.gob.mx";"Portal")\nPublicar el calendario cada lunes',
        "civil-society-actions": "- Vigilar el cumplimiento\n- Reportar fallas por WhatsApp 📱",
        "expected-results": "+100 % de colonias con calendario publicado",
    },
    {
        "problem": LONG[:1450],
        "beneficiaries": "Constructoras con contratos sin licitación",
        "affected": "Todo el municipio",
        "government-actions": ("Publicar cada contrato de obra en la página del municipio en 10 días hábiles.\n" * 25)[:1990],
        "civil-society-actions": "Formar un comité de contraloría social por obra",
        "expected-results": "El 100 % de los contratos de 2012 publicados",
    },
    {
        "problem": "@organismo no responde las quejas",
        "affected": "Usuarios sin voz",
        "government-actions": "Abrir un buzón con folio y plazo de respuesta",
        "civil-society-actions": "Acompañar las quejas en la asamblea",
        "expected-results": "-50 % de quejas sin respuesta en un año",
    },
]
MEMBERS = [
    ("Rosa Martínez López", "Gobierno", "government", "Directora del organismo operador"),
    ("Guadalupe Cruz Jiménez", "Sociedad civil", "civil-society", None),
    ("Alejandra Sosa Pérez", "Sector privado", "private-sector", "Transportistas de pipas"),
    ("Ñuu Savi Hernández", "Otro", "other", "Intérprete"),
]


def set_text(ws, ref, value):
    cell = ws[ref]
    cell.value = value
    cell.data_type = "s"  # openpyxl would otherwise turn "=…" into a formula


def fill(sheets, target):
    wb = openpyxl.load_workbook(sheets / XLSX)
    ws = wb["Mesa 1"]
    set_text(ws, "B1", "Mesa 1 · Santa Lucía del Camino")
    set_text(ws, "D1", "Santa Lucía del Camino")
    # Row 4 stays empty between the first and the second problem.
    for row, data in zip((3, 5, 6), ROWS):
        for col, column in enumerate(COLUMNS):
            if column in data:
                set_text(ws, f"{'ABCDEF'[col]}{row}", data[column])
    for i, (name, sector, _, role) in enumerate(MEMBERS):
        set_text(ws, f"H{3 + i}", name)
        set_text(ws, f"I{3 + i}", sector)
        if role:
            set_text(ws, f"J{3 + i}", role)
    ws2 = wb["Mesa 2"]
    for col, column in enumerate(COLUMNS):
        if column in ROWS[2]:
            set_text(ws2, f"{'ABCDEF'[col]}3", ROWS[2][column])
    wb.save(target)
    return target


def imported(folder):
    result = {}
    for path in sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        name = root.find("m:table/m:name", NS).text
        result[name] = root
    return result


def rows_of(root):
    return [{c.get("column"): c.text for c in row.findall("m:cell", NS)} for row in root.findall("m:rows/m:row", NS)]


def assert_matches(root, rows, lang="es"):
    assert root.get("module") == "oaxaca-agua" and root.get("module-version") == "1.0.0" and root.get("matrix") == "plan"
    assert root.get(XML_LANG) == lang
    got = rows_of(root)
    assert len(got) == len(rows), f"{len(got)} rows imported, {len(rows)} typed"
    for i, (typed, read) in enumerate(zip(rows, got)):
        for column in COLUMNS:
            assert read.get(column) == typed.get(column), f"row {i + 1}, column {column}"


def assert_table_one(root):
    assert root.find("m:table/m:municipality", NS).text == "Santa Lucía del Camino"
    assert_matches(root, ROWS)
    members = [(m.find("m:name", NS).text, m.get("sector"), getattr(m.find("m:role", NS), "text", None))
               for m in root.findall("m:members/m:member", NS)]
    assert members == [(n, s, r) for n, _, s, r in MEMBERS]


@pytest.fixture(scope="module")
def filled(sheets, tmp_path_factory):
    return fill(sheets, tmp_path_factory.mktemp("filled") / "mesas.xlsx")


def import_ok(files, out, *extra):
    result = run_tequio(["import", *files, "--module", MODULE, "-o", out, *extra])
    assert result.returncode == 0, result.stderr
    return result


def test_xlsx_filled_with_openpyxl_round_trips_cell_by_cell(filled, tmp_path):
    out = tmp_path / "out"
    result = import_ok([filled], out)
    tables = imported(out)
    assert set(tables) == {"Mesa 1 · Santa Lucía del Camino", "Mesa 2"}
    assert_table_one(tables["Mesa 1 · Santa Lucía del Camino"])
    assert_matches(tables["Mesa 2"], [ROWS[2]])
    assert "skipped 6 empty sheets" in result.stderr
    assert ": warning:" not in result.stderr and ": error:" not in result.stderr
    check = run_tequio(["check", "--module", MODULE, *sorted(out.glob("*.xml"))])
    assert check.returncode == 0, check.stderr


def test_ods_written_by_libreoffice_round_trips(filled, tmp_path):
    soffice_convert([filled], "ods", tmp_path / "ods", tmp_path / "profile")
    ods = tmp_path / "ods" / "mesas.ods"
    assert ods.is_file(), "LibreOffice did not convert the filled XLSX"
    out = tmp_path / "out"
    import_ok([ods], out)
    tables = imported(out)
    assert_table_one(tables["Mesa 1 · Santa Lucía del Camino"])
    assert_matches(tables["Mesa 2"], [ROWS[2]])


def write_csv(path, header, rows, delimiter=",", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in COLUMNS])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def test_csv_converted_to_ods_by_libreoffice_round_trips(tmp_path):
    source = write_csv(tmp_path / "mesa-3.csv", LABELS_EN, ROWS + [{}])
    # Every column as text, so that LibreOffice keeps "=HYPERLINK(…)" as typed.
    soffice = shutil.which("soffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--infilter=Text - txt - csv (StarCalc):44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2",
                    "--convert-to", "ods", "--outdir", str(tmp_path / "ods"), str(source)],
                   capture_output=True, timeout=240)
    ods = tmp_path / "ods" / "mesa-3.ods"
    assert ods.is_file()
    out = tmp_path / "out"
    result = import_ok([ods], out, "--table", "Mesa 3 · Ixtlán", "--municipality", "Ixtlán de Juárez")
    assert "[import.no-metadata]" in result.stderr
    (root,) = imported(out).values()
    assert root.find("m:table/m:name", NS).text == "Mesa 3 · Ixtlán"
    assert root.find("m:table/m:municipality", NS).text == "Ixtlán de Juárez"
    assert_matches(root, ROWS, lang="en")


@pytest.mark.parametrize("delimiter,bom,header", [(",", False, COLUMNS), (";", True, LABELS_EN)])
def test_csv_imports_directly_with_ids_or_labels_commas_or_semicolons(tmp_path, delimiter, bom, header):
    source = write_csv(tmp_path / "mesa-4.csv", header, ROWS, delimiter=delimiter, bom=bom)
    out = tmp_path / "out"
    import_ok([source], out)
    (root,) = imported(out).values()
    assert root.find("m:table/m:name", NS).text == "mesa-4"
    assert_matches(root, ROWS, lang="en" if header is LABELS_EN else "es")


# ---- bad inputs: a message naming the file, sheet and cell; exit 65; nothing written ----

def broken(sheets, tmp_path, change):
    wb = openpyxl.load_workbook(fill(sheets, tmp_path / "base.xlsx"))
    change(wb)
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


def delete_result_column(wb):
    wb["Mesa 1"].delete_cols(6)


CASES = {
    "another module": (lambda wb: wb["tequio"].__setitem__("B4", "otro-modulo"),
                       "sheet 'tequio': cell B4: this spreadsheet is for module 'otro-modulo'", "import.wrong-module"),
    "another version": (lambda wb: wb["tequio"].__setitem__("B5", "0.9.0"),
                        "sheet 'tequio': cell B5: this spreadsheet was made for version 0.9.0", "import.wrong-version"),
    "renamed column": (lambda wb: wb["Mesa 1"].__setitem__("C2", "¿Quién gana?"),
                       "sheet 'Mesa 1': cell C2: '¿Quién gana?' is not a column of matrix 'plan'", "import.unknown-column"),
    "missing column": (delete_result_column,
                       "sheet 'Mesa 1': row 2: column 'Resultados esperados' is missing (it belongs in cell F2)", "import.missing-column"),
    "merged cells": (lambda wb: wb["Mesa 1"].merge_cells("A3:B3"),
                     "sheet 'Mesa 1': cells A3:B3 are merged", "import.merged-cells"),
    "formula": (lambda wb: wb["Mesa 2"].__setitem__("B3", "=A3&\" (copia)\""),
                "sheet 'Mesa 2': cell B3: the formula '=A3&\" (copia)\"' has no stored value", "import.formula-without-value"),
    "too long": (lambda wb: set_text(wb["Mesa 2"], "C3", "é" * 1001),
                 "sheet 'Mesa 2': cell C3: '¿Quién resulta afectado?' has 1001 characters, over the maximum of 1000", "import.too-long"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_spreadsheets_are_refused_naming_the_cell(sheets, tmp_path, case):
    change, message, identifier = CASES[case]
    path = broken(sheets, tmp_path, change)
    good = fill(sheets, tmp_path / "good.xlsx")
    out = tmp_path / "out"
    result = run_tequio(["import", good, path, "--module", MODULE, "-o", out])
    assert result.returncode == 65, result.stderr
    assert f"plan.xlsx: error: {message}" in result.stderr.replace(str(tmp_path) + "/", ""), result.stderr
    assert f"[{identifier}]" in result.stderr
    assert not out.exists(), "nothing may be written when an input is invalid"


def test_a_formula_with_a_stored_value_is_imported_as_that_value_with_a_warning(sheets, tmp_path):
    path = broken(sheets, tmp_path, lambda wb: wb["Mesa 2"].__setitem__("B3", '="Quien " & "cobra"'))
    soffice_convert([path], "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc", tmp_path / "profile")
    recalculated = tmp_path / "calc" / "plan.xlsx"
    assert recalculated.is_file()
    out = tmp_path / "out"
    result = import_ok([recalculated], out)
    assert "sheet 'Mesa 2': cell B3: the formula" in result.stderr and "[import.formula]" in result.stderr
    assert rows_of(imported(out)["Mesa 2"])[0]["beneficiaries"] == "Quien cobra"


def hostile_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.mark.parametrize("entries,expected", [
    ([("[Content_Types].xml", "<Types/>"), ("../evil.txt", "x")], "entry '../evil.txt': unsafe name (parent directory) [zip.unsafe-name]"),
    ([("xl/workbook.xml", "<a/>"), ("xl/workbook.xml", "<b/>")], "duplicate of 'xl/workbook.xml' [zip.duplicate-entry]"),
    ([("xl/sharedStrings.xml", b"\0" * (60 << 20))], "entry 'xl/sharedStrings.xml': expands more than 200 times (zip bomb?) [zip.suspicious-ratio]"),
])
def test_hostile_zips_are_refused_by_the_safe_reader(tmp_path, entries, expected):
    with pytest.warns(UserWarning) if entries[0][0] == entries[-1][0] and len(entries) > 1 else _nothing():
        path = hostile_zip(tmp_path / "plan.xlsx", entries)
    result = run_tequio(["import", path, "--module", MODULE, "-o", tmp_path / "out"])
    assert result.returncode == 65, result.stderr
    assert expected in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def test_imported_files_assemble_once_the_command_exists(filled, tmp_path):
    help_text = run_tequio(["--help"]).stdout
    if not re.search(r"^\s+assemble\s", help_text, re.MULTILINE):
        pytest.skip("`tequio assemble` does not exist yet")
    out = tmp_path / "out"
    import_ok([filled], out)
    result = run_tequio(["assemble", "--module", MODULE, *sorted(out.glob("*.xml")), "-o", tmp_path / "plans"])
    if result.returncode == 64:
        pytest.skip(f"`tequio assemble` takes other arguments: {result.stderr[:200]}")
    assert result.returncode == 0, result.stderr
