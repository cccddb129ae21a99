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
# The short titles (column G) of the first two problems; the third has none.
TITLES = ["Calendario de tandeo «sin aviso» 💧", "Contratos de obra"]
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
    for row, title in zip((3, 5), TITLES):
        set_text(ws, f"G{row}", title)
    for i, (name, sector, _, role) in enumerate(MEMBERS):
        set_text(ws, f"I{3 + i}", name)
        set_text(ws, f"J{3 + i}", sector)
        if role:
            set_text(ws, f"K{3 + i}", role)
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
    assert [row.get("title") for row in root.findall("m:rows/m:row", NS)] == TITLES + [None]
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


# ---- issue 10: odd inputs never end in a file that `tequio check` refuses, nor in silence ----

HEADER = ",".join(COLUMNS)
FULL = "Tandeo,Piperos,Colonias,Publicar,Vigilar,Calendario"
PASSWORD_FIXTURES = MODULE.parents[1] / "Tests" / "TequioReadersTests" / "Fixtures" / "password-protected"

# name: (file name, bytes, extra arguments, expected exit code, text expected in stderr)
ODD_CSV = {
    "short row": ("mesa.csv", f"{HEADER}\nx,y,z\n", [], 65, "mesa.csv:2: error: cell D2: the required column"),
    "long row": ("mesa.csv", f"{HEADER}\n{FULL},al margen,otra\n", [], 0, "2 cells outside the table's columns were not imported: G2"),
    "control characters": ("mesa.csv", f"{HEADER}\nPro\0blema\x01\x0bdos\x1f\ufffe,b,c,d,e,f\n", [], 0,
                           "cell A2: 4 invisible control characters that a matrix file cannot store were removed (U+0000 (NUL), U+0001, U+001F, U+FFFE"),
    "only NUL in a required cell": ("mesa.csv", f"{HEADER}\n\0\0,b,c,d,e,f\n", [], 65, "cell A2: the required column"),
    "blank required cells": ("mesa.csv", f"{HEADER}\n  ,b,c,\t,e,f\n", [], 65, "cell D2: the required column"),
    "CR line ends": ("mesa.csv", f"{HEADER}\r{FULL}\r{FULL}\r", [], 0, "wrote"),
    "mixed line ends and quotes": ("mesa.csv", f'{HEADER}\r\n"a\nb ""c""",,,"d\r\ne",e,f\n{FULL}', [], 0, "wrote"),
    "unclosed quote": ("mesa.csv", f'{HEADER}\n"abierta,b,c,d,e,f\n', [], 65, "mesa.csv:2: error: a quoted field is not closed"),
    "header only": ("mesa.csv", f"{HEADER}\n", [], 65, "[import.nothing-to-import]"),
    "empty file": ("mesa.csv", "", [], 65, "error"),
    "empty rows and separators only": ("mesa.csv", f"{HEADER},,\n,,,,,\n\n{FULL}\n,,,,,,,\n", [], 0, "wrote"),
    "members only": ("mesa.csv", f"{HEADER},Integrante,Sector\n,,,,,,Rosa,Gobierno\n,,,,,,\0,Otro\n", [], 0, "wrote"),
    "exactly the maximum, decomposed accents": ("mesa.csv", f"{HEADER}\n{'e' + chr(0x301)}" * 1 + "x" * 1499 + ",b,c,d,e,f\n", [], 0, "wrote"),
    "one over the maximum": ("mesa.csv", f"{HEADER}\n{'é' * 1501},b,c,d,e,f\n", [], 65, "has 1501 characters, over the maximum of 1500"),
    "unusual Unicode": ("mesa.csv", f"{HEADER}\n\u2028línea\u2029 \ufeff\ue000 עברית 👩‍👩‍👧,b,c,d,e,f\n", [], 0, "wrote"),
    "table option with a control character": ("mesa.csv", f"{HEADER}\n{FULL}\n", ["--table", "Mesa\x01 3"], 0,
                                              "--table: 1 invisible control character that a matrix file cannot store was removed (U+0001)"),
    "file named with spaces only": ("   .csv", f"{HEADER}\n{FULL}\n", [], 65, "the table has no name; give it one with --table"),
    "UTF-16": ("mesa.csv", None, [], 65, "the file is UTF-16"),
    "too many rows": ("mesa.csv", f"{HEADER}\n" + f"{FULL}\n" * 100_000, [], 65, "mesa.csv:10002: error: more than 10000 rows"),
    "output over the reader's cap": ("mesa.csv", HEADER + "\n" + (",".join(["x" * 1400, "b" * 900, "c" * 900, "d" * 1900, "e" * 1900, "f" * 1400]) + "\n") * 1990,
                                     [], 65, "over the 16 MiB that tequio check and tequio assemble read"),
    "a member name over the reader's text cap": ("mesa.csv", f"{HEADER},Integrante,Sector\n{FULL}," + "N" * (5 << 20) + ",Gobierno\n", [], 65,
                                                 "mesa.csv:2: error: cell G2: the cell holds 5 MiB of text, over the limit of 4 MiB for one cell"),
    "file over the cap": ("mesa.csv", HEADER + "\n" + (FULL + "\n") * 400_000, [], 65, "over the limit of 16 MiB for one table"),
}


