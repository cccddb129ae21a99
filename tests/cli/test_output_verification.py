"""`tequio build` checks every bundle before it replaces the old one: a bundle that fails its own checks
(here, made so by a template that names a script the bundle lacks) stops the build with exit 70, every
previous bundle stays byte for byte, and no temporary file is left; `--no-verify` writes it anyway."""
import os
import pathlib
import shutil
import subprocess

from tequio_cli import ROOT, run_tequio


def tequio(*args, cwd):
    return run_tequio(*args, cwd=cwd)


def test_a_bundle_that_fails_its_checks_is_not_written(tmp_path):
    out = tmp_path / "dist"
    good = tequio("build", ROOT / "modules/oaxaca-agua", "--target", "web,scorm12", "-o", out, cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    index = templates / "player" / "index.html"
    index.write_text(index.read_text().replace('<script src="player/player.js"></script>',
                                               '<script src="player/player.js"></script>\n<script src="player/missing.js"></script>'))
    bad = tequio("build", ROOT / "modules/oaxaca-agua", "--target", "web,scorm12", "-o", out, "--templates", templates, cwd=tmp_path)
    assert bad.returncode == 70, bad.stderr
    assert "did not pass its own checks" in bad.stderr and "'player/missing.js' names a file that is not in the zip" in bad.stderr, bad.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # all old, nothing else (no temporaries)

    unchecked = tequio("build", ROOT / "modules/oaxaca-agua", "--target", "web", "-o", out, "--templates", templates, "--no-verify", cwd=tmp_path)
    assert unchecked.returncode == 0, unchecked.stderr
    assert (out / "oaxaca-agua-1.0.0-web.zip").read_bytes() != before["oaxaca-agua-1.0.0-web.zip"]


def test_every_bundle_and_document_tequio_writes_passes_check(tmp_path):
    out = tmp_path / "dist"
    assert tequio("build", ROOT / "modules/oaxaca-agua", "--target", "all", "-o", out, cwd=tmp_path).returncode == 0
    assert tequio("assemble", ROOT / "examples/matrices", "--module", ROOT / "modules/oaxaca-agua", "--compendium", "-o", out / "plans", cwd=tmp_path).returncode == 0
    files = sorted(out.glob("*.zip")) + sorted(out.glob("*.epub")) + sorted((out / "plans").glob("*.docx")) + sorted((out / "plans").glob("*.odt"))
    assert len(files) >= 8 + 10
    r = tequio("check", "--strict", *files, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
