"""`kill -9` at random moments during `tequio build` and `tequio assemble`: afterwards every output is the
complete old file or the complete new one, and once the next run has completed no temporary file is left,
neither in the output folder nor in the temporary folder (a private TMPDIR).

The kill times come from measured clean runs (the median of three: how long a run takes, when its first
output is written), with a fixed seed so a failure reproduces; see `kill_plan`. The machine may be busy,
so runs vary: at least a third must be killed, and at least one must leave staged temporaries for
the next run to remove.
"""
import os
import random
import signal
import time

import pytest

from .conftest import TEMPORARY, classify, fill, snapshot

SEED = 1013
RUNS = {"build": 21, "assemble": 30}
CLEAN_EVERY = 3


def measure(command, reference, out, tmpdir, runs=3):
    """Median over `runs` clean runs over the old outputs: (seconds a run takes, seconds until its first
    output file was written)."""
    samples = []
    for _ in range(runs):
        fill(out, reference["old"])
        started = time.time()
        run = command.run(out, tmpdir)
        seconds = time.time() - started
        assert run.returncode == 0, run.stderr
        first = min(entry.stat().st_mtime for entry in os.scandir(out) if not entry.name.startswith("."))
        samples.append((seconds, min(max(0.0, first - started), seconds)))
    samples.sort()
    return samples[len(samples) // 2]


def kill_plan(count, seconds, writing_from):
    """(wait for writing?, delay) per run. A third of the kills come at a delay spread over the whole run
    (up to 5% past its end, so some runs finish); two thirds at a delay spread over the writing phase,
    counted from the moment the first temporary appears. The writing phase is short (archives are made in
    memory, so temporaries exist only for the last tenth or so of a build), and a busy machine stretches
    or shrinks runs, so it is found by watching the folder rather than by the clock alone."""
    rng = random.Random(SEED)
    window = (seconds - writing_from) * 1.1 + 0.005
    return [(False, rng.uniform(0.0, seconds * 1.05)) if i % 3 == 0 else (True, rng.uniform(0.0, window))
            for i in range(count)]


def wait_for_writing(process, out, earlier):
    """Returns once a new hidden file appears in `out` (the first staged temporary; `earlier` are the
    names killed runs left) or the process ends."""
    while process.poll() is None:
        if any(entry.name.startswith(".") and entry.name not in earlier for entry in os.scandir(out)):
            return
        time.sleep(0.0005)


def plan_sets(verdicts):
    """The verdicts of each document's files (same name but for the extension)."""
    sets = {}
    for name, verdict in verdicts.items():
        sets.setdefault(name.rsplit(".", 1)[0], set()).add(verdict)
    return sets


@pytest.mark.parametrize("name", ["build", "assemble"])
def test_kill_9_leaves_complete_old_or_new_files_and_the_next_run_cleans_up(name, commands, references, workspace):
    command, reference = commands[name], references[name]
    out = workspace / f"kill-{name}" / "out"
    private_tmp = workspace / f"kill-{name}" / "tmpdir"  # this test's own TMPDIR
    private_tmp.mkdir(parents=True)
    seconds, writing_from = measure(command, reference, out, private_tmp)

    killed = reached_writing = left_temporaries = left_scratch = mixed_sets = 0
    pending = []  # killed runs whose leftovers the next complete run must remove
    for run, (after_writing_began, delay) in enumerate(kill_plan(RUNS[name], seconds, writing_from)):
        fill(out, reference["old"], keep_hidden=True)  # what earlier killed runs left stays
        earlier = set(snapshot(out)[1])
        process = command.start(out, private_tmp)
        if after_writing_began:
            wait_for_writing(process, out, earlier)
        time.sleep(delay)
        try:
            process.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, stderr = process.communicate(timeout=120)
        where = f"run {run}, kill -9 {delay:.3f} s after {'writing began' if after_writing_began else 'the start'} (a run takes {seconds:.3f} s)"
        assert process.returncode in (0, -signal.SIGKILL), f"{where}: exit {process.returncode}\n{stderr}"
        killed += process.returncode == -signal.SIGKILL

        visible, hidden = snapshot(out)
        verdicts = classify(visible, reference)
        bad = {file: verdict for file, verdict in verdicts.items() if verdict not in ("old", "new")}
        assert not bad, f"{where}: {bad}"
        assert all(TEMPORARY.match(h) for h in hidden), f"{where}: unexpected hidden files {hidden}"
        scratch = os.listdir(private_tmp)
        left = set(hidden) - earlier
        reached_writing += bool(left) or "new" in verdicts.values()
        mixed_sets += any(len(v) > 1 for v in plan_sets(verdicts).values()) if name == "assemble" else len(set(verdicts.values())) > 1

        left_temporaries += bool(left)
        left_scratch += bool(scratch)
        if left or scratch:
            pending.append(f"{where}: left {sorted(left) + scratch}")
        if len(pending) >= CLEAN_EVERY:
            # The next complete run removes what the killed ones left (their processes are gone) and
            # writes everything. (Up to CLEAN_EVERY killed runs' leftovers at once: a run cleans them all,
            # and the suite stays short.)
            after = command.run(out, private_tmp)
            assert after.returncode == 0, f"{where}, next run: {after.stderr}"
            visible, hidden_after = snapshot(out)
            assert hidden_after == [], f"the next run left {hidden_after}, after {pending}"
            assert set(classify(visible, reference).values()) == {"new"}, where
            assert os.listdir(private_tmp) == [], (
                f"left in the temporary folder (TMPDIR) for good: {os.listdir(private_tmp)}, after {pending}")
            pending = []

    # And a last complete run over whatever the last kills left.
    final = command.run(out, private_tmp)
    assert final.returncode == 0, final.stderr
    visible, hidden = snapshot(out)
    assert hidden == [], f"the next run left {hidden}, after {pending}"
    assert set(classify(visible, reference).values()) == {"new"}
    assert os.listdir(private_tmp) == [], f"left in the temporary folder (TMPDIR): {os.listdir(private_tmp)}, after {pending}"

    print(f"\n{name}: {RUNS[name]} runs of ~{seconds:.2f} s (writing from {writing_from:.2f} s), {killed} killed, "
          f"{reached_writing} killed after writing began, {left_temporaries} left temporaries and {left_scratch} "
          f"left files in TMPDIR (all removed by the next run), {mixed_sets} left a mix of old and new {'plans' if name == 'build' else 'files in one plan'}")
    assert killed >= RUNS[name] // 3, "too few runs were killed: the kill times do not match the run time"
    assert left_temporaries >= 1, "no kill caught a run with staged temporaries"
    assert reached_writing >= 1, "no kill reached the writing phase"
