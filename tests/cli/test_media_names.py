"""Media named as people name files (`media/fases año 🌊.png`) build into every target, each reference
percent-encoded where it becomes a URL, and every bundle passes `tequio check --strict`."""
import os
import pathlib
import shutil
import subprocess
import zipfile

from tequio_cli import ROOT, run_tequio

NAME = "fases año 🌊.png"
ENCODED = "fases%20a%C3%B1o%20%F0%9F%8C%8A.png"


def tequio(*args, cwd):
    return run_tequio(*args, cwd=cwd)


def test_a_media_file_with_spaces_accents_and_emoji_builds_everywhere(tmp_path):
    module = tmp_path / "oaxaca-agua"
    shutil.copytree(ROOT / "modules" / "oaxaca-agua", module)
    (module / "media" / "fases-es.png").rename(module / "media" / NAME)
    changed = 0
    for xml in module.rglob("*.xml"):
        text = xml.read_text()
        if "media/fases-es.png" in text:
            xml.write_text(text.replace("media/fases-es.png", f"media/{NAME}"))
            changed += 1
    assert changed, "the example module no longer uses media/fases-es.png"
    r = tequio("build", module, "--target", "all", "-o", tmp_path / "dist", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    bundles = sorted((tmp_path / "dist").iterdir())
    check = tequio("check", "--strict", *bundles, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    with zipfile.ZipFile(tmp_path / "dist" / "oaxaca-agua-1.0.0-print.zip") as z:
        handbook = z.read("handbook-es.pdf")
    height = int.from_bytes((module / "media" / NAME).read_bytes()[20:24], "big")  # the PNG header's height
    assert f"/Height {height}".encode() in handbook, "the renamed picture is drawn in the handbook's PDF"
    with zipfile.ZipFile(tmp_path / "dist" / "oaxaca-agua-1.0.0-scorm12.zip") as z:
        assert f'href="content/media/{ENCODED}"' in z.read("imsmanifest.xml").decode()
