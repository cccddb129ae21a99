"""The real player in SCORM runtimes laxer than the standard, as measured with wagtail-lms 0.11.1 and scormhost
0.1.0 (docs/lms-guide.md): cmi.core.entry / cmi.entry is "ab-initio" on every launch, there is no LMSFinish,
API_1484_11 is the SCORM 1.2 object, and every SetValue is a request of its own that a later one can overtake.
The fake LMS (tests/lms/harness/fake-lms.js) plays each of these with a page parameter.

"Another computer" is another Chromium profile: nothing of the player in its localStorage. What the LMS keeps on
its server is the fake LMS's record (`fakelms:<version>` in the harness origin's localStorage), carried from one
profile to the other as a real LMS would keep it."""
import json

import pytest
from selenium.webdriver.common.by import By

from .lms_helpers import follow, module_data, rows_in_ui

SCO = "document.getElementById('sco').contentWindow"


@pytest.fixture(scope="module")
def module(site):
    return module_data(site, "scorm12")


def columns(module):
    return [c["id"] for c in module["matrices"][0]["columns"]]


def launch(b, server, version, **params):
    """Opens the harness with the real player (index.html) and switches into its frame once it has rendered."""
    query = "&".join([f"page=index.html"] + [f"{k}={v}" for k, v in params.items()])
    b.d.switch_to.default_content()
    b.d.get(f"{server}/harness/scorm{version}.html?{query}")
    b.wait(lambda: b.js(f"const w = {SCO}; return !!(w && w.tequioPlayer && w.tequioPlayer.route"
                        " && w.document.getElementById('page-title'))"), msg="the player in the LMS frame")
    b.d.switch_to.frame(b.d.find_element(By.ID, "sco"))


def lms(b, script, *args):
    """Runs `script` in the LMS page (the harness), whatever frame the driver is in."""
    b.d.switch_to.default_content()
    try:
        return b.js(script, *args)
    finally:
        b.d.switch_to.frame(b.d.find_element(By.ID, "sco"))


def open_matrix(b):
    follow(b, "#matrix-link", "#/matrix")


def cell(b, row, column):
    return b.d.find_element(By.CSS_SELECTOR, f'#rows > li:nth-child({row}) textarea[data-col="{column}"]')


def leave(b, server):
    """The participant leaves: the LMS page is left too, so the player's pagehide ends the session."""
    b.d.switch_to.default_content()
    b.d.get(f"{server}/harness/")


def record(b, version):
    """What the LMS stored (its server side), read from the harness origin."""
    return json.loads(b.js("return localStorage.getItem('fakelms:' + arguments[0])", version) or "null")


def carry(b, server, version, rec):
    """Puts the LMS's stored record into another profile: the same LMS account seen from another computer."""
    b.d.switch_to.default_content()
    b.d.get(f"{server}/harness/")
    b.js("localStorage.setItem('fakelms:' + arguments[0], JSON.stringify(arguments[1]))", version, rec)


def suspended_rows(rec, module):
    env = json.loads(rec["suspend"])
    mx = module["matrices"][0]["id"]
    return [r["c"] for t in env["s"]["tables"] for r in t["rows"].get(mx, [])]


def sets(b, name):
    calls = lms(b, "return window.lms.calls")
    return [c["args"][1] for c in calls if c["fn"] in ("LMSSetValue", "SetValue") and c["args"][0] == name]


def no_rejections(b):
    assert lms(b, "return window.lms.rejected()") == [], "the LMS refused a call"


# ---------------------------------------------------------------------------------------------------

@pytest.mark.host_api
@pytest.mark.parametrize("version", ["12", "2004"])
def test_work_saved_on_one_computer_comes_back_on_another_despite_ab_initio(device, scorm_server, module, version):
    cols = columns(module)
    texts = {cols[0]: "Tarifas sin publicar en Santa Lucía 💧 <b>no HTML</b>", cols[3]: "Publicar las tarifas cada mes"}
    a = device("a")
    launch(a, scorm_server, version, reset=1, entry="ab-initio")
    open_matrix(a)
    for c, text in texts.items():
        cell(a, 1, c).send_keys(text)
    leave(a, scorm_server)
    saved = record(a, version)
    assert saved and {k: v for k, v in suspended_rows(saved, module)[0].items() if v} == texts, "device A's work in the LMS"
    a.quit()

    b = device("b")
    carry(b, scorm_server, version, saved)
    launch(b, scorm_server, version, entry="ab-initio")
    entry = "cmi.core.entry" if version == "12" else "cmi.entry"
    assert lms(b, "return window.lms.data[arguments[0]]", entry) == "ab-initio", "the LMS says this is a new attempt"
    assert b.js("return Object.keys(localStorage).filter(k => k.startsWith('tequio:oaxaca-agua:') && k.includes(':row:')).length") > 0
    open_matrix(b)
    assert {k: v for k, v in rows_in_ui(b)[0].items() if v} == texts, "the matrix came back on device B"
    no_rejections(b)
    # B's own first saves (it opened the matrix) must not have replaced the LMS copy with an empty one
    leave(b, scorm_server)
    after = record(b, version)
    assert {k: v for k, v in suspended_rows(after, module)[0].items() if v} == texts


