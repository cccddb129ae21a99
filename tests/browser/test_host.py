"""The player host API (docs/player-host-api.md) with a recording host: a copy of the bundle whose index.html
loads tests/browser/host_harness.js before player/player.js, as the LMS writers do with their runtimes.
The harness plays the LMS (what saveState gets, loadState returns) and logs every call and tequio:* event."""
import json
import pathlib

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from .conftest import copy_bundle

HARNESS = (pathlib.Path(__file__).with_name("host_harness.js")).read_text("utf-8")


def loc(o, lang):
    return o.get(lang) or next(iter(o.values()))


@pytest.fixture(scope="module")
def host_root(bundle, tmp_path_factory):
    return copy_bundle(bundle, tmp_path_factory.mktemp("host") / "bundle", scripts={"player/test-host.js": HARNESS})


def matrix_of(module):
    if not module.get("matrices"):
        pytest.skip("this module declares no matrix")
    return module["matrices"][0]


def log(b, kind=None):
    entries = json.loads(b.js("return localStorage.getItem('testhost:log') || '[]'"))
    return [e for e in entries if kind is None or e["kind"] == kind]


def clear_log(b):
    b.js("localStorage.removeItem('testhost:log')")


def working_table_matrices(module):
    return [b["activity"].get("matrix", "*") for u in module["units"] for b in u["blocks"]
            if b["kind"] == "activity" and b["activity"]["kind"] == "working-table"]


def test_host_calls_events_summary_and_completion(launch, module, host_root):
    units, lang = module["units"], module["languages"][0]
    b = launch("host", root=host_root)
    b.open()
    entries = log(b)
    assert [e["kind"] for e in entries][:2] == ["loadState", "ready"], entries[:3]
    assert entries[0]["data"]["savedAt"] is None
    ready = entries[1]["data"]["summary"]
    assert ready == {"unitIndex": 0, "unitCount": len(units), "visitedCount": 0, "completed": False, "progress": 0,
                     "matrices": []}, ready
    finish = b.q("#finish")
    assert finish.is_displayed() and finish.text == ("Terminar" if lang == "es" else "Finish")

    # every unit, in order: a navigate event when it opens, a saveState when it has been gone through
    for i, u in enumerate(units):
        b.follow(f'#unit-list a[data-unit="{u["id"]}"]', f"#/u/{u['id']}")
        b.wait_title(loc(u["title"], lang))
        nav = log(b, "navigate")[-1]["data"]["summary"]
        assert (nav["unitIndex"], nav["visitedCount"], nav["unitCount"]) == (i, i, len(units)), "opened, not yet seen"
        b.go_through()
        saved = log(b, "saveState")[-1]["data"]["summary"]
        assert saved["visitedCount"] == i + 1 and saved["progress"] == pytest.approx((i + 1) / len(units))
    assert len(log(b, "navigate")) == len(units)
    last = log(b, "saveState")[-1]["data"]["summary"]
    assert last["progress"] == 1
    wt = working_table_matrices(module)
    assert last["completed"] is (not wt or not module.get("matrices")), "complete only with a filled matrix row"
    if not module.get("matrices"):
        return

    matrix = matrix_of(module)
    cols = matrix["columns"]
    required = [c for c in cols if c.get("required")] or cols[:1]
    b.follow("#matrix-link", "#/matrix")
    b.q("#table-name").clear()
    b.q("#table-name").send_keys("Mesa Tlacolula")
    b.q("#table-municipality").send_keys("Tlacolula de Matamoros")
    b.q("#member-add").click()
    b.active().send_keys("Rosa Martínez")
    Select(b.q("#mem-0-sector")).select_by_value("government")
    n_before = len(log(b, "saveState"))
    text = "Tarifas sin publicar 💧 <b>ñ</b>"
    first = b.q(f'#rows > li:first-child textarea[data-col="{required[0]["id"]}"]')
    first.send_keys(text)
    assert len(log(b, "saveState")) - n_before == len(text), "one saveState per keystroke"
    assert log(b, "saveState")[-1]["data"]["summary"]["completed"] is False or len(required) == 1
    for c in required[1:]:
        b.q(f'#rows > li:first-child textarea[data-col="{c["id"]}"]').send_keys("Acción " + c["id"])
    s = log(b, "saveState")[-1]["data"]["summary"]
    assert s["completed"] is True and s["progress"] == 1
    [m] = [m for m in s["matrices"] if m["matrixId"] == matrix["id"]]
    assert m["tableName"] == "Mesa Tlacolula" and m["municipality"] == "Tlacolula de Matamoros"
    assert m["members"] == [{"name": "Rosa Martínez", "sector": "government", "role": ""}]
    assert m["columns"] == [c["id"] for c in cols]
    expected = {c["id"]: "" for c in cols}
    expected.update({c["id"]: "Acción " + c["id"] for c in required[1:]}, **{required[0]["id"]: text})
    assert m["rows"] == [expected]
    assert m["tableId"] == b.js("return document.getElementById('table-select').value")
    # an empty row is not reported
    b.q("#row-add").click()
    assert len(log(b, "saveState")[-1]["data"]["summary"]["matrices"][0]["rows"]) == 1
    # every save is also a tequio:saved event with the same summary
    saves, events = log(b, "saveState"), log(b, "saved")
    assert len(saves) == len(events)
    assert saves[-1]["data"]["summary"] == events[-1]["data"]["summary"]
    # the host's state is one JSON object the player can restore from
    state = json.loads(b.js("return localStorage.getItem('testhost:lms')"))
    assert state["savedAt"] == saves[-1]["data"]["savedAt"] and state["module"] == module["id"]
    [tb] = state["tables"]
    assert tb["name"] == "Mesa Tlacolula" and tb["rows"][matrix["id"]][0]["c"][required[0]["id"]] == text
    assert set(state["seen"]) == {u["id"] for u in units} and state["view"] == f"#/matrix/{matrix['id']}"

    # Finish: terminate with the summary, and a message in the live region
    b.q("#finish").click()
    [term] = log(b, "terminate")
    assert term["data"]["summary"]["completed"] is True
    assert b.q("#msg").text and b.q("#msg").get_attribute("role") == "status"
    b.axe("matrix with a host, finished")
    b.shot("host-finished")
    # leaving the page (pagehide) terminates too; the next load asks the host again
    clear_log(b)
    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix after reload")
    kinds = [e["kind"] for e in log(b)]
    assert kinds[:3] == ["terminate", "loadState", "ready"], kinds
    assert log(b, "ready")[0]["data"]["summary"]["completed"] is True


