"""A user's mistake is a usage error (64) that names what they typed, never "broken installation" (70),
and nothing is written."""
import os
import pathlib
import subprocess

import pytest

from tequio_cli import ROOT, tequio_bin


def run(*args, cwd):
    return subprocess.run([str(tequio_bin()), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1764374400"))


@pytest.mark.parametrize("option", ["--templates", "--schemas"])
@pytest.mark.parametrize("command", ["build", "assemble", "check"])
def test_a_folder_that_does_not_exist_is_named(tmp_path, command, option):
    target = {"build": [ROOT / "modules/oaxaca-agua", "-o", tmp_path / "out"],
              "assemble": [ROOT / "examples/matrices", "--module", ROOT / "modules/oaxaca-agua", "-o", tmp_path / "out"],
              "check": [ROOT / "modules/oaxaca-agua"]}[command]
    r = run(command, *target, option, "/no/such", cwd=tmp_path)
    assert r.returncode == 64, r.stderr
    assert f"{option} /no/such: no such folder" in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_schemas_folder_without_tequio_schemas_is_named(tmp_path):
    r = run("check", ROOT / "modules/oaxaca-agua", "--schemas", tmp_path, cwd=tmp_path)
    assert r.returncode == 64 and f"--schemas {tmp_path}: the folder has no tequio-module-1.rng" in r.stderr, r.stderr


@pytest.mark.parametrize("language", ["fr", "xx"])
def test_a_language_the_module_does_not_declare_is_refused(tmp_path, language):
    r = run("assemble", ROOT / "examples/matrices", "--module", ROOT / "modules/oaxaca-agua", "--compendium",
            "--language", language, "-o", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 64, r.stderr
    assert f"--language {language}: module 'oaxaca-agua' is written in es, en" in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_declared_language_is_used(tmp_path):
    r = run("assemble", ROOT / "examples/matrices", "--module", ROOT / "modules/oaxaca-agua", "--only-compendium",
            "--format", "html", "--language", "en", "-o", tmp_path / "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert '<html lang="en"' in (tmp_path / "out" / "oaxaca-agua-compendium.html").read_text()
