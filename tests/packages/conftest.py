"""Fixtures for `tequio check` on packages: the binary (TEQUIO_BIN, else .build/debug/tequio) run on
hand-made packages. Run alone with:  .venv-browser/bin/pytest -q tests/packages
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


from tequio_cli import tequio_bin  # noqa: E402  (one definition for every test folder)


class Check:
    """One run of `tequio check --format json`: exit code and the diagnostics."""

    def __init__(self, *paths, cwd):
        r = subprocess.run([str(tequio_bin()), "check", "--format", "json", *map(str, paths)], cwd=cwd,
                           capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
        self.code = r.returncode
        self.stderr = r.stderr
        self.diagnostics = json.loads(r.stdout)["diagnostics"] if r.stdout.strip() else []

    def ids(self, severity=None):
        return [d["identifier"] for d in self.diagnostics if severity is None or d["severity"] == severity]

    def where(self, identifier):
        """`file:line` of every diagnostic with that id."""
        return [f'{d["location"]["file"]}:{d["location"]["line"]}' for d in self.diagnostics if d["identifier"] == identifier]

    def __repr__(self):
        return f"exit {self.code}: " + "\n".join(f'{d["location"]["file"]}:{d["location"]["line"]}: {d["severity"]}: {d["message"]} [{d["identifier"]}]' for d in self.diagnostics)


@pytest.fixture
def check(tmp_path):
    return lambda *paths: Check(*paths, cwd=tmp_path)
