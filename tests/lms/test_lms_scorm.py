"""The SCORM runtimes (templates/lms/runtime-scorm12.js, runtime-scorm2004.js) against a fake LMS that
enforces the SCORM data model (tests/lms/harness/fake-lms.js), served on 127.0.0.1.

Most tests launch `runtime-only.html` (the runtime and the module data, no player) and call
window.TEQUIO_HOST the way docs/player-host-api.md says the player does; they check the LMS call sequence,
the values stored and that the LMS refused no call. Tests marked host_api launch the real index.html and
drive the player, so they also need the player to call the host API."""
import json

import pytest
from selenium.webdriver.common.by import By

from .support import RUNTIME_ONLY
from .lms_helpers import (fill_first_row, follow, matrix_rows, module_data, rows_in_ui, state, summary, visit_every_unit)

SCO = "document.getElementById('sco').contentWindow"


def open_lms(b, server, version, reset=True, page=RUNTIME_ONLY):
    query = [f"page={page}"] + (["reset=1"] if reset else [])
    b.d.get(f"{server}/harness/scorm{version}.html?" + "&".join(query))
    b.wait(lambda: b.js(f"const w = {SCO}; return !!(w && w.TEQUIO_HOST && w.TEQUIO_HOST.connected)"),
           msg="the runtime found the LMS and initialised")


def host(b, method, *args):
    return b.js(f"const h = {SCO}.TEQUIO_HOST; return h.{method}.apply(h, arguments)", *args)


def calls(b):
    return b.js("return window.lms.calls")


def sets(b, name=None):
    """Values the SCO set, in order: [(element, value)], or the values of one element."""
    pairs = [(c["args"][0], c["args"][1]) for c in calls(b) if c["fn"] in ("LMSSetValue", "SetValue")]
    return [v for n, v in pairs if n == name] if name else pairs


def fns(b):
    return [c["fn"] for c in calls(b) if c["fn"] not in ("LMSGetLastError", "GetLastError")]


def no_rejections(b):
    assert b.js("return window.lms.rejected()") == [], "the LMS refused a call"
    assert b.js(f"return {SCO}.TEQUIO_HOST.errors") == [], "the runtime recorded an error"


@pytest.fixture(scope="module")
def module(site):
    return module_data(site, "scorm12")


# ---------------------------------------------------------------------------------------------- 1.2

