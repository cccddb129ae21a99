"""The web player as a participant uses it: opened from file:// in headless Chromium, typed into,
reloaded, restarted, exported and imported. Every screen is checked with axe-core (WCAG 2.1 A/AA) and
saved as a screenshot in test-artifacts/player/. The module under test is read from the bundle itself."""
import datetime
import json
import os
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

ROOT = pathlib.Path(__file__).resolve().parents[2]
NS = "{urn:tequio:completed-matrix:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "font-src 'self'")


def loc(o, lang):
    return o.get(lang) or next(iter(o.values()))


def main_lang(module):
    return module["languages"][0]


def matrix_of(module):
    if not module.get("matrices"):
        pytest.skip("this module declares no matrix")
    return module["matrices"][0]


def questions(module):
    return [(u, q) for u in module["units"] for b in u["blocks"] if b["kind"] == "caseStudy"
            for q in b["caseStudy"].get("questions", [])]


def cell(b, row, col):
    return b.q(f'#rows > li:nth-child({row}) textarea[data-col="{col}"]')


def type_into(el, text):
    el.send_keys(Keys.CONTROL, "a")
    el.send_keys(Keys.DELETE)
    el.send_keys(text)


def row_texts(module, matrix, n):
    """Text for row n: multi-line Spanish with accents, an emoji, markup that must stay text."""
    out = {}
    for c in matrix["columns"]:
        label = loc(c["label"], "es")
        text = (f"Fila {n} · {label}\nSegunda línea: participación ciudadana en Santa Lucía del Camino, "
                f"año {2011 + n} 💧 <script>alert({n})</script> & «comillas» \"dobles\" 'simples'")
        if c.get("maxLength"):
            text = text[: c["maxLength"]]
        out[c["id"]] = text
    return out


def go_matrix(b):
    b.follow("#matrix-link", "#/matrix")


def rows_in_ui(b, matrix):
    return b.js("""
        return [...document.querySelectorAll('#rows > li')].map(li =>
            Object.fromEntries([...li.querySelectorAll('textarea')].map(t => [t.dataset.col, t.value])));""")


# ---------------------------------------------------------------------------------------------------

