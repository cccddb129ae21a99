"""libzip 1.7 sets two static bitmaps on its first archive open, not thread-safely: a second thread opening
an archive at that moment took its in-memory buffer for read-only and the run failed with
"...docx: read-only archive" (seen once in a full CI run of test_kill). Tequio now opens one archive
before any other, once per process (`ZipArchive.libzipStatics`).

An LD_PRELOAD interposer holds libzip's window open (interposers/slow_writable_bitmap.c), so without that
first open `tequio assemble`, which writes documents on several threads, fails every time.
"""
import os
import shutil
import subprocess

import pytest

from .conftest import MODULE, NEW_EPOCH, ROOT, snapshot
from tequio_cli import tequio_bin


@pytest.fixture(scope="module")
def interposer(tmp_path_factory):
    compiler = shutil.which("cc") or shutil.which("clang")
    assert compiler, "a C compiler (cc, or the Swift toolchain's clang) is needed to build the interposer"
    library = tmp_path_factory.mktemp("interposer") / "slow_writable_bitmap.so"
    source = ROOT / "tests" / "faults" / "interposers" / "slow_writable_bitmap.c"
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", str(source), "-o", str(library)], check=True)
    return library


def test_threads_opening_their_first_archives_at_once_all_write(interposer, tmp_path):
    out = tmp_path / "out"
    env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH=NEW_EPOCH, LD_PRELOAD=str(interposer))
    run = subprocess.run(
        [str(tequio_bin()), "assemble", "examples/matrices", "--module", MODULE, "--compendium", "-o", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "read-only" not in run.stderr
    visible, hidden = snapshot(out)
    assert not hidden
    assert sum(name.endswith(".docx") for name in visible) == 5, sorted(visible)
