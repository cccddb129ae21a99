"""What every test folder needs to run the tequio binary: the repository root, the binary (TEQUIO_BIN,
else .build/debug/tequio), and one run with a fixed SOURCE_DATE_EPOCH and no colour."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE_DATE_EPOCH = "1764374400"


def tequio_bin():
    value = os.environ.get("TEQUIO_BIN") or str(ROOT / ".build" / "debug" / "tequio")
    path = pathlib.Path(value)
    if not path.is_file():
        raise pytest.UsageError(f"TEQUIO_BIN={path} does not exist: build with `swift build` or set TEQUIO_BIN")
    return path


def run_tequio(*args, cwd=ROOT, env=None):
    environment = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_COLOR="1")
    environment.update(env or {})
    return subprocess.run([str(tequio_bin()), *map(str, args)], cwd=cwd, env=environment, capture_output=True, text=True)