def set_host_state(b, state, after_local=None):
    """Puts `state` where the test host's loadState finds it; with after_local=seconds its savedAt is that much
    later than the local state's (so it is the newer one without waiting on the clock)."""
    b.js("""const [s, later] = arguments;
        if (later != null) s.savedAt = new Date(Date.parse(JSON.parse(localStorage.getItem(tequioPlayer.key)).savedAt) + later * 1000).toISOString();
        localStorage.setItem('testhost:lms', JSON.stringify(s));""", state, after_local)


def table_names(b):
    return [o.text for o in Select(b.q("#table-select")).options]


def test_host_state_is_merged_with_local_work(launch, module, host_root):
    """The host's copy (newer or older, whole, cut down or from another computer) is merged into the local one:
    tables and rows of both sides are kept, text beats an empty cell, and the newer copy decides the screen."""
    units, matrix = module["units"], matrix_of(module)
    col = matrix["columns"][0]["id"]
    qs = [(u, q) for u in units for blk in u["blocks"] if blk["kind"] == "caseStudy"
          for q in blk["caseStudy"].get("questions", [])]
    b = launch("newer", root=host_root)
    b.open("#/matrix")
    b.q(f'#rows textarea[data-col="{col}"]').send_keys("Trabajo local, más antiguo")
    local_table = b.js("return document.getElementById('table-select').value")
    local_name = b.q("#table-name").get_attribute("value")
    other = "en" if module["languages"][0] != "en" and "en" in module["languages"] else module["languages"][0]
    seen = [u["id"] for u in units[:2]]
    state = {
        "module": module["id"], "version": module["version"], "lang": other, "view": f"#/u/{seen[-1]}", "unit": seen[-1],
        "seen": {u: 1 for u in seen}, "cur": "t-b",
        "tables": [
            {"id": "t-a", "name": "Mesa Etla", "municipality": "Villa de Etla", "lang": "es", "created": "2026-11-28T15:04:05Z",
             "modified": "2026-11-28T15:04:05Z", "draft": 2, "members": [], "notes": {},
             "rows": {matrix["id"]: [{"id": "r-a1", "c": {col: "Fila de Etla"}}]}},
            {"id": "t-b", "name": "Mesa Tlacolula", "municipality": "Tlacolula", "lang": "es", "created": "2026-11-28T15:04:05Z",
             "modified": "2026-11-28T16:00:00Z", "draft": 0,
             "members": [{"name": "José Ñúñez", "sector": "civil-society", "role": "Comité de agua"}],
             "notes": {qs[0][1]["id"]: "Nota desde otra computadora"} if qs else {},
             "rows": {matrix["id"]: [{"id": "r-b1", "c": {col: "Primera fila 💧"}}, {"id": "r-b2", "c": {col: "Segunda <fila>"}}]}},
        ],
    }
    # the LMS kept a state saved later on another computer: its tables join the local one, which stays
    set_host_state(b, state, after_local=1)
    b.d.get(b.url)  # a fresh start without a fragment: resumes where the newer (host's) state was
    b.wait_title(loc(units[1]["title"], other))
    assert b.js("return document.documentElement.lang") == other
    assert b.js("return document.getElementById('progress').value") == 2
    b.follow("#matrix-link", "#/matrix")
    assert table_names(b) == [local_name, "Mesa Etla", "Mesa Tlacolula"]
    assert Select(b.q("#table-select")).first_selected_option.get_attribute("value") == "t-b"
    assert b.q("#table-municipality").get_attribute("value") == "Tlacolula"
    assert b.q("#mem-0-name").get_attribute("value") == "José Ñúñez"
    assert Select(b.q("#mem-0-sector")).first_selected_option.get_attribute("value") == "civil-society"
    assert [t.get_attribute("value") for t in b.qa(f'#rows textarea[data-col="{col}"]')] == ["Primera fila 💧", "Segunda <fila>"]
    if qs:
        b.follow(f'#unit-list a[data-unit="{qs[0][0]["id"]}"]', f"#/u/{qs[0][0]['id']}")
        assert b.q(f'textarea[data-q="{qs[0][1]["id"]}"]').get_attribute("value") == "Nota desde otra computadora"
    keys = b.js("return Object.keys(localStorage).filter(k => k.startsWith(tequioPlayer.key + ':table:'))")
    assert sorted(k.rsplit(":", 1)[1] for k in keys) == sorted(["t-a", "t-b", local_table]), "the local table is kept"
    pushed = json.loads(b.js("return localStorage.getItem('testhost:lms')"))
    assert sorted(t["id"] for t in pushed["tables"]) == sorted(["t-a", "t-b", local_table]), "the merged state goes back to the host"
    assert not b.q("#msg").text, "no texts in conflict, nothing to check"

    # an older host state without tables takes nothing away from newer local work
    b.follow("#matrix-link", "#/matrix")
    b.q(f'#rows textarea[data-col="{col}"]').send_keys(" (editada)")
    set_host_state(b, dict(state, savedAt="2020-01-01T00:00:00.000Z", tables=[]))
    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix after reload")
    assert b.q(f'#rows textarea[data-col="{col}"]').get_attribute("value") == "Primera fila 💧 (editada)"
    assert table_names(b) == [local_name, "Mesa Etla", "Mesa Tlacolula"]

    # a damaged or foreign state, however new, is ignored: the local work stays
    for bad in ({"savedAt": "2999-01-01T00:00:00Z", "tables": "nope", "seen": 5, "view": 7},
                {"savedAt": "2999-01-01T00:00:00Z", "tables": [None]},
                dict(state, module="otro-modulo", savedAt="2999-01-01T00:00:00Z")):
        set_host_state(b, bad)
        b.d.refresh()  # on the matrix screen
        b.wait(lambda d: b.qa("#rows"), msg="matrix with a damaged host state")
        assert table_names(b) == [local_name, "Mesa Etla", "Mesa Tlacolula"], bad

    # a newer state cut down to fit an LMS (as the SCORM 1.2 runtime does: arrays shortened, long texts emptied)
    # drops nothing: the row, the member and the name it lacks come from the local copy
    cut = json.loads(json.dumps(state))
    cut["tables"][1]["rows"][matrix["id"]].pop()
    cut["tables"][1]["members"] = []
    cut["tables"][0]["name"] = ""
    set_host_state(b, cut, after_local=1)
    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix with a cut-down host state")
    assert table_names(b) == [local_name, "Mesa Etla", "Mesa Tlacolula"]
    assert Select(b.q("#table-select")).first_selected_option.get_attribute("value") == "t-b"
    assert [t.get_attribute("value") for t in b.qa(f'#rows textarea[data-col="{col}"]')] == [
        "Primera fila 💧 (editada)", "Segunda <fila>"], "the longer text that contains the other, and the local row"
    assert b.q("#mem-0-name").get_attribute("value") == "José Ñúñez"
    assert not b.q("#msg").text
    assert not b.js("return tequioPlayer.hostError")

    # the same cell with two texts: the later edit wins when both have an edit time; without one both are kept,
    # visibly, and the participant is told
    edited = b.js("""const k = tequioPlayer.key + ':row:r-b1', x = JSON.parse(localStorage.getItem(k));
        return x[1][arguments[0]];""", col)
    assert isinstance(edited, int) and edited > 1_700_000_000, "each cell keeps the time of its last edit (seconds)"
    two = json.loads(json.dumps(state))
    rows_b = two["tables"][1]["rows"][matrix["id"]]
    rows_b[0]["c"][col] = "Versión de otra computadora, escrita después"
    rows_b[0]["t"] = {col: edited + 60}
    rows_b[1]["c"][col] = "Otra versión de la segunda fila"   # no edit time: cannot tell which is newer
    two["tables"][1]["modified"] = "2020-01-01T00:00:00Z"    # the local copy of the table is the newer one
    set_host_state(b, two, after_local=1)
    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix with a conflicting host state")
    assert [t.get_attribute("value") for t in b.qa(f'#rows textarea[data-col="{col}"]')] == [
        "Versión de otra computadora, escrita después", "Segunda <fila>\n— — —\nOtra versión de la segunda fila"]
    msg = b.q("#msg")
    assert "— — —" in msg.text and "warn" in msg.get_attribute("class"), msg.text
    assert b.js("return document.scripts.length") == 3, "no text ever becomes markup"
    b.axe("matrix after a merge with kept conflicts")
    b.shot("host-merge-conflict")
    # once merged, both sides hold the same: a reload adds nothing and asks nothing
    b.d.refresh()
    b.wait(lambda d: b.qa("#rows"), msg="matrix after the merge")
    assert [t.get_attribute("value") for t in b.qa(f'#rows textarea[data-col="{col}"]')][1] == \
        "Segunda <fila>\n— — —\nOtra versión de la segunda fila"
    assert not b.q("#msg").text


