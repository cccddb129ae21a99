"""`tequio build --target …` for the LMS and e-reader targets, as a user runs it: several targets in one
run, one zip each, byte-identical on a rebuild, manifests at the root and valid (xmllint, the same
libxml2 the Swift tests use in process)."""
import shutil
import subprocess
import zipfile

import pytest

from .support import ROOT, TARGETS, archive_name, build

SCHEMAS = ROOT / "schemas" / "official"
MANIFEST_SCHEMAS = {
    "scorm12": ("imsmanifest.xml", "scorm12/scorm12_driver.xsd"),
    "scorm2004": ("imsmanifest.xml", "scorm2004-4th/scorm2004_driver.xsd"),
    "imscp": ("imsmanifest.xml", "scorm2004-4th/imscp_v1p1.xsd"),
    "cmi5": ("cmi5.xml", "cmi5/CourseStructure.xsd"),
}


def test_several_targets_in_one_run_are_byte_identical_on_a_rebuild(packages, tmp_path):
    again = build(tmp_path / "again")
    assert sorted(p.name for p in (tmp_path / "again").iterdir()) == sorted(archive_name("oaxaca-agua-1.0.0", t) for t in TARGETS)
    for target in TARGETS:
        assert packages[target].read_bytes() == again[target].read_bytes(), f"{target} differs on a rebuild"


def test_one_target_alone_writes_one_zip(tmp_path):
    build(tmp_path / "one", targets=["scorm2004"])
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["oaxaca-agua-1.0.0-scorm2004.zip"]


@pytest.mark.parametrize("target", sorted(MANIFEST_SCHEMAS))
def test_manifest_at_the_root_and_valid(packages, tmp_path, target):
    if not shutil.which("xmllint"):
        pytest.fail("xmllint is missing: run ./scripts/install-deps")
    name, schema = MANIFEST_SCHEMAS[target]
    with zipfile.ZipFile(packages[target]) as z:
        names = z.namelist()
        assert name in names, f"{name} at the root of the zip"
        assert all("\\" not in n and not n.startswith("/") for n in names)
        assert len({n.split("/")[0] for n in names}) > 1, "no wrapping folder"
        (tmp_path / name).write_bytes(z.read(name))
    r = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", str(SCHEMAS / schema), str(tmp_path / name)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