def test_bundle_follows_the_static_rules(bundle):
    page = (bundle / "index.html").read_text("utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "{{" not in page, "unfilled placeholder in index.html"
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script in index.html"
    assert not re.search(r"<style|\sstyle=|\son[a-z]+=", page, re.I), "inline style or on* handler in index.html"
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts[0] == "player/module-data.js" and all((bundle / s).is_file() for s in scripts)
    code = "".join(p.read_text("utf-8") for p in (bundle / "player").glob("*.js") if p.name != "module-data.js")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                   ".style.", "setAttribute('style'"):
        assert banned not in code, f"player code uses {banned}"
    size = sum(p.stat().st_size for p in (bundle / "player").iterdir()
               if p.suffix in (".js", ".css") and p.name != "module-data.js")
    assert size <= 60 * 1024, f"player JS+CSS is {size} bytes, budget 60 KB"


def test_every_screen_in_the_main_language(launch, module):
    lang = main_lang(module)
    b = launch()
    b.open()
    assert b.js("return document.documentElement.lang") == lang
    assert b.title() == loc(module["metadata"]["title"], lang)
    assert b.js("return location.protocol") == "file:"
    b.axe("home")
    b.shot(f"{lang}-00-home")
    for i, u in enumerate(module["units"], 1):
        b.q(f'#unit-list a[data-unit="{u["id"]}"]').click()
        b.wait_title(loc(u["title"], lang))
        assert b.active_id() == "page-title", "focus must move to the unit heading"
        assert b.q(f'#unit-list a[data-unit="{u["id"]}"]').get_attribute("aria-current") == "page"
        assert b.js("return document.getElementById('progress').value") == i - 1, "opening a unit is not seeing it"
        b.go_through()
        assert b.js("return document.getElementById('progress').value") == i
        charts = b.qa("figure.chart > svg")
        for svg in charts:
            assert svg.get_attribute("role") == "img"
            assert b.js("return arguments[0].querySelector('title').textContent.length > 0"
                        " && !!arguments[0].querySelector('desc')", svg)
        if charts:
            assert b.qa("table.data"), "a chart comes with its data table"
        for note in b.qa("textarea[data-q]"):
            assert note.get_attribute("id") and b.qa(f'label[for="{note.get_attribute("id")}"]')
        b.axe(f"unit {u['id']}")
        b.shot(f"{lang}-{i:02d}-{u['id']}")
    if module.get("glossary"):
        terms = b.qa("a.term")
        b.q("#glossary-link").click()
        b.wait(lambda d: b.qa("dl.glossary dt"), msg="glossary")
        assert len(b.qa("dl.glossary dt")) == len(module["glossary"])
        b.axe("glossary")
        b.shot(f"{lang}-90-glossary")
    if module.get("matrices"):
        go_matrix(b)
        b.q("details.guide summary").click()
        for c in matrix_of(module)["columns"]:
            if c.get("help"):
                assert b.q(f"#help-{c['id']}").is_displayed()
                assert f"help-{c['id']}" in b.q(f'#rows textarea[data-col="{c["id"]}"]').get_attribute("aria-describedby")
        b.axe("matrix with column help open")
        b.shot(f"{lang}-91-matrix-help")
    assert not b.severe()


def test_glossary_links_from_the_text(launch, module):
    lang = main_lang(module)
    refs = [(u, g["id"]) for u in module["units"] for g in module.get("glossary", [])
            if f'"ref": {json.dumps(g["id"])}' in json.dumps(u)]
    if not refs:
        pytest.skip("no unit text links to the glossary")
    unit, term = refs[0]
    b = launch()
    b.open(f"#/u/{unit['id']}")
    # the click's hashchange re-renders the page: the link clicked (focused until then) goes away
    b.follow(f'a.term[href="#/glossary/{term}"]', f"#/glossary/{term}")
    b.wait(lambda d: b.active_id() == f"term-{term}", msg="focus on the glossary term")
    assert "hl" in b.q(f"#term-{term}").get_attribute("class")
    b.follow("main a[href^='#/u/']", f"#/u/{unit['id']}")  # back to where the participant was
    b.wait_title(loc(unit["title"], lang))


def dataset_values(node):
    """Every <value> of the module's dataset columns, as the player's data holds them."""
    if isinstance(node, dict):
        values = node.get("values")
        if isinstance(values, list) and values and all(isinstance(v, dict) and "text" in v for v in values):
            yield from values
        for child in node.values():
            yield from dataset_values(child)
    elif isinstance(node, list):
        for child in node:
            yield from dataset_values(child)


def test_english_version(launch, module):
    if not {"es", "en"} <= set(module["languages"]):
        pytest.skip("the module is not in both Spanish and English")
    b = launch()
    b.open()
    buttons = b.qa("#lang-switch button")
    assert [x.get_attribute("lang") for x in buttons][:2] == ["es", "en"], "Spanish first"
    assert b.q('#lang-switch [data-lang="es"]').get_attribute("aria-pressed") == "true"
    b.q('#lang-switch [data-lang="en"]').click()
    b.wait(lambda d: b.js("return document.documentElement.lang") == "en", msg="lang=en")
    assert b.q('#lang-switch [data-lang="en"]').get_attribute("aria-pressed") == "true"
    assert b.q("#glossary-link").text in ("Glossary", "") and b.q("#nav-title").text.lower() == "units"
    assert b.title() == loc(module["metadata"]["title"], "en")
    b.axe("home (en)")
    b.shot("en-00-home")
    # Data cells whose column gives them English words (<value>) show those words, never the CSV's.
    renamed = {v["text"]: loc(v["label"], "en") for v in dataset_values(module) if loc(v["label"], "en") != v["text"]}
    shown = set()
    for i, u in enumerate(module["units"], 1):
        b.q(f'#unit-list a[data-unit="{u["id"]}"]').click()
        b.wait_title(loc(u["title"], "en"))
        cells = set(b.js("return [...document.querySelectorAll('table.data td, table.data th[scope=row]')]"
                         ".map(c => c.textContent)"))
        assert not cells & set(renamed), f"unit {u['id']}: data cells in the CSV's words: {cells & set(renamed)}"
        shown |= cells & set(renamed.values())
        b.axe(f"unit {u['id']} (en)")
        b.shot(f"en-{i:02d}-{u['id']}")
    assert shown == set(renamed.values()), f"the English words of the data never shown: {set(renamed.values()) - shown}"
    if module.get("glossary"):
        b.q("#glossary-link").click()
        b.wait(lambda d: b.qa("dl.glossary dt"))
        b.axe("glossary (en)")
        b.shot("en-90-glossary")
    if module.get("matrices"):
        go_matrix(b)
        assert b.q("#row-add").text.endswith("Add row")
        b.axe("matrix (en)")
        b.shot("en-91-matrix")
    b.d.refresh()
    b.wait(lambda d: b.js("return document.documentElement.lang") == "en", msg="English kept after reload")


def test_matrix_autosave_reload_restart_export_and_import(launch, module, tmp_path):
    matrix = matrix_of(module)
    cols = [c["id"] for c in matrix["columns"]]
    b = launch("a")
    b.open("#/matrix")
    name, muni = "Mesa 3 · Valles Centrales <b>", "Santa Lucía del Camino"
    type_into(b.q("#table-name"), name)
    type_into(b.q("#table-municipality"), muni)
    members = [("Rosa Martínez López", "government", "Directora del organismo operador de agua"),
               ("José Ñúñez 🙂", "civil-society", ""), ("Ana Pérez", "private-sector", "Cámara de comercio")]
    for i, (n, sector, role) in enumerate(members):
        b.q("#member-add").click()
        assert b.active_id() == f"mem-{i}-name"
        b.active().send_keys(n)
        Select(b.q(f"#mem-{i}-sector")).select_by_value(sector)
        if role:
            b.q(f"#mem-{i}-role").send_keys(role)
    b.qa("#members .member button")[2].click()  # remove Ana
    members = members[:2]
    # three rows: the first exists already
    assert len(b.qa("#rows > li")) == 1
    b.q("#row-add").click()
    b.q("#row-add").click()
    texts = {n: row_texts(module, matrix, n) for n in (1, 2, 3)}
    for n in (1, 2, 3):
        for c in cols:
            cell(b, n, c).send_keys(texts[n][c])
    assert cell(b, 1, cols[0]).get_attribute("value") == texts[1][cols[0]], "typed text (accents, emoji, markup) kept"
    # reorder: row 3 up -> 1, 3, 2; remove the last; undo; remove again -> 1, 3
    b.q("#rows > li:nth-child(3) .row-up").click()
    assert rows_in_ui(b, matrix) == [texts[1], texts[3], texts[2]]
    assert b.active_attr("class").startswith("row-up"), "focus stays on the moved row's button"
    b.q("#rows > li:nth-child(3) .row-remove").click()
    assert rows_in_ui(b, matrix) == [texts[1], texts[3]]
    b.q("#row-undo").click()
    assert rows_in_ui(b, matrix) == [texts[1], texts[3], texts[2]]
    b.q("#rows > li:nth-child(3) .row-remove").click()
    expected_rows = [texts[1], texts[3]]
    assert rows_in_ui(b, matrix) == expected_rows
    # notes on a discussion question
    note = "Nota: la asamblea comunitaria decide.\n¿Cómo publicar las cuentas? 📋 <i>no es HTML</i>"
    qs = questions(module)
    if qs:
        unit, q = qs[0]
        b.follow(f'#unit-list a[data-unit="{unit["id"]}"]', f"#/u/{unit['id']}")
        b.q(f'textarea[data-q="{q["id"]}"]').send_keys(note)
        go_matrix(b)
    assert "Guardado" in b.q("#save-status").text or "Saved" in b.q("#save-status").text
    b.shot("matrix-filled")
    with pytest.raises(NoAlertPresentException):
        b.d.switch_to.alert.text
    assert b.js("return document.scripts.length") == 2, "participant text never becomes markup"

    def check(br):
        assert br.q("#table-name").get_attribute("value") == name
        assert br.q("#table-municipality").get_attribute("value") == muni
        got = [(br.q(f"#mem-{i}-name").get_attribute("value"), Select(br.q(f"#mem-{i}-sector")).first_selected_option
                .get_attribute("value"), br.q(f"#mem-{i}-role").get_attribute("value")) for i in range(len(br.qa(".member")))]
        assert got == members
        assert rows_in_ui(br, matrix) == expected_rows
        if qs:
            br.follow(f'#unit-list a[data-unit="{qs[0][0]["id"]}"]', f"#/u/{qs[0][0]['id']}")
            assert br.q(f'textarea[data-q="{qs[0][1]["id"]}"]').get_attribute("value") == note
            go_matrix(br)

    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix after reload")
    check(b)
    b.quit()
    b = launch("a")  # same profile: a browser restart
    b.open()  # no fragment: resumes where the participant was
    assert b.qa("#rows"), "resumes on the matrix"
    check(b)

    # export twice: draft 1 then 2
    b.q("#export").click()
    first = b.downloaded(1)[0]
    today = datetime.date.today().isoformat()
    suffix = f"-{matrix['id']}" if len(module["matrices"]) > 1 else ""
    assert first.name == f"{module['id']}-santa-lucia-del-camino-mesa-3-valles-centrales-b{suffix}-{today}.xml", first.name
    raw = first.read_text("utf-8")
    assert raw.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    b.q("#export").click()
    second = b.downloaded(2)[1]
    assert "(borrador 2)" in b.q("#export-status").text or "(draft 2)" in b.q("#export-status").text

    for f, draft in ((first, "1"), (second, "2")):
        root = ET.parse(f).getroot()
        assert root.tag == NS + "completed-matrix"
        assert (root.get("format"), root.get("module"), root.get("module-version"), root.get("matrix"), root.get("draft")) == \
            ("1", module["id"], module["version"], matrix["id"], draft)
        assert root.get(XML_LANG) == main_lang(module)
        for a in ("created", "modified"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", root.get(a)), root.get(a)
        assert root.find(f"{NS}table/{NS}name").text == name
        assert root.find(f"{NS}table/{NS}municipality").text == muni
        got_members = [(m.find(NS + "name").text, m.get("sector"), (m.find(NS + "role").text if m.find(NS + "role") is not None else ""))
                       for m in root.find(NS + "members")]
        assert got_members == members
        rows = [{c.get("column"): c.text for c in r.findall(NS + "cell")} for r in root.find(NS + "rows")]
        assert rows == expected_rows
        if qs:
            assert {n.get("question"): n.text for n in root.find(NS + "notes")} == {qs[0][1]["id"]: note}

    # the facilitator checks the file with `tequio check`, against the module it was built from
    tequio = os.environ.get("TEQUIO_BIN")
    assert tequio, "set TEQUIO_BIN to the tequio binary (./scripts/test does)"
    module_dir = ROOT / "modules" / module["id"]
    checked = subprocess.run([tequio, "check", "--strict", "--module", str(module_dir), str(first), str(second)],
                             capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    assert checked.returncode == 0, checked.stderr
    assert "0 errors, 0 warnings in 2 files" in checked.stderr, checked.stderr

    # import into a fresh profile
    c = launch("fresh")
    c.open("#/matrix")
    c.q("#import-file").send_keys(str(second))
    c.wait(lambda d: c.js("return document.getElementById('import-status').textContent"), msg="import message")
    assert "err" not in (c.q("#import-status").get_attribute("class") or ""), c.q("#import-status").text
    assert name in [o.text for o in Select(c.q("#table-select")).options]
    check(c)
    c.axe("matrix after import")
    c.shot("matrix-imported")


def test_import_rejects_wrong_files(launch, module, tmp_path):
    matrix = matrix_of(module)

    def doc(mod=module["id"], ver=module["version"], mx=matrix["id"]):
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<completed-matrix xmlns="urn:tequio:completed-matrix:1" '
                f'format="1" module="{mod}" module-version="{ver}" matrix="{mx}" xml:lang="es" draft="1" '
                f'created="2026-11-28T15:04:05Z" modified="2026-11-28T15:04:05Z"><table><name>X</name>'
                f'<municipality/></table><members/><rows/></completed-matrix>')
    cases = {
        "wrong-module.xml": (doc(mod="otro-modulo"), "otro-modulo"),
        "wrong-version.xml": (doc(ver="9.9.9"), "9.9.9"),
        "wrong-matrix.xml": (doc(mx="no-such-matrix"), "no-such-matrix"),
        "broken.xml": ("<completed-matrix><rows>", "dañado"),
        "other.xml": ('<?xml version="1.0"?><plan xmlns="urn:x"/>', "Tequio"),
    }
    b = launch()
    b.open("#/matrix")
    before = len(Select(b.q("#table-select")).options)
    for fname, (text, needle) in cases.items():
        f = tmp_path / fname
        f.write_text(text, "utf-8")
        b.js("document.getElementById('import-status').textContent = ''")
        b.q("#import-file").send_keys(str(f))
        b.wait(lambda d: b.q("#import-status").text, msg=f"message for {fname}")
        status = b.q("#import-status")
        assert "err" in status.get_attribute("class"), (fname, status.text)
        assert needle in status.text, (fname, status.text)
    assert len(Select(b.q("#table-select")).options) == before, "nothing imported"
    b.shot("matrix-import-error")


def test_required_columns_and_maximum_lengths(launch, module):
    matrix = matrix_of(module)
    req = [c for c in matrix["columns"] if c.get("required")]
    longc = next((c for c in matrix["columns"] if c.get("maxLength")), None)
    b = launch()
    b.open("#/matrix")
    first = matrix["columns"][0]["id"]
    cell(b, 1, first).send_keys("Solo el problema, sin acciones.")
    if longc:
        counter = b.q(f"#n-{cell(b, 1, longc['id']).get_attribute('id')}")
        n = len("Solo el problema, sin acciones.") if longc["id"] == first else 0
        assert counter.text == f"{n} / {longc['maxLength']}"
    b.q("#export").click()
    box = b.q("#export-errors")
    missing = [c for c in req if c["id"] != first]
    if missing:
        assert box.is_displayed() and b.active_id() == "export-errors"
        for c in missing:
            ta = cell(b, 1, c["id"])
            assert ta.get_attribute("aria-invalid") == "true"
            msg = b.q("#m-" + ta.get_attribute("id"))
            assert msg.is_displayed() and ("Obligatorio" in msg.text or "Required" in msg.text)
        assert not list(b.downloads.iterdir()), "nothing downloaded while problems remain"
        b.shot("matrix-required-errors")
        # typing fixes the message live
        cell(b, 1, missing[0]["id"]).send_keys("Publicar tarifas.")
        assert not b.q("#m-" + cell(b, 1, missing[0]["id"]).get_attribute("id")).is_displayed()
    if longc:
        ta = cell(b, 1, longc["id"])
        limit = longc["maxLength"]
        b.js("arguments[0].value = 'ñ'.repeat(arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
             ta, limit + 4)
        ta.send_keys("💧")  # counted as one character
        counter = b.q("#n-" + ta.get_attribute("id"))
        assert counter.text == f"{limit + 5} / {limit}" and "over" in counter.get_attribute("class")
        msg = b.q("#m-" + ta.get_attribute("id"))
        assert msg.is_displayed() and "5" in msg.text and str(limit) in msg.text
        assert ta.get_attribute("aria-invalid") == "true"
        b.axe("matrix with messages")
        b.shot("matrix-too-long")
    if b.qa("#export-anyway") and b.q("#export-anyway").is_displayed():
        b.q("#export-anyway").click()
    else:
        b.q("#export").click()
        b.q("#export-anyway").click()
    assert b.downloaded(1), "an incomplete draft can still be downloaded on purpose"


def test_keyboard_only(launch, module):
    lang = main_lang(module)
    b = launch()
    b.open()

    def press(*keys):
        ActionChains(b.d).send_keys(*keys).perform()

    def tab_to(pred, what, limit=400):
        for _ in range(limit):
            press(Keys.TAB)
            if b.js("return arguments[0](document.activeElement)".replace("arguments[0]", pred)):
                return True
        raise AssertionError(f"Tab never reached {what}")

    tab_to("(e => e.id === 'skip')", "the skip link", 3)
    press(Keys.ENTER)
    assert b.active_id() in ("page-title", "main")
    tab_to("(e => e.matches('main a.btn.primary'))", "the start link")
    press(Keys.ENTER)
    b.wait_title(loc(module["units"][0]["title"], lang))
    assert b.active_id() == "page-title"
    for u in module["units"][1:]:
        tab_to("(e => e.matches('a[rel=next]'))", "the next-unit link")
        press(Keys.ENTER)
        b.wait_title(loc(u["title"], lang))
        assert b.active_id() == "page-title"
    if module.get("matrices"):
        press(Keys.HOME)
        b.js("document.getElementById('skip').focus()")
        tab_to("(e => e.id === 'matrix-link')", "the matrix link", 20)
        press(Keys.ENTER)
        b.wait_route("#/matrix")
        b.wait(lambda d: b.qa("#rows"), msg="matrix")
        assert b.active_id() == "page-title"
        tab_to("(e => e.id === 'row-add')", "add row")
        press(Keys.ENTER)
        assert b.active_attr("data-col") == matrix_of(module)["columns"][0]["id"]
        press("segunda fila")
        tab_to("(e => e.classList.contains('row-up') && e.closest('li').matches(':nth-child(2)'))", "row 2 up")
        press(Keys.SPACE)
        assert b.js("return document.querySelector('#rows > li:first-child textarea').value") == "segunda fila"
        assert b.active_attr("class").startswith("row-")


def test_narrow_viewport(launch, module):
    b = launch(size=(360, 780))
    b.open()
    width = lambda: b.js("return document.documentElement.scrollWidth")
    assert width() <= 360, f"horizontal scroll at 360 px on home: {width()}"
    b.shot("narrow-360-home")
    toggle = b.q("#nav-toggle")
    assert toggle.is_displayed() and not b.q("#unit-nav").is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and b.q("#unit-nav").is_displayed()
    b.axe("360 px, navigation open")
    b.shot("narrow-360-nav")
    b.q(f'#unit-list a[data-unit="{module["units"][-1]["id"]}"]').click()
    b.wait_title(loc(module["units"][-1]["title"], main_lang(module)))
    assert not b.q("#unit-nav").is_displayed(), "navigation closes after choosing a unit"
    for u in module["units"]:
        b.open(f"#/u/{u['id']}")
        assert width() <= 360, f"horizontal scroll at 360 px in {u['id']}: {width()}"
        b.shot(f"narrow-360-{u['id']}")
    if module.get("matrices"):
        b.open("#/matrix")
        b.q("#member-add").click()
        assert width() <= 360, f"horizontal scroll at 360 px in the matrix: {width()}"
        b.axe("360 px matrix")
        b.shot("narrow-360-matrix")


def test_resume_position_and_progress(launch, module):
    units = module["units"]
    if len(units) < 2:
        pytest.skip("needs two units")
    b = launch()
    b.open(f"#/u/{units[1]['id']}")
    assert b.js("return document.getElementById('progress').value") == 0, "a unit opened is not yet seen"
    b.go_through()
    b.open(f"#/u/{units[0]['id']}")
    b.go_through()
    b.open(f"#/u/{units[1]['id']}")
    assert b.js("return document.getElementById('progress').value") == 2
    assert "2" in b.q("#progress-label").text
    assert len(b.qa("#unit-list a.seen, #unit-list .mark .vh")) >= 2
    b.d.get(b.url)  # a fresh start without a fragment
    b.wait_title(loc(units[1]["title"], main_lang(module)))


def test_print_stylesheet(launch, module):
    pres = next((u for u in module["units"] for b in u["blocks"] if b["kind"] == "presentation"
                 and len(b["presentation"]["slides"]) > 1), None)
    b = launch()
    b.open(f"#/u/{pres['id']}" if pres else "")
    b.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not b.q("#unit-nav").is_displayed() and not b.q(".tools").is_displayed()
    if pres:
        assert all(s.is_displayed() for s in b.qa(".slide")), "every slide is printed"
        assert not b.qa(".slidebar") or not b.q(".slidebar").is_displayed()
    b.shot("print-unit")
    if module.get("matrices"):
        b.open("#/matrix")
        cell(b, 1, matrix_of(module)["columns"][0]["id"]).send_keys("Texto impreso\nen dos líneas")
        assert not b.q("#row-add").is_displayed() and not b.q("#import-file").is_displayed()
        assert b.q("#rows textarea").is_displayed()
        b.shot("print-matrix")


def test_working_tables_create_rename_switch_delete(launch, module):
    matrix = matrix_of(module)
    first = matrix["columns"][0]["id"]
    b = launch()
    b.open("#/matrix")
    names = lambda: [o.text for o in Select(b.q("#table-select")).options]
    assert len(names()) == 1
    cell(b, 1, first).send_keys("Problema de la primera mesa")
    b.q("#table-new").click()
    assert b.active_id() == "table-name", "a new table starts with its name selected"
    b.active().send_keys("Mesa Tlacolula")
    assert names()[1] == "Mesa Tlacolula" and Select(b.q("#table-select")).first_selected_option.text == "Mesa Tlacolula"
    assert cell(b, 1, first).get_attribute("value") == ""
    cell(b, 1, first).send_keys("Problema de Tlacolula")
    Select(b.q("#table-select")).select_by_index(0)
    b.wait(lambda d: cell(b, 1, first).get_attribute("value") == "Problema de la primera mesa", msg="switched back")
    type_into(b.q("#table-name"), "Mesa Etla")
    b.d.refresh()
    b.wait(lambda d: b.qa("#table-select"))
    assert names() == ["Mesa Etla", "Mesa Tlacolula"]
    assert cell(b, 1, first).get_attribute("value") == "Problema de la primera mesa"
    b.q("#table-delete").click()
    assert b.q("#del-confirm").is_displayed() and b.active_id() == "table-delete-cancel"
    assert "Mesa Etla" in b.q("#del-q").text
    b.axe("matrix, delete confirmation")
    b.shot("matrix-delete-confirm")
    b.active().click()
    assert not b.q("#del-confirm").is_displayed() and names() == ["Mesa Etla", "Mesa Tlacolula"]
    b.q("#table-delete").click()
    b.q("#table-delete-confirm").click()
    b.wait(lambda d: names() == ["Mesa Tlacolula"], msg="table deleted")
    assert cell(b, 1, first).get_attribute("value") == "Problema de Tlacolula"
    left = b.js("return Object.keys(localStorage).filter(k => k.startsWith(tequioPlayer.key + ':'))")
    assert len([k for k in left if ":table:" in k]) == 1 and len([k for k in left if ":row:" in k]) == 1, left
