"""`tequio assemble` on bad input: a clear error naming the file, exit 65 and nothing written, unless
--keep-going, which writes the good documents and still exits non-zero. And the same bytes every run."""
import hashlib
import re
import shutil

import pytest

from .conftest import ROOT, run_tequio

GOOD = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan-2012-01-20.xml"


def variant(tmp_path, name, change):
    text = GOOD.read_text("utf-8")
    path = tmp_path / name
    path.write_text(change(text), "utf-8")
    return path


BAD = {
    "wrong-module.xml": (lambda t: t.replace('module="oaxaca-agua"', 'module="otro-modulo"'), "matrix.wrong-module"),
    "wrong-version.xml": (lambda t: t.replace('module-version="1.0.0"', 'module-version="2.0.0"'), "matrix.wrong-version"),
    "unknown-column.xml": (lambda t: t.replace('column="affected"', 'column="presupuesto"', 1), "matrix.unknown-column"),
    "malformed.xml": (lambda t: t[: len(t) // 2], "xml.malformed"),
    "long-title.xml": (lambda t: re.sub(r"<row(?: [^>]*)?>", f'<row title="{"Tandeo " * 25}">', t, count=1), "matrix.too-long"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_matrix_is_named_and_nothing_is_written(tmp_path, name):
    change, identifier = BAD[name]
    bad = variant(tmp_path, name, change)
    out = tmp_path / "out"
    result = run_tequio("assemble", GOOD, bad, "--module", "modules/oaxaca-agua", "-o", out)
    assert result.returncode == 65, result.stderr
    assert name in result.stderr and identifier in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_keep_going_writes_the_good_ones_and_still_fails(tmp_path):
    bad = variant(tmp_path, "unknown-column.xml", BAD["unknown-column.xml"][0])
    out = tmp_path / "out"
    result = run_tequio("assemble", GOOD, bad, "--module", "modules/oaxaca-agua", "--format", "docx,md", "--keep-going", "-o", out)
    assert result.returncode == 65, result.stderr
    assert "unknown-column.xml" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan.docx", "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan.md"]


def test_the_compendium_prints_each_plan_once_as_the_layout_says(tmp_path):
    """--layout matrix (the default) prints the matrix, narrative the problem sections, both the two; the
    problems are headed by their title, or by their number alone."""
    untitled = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-6-ixtlan-de-juarez-2011-12-09.xml"
    texts = {}
    for layout in ("matrix", "narrative", "both"):
        out = tmp_path / layout
        result = run_tequio("assemble", GOOD, untitled, "--module", "modules/oaxaca-agua", "--only-compendium", "--format", "md",
                            "--layout", layout, "-o", out)
        assert result.returncode == 0, result.stderr
        texts[layout] = (out / "oaxaca-agua-compendium.md").read_text("utf-8")
    statement = "Las colonias de reciente creación no tienen red de agua"
    assert {layout: text.count(statement) for layout, text in texts.items()} == {"matrix": 1, "narrative": 1, "both": 2}
    assert "| **Problema 1: Colonias que dependen de pipas**<br>Las colonias" in texts["matrix"]
    assert "### Problema 1: Colonias que dependen de pipas" in texts["narrative"]
    assert "### Problema 2\n" in texts["narrative"], "a problem without a title: its number alone"
    assert "…" not in texts["both"]
    bad = run_tequio("assemble", GOOD, "--module", "modules/oaxaca-agua", "--compendium", "--layout", "poster", "-o", tmp_path / "x")
    assert bad.returncode == 64 and "matrix, narrative, both" in bad.stderr


def test_usage_errors_exit_64(tmp_path):
    assert run_tequio("assemble", GOOD, "--format", "rtf").returncode == 64
    assert run_tequio("assemble", GOOD, "--reference-doc", "style.rtf").returncode == 64
    missing = run_tequio("assemble", tmp_path / "nope.xml", "-o", tmp_path / "out")
    assert missing.returncode == 74 and "nope.xml" in missing.stderr


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_bytes_in_every_time_zone(tmp_path):
    runs = []
    for zone in ("UTC", "Pacific/Kiritimati", "America/Mexico_City"):
        out = tmp_path / zone.replace("/", "-")
        result = run_tequio("assemble", "examples/matrices", "--module", "modules/oaxaca-agua", "--compendium", "-o", out, env={"TZ": zone})
        assert result.returncode == 0, result.stderr
        runs.append(digest(out))
    assert runs[0] == runs[1] == runs[2]
    assert len(runs[0]) == 20


def test_help_lists_the_options_with_examples():
    result = run_tequio("assemble", "--help")
    assert result.returncode == 0
    for needle in ["--format", "--compendium", "--reference-doc", "--keep-going", "--module", "Examples:"]:
        assert needle in result.stdout
