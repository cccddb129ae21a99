"""What killed runs left in an output folder is removed by the next run, and only that: the temporaries of
processes that are gone (also the names earlier versions used), never those of a run still going or
anyone's other files."""
import subprocess

from .conftest import classify, fill, snapshot


def dead_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_the_next_run_removes_temporaries_of_dead_processes_only(commands, references, workspace, private_tmp):
    reference = references["build"]
    out = workspace / "cleanup"
    fill(out, reference["old"])
    dead = dead_pid()
    stale = [
        f".tequio-{dead}-3-new.oaxaca-agua-1.0.0.epub",
        f".tequio-{dead}-4-old.oaxaca-agua-1.0.0-web.zip",
        f".oaxaca-agua-1.0.0-web.zip.tmp-{dead}-2",  # the archive writer of earlier versions
        f".oaxaca-agua-1.0.0-web.zip.tmp-{dead}-2.Ab3xYz",  # libzip's temporary beside it
        f".dat.nosync{dead:X}.XfAGgN",  # Foundation's, from the earlier document writer
    ]
    with subprocess.Popen(["sleep", "60"]) as running:
        kept = [f".tequio-{running.pid}-1-new.oaxaca-agua-1.0.0.epub", ".gitkeep", "LEEME.txt"]
        for name in stale + kept:
            (out / name).write_bytes(b"x" * 4096)
        run = commands["build"].run(out, private_tmp)
        running.kill()
    assert run.returncode == 0, run.stderr
    visible, hidden = snapshot(out)
    assert sorted(hidden) == sorted(n for n in kept if n.startswith("."))
    assert "LEEME.txt" in visible
    del visible["LEEME.txt"]
    assert set(classify(visible, reference).values()) == {"new"}