def write_odd(tmp_path, case):
    name, text, _, _, _ = ODD_CSV[case]
    path = tmp_path / name
    if text is None:
        path.write_bytes(b"\xff\xfe" + f"{HEADER}\n{FULL}\n".encode("utf-16-le"))
    else:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def assert_import_never_writes_what_check_refuses(source, out, extra, expected_code, expected_text):
    result = run_tequio(["import", source, "--module", MODULE, "-o", out, *extra])
    assert result.returncode == expected_code, result.stderr
    assert expected_text in result.stderr, result.stderr
    assert "\0" not in result.stderr and "\x1b" not in result.stderr, "messages show invisible characters by name"
    if result.returncode != 0:
        assert not out.exists(), "nothing may be written when an input is refused"
        return result
    written = sorted(out.glob("*.xml"))
    assert written, result.stderr
    check = run_tequio(["check", "--module", MODULE, *written])
    assert check.returncode == 0 and ": error:" not in check.stderr, f"import wrote what check refuses:\n{check.stderr}"
    return result


@pytest.mark.parametrize("case", sorted(ODD_CSV))
def test_odd_csv_inputs_are_refused_or_written_so_that_check_accepts_them(tmp_path, case):
    _, _, extra, code, text = ODD_CSV[case]
    assert_import_never_writes_what_check_refuses(write_odd(tmp_path, case), tmp_path / "out", extra, code, text)


def test_control_characters_in_an_xlsx_cell_are_named_with_sheet_and_cell(sheets, tmp_path):
    wb = openpyxl.load_workbook(sheets / XLSX)
    ws = wb["Mesa 1"]
    for col, text in zip("ABCDEF", ["Pro_x0000_blema_x0001_", "b", "c", "d", "e", "f"]):
        set_text(ws, f"{col}3", text)  # `_x0000_` is how SpreadsheetML stores U+0000
    set_text(ws, "I3", "Rosa_x000B_Martínez")
    set_text(ws, "L9", "una nota fuera de la tabla")
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    out = tmp_path / "out"
    result = assert_import_never_writes_what_check_refuses(path, out, [], 0, "plan.xlsx: warning: sheet 'Mesa 1': cell A3: 2 invisible control characters")
    assert "sheet 'Mesa 1': cell I3: 1 vertical tab or form feed became a line break" in result.stderr
    assert "sheet 'Mesa 1': 1 cell outside the table's columns was not imported: L9" in result.stderr
    root = imported(out)["Mesa 1"]
    assert rows_of(root)[0]["problem"] == "Problema"


def test_an_xlsx_row_without_its_required_cells_is_refused(sheets, tmp_path):
    wb = openpyxl.load_workbook(sheets / XLSX)
    set_text(wb["Mesa 1"], "A3", "Solo el problema")
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    result = run_tequio(["import", path, "--module", MODULE, "-o", tmp_path / "out"])
    assert result.returncode == 65, result.stderr
    assert "plan.xlsx: error: sheet 'Mesa 1': cell D3: the required column 'Acciones que debe realizar el gobierno' is empty" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_large_csv_is_refused_early_with_little_memory(tmp_path):
    import os
    import time
    from .conftest import EPOCH, tequio_bin
    path = tmp_path / "enorme.csv"
    path.write_text(f"{HEADER}\n" + f"{FULL}\n" * 300_000)
    start = time.monotonic()
    with open(tmp_path / "stderr", "w+") as err:
        child = subprocess.Popen([str(tequio_bin()), "import", str(path), "--module", str(MODULE), "-o", str(tmp_path / "out")],
                                 stderr=err, stdout=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH=EPOCH))
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory, not every child's
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    elapsed = time.monotonic() - start
    assert child.returncode == 65 and "more than 10000 rows" in stderr, stderr
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert usage.ru_maxrss < 300_000, f"peak memory {usage.ru_maxrss} KB"


@pytest.mark.parametrize("fixture,name,expected,identifier", [
    ("excel-agile.xlsx", "mesas.xlsx", "the file is protected with a password", "import.password-protected"),
    ("word-agile.docx", "renombrado.xlsx", "the file is protected with a password", "import.password-protected"),
    ("libreoffice.ods", "mesas.ods", "the file is protected with a password (LibreOffice “Save with password”)", "import.password-protected"),
    ("legacy-excel-97.xls", "antiguo.xlsx", "the file is in the old Office 97–2003 format", "import.not-a-spreadsheet"),
])
def test_password_protected_files_are_named_as_such(tmp_path, fixture, name, expected, identifier):
    path = tmp_path / name
    shutil.copy(PASSWORD_FIXTURES / fixture, path)
    result = run_tequio(["import", path, "--module", MODULE, "-o", tmp_path / "out"])
    assert result.returncode == 65, result.stderr
    assert f"{name}: error: {expected}" in result.stderr, result.stderr
    assert f"[{identifier}]" in result.stderr and "corrupt" not in result.stderr
    assert not (tmp_path / "out").exists()