def test_host_message_finish_by_keyboard_and_layout(launch, module, host_root):
    lang = module["languages"][0]
    warning = ("Su plataforma de aprendizaje (LMS) solo puede guardar una parte de la matriz: descárguela para "
               "conservarla completa.")
    for size, name in (((1366, 900), "wide"), ((360, 780), "narrow")):
        b = launch(f"msg-{name}", size=size, root=host_root)
        b.open("#/matrix" if module.get("matrices") else "")
        b.js("document.dispatchEvent(new CustomEvent('tequio:message', {detail: {level: 'warning', text: arguments[0]}}))",
             warning)
        msg = b.q("#msg")
        assert msg.text == warning and "warn" in msg.get_attribute("class") and msg.is_displayed()
        assert b.js("return document.documentElement.scrollWidth") <= size[0]
        b.axe(f"{name}, host message")
        b.shot(f"host-message-{name}")
        if name == "narrow":
            continue
        # keyboard only: Tab from the skip link reaches Finish, Enter terminates
        b.js("document.getElementById('skip').focus()")
        for _ in range(30):
            ActionChains(b.d).send_keys(Keys.TAB).perform()
            if b.active_id() == "finish":
                break
        else:
            raise AssertionError("Tab never reached the Finish button")
        ActionChains(b.d).send_keys(Keys.ENTER).perform()
        assert len(log(b, "terminate")) == 1
        assert msg.text == ("Sesión terminada: su trabajo quedó guardado. Puede cerrar esta ventana." if lang == "es"
                            else "Session finished: your work is saved. You can close this window.")
        assert "warn" not in (msg.get_attribute("class") or "")


def test_without_host(launch, module):
    """No TEQUIO_HOST: no Finish button, but the events are sent and messages are shown."""
    b = launch("nohost")
    b.open("#/matrix" if module.get("matrices") else "")
    assert not b.q("#finish").is_displayed()
    b.js("window.got = []; ['saved', 'navigate'].forEach(n => document.addEventListener('tequio:' + n, e => got.push([n, e.detail.summary])))")
    if module.get("matrices"):
        b.q("#rows textarea").send_keys("abc")
        assert [g[0] for g in b.js("return got")] == ["saved"] * 3
    b.q(f'#unit-list a[data-unit="{module["units"][-1]["id"]}"]').click()
    b.wait(lambda d: b.js("return got.length && got[got.length - 1][0] === 'navigate'"), msg="the navigate event")
    got = b.js("return got")
    assert got[-1][0] == "navigate" and got[-1][1]["unitIndex"] == len(module["units"]) - 1
    b.js("document.dispatchEvent(new CustomEvent('tequio:message', {detail: {level: 'info', text: 'Hola'}}))")
    assert b.q("#msg").text == "Hola"
