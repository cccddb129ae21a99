"""`tequio merge` as a working table uses it: two members' copies of the same draft, merged three-way
against the draft they started from; the result reads back as a valid matrix, keeps both texts of a
cell two members changed differently, and says where they are."""
import xml.etree.ElementTree as ET

from tequio_cli import ROOT, run_tequio

EXAMPLE = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"
MODULE = ROOT / "modules" / "oaxaca-agua"
NS = "{urn:tequio:completed-matrix:1}"


def test_two_copies_merge_three_way_and_a_conflict_is_kept_side_by_side(tmp_path):
    base = EXAMPLE.read_text(encoding="utf-8")
    ana = base.replace("Es prioritario porque", "Es lo más urgente porque")
    luis = base.replace("Es prioritario porque", "Es prioritario, según la encuesta, porque")
    luis = luis.replace("Dueños de pipas que venden agua", "Dueños de pipas privadas que venden agua")
    for name, text in (("base.xml", base), ("ana.xml", ana), ("luis.xml", luis)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    merged = tmp_path / "mesa-1.xml"
    result = run_tequio("merge", tmp_path / "ana.xml", tmp_path / "luis.xml", "--base", tmp_path / "base.xml",
                        "--module", MODULE, "-o", merged)
    assert result.returncode == 0, result.stderr
    assert "row 1, column 'problem': different texts in ana.xml, luis.xml" in result.stderr
    root = ET.parse(merged).getroot()
    alternatives = root.findall(f".//{NS}alternative")
    assert [a.get("source") for a in alternatives] == ["ana.xml", "luis.xml"]
    assert "Es lo más urgente" in alternatives[0].text and "según la encuesta" in alternatives[1].text
    assert "Dueños de pipas privadas" in ET.tostring(root, encoding="unicode"), "a change to another cell combines"
    assert [s.text for s in root.findall(f"{NS}merged-from/{NS}source")] == ["ana.xml", "luis.xml"]
    check = run_tequio("check", merged, "--module", MODULE)
    assert check.returncode == 0, check.stderr


def test_copies_of_different_modules_are_refused_and_nothing_is_written(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace('module="oaxaca-agua"', 'module="otro"'), encoding="utf-8")
    merged = tmp_path / "merged.xml"
    result = run_tequio("merge", EXAMPLE, other, "--module", MODULE, "-o", merged)
    assert result.returncode == 65
    assert "matrix.wrong-module" in result.stderr
    assert not merged.exists()
