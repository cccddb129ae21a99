"""The comparison as a committee member reads it in a browser (issue 12): `tequio compare`'s HTML in
headless Chromium at phone and laptop widths: axe-core finds no violation, insertions are underlined and
deletions struck through (readable without colour), and a screen reader is told which is which through
generated content in the page's language, while the text itself stays the plan's."""
import pytest

from .conftest import Browser
from tequio_cli import ROOT, run_tequio

EXAMPLE = ROOT / "examples" / "matrices" / "oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare-html")
    src = EXAMPLE.read_text(encoding="utf-8")
    old = folder / "b2.xml"
    old.write_text(src.replace('draft="3"', 'draft="2"'), encoding="utf-8")
    new = folder / "b3.xml"
    new.write_text(src.replace("El calendario de tandeo no se publica y cambia sin aviso.",
                               "¿Por qué el calendario de tandeo no se publica? Cambia sin aviso."), encoding="utf-8")
    out = folder / "out"
    result = run_tequio("compare", old, new, "--module", ROOT / "modules" / "oaxaca-agua", "-o", out, "--format", "html")
    assert result.returncode == 0, result.stderr
    (page,) = list(out.glob("*.html"))
    return page


@pytest.mark.parametrize("size", [(360, 800), (1366, 900)])
def test_the_comparison_page_is_accessible_and_readable_without_colour(comparison, tmp_path, size):
    b = Browser(comparison.parent, tmp_path / "profile", tmp_path / "downloads", size)
    try:
        b.d.get(comparison.as_uri())
        b.wait(lambda d: d.execute_script("return document.readyState === 'complete'"), msg="page loaded")
        b.axe(f"comparison at {size[0]} px")
        styles = b.js(
            "const ins = document.querySelector('ins'), del = document.querySelector('del');"
            "const s = (e, p) => getComputedStyle(e, p);"
            "return [s(ins).textDecorationLine, s(del).textDecorationLine,"
            " s(ins, '::before').content, s(del, '::before').content, document.documentElement.lang];")
        assert styles[0] == "underline" and styles[1] == "line-through"
        assert "inserción" in styles[2] and "eliminación" in styles[3] and styles[4] == "es"
        text = b.js("return document.body.innerText")
        assert "Cambios desde el borrador 2" in text and "Cómo leer los cambios" in text
        assert b.js("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "nothing scrolls sideways"
        b.collect_logs()
        assert not b.severe(), b.severe()
    finally:
        b.quit()
