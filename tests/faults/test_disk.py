"""A full disk and a read-only output folder: exit 74, a message naming the file and the system's reason,
the old outputs left as they were, no temporary left, and no action plan with some formats new and
others old.

The output folders are small tmpfs file systems (we run as root: chmod 555 does not stop root, so the
read-only case remounts the tmpfs read-only).
"""
import re

import pytest

from .conftest import classify, fill, free_bytes, leave_free, read_only, snapshot


def message_paths(stderr, out):
    """The output files named in error messages."""
    return re.findall(re.escape(str(out)) + r"/([^:\s]+): ", stderr)


def documents(verdicts):
    sets = {}
    for name, verdict in verdicts.items():
        sets.setdefault(name.rsplit(".", 1)[0], set()).add(verdict)
    return sets


@pytest.mark.parametrize("free", ["room for some bundles", "100 KiB"])
def test_build_on_a_full_disk_keeps_every_old_bundle(free, tmpfs, commands, references, private_tmp):
    reference = references["build"]
    # The old bundles take two thirds of it: the new set cannot be staged beside them.
    old_size = sum(map(len, reference["old"].values()))
    root = tmpfs(f"{(old_size * 3 // 2 >> 10) + 64}k")
    out = root / "dist"
    fill(out, reference["old"])
    needed = sum(map(len, reference["new"].values()))
    if free == "100 KiB":
        leave_free(root, 100 << 10)  # less than the biggest bundle
    elif free_bytes(root) >= needed:
        leave_free(root, needed // 2)

    run = commands["build"].run(out, private_tmp)
    assert run.returncode == 74, run.stderr
    assert "No space left on device" in run.stderr, run.stderr
    assert message_paths(run.stderr, out), f"the message names no output file: {run.stderr}"
    visible, hidden = snapshot(out)
    assert hidden == [], hidden
    assert set(classify(visible, reference).values()) == {"old"}


@pytest.mark.parametrize("free", ["room for a plan", "24 KiB"])
def test_assemble_on_a_full_disk_reports_the_reason_and_writes_each_plan_whole(free, tmpfs, commands, references, private_tmp):
    reference = references["assemble"]
    root = tmpfs("4m")
    out = root / "plans"
    fill(out, reference["old"])
    if free == "24 KiB":
        leave_free(root, 24 << 10)  # room for some single documents, not for a plan's four
    else:
        # Room for a plan's four formats, not for the compendium's.
        sizes = {}
        for name, data in reference["new"].items():
            sizes[name.rsplit(".", 1)[0]] = sizes.get(name.rsplit(".", 1)[0], 0) + len(data) + 4096
        leave_free(root, (max(sizes.values()) + sorted(sizes.values())[-2]) // 2)

    run = commands["assemble"].run(out, private_tmp)
    assert run.returncode == 74, run.stderr
    assert "No space left on device" in run.stderr, run.stderr
    assert "NSCocoaErrorDomain" not in run.stderr, run.stderr
    named = message_paths(run.stderr, out)
    assert named, f"the message names no output file: {run.stderr}"

    visible, hidden = snapshot(out)
    assert hidden == [], hidden
    verdicts = classify(visible, reference)
    assert set(verdicts.values()) <= {"old", "new"}, verdicts
    mixed = {doc: v for doc, v in documents(verdicts).items() if len(v) > 1}
    assert not mixed, f"plans with some formats new and some old: {mixed}"
    for name in named:
        assert documents(verdicts)[name.rsplit(".", 1)[0]] == {"old"}, (name, verdicts)


@pytest.mark.parametrize("name", ["build", "assemble"])
def test_a_read_only_output_folder_keeps_every_old_file(name, tmpfs, commands, references, private_tmp):
    reference = references[name]
    root = tmpfs("8m")
    out = root / "out"
    fill(out, reference["old"])
    with read_only(root):
        run = commands[name].run(out, private_tmp)
        assert run.returncode == 74, run.stderr
        assert "Read-only file system" in run.stderr, run.stderr
        assert message_paths(run.stderr, out), f"the message names no output file: {run.stderr}"
        visible, hidden = snapshot(out)
    assert hidden == [], hidden
    assert set(classify(visible, reference).values()) == {"old"}