@pytest.mark.host_api
def test_local_work_and_the_lms_copy_are_merged(device, scorm_server, module):
    cols = columns(module)
    a = device("a")
    launch(a, scorm_server, "12", reset=1, entry="ab-initio")
    open_matrix(a)
    cell(a, 1, cols[0]).send_keys("Problema escrito en la computadora A")
    cell(a, 1, cols[1]).send_keys("Usuarios del centro")
    leave(a, scorm_server)
    saved = record(a, "12")

    # Device B continues from the LMS copy: edits a cell of row 1 and adds row 2
    b = device("b")
    carry(b, scorm_server, "12", saved)
    launch(b, scorm_server, "12", entry="ab-initio")
    open_matrix(b)
    cell(b, 1, cols[1]).send_keys(" y de las colonias")
    b.d.find_element(By.ID, "row-add").click()
    cell(b, 2, cols[0]).send_keys("Fila 2, escrita en la computadora B")
    leave(b, scorm_server)
    from_b = record(b, "12")
    b.quit()

    # Meanwhile device A worked without the LMS (the package opened on its own: no API): a row only it has
    a.d.get(f"{scorm_server}/scorm12/index.html#/matrix")
    a.wait(lambda: a.js("return !!(window.tequioPlayer && document.getElementById('rows'))"), msg="the player alone")
    assert a.js("return TEQUIO_HOST.connected") is False
    a.d.find_element(By.ID, "row-add").click()
    cell(a, 2, cols[0]).send_keys("Fila escrita sin conexión en A")
    a.wait(lambda: "Fila escrita sin conexión en A" in (a.js(
        "return localStorage.getItem(Object.keys(localStorage).find(k => k.includes(':row:') && "
        "localStorage.getItem(k).includes('sin conexión')))") or ""), msg="saved locally")

    # Back on A through the LMS, which now holds B's work: nothing of either side is dropped
    carry(a, scorm_server, "12", from_b)
    launch(a, scorm_server, "12", entry="ab-initio")
    open_matrix(a)
    got = [{k: v for k, v in r.items() if v} for r in rows_in_ui(a)]
    assert got == [
        {cols[0]: "Problema escrito en la computadora A", cols[1]: "Usuarios del centro y de las colonias"},
        {cols[0]: "Fila 2, escrita en la computadora B"},
        {cols[0]: "Fila escrita sin conexión en A"},
    ], got
    assert not a.d.find_element(By.ID, "msg").text, "no conflicting texts here"
    # and the LMS gets the merged matrix
    leave(a, scorm_server)
    merged = [{k: v for k, v in r.items() if v} for r in suspended_rows(record(a, "12"), module)]
    assert [r for r in merged if r] == got


@pytest.mark.host_api
def test_typing_is_debounced_and_the_last_keystroke_reaches_a_parallel_lms(browser, scorm_server, module):
    b = browser
    col = columns(module)[0]
    launch(b, scorm_server, "12", reset=1, entry="ab-initio", parallel=1, nofinish=1)
    open_matrix(b)
    b.wait(lambda: not b.js("return TEQUIO_HOST.pending()") and lms(b, "return window.lms.inflight()") == 0,
           msg="the opening saves are out")
    before = len(sets(b, "cmi.suspend_data"))
    text = "Cincuenta caracteres sobre el agua de Oaxaca: ñ 💧!"
    assert len(text) == 50
    cell(b, 1, col).send_keys(text)
    assert b.js("return tequioPlayer.lastSaveMs >= 0")
    typing = len(sets(b, "cmi.suspend_data")) - before
    assert typing <= 1, f"{typing} suspend_data writes while typing 50 characters"
    # leave at once: only the player's frame goes (the LMS page stays, its requests still land)
    b.d.switch_to.default_content()
    b.js("document.getElementById('sco').src = 'about:blank'")
    # the frame's pagehide made every call before its new page loads; then only the requests are under way
    b.wait(lambda: b.js(f"return {SCO}.location.href") == "about:blank", msg="the player's frame left")
    b.wait(lambda: b.js("return window.lms.inflight()") == 0, msg="every write has landed")
    writes = len([v for n, v in b.js("return window.lms.calls.filter(c => c.fn === 'LMSSetValue').map(c => c.args)")
                  if n == "cmi.suspend_data"]) - before
    assert 1 <= writes <= 2, f"{writes} suspend_data writes for 50 keystrokes and leaving"
    landed = json.loads(b.js("return window.lms.server['cmi.suspend_data']"))
    [row] = [r["c"] for t in landed["s"]["tables"] for r in t["rows"][module["matrices"][0]["id"]]]
    assert row[col] == text, "the last keystroke is in the LMS"
    assert json.loads(b.js("return window.lms.committed.suspend"))["s"] == landed["s"]


