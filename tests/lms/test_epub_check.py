"""The EPUB 3 target through Debian's epubcheck (package `epubcheck`): zero errors and zero warnings, on
the example module and on a module whose texts try to break the markup."""
import json
import pathlib
import shutil
import subprocess
import zipfile

import pytest

from .support import MODULE, build

EPUBCHECK_JAR = pathlib.Path("/usr/share/java/epubcheck.jar")


def epubcheck(zip_path, tmp_path):
    """epubcheck's messages for the book (as JSON)."""
    if not EPUBCHECK_JAR.exists() or not shutil.which("java"):
        pytest.fail("epubcheck is not installed: run ./scripts/install-deps (Debian packages epubcheck and a JRE)")
    assert zip_path.suffix == ".epub", "the e-book is written as .epub, which e-readers open as it is"
    book = zip_path
    report = tmp_path / "epubcheck.json"
    # Debian's /usr/bin/epubcheck is the jar itself (run through binfmt); call java directly.
    r = subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(book), "--json", str(report)],
                       capture_output=True, text=True, timeout=300)
    result = json.loads(report.read_text("utf-8"))
    return r, result


def problems(result):
    return [f"{m['severity']} {m['ID']}: {m['message']} at {[l.get('path') for l in m.get('locations', [])][:3]}"
            for m in result["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]


def test_example_module_epub_has_no_errors_or_warnings(packages, tmp_path):
    r, result = epubcheck(packages["epub"], tmp_path)
    assert problems(result) == [], r.stdout + r.stderr
    assert r.returncode == 0
    assert result["publication"]["ePubVersion"].startswith("3")
    assert result["publication"]["title"].startswith("Transparencia"), "one title, in the main language"
    with zipfile.ZipFile(packages["epub"]) as z:
        opf = z.read("EPUB/package.opf").decode()
        assert opf.index("<dc:language>es</dc:language>") < opf.index("<dc:language>en</dc:language>")
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and first.extra == b""
        names = z.namelist()
    for lang in ("es", "en"):
        assert f"EPUB/text/{lang}-glossary.xhtml" in names and f"EPUB/text/{lang}-matrix-1.xhtml" in names


def test_hostile_texts_still_give_a_valid_book(tmp_path):
    """Markup, entities and control characters in a module's texts come out as text, never as markup."""
    module = tmp_path / "oaxaca-agua"
    shutil.copytree(MODULE, module)
    xml = module / "module.xml"
    text = xml.read_text("utf-8")
    text = text.replace("<p>Enfoque usado por el Banco Mundial",
                        "<p>&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; <em>«énfasis»</em> Enfoque usado por el Banco Mundial", 1)
    xml.write_text(text, "utf-8")
    out = build(tmp_path / "dist", targets=["epub"], module=module)
    r, result = epubcheck(out["epub"], tmp_path)
    assert problems(result) == [], r.stdout + r.stderr
    with zipfile.ZipFile(out["epub"]) as z:
        glossary = z.read("EPUB/text/es-glossary.xhtml").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; <em>«énfasis»</em>" in glossary


def test_the_blank_matrix_reflows_on_a_phone_and_stays_a_table_on_a_wide_screen(packages, browser, tmp_path):
    """At 360 px the six-column blank matrix becomes one block per column (each cell naming its column) and
    nothing is cut; at 1366 px it is a table. The cover is the first page."""
    book = tmp_path / "book"
    with zipfile.ZipFile(packages["epub"]) as z:
        z.extractall(book)
    page = (book / "EPUB" / "text" / "es-matrix-1.xhtml").as_uri()
    for width, display in ((360, "block"), (1366, "table-cell")):
        browser.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        browser.d.get(page)
        got = browser.js("""const td = document.querySelector('table.blank-matrix tr.blank td');
            return [document.documentElement.scrollWidth, getComputedStyle(td).display,
                    getComputedStyle(td.querySelector('.column')).display,
                    Math.max(...[...document.querySelectorAll('table.blank-matrix td')].map(e => e.getBoundingClientRect().right))]""")
        assert got[0] <= width and got[3] <= width, f"cut at {width} px: {got}"
        assert got[1] == display and (got[2] == "none") == (display == "table-cell"), got
    browser.d.get((book / "EPUB" / "text" / "cover.xhtml").as_uri())
    assert browser.js("const i = document.querySelector('img'); return i.complete && i.naturalWidth") == 1200
