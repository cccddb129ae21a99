"""Constants and helpers shared by the LMS package tests (kept out of conftest.py so that test modules
can import them without clashing with other folders' conftest modules)."""
import os
import pathlib
import subprocess

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
HARNESS = pathlib.Path(__file__).resolve().parent / "harness"
MODULE = ROOT / "modules" / "oaxaca-agua"
TARGETS = ["scorm12", "scorm2004", "cmi5", "imscp", "epub"]
SCORM_PORT = 8771
CMI5_PORT = 8772
EPOCH = "1764374400"
# Waits are on conditions, never on time; this is only how long a condition may take on a loaded machine (2 cores
# shared with a build) before the test fails.
WAIT = 30


def tequio_bin():
    value = os.environ.get("TEQUIO_BIN")
    if not value or not os.access(value, os.X_OK):
        pytest.fail("TEQUIO_BIN must name the tequio binary (scripts/test sets it: .build/debug/tequio)")
    return value


def build(out_dir, targets=TARGETS, module=MODULE):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    r = subprocess.run([tequio_bin(), "build", str(module), "--target", ",".join(targets), "-o", str(out_dir)],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"tequio build failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
    return {t: out_dir / archive_name("oaxaca-agua-1.0.0", t) for t in targets}


def archive_name(stem, target):
    """What `tequio build` calls each target's archive: the e-book is `.epub`, the rest `-<target>.zip`."""
    return f"{stem}.epub" if target == "epub" else f"{stem}-{target}.zip"


RUNTIMES = {"scorm12": "runtime-scorm12.js", "scorm2004": "runtime-scorm2004.js", "cmi5": "runtime-cmi5.js"}
# Scripts a runtime builds on, loaded before it (as the package's index.html does).
SHARED = {"scorm12": ["scorm-common.js"], "scorm2004": ["scorm-common.js"], "cmi5": []}
RUNTIME_ONLY = "runtime-only.html"


def runtime_only_page(target):
    """A page of the package with the LMS runtime and the module data but not the player: the contract
    tests call window.TEQUIO_HOST themselves, as the player would, without the player's own calls."""
    return ('<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>runtime only</title>\n'
            + ''.join(f'<script src="lms/{name}"></script>\n' for name in SHARED[target])
            + f'<script src="lms/{RUNTIMES[target]}"></script>\n<script src="player/module-data.js"></script>\n'
            '</head><body><p>LMS runtime without the player.</p></body></html>\n')


def wait_for(cond, timeout=WAIT, msg=""):
    """Waits until cond() (something outside the browser, such as what the test LRS received) is truthy."""
    try:
        return WebDriverWait(None, timeout, poll_frequency=0.05).until(lambda _: cond())
    except TimeoutException:
        raise AssertionError(f"timed out waiting: {msg}") from None
