"""The blank matrix spreadsheets open in LibreOffice and openpyxl and follow the official schemas:
SpreadsheetML parts against sml.xsd (ECMA-376 transitional), package parts against OPC, ODS parts
against ODF 1.3 (RELAX NG), plus the package rules schemas do not check."""
import csv
import subprocess
import warnings
import zipfile

import openpyxl
import pytest

from .conftest import CSV_ALL_SHEETS, SCHEMAS, soffice_convert

XLSX = "oaxaca-agua-1.0.0-plan-es.xlsx"
ODS = "oaxaca-agua-1.0.0-plan-es.ods"
LABELS_ES = ["Problemas y prioridades de reforma", "¿Quién se beneficia del problema?", "¿Quién resulta afectado?",
             "Acciones que debe realizar el gobierno", "Acciones que debe realizar la sociedad civil", "Resultados esperados"]
TABLES = [f"Mesa {n}" for n in range(1, 9)]


def xmllint(args):
    result = subprocess.run(["xmllint", "--nonet", "--noout", *map(str, args)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


def test_both_formats_open_in_libreoffice_with_the_same_cells(sheets, tmp_path):
    # Distinct names so the CSVs of both files can come out of one soffice call.
    (tmp_path / "in").mkdir()
    xlsx = tmp_path / "in" / "blank-x.xlsx"
    ods = tmp_path / "in" / "blank-o.ods"
    xlsx.write_bytes((sheets / XLSX).read_bytes())
    ods.write_bytes((sheets / ODS).read_bytes())
    out = tmp_path / "csv"
    soffice_convert([xlsx, ods], CSV_ALL_SHEETS, out, tmp_path / "profile")
    for sheet in TABLES + ["Ayuda", "tequio"]:
        a = out / f"blank-x-{sheet}.csv"
        b = out / f"blank-o-{sheet}.csv"
        assert a.is_file() and b.is_file(), f"LibreOffice did not export sheet {sheet}: {sorted(p.name for p in out.iterdir())}"
        assert a.read_text("utf-8") == b.read_text("utf-8"), f"sheet {sheet} differs between XLSX and ODS"
    rows = list(csv.reader((out / "blank-x-Mesa 1.csv").open(encoding="utf-8")))
    assert rows[0][:4] == ["Mesa de trabajo", "", "Municipio", ""]
    assert rows[1][:6] == LABELS_ES
    assert rows[1][6] == "Título breve"
    assert rows[1][8:11] == ["Integrante", "Sector", "Cargo o institución"]
    meta = dict(r[:2] for r in csv.reader((out / "blank-x-tequio.csv").open(encoding="utf-8")) if len(r) >= 2 and r[0])
    assert meta["module"] == "oaxaca-agua" and meta["module-version"] == "1.0.0" and meta["matrix"] == "plan"
    assert meta["language"] == "es"


def test_openpyxl_reads_the_layout_help_and_checks(sheets):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl warns about parts it does not understand
        wb = openpyxl.load_workbook(sheets / XLSX)
    assert wb.sheetnames == TABLES + ["Ayuda", "tequio"]
    ws = wb["Mesa 1"]
    assert ws.freeze_panes == "A3"
    assert [ws.cell(row=2, column=c).value for c in range(1, 7)] == LABELS_ES
    assert "Describa un problema concreto" in ws["A2"].comment.text
    assert "máximo 1500 caracteres" in ws["A2"].comment.text
    assert ws.column_dimensions["A"].width >= 30
    assert ws["A3"].alignment.wrap_text and ws["A3"].number_format == "@"
    kinds = {(v.type, v.formula1) for v in ws.data_validations.dataValidation}
    assert ("textLength", "1500") in kinds and ("textLength", "2000") in kinds
    assert ("list", '"Gobierno,Sociedad civil,Sector privado,Otro"') in kinds
    meta = wb["tequio"]
    assert meta.protection.sheet
    values = {meta.cell(row=r, column=1).value: meta.cell(row=r, column=2).value for r in range(1, meta.max_row + 1)}
    assert values["module"] == "oaxaca-agua" and values["module-version"] == "1.0.0" and values["matrix"] == "plan"
    assert ws.print_title_rows == "$1:$2"


def test_spreadsheetml_parts_are_valid_against_sml_xsd(sheets, tmp_path):
    folder = tmp_path / "x"
    with zipfile.ZipFile(sheets / XLSX) as z:
        z.extractall(folder)
        names = z.namelist()
    parts = [folder / n for n in names if n.startswith("xl/") and n.endswith(".xml") and "_rels" not in n]
    assert any(p.name == "sheet1.xml" for p in parts) and any(p.name == "comments1.xml" for p in parts)
    xmllint(["--schema", SCHEMAS / "ooxml" / "sml.xsd", *parts])
    xmllint(["--schema", SCHEMAS / "ooxml" / "opc-xsd" / "opc-contentTypes.xsd", folder / "[Content_Types].xml"])
    rels = [folder / n for n in names if n.endswith(".rels")]
    xmllint(["--schema", SCHEMAS / "ooxml" / "opc-xsd" / "opc-relationships.xsd", *rels])
    # Every part has a content type (the schema cannot check this).
    types = (folder / "[Content_Types].xml").read_text("utf-8")
    for n in names:
        ext = n.rsplit(".", 1)[-1]
        assert f'PartName="/{n}"' in types or f'Extension="{ext}"' in types, f"{n} has no content type"


def test_ods_parts_are_valid_against_odf_1_3_and_mimetype_is_first_and_stored(sheets, tmp_path):
    folder = tmp_path / "o"
    with zipfile.ZipFile(sheets / ODS) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and first.extra == b""
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        z.extractall(folder)
        names = set(z.namelist())
    rng = SCHEMAS / "odf1.3"
    xmllint(["--relaxng", rng / "OpenDocument-v1.3-schema.rng", *(folder / n for n in ("content.xml", "styles.xml", "meta.xml", "settings.xml"))])
    xmllint(["--relaxng", rng / "OpenDocument-v1.3-manifest-schema.rng", folder / "META-INF" / "manifest.xml"])
    manifest = (folder / "META-INF" / "manifest.xml").read_text("utf-8")
    for n in names - {"mimetype", "META-INF/manifest.xml"}:
        assert f'manifest:full-path="{n}"' in manifest, f"{n} is missing from the manifest"
    content = (folder / "content.xml").read_text("utf-8")
    assert "<table:table-header-rows>" in content and "<office:annotation" in content
    assert "table:content-validation " in content and "of:cell-content-text-length()&lt;=1500" in content


@pytest.mark.parametrize("name", [XLSX, ODS, "oaxaca-agua-1.0.0-plan-en.xlsx", "oaxaca-agua-1.0.0-plan-en.ods"])
def test_a_blank_spreadsheet_imports_as_nothing_to_import(sheets, tmp_path, name):
    from .conftest import MODULE, run_tequio
    result = run_tequio(["import", sheets / name, "--module", MODULE, "-o", tmp_path / "out"])
    assert result.returncode == 65, result.stderr
    assert "[import.nothing-to-import]" in result.stderr
    assert not (tmp_path / "out").exists()
