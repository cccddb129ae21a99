"""Fixtures for the face-to-face tests: the print kit's PDFs with poppler and qpdf, the blank spreadsheets in
LibreOffice and openpyxl, and `tequio import` round trips.

The binary is TEQUIO_BIN (else .build/debug/tequio). Each session builds the example module's print
kit and blank spreadsheets once, with SOURCE_DATE_EPOCH fixed. PNGs of the printed pages go to
test-artifacts/facetoface/ so a person can look at them.
"""
import os
import pathlib
import shutil
import subprocess
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULE = ROOT / "modules" / "oaxaca-agua"
SCHEMAS = ROOT / "schemas" / "official"
ARTIFACTS = ROOT / "test-artifacts" / "facetoface"
EPOCH = "1764374400"


from tequio_cli import tequio_bin  # noqa: E402  (one definition for every test folder)


def run_tequio(args, cwd=None, env=None, check=False):
    full_env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH=EPOCH)
    full_env.update(env or {})
    result = subprocess.run([str(tequio_bin()), *map(str, args)], cwd=cwd or ROOT, env=full_env,
                            capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"tequio {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def build(out, targets="print,sheets", options=()):
    run_tequio(["build", MODULE, "--target", targets, "-o", out, *options], check=True)
    return out


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def kit(dist, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kit")
    with zipfile.ZipFile(dist / "oaxaca-agua-1.0.0-print.zip") as z:
        z.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def sheets(dist, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheets")
    with zipfile.ZipFile(dist / "oaxaca-agua-1.0.0-sheets.zip") as z:
        z.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def soffice_convert(files, target, outdir, profile, infilter=None):
    """Converts every file in ONE LibreOffice call with its own profile; returns nothing, the caller
    checks the outputs exist (soffice exits 0 even when it cannot load a file). `infilter` reads the
    inputs with that filter (a CSV's character set: "CSV:44,34,76,1" is UTF-8)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice (soffice) is not installed: run scripts/install-deps")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    *([f"--infilter={infilter}"] if infilter else []),
                    "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, text=True, timeout=240)


# All sheets, UTF-8, comma-separated, quoted text (LibreOffice 7.2+: 12th token -1 = every sheet).
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
