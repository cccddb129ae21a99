"""Two runs at once into the same folder: both succeed, every file is valid (zip -T, unzip -t) and
byte-identical to the reference, and neither removes the other's temporaries while it works."""
import random
import shutil
import subprocess
import time

import pytest

from .conftest import classify, fill, snapshot

SEED = 2024
ROUNDS = {"build": 3, "assemble": 6}


@pytest.mark.parametrize("name", ["build", "assemble"])
def test_two_runs_at_once_give_valid_identical_files(name, commands, references, workspace, private_tmp):
    command, reference = commands[name], references[name]
    out = workspace / f"concurrent-{name}"
    rng = random.Random(SEED)
    for round in range(ROUNDS[name]):
        fill(out, reference["old"])
        first = command.start(out, private_tmp)
        time.sleep(rng.uniform(0, 0.4 * reference["seconds"]))  # overlap the second run's writing with the first's
        second = command.start(out, private_tmp)
        for process in (first, second):
            _, stderr = process.communicate(timeout=300)
            assert process.returncode == 0, f"round {round}: {stderr}"
        visible, hidden = snapshot(out)
        assert hidden == [], f"round {round}: {hidden}"
        assert set(classify(visible, reference).values()) == {"new"}, f"round {round}"

    for path in sorted(out.iterdir()):
        if path.suffix in (".zip", ".epub", ".docx", ".odt"):
            if shutil.which("zip"):
                subprocess.run(["zip", "-T", "-q", path], check=True, capture_output=True)
            subprocess.run(["unzip", "-tqq", path], check=True, capture_output=True)