def test_scorm12_session_progress_completion_and_resume(browser, scorm_server, module):
    b = browser
    rows = matrix_rows(module, 2)
    first = state(module, rows[:1], saved_at="2026-03-01T10:00:00.000Z", view_unit=1)
    # Session 1: two units seen, not complete: status incomplete, exit suspend.
    open_lms(b, scorm_server, "12")
    assert host(b, "loadState") is None, "a first attempt has nothing to restore"
    host(b, "saveState", first, summary(module, rows[:1], unit_index=1, visited=2))
    host(b, "terminate", summary(module, rows[:1], unit_index=1, visited=2))
    names = fns(b)
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish" and names.count("LMSFinish") == 1
    assert names[-2] == "LMSCommit", "data committed before finishing"
    assert sets(b, "cmi.core.lesson_status") == ["incomplete"]
    assert sets(b, "cmi.core.lesson_location") == ["1"]
    assert json.loads(sets(b, "cmi.suspend_data")[-1]) == {"v": 1, "s": first}
    assert sets(b, "cmi.core.exit") == ["suspend"], "exit stays suspend until complete"
    (session_time,) = sets(b, "cmi.core.session_time")
    assert session_time.count(":") == 2 and len(session_time.split(":")[0]) in (2, 3, 4)
    no_rejections(b)

    # Session 2: the LMS resumes; the runtime gives the player the saved state, then completes.
    open_lms(b, scorm_server, "12", reset=False)
    assert b.js("return window.lms.data['cmi.core.entry']") == "resume"
    assert host(b, "loadState") == first
    done = state(module, rows, saved_at="2026-03-01T11:00:00.000Z", view_unit=len(module["units"]) - 1)
    last = len(module["units"]) - 1
    host(b, "saveState", done, summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    host(b, "terminate", summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    assert sets(b, "cmi.core.lesson_status") == ["completed"]
    assert sets(b, "cmi.core.lesson_location") == [str(last)]
    assert json.loads(sets(b, "cmi.suspend_data")[-1]) == {"v": 1, "s": done}
    assert sets(b, "cmi.core.exit")[-1] == "", "a complete module exits normally"
    no_rejections(b)
    assert b.js("return window.lms.committed.status") == "completed"


def test_scorm12_large_matrix_is_never_cut_and_the_participant_is_told(browser, scorm_server, module):
    b = browser
    rows = matrix_rows(module, 10, size=150)          # far more than 4,096 characters
    big = state(module, rows)
    open_lms(b, scorm_server, "12")
    b.js(f"const w = {SCO}; w.__messages = []; "
         "w.document.addEventListener('tequio:message', e => w.__messages.push(e.detail));")
    host(b, "saveState", big, summary(module, rows, unit_index=2, visited=3))
    host(b, "saveState", big, summary(module, rows, unit_index=2, visited=3))   # told once, not on every save
    host(b, "terminate", summary(module, rows, unit_index=2, visited=3))
    stored = sets(b, "cmi.suspend_data")[-1]
    assert len(stored) <= 4096
    envelope = json.loads(stored)
    assert envelope["p"] == 1, "marked as partial"
    kept = envelope["s"]["tables"][0]["rows"][module["matrices"][0]["id"]]
    full = big["tables"][0]["rows"][module["matrices"][0]["id"]]
    assert 0 < len(kept) < len(full)
    assert kept == full[: len(kept)], "whole rows are left out from the end; no text is cut"
    assert envelope["s"]["savedAt"] == big["savedAt"], "a partial copy never looks newer than the local one"
    messages = b.js(f"return {SCO}.__messages")
    assert len(messages) == 1 and messages[0]["level"] == "warning" and "matriz" in messages[0]["text"]
    no_rejections(b)
    open_lms(b, scorm_server, "12", reset=False)
    assert host(b, "loadState") == envelope["s"]


def test_scorm12_api_found_through_the_opener(browser, scorm_server, module):
    b = browser
    b.d.get(f"{scorm_server}/harness/scorm12.html?reset=1&window=1&page={RUNTIME_ONLY}")
    harness = b.d.current_window_handle
    b.d.find_element(By.ID, "launch").click()
    b.wait(lambda: len(b.d.window_handles) == 2, msg="the package window")
    b.d.switch_to.window([h for h in b.d.window_handles if h != harness][0])
    b.wait(lambda: b.js("return !!(window.TEQUIO_HOST && window.TEQUIO_HOST.connected)"), msg="connected via opener")
    rows = matrix_rows(module, 1)
    b.js("TEQUIO_HOST.saveState(arguments[0], arguments[1]); TEQUIO_HOST.terminate(arguments[1]);",
         state(module, rows), summary(module, rows, unit_index=0, visited=1))
    b.d.switch_to.window(harness)
    assert fns(b)[0] == "LMSInitialize" and fns(b)[-1] == "LMSFinish"
    assert b.js("return window.lms.rejected()") == []


# --------------------------------------------------------------------------------------------- 2004

def test_scorm2004_session_progress_interactions_and_resume(browser, scorm_server, module):
    b = browser
    mx = module["matrices"][0]
    rows = matrix_rows(module, 2)
    s1 = state(module, rows[:1], view_unit=1)
    open_lms(b, scorm_server, "2004")
    assert host(b, "loadState") is None
    host(b, "saveState", s1, summary(module, rows[:1], unit_index=1, visited=2))
    host(b, "terminate", summary(module, rows[:1], unit_index=1, visited=2))
    names = fns(b)
    assert names[0] == "Initialize" and names[-1] == "Terminate" and names[-2] == "Commit"
    assert sets(b, "cmi.completion_status") == ["incomplete"]
    assert sets(b, "cmi.progress_measure")[-1] == str(round(2 / len(module["units"]), 4))
    assert sets(b, "cmi.location") == ["1"]
    assert json.loads(sets(b, "cmi.suspend_data")[-1]) == {"v": 1, "s": s1}
    assert sets(b, "cmi.exit") == ["suspend"]
    (session_time,) = sets(b, "cmi.session_time")
    assert session_time.startswith("PT") and session_time.endswith("S")
    interactions = b.js("return window.lms.interactions")
    assert len(interactions) == len(mx["columns"]), "one long-fill-in interaction per filled cell"
    for it, column in zip(interactions, mx["columns"]):
        assert it["id"] == f"urn:tequio:table:t1:{mx['id']}:row-1:{column['id']}"
        assert it["type"] == "long-fill-in"
        assert it["learner_response"] == "{lang=es}" + rows[0][column["id"]]
        assert it["description"].startswith("{lang=es}Mesa 1") and column["label"]["es"] in it["description"]
        assert it["timestamp"]
    no_rejections(b)

    # Session 2: resume, complete, change a cell: the same interaction is updated, a new row is added.
    open_lms(b, scorm_server, "2004", reset=False)
    assert b.js("return window.lms.data['cmi.entry']") == "resume"
    assert host(b, "loadState") == s1
    first_col = mx["columns"][0]["id"]
    rows[0][first_col] = "Texto corregido en la segunda sesión"
    last = len(module["units"]) - 1
    done = state(module, rows, saved_at="2026-03-01T12:00:00.000Z", view_unit=last)
    host(b, "saveState", done, summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    host(b, "terminate", summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    assert sets(b, "cmi.completion_status") == ["completed"]
    assert sets(b, "cmi.progress_measure")[-1] == "1"
    assert sets(b, "cmi.exit")[-1] == "normal"
    interactions = b.js("return window.lms.interactions")
    assert len(interactions) == 2 * len(mx["columns"])
    assert interactions[0]["learner_response"] == "{lang=es}Texto corregido en la segunda sesión"
    assert [i["id"] for i in interactions[len(mx["columns"]):]] == [
        f"urn:tequio:table:t1:{mx['id']}:row-2:{c['id']}" for c in mx["columns"]]
    no_rejections(b)


def test_scorm2004_long_cells_continue_in_further_interactions(browser, scorm_server, module):
    b = browser
    mx = module["matrices"][0]
    rows = matrix_rows(module, 1, size=60)
    long_col = mx["columns"][0]["id"]
    rows[0][long_col] = ("Una acción larga 💧 " * 600)[:9000]       # more than two interactions' worth
    open_lms(b, scorm_server, "2004")
    host(b, "saveState", state(module, rows), summary(module, rows, unit_index=0, visited=1))
    host(b, "terminate", summary(module, rows, unit_index=0, visited=1))
    parts = [i for i in b.js("return window.lms.interactions") if f":row-1:{long_col}" in i["id"]]
    assert [p["id"].rsplit(":", 1)[-1] for p in parts] == [long_col, "part-2", "part-3"]
    assert all(len(p["learner_response"]) <= 4000 for p in parts)
    assert "".join(p["learner_response"][len("{lang=es}"):] for p in parts) == rows[0][long_col], "nothing lost"
    no_rejections(b)


def test_scorm2004_emptied_cells_are_cleared(browser, scorm_server, module):
    b = browser
    rows = matrix_rows(module, 2, size=40)
    open_lms(b, scorm_server, "2004")
    host(b, "saveState", state(module, rows), summary(module, rows, unit_index=0, visited=1))
    # saves are debounced: the second one must come after the first has gone out
    b.wait(lambda: any(":row-2:" in i["id"] for i in b.js("return window.lms.interactions")), msg="row 2 reported")
    host(b, "saveState", state(module, rows[:1]), summary(module, rows[:1], unit_index=0, visited=1))
    host(b, "terminate", summary(module, rows[:1], unit_index=0, visited=1))
    interactions = b.js("return window.lms.interactions")
    removed = [i for i in interactions if ":row-2:" in i["id"]]
    assert removed and all(i["learner_response"] == "{lang=es}" for i in removed)
    no_rejections(b)


# ------------------------------------------------------------------ the real player (host API needed)

@pytest.mark.host_api
@pytest.mark.parametrize("version", ["12", "2004"])
def test_player_in_the_lms_restores_the_matrix_and_reports_completion(browser, scorm_server, module, version):
    b = browser
    mx = module["matrices"][0]
    required = [c["id"] for c in mx["columns"] if c.get("required")]
    texts = {c["id"]: f"Texto de la mesa para {c['id']} ✓" for c in mx["columns"]}
    partial = {k: v for k, v in texts.items() if k != required[-1]}      # one required column still empty
    status = "cmi.core.lesson_status" if version == "12" else "cmi.completion_status"

    # Session 1: every unit seen, the matrix started but not complete: progress kept, exit suspend.
    open_lms(b, scorm_server, version, page="index.html")
    b.d.switch_to.frame(b.d.find_element(By.ID, "sco"))
    b.wait(lambda: b.js("return !!document.getElementById('page-title')"), msg="the player started")
    visit_every_unit(b, module)
    fill_first_row(b, module, partial)
    b.d.switch_to.default_content()
    b.wait(lambda: any(partial[required[0]] in v for v in sets(b, "cmi.suspend_data")),
           msg="the matrix in suspend_data")
    assert "completed" not in sets(b, status)
    if version == "2004":
        b.wait(lambda: "{lang=es}" + partial[required[0]] in
               [i.get("learner_response") for i in b.js("return window.lms.interactions")], msg="a cell as an interaction")

    # Session 2 on "another computer": the player's own storage is gone, the LMS gives the matrix back.
    b.d.get(f"{scorm_server}/harness/")                  # ends session 1 (pagehide: terminate)
    assert b.js("return JSON.parse(localStorage.getItem('fakelms:' + arguments[0])).exit", version) == "suspend"
    b.js("Object.keys(localStorage).filter(k => k.startsWith('tequio:')).forEach(k => localStorage.removeItem(k))")
    open_lms(b, scorm_server, version, reset=False, page="index.html")
    b.d.switch_to.frame(b.d.find_element(By.ID, "sco"))
    b.wait(lambda: b.js("return !!document.getElementById('page-title')"), msg="the player started again")
    assert b.js("return location.hash") == "#/matrix/" + mx["id"], "back where the participant left off"
    follow(b, "#matrix-link", "#/matrix")
    assert {k: v for k, v in rows_in_ui(b)[0].items() if v} == partial, "the matrix came back from the LMS"

    # Completing it is reported; the session then ends normally.
    b.d.find_element(By.CSS_SELECTOR, f'#rows > li:first-child textarea[data-col="{required[-1]}"]').send_keys(
        texts[required[-1]])
    b.d.switch_to.default_content()
    b.wait(lambda: "completed" in sets(b, status), msg="completion reported to the LMS")
    b.d.get(f"{scorm_server}/harness/")
    stored = b.js("return JSON.parse(localStorage.getItem('fakelms:' + arguments[0]))", version)
    assert stored["exit"] == ("" if version == "12" else "normal")
    assert stored["status" if version == "12" else "completion"] == "completed"