def test_the_parallel_mode_loses_writes_that_follow_each_other_closely(browser, scorm_server):
    """The fake LMS's parallel mode really reorders: what a runtime saving on every keystroke would suffer."""
    b = browser
    b.d.get(f"{scorm_server}/harness/scorm12.html?reset=1&parallel=1&page=runtime-only.html")
    b.wait(lambda: b.js(f"return !!({SCO}.TEQUIO_HOST && {SCO}.TEQUIO_HOST.connected)"), msg="connected")
    b.js("for (let i = 1; i <= 20; i++) API.LMSSetValue('cmi.suspend_data', 'v' + i)")
    b.wait(lambda: b.js("return window.lms.inflight()") == 0, msg="landed")
    assert b.js("return window.lms.server['cmi.suspend_data']") != "v20", "the last write was overtaken"


@pytest.mark.host_api
@pytest.mark.parametrize("finish", [True, False], ids=["with-LMSFinish", "without-LMSFinish"])
def test_finish_says_the_session_ended_only_when_it_did(browser, scorm_server, module, finish):
    b = browser
    col = columns(module)[0]
    params = dict(reset=1, entry="ab-initio") if finish else dict(reset=1, entry="ab-initio", nofinish=1)
    launch(b, scorm_server, "12", **params)
    assert lms(b, "return typeof API.LMSFinish") == ("function" if finish else "undefined")
    open_matrix(b)
    cell(b, 1, col).send_keys("Texto antes de terminar")
    b.d.find_element(By.ID, "finish").click()
    msg = b.d.find_element(By.ID, "msg")
    b.wait(lambda: msg.text, msg="a message after Finish")
    if finish:
        assert msg.text.startswith("Sesión terminada"), msg.text
        assert b.js("return TEQUIO_HOST.ended") is True
    else:
        assert "no cerró la sesión" in msg.text and "Sesión terminada" not in msg.text, msg.text
        assert b.js("return TEQUIO_HOST.ended") is False
        assert [e["code"] for e in b.js("return TEQUIO_HOST.errors")] == ["missing"], "a logged host error"
    assert not b.js("return tequioPlayer.hostError"), "the host never threw"
    stored = lms(b, "return window.lms.committed")
    assert "Texto antes de terminar" in stored["suspend"] and stored["exit"] == "suspend", "committed either way"
    no_rejections(b)
    b.d.switch_to.default_content()
    assert not [e for e in b.severe()], "no uncaught exception"


@pytest.mark.host_api
def test_a_scorm12_object_under_the_scorm2004_name_is_no_lms(browser, scorm_server, module):
    b = browser
    col = columns(module)[0]
    launch(b, scorm_server, "2004", reset=1, as12=1)
    assert lms(b, "return typeof API_1484_11.LMSInitialize + ' ' + typeof API_1484_11.Initialize") == "function undefined"
    assert b.js("return TEQUIO_HOST.connected") is False
    errors = b.js("return TEQUIO_HOST.errors")
    assert len(errors) == 1 and errors[0]["code"] == "missing" and "API_1484_11" in errors[0]["text"], errors
    assert not b.d.find_element(By.ID, "finish").is_displayed(), "no Finish button without an LMS session"
    open_matrix(b)
    cell(b, 1, col).send_keys("Se guarda en este navegador")
    assert "Guardado" in b.d.find_element(By.ID, "save-status").text
    assert lms(b, "return window.lms.calls") == [], "nothing called on an API it cannot speak"
    b.d.switch_to.default_content()
    b.d.get(f"{scorm_server}/harness/")     # leaving: pagehide terminates, without an exception
    assert not b.severe(), "no uncaught exception"
