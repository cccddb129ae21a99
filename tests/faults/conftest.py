"""Fixtures for the fault tests: `tequio build` and `tequio assemble` (the binary named by TEQUIO_BIN)
killed at random moments, run on a full or read-only file system and twice at once into one folder.

Reference outputs are made first, with the same SOURCE_DATE_EPOCH as the runs under test ("new") and
with another SOURCE_DATE_EPOCH and changed matrices ("old"), so every old file differs from its new
one and each file found afterwards can be named complete-old or complete-new by its bytes.

The tmpfs tests mount small tmpfs file systems (root only; they are skipped cleanly where mounting is
not permitted). Run alone with:  TEQUIO_BIN=.build/debug/tequio .venv-browser/bin/pytest -q tests/faults
"""
import contextlib
import os
import pathlib
import re
import shutil
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NEW_EPOCH = "1764374400"
OLD_EPOCH = "1700000000"
MODULE = "modules/oaxaca-agua"

# Temporary names: the output stage's `.tequio-<pid>-<n>-new.<name>` / `-old.<name>`, and those earlier
# versions left (`.<name>.tmp-<pid>-<n>`, libzip's `.XXXXXX` beside them, Foundation's `.dat.nosync<pid>.XXXXXX`).
TEMPORARY = re.compile(
    r"^\.(tequio-\d+-\d+-(new|old)\..+|.+\.tmp-\d+-[0-9A-Za-z]+(\.[0-9A-Za-z]{6})?|dat\.nosync[0-9A-F]+\.[0-9A-Za-z]{6})$")


from tequio_cli import tequio_bin  # noqa: E402  (one definition for every test folder)


class Command:
    """One of the two commands under test, with its new and old inputs."""

    def __init__(self, name, args, old_args=None):
        self.name = name
        self.args = args
        self.old_args = old_args or args

    def argv(self, out, old=False):
        return [str(tequio_bin()), *map(str, self.old_args if old else self.args), "-o", str(out)]

    def env(self, tmpdir, old=False):
        # A private TMPDIR: whatever a run leaves in the temporary folder is seen, and only ours.
        return dict(os.environ, NO_COLOR="1", TMPDIR=str(tmpdir), SOURCE_DATE_EPOCH=OLD_EPOCH if old else NEW_EPOCH)

    def start(self, out, tmpdir, old=False):
        return subprocess.Popen(self.argv(out, old), cwd=ROOT, env=self.env(tmpdir, old),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def run(self, out, tmpdir, old=False, timeout=300):
        return subprocess.run(self.argv(out, old), cwd=ROOT, env=self.env(tmpdir, old),
                              capture_output=True, text=True, timeout=timeout)


def snapshot(folder):
    """(visible files by name with their bytes, hidden names) of a folder."""
    visible, hidden = {}, []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith("."):
            hidden.append(entry.name)
        else:
            visible[entry.name] = pathlib.Path(entry.path).read_bytes()
    return visible, hidden


def fill(folder, files, keep_hidden=False):
    """Makes `folder` hold exactly `files` (name → bytes), and with `keep_hidden` the hidden files it had."""
    folder = pathlib.Path(folder)
    if folder.exists():
        for entry in folder.iterdir():
            if keep_hidden and entry.name.startswith("."):
                continue
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def classify(visible, reference):
    """'old', 'new' or a complaint for every visible file, checked against the reference outputs."""
    verdicts = {}
    for name in sorted(set(reference["new"]) | set(visible)):
        if name not in visible:
            verdicts[name] = "missing"
        elif name not in reference["new"]:
            verdicts[name] = "unexpected file"
        elif visible[name] == reference["new"][name]:
            verdicts[name] = "new"
        elif visible[name] == reference["old"].get(name):
            verdicts[name] = "old"
        else:
            verdicts[name] = f"neither old nor new ({len(visible[name])} bytes)"
    return verdicts


@pytest.fixture(scope="session")
def workspace(tmp_path_factory):
    return tmp_path_factory.mktemp("faults")


@pytest.fixture(scope="session")
def private_tmp(workspace):
    path = workspace / "tmpdir"
    path.mkdir()
    return path


def changed_matrices(folder):
    """The example matrices with another draft number: same file names out, other content."""
    folder.mkdir()
    for path in sorted((ROOT / "examples" / "matrices").glob("*.xml")):
        text = path.read_text("utf-8")
        text, count = re.subn(r'draft="(\d+)"', lambda m: f'draft="{int(m.group(1)) + 40}"', text, count=1)
        assert count == 1, path
        (folder / path.name).write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="session")
def commands(workspace):
    old_matrices = changed_matrices(workspace / "old-matrices")
    return {
        "build": Command("build", ["build", MODULE, "--target", "all"]),
        "assemble": Command(
            "assemble", ["assemble", "examples/matrices", "--module", MODULE, "--compendium"],
            ["assemble", old_matrices, "--module", MODULE, "--compendium"]),
    }


@pytest.fixture(scope="session")
def references(workspace, commands, private_tmp):
    """For each command: the old and new outputs by file name, and the seconds a clean run took."""
    result = {}
    for name, command in commands.items():
        entry = {}
        for age in ("old", "new"):
            out = workspace / f"reference-{name}-{age}"
            started = time.monotonic()
            run = command.run(out, private_tmp, old=age == "old")
            entry["seconds"] = time.monotonic() - started
            assert run.returncode == 0, run.stderr
            visible, hidden = snapshot(out)
            assert visible and not hidden, (visible.keys(), hidden)
            entry[age] = visible
        assert entry["old"].keys() == entry["new"].keys()
        same = [n for n in entry["new"] if entry["new"][n] == entry["old"][n]]
        assert not same, f"old and new {name} outputs must differ: {same}"
        result[name] = entry
    return result


@pytest.fixture
def tmpfs(workspace):
    """mount(size) → a fresh tmpfs folder of that size (for example '2m'); unmounted afterwards."""
    mounted = []

    def mount(size):
        path = workspace / f"tmpfs-{len(os.listdir(workspace))}"
        path.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip() or result.returncode})")
        mounted.append(path)
        return path

    yield mount
    for path in reversed(mounted):
        subprocess.run(["mount", "-o", "remount,rw", str(path)], capture_output=True)
        subprocess.run(["umount", str(path)], capture_output=True)


@contextlib.contextmanager
def read_only(path):
    """Remounts the tmpfs at `path` read-only (chmod does not stop root) for the block."""
    result = subprocess.run(["mount", "-o", "remount,ro", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot remount read-only ({result.stderr.strip()})")
    try:
        yield path
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(path)], check=True)


def free_bytes(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def leave_free(root, amount):
    """Fills the file system mounted at `root` (with `root/filler`) until about `amount` bytes are free."""
    size = free_bytes(root) - amount
    if size > 0:
        (root / "filler").write_bytes(b"\0" * size)
