"""The cmi5 runtime (templates/lms/runtime-cmi5.js) launched by a harness that plays the LMS and the LRS
on 127.0.0.1 (tests/lms/cmi5_lms.py): the launch (fetch, LMS.LaunchData), the statements and their
cmi5 rules, the saved state, and the offline queue while the LRS fails or is unreachable.

As in the SCORM tests, most tests launch `runtime-only.html` and call window.TEQUIO_HOST as the player
would; the test marked host_api drives the real player."""
import pytest
from selenium.webdriver.common.by import By

from .support import RUNTIME_ONLY, wait_for
from .lms_helpers import fill_first_row, matrix_rows, module_data, state, summary, visit_every_unit


@pytest.fixture(scope="module")
def module(site):
    return module_data(site, "cmi5")


def launch(b, lms, page=RUNTIME_ONLY, **kwargs):
    url, registration, session = lms.launch_url(package=f"/cmi5/{page}", **kwargs)
    b.d.get(url)
    b.wait(lambda: b.js("return !!(window.TEQUIO_HOST && window.TEQUIO_HOST.connected)"), msg="the AU got its token")
    return registration, session


def host(b, method, *args):
    return b.js(f"const h = window.TEQUIO_HOST; return h.{method}.apply(h, arguments)", *args)


def clean(b, lms):
    assert lms.violations == [], "the LMS/LRS refused something"
    assert b.js("return window.TEQUIO_HOST.errors") == []


def test_launch_statements_state_and_relaunch(browser, cmi5, module):
    b = browser
    rows = matrix_rows(module, 2)
    registration, session = launch(b, cmi5)
    assert len(cmi5.fetches) == 1 and "auth-token" in cmi5.fetches[0][1]
    assert b.js("return TEQUIO_HOST.launchData.launchMode") == "Normal"
    wait_for(lambda: cmi5.verbs(registration) == ["launched", "initialized"], msg="initialized")
    assert host(b, "loadState") is None

    s1 = state(module, rows[:1])
    host(b, "saveState", s1, summary(module, rows[:1], unit_index=1, visited=2))
    wait_for(lambda: cmi5.state(registration), msg="the player state in the State API")
    assert cmi5.state(registration)["state"] == s1
    last = len(module["units"]) - 1
    done = state(module, rows, saved_at="2026-03-01T12:00:00.000Z")
    host(b, "saveState", done, summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    host(b, "terminate", summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    wait_for(lambda: cmi5.verbs(registration)[-1:] == ["terminated"], msg="terminated")
    assert cmi5.verbs(registration) == ["launched", "initialized", "progressed", "progressed", "completed", "terminated"]
    wait_for(lambda: (cmi5.state(registration) or {}).get("state") == done, msg="the final state")
    assert cmi5.state(registration)["completed"] is True
    assert host(b, "queued") == 0
    clean(b, cmi5)

    # The fetch URL works once: a reload of the same launch keeps its token and sends no new initialized.
    b.d.refresh()
    b.wait(lambda: b.js("return !!(window.TEQUIO_HOST && window.TEQUIO_HOST.connected)"), msg="reloaded")
    assert len(cmi5.fetches) == 1

    # A new launch of the same registration restores the state and never sends completed again.
    _, session2 = launch(b, cmi5, registration=registration)
    assert host(b, "loadState") == done
    wait_for(lambda: cmi5.verbs(session_id=session2) == ["launched", "initialized"],
             msg=f"second session: {cmi5.verbs(registration)} {cmi5.violations}")
    host(b, "saveState", done, summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    host(b, "terminate", summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    wait_for(lambda: cmi5.verbs(session_id=session2)[-1:] == ["terminated"], msg="second terminated")
    assert cmi5.verbs(session_id=session2) == ["launched", "initialized", "terminated"]
    clean(b, cmi5)


def test_statements_wait_offline_and_go_out_in_order_when_the_lrs_returns(browser, cmi5, module):
    b = browser
    rows = matrix_rows(module, 1)
    registration, _ = launch(b, cmi5)
    wait_for(lambda: "initialized" in cmi5.verbs(registration), msg="initialized")

    b.allow(r"/xapi/(statements|activities/state).*(503|ERR_EMPTY_RESPONSE)")
    cmi5.mode = "error"                       # the LRS answers 503
    host(b, "saveState", state(module, rows), summary(module, rows, unit_index=2, visited=3))
    wait_for(lambda: cmi5.refused_while_down >= 1, msg="a failed attempt")
    cmi5.mode = "drop"                        # the connection goes away without an answer
    last = len(module["units"]) - 1
    host(b, "saveState", state(module, rows), summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    b.js("window.dispatchEvent(new Event('online'))")   # a retry that fails too
    wait_for(lambda: cmi5.refused_while_down >= 2, msg="a dropped attempt")
    assert host(b, "queued") >= 2, "the statements wait in the queue"
    assert b.js("return JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => "
                "k.startsWith('tequio:cmi5:queue:')))).length") >= 2, "the queue survives a reload"
    assert cmi5.verbs(registration) == ["launched", "initialized"]

    cmi5.mode = "up"
    b.js("window.dispatchEvent(new Event('online'))")
    wait_for(lambda: cmi5.verbs(registration)[-1:] == ["completed"], msg="the queue sent once the LRS is back")
    assert cmi5.verbs(registration) == ["launched", "initialized", "progressed", "progressed", "completed"]
    ids = [s["id"] for s in cmi5.statements]
    assert len(ids) == len(set(ids)), "no statement sent twice"
    wait_for(lambda: host(b, "queued") == 0, msg="an empty queue")
    wait_for(lambda: (cmi5.state(registration) or {}).get("completed"), msg="the state written after the outage")
    clean(b, cmi5)


def test_a_session_ended_offline_is_delivered_at_the_next_launch(browser, cmi5, module):
    b = browser
    rows = matrix_rows(module, 1)
    registration, session1 = launch(b, cmi5)
    wait_for(lambda: "initialized" in cmi5.verbs(registration), msg="initialized")
    b.allow(r"/xapi/(statements|activities/state).* 503")
    cmi5.mode = "error"
    host(b, "terminate", summary(module, rows, unit_index=0, visited=1))
    wait_for(lambda: cmi5.refused_while_down >= 1, msg="terminated refused")
    b.d.get(cmi5.base + "/favicon.ico")      # the participant closes the module while offline
    cmi5.mode = "up"
    _, session2 = launch(b, cmi5, registration=registration)
    wait_for(lambda: cmi5.verbs(session_id=session2) == ["launched", "initialized"], msg="second session")
    assert cmi5.verbs(session_id=session1) == ["launched", "initialized", "progressed", "terminated"]
    clean(b, cmi5)


def test_browse_mode_sends_no_completion(browser, cmi5, module):
    b = browser
    rows = matrix_rows(module, 1)
    registration, _ = launch(b, cmi5, launch_mode="Browse")
    last = len(module["units"]) - 1
    host(b, "saveState", state(module, rows), summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    host(b, "terminate", summary(module, rows, unit_index=last, visited=last + 1, completed=True))
    wait_for(lambda: cmi5.verbs(registration)[-1:] == ["terminated"], msg="terminated")
    assert cmi5.verbs(registration) == ["launched", "initialized", "terminated"]
    clean(b, cmi5)


def test_the_runtime_stays_out_of_the_way_without_a_launch(browser, cmi5):
    b = browser
    b.d.get(cmi5.base + "/cmi5/" + RUNTIME_ONLY)
    assert b.js("return TEQUIO_HOST.connected === false && TEQUIO_HOST.loadState() === null")
    b.js("TEQUIO_HOST.saveState({savedAt: 'x'}, {completed: true}); TEQUIO_HOST.terminate({completed: true})")
    assert cmi5.fetches == []


@pytest.mark.host_api
def test_player_in_the_lms_sends_completed(browser, cmi5, module):
    b = browser
    mx = module["matrices"][0]
    registration, _ = launch(b, cmi5, page="index.html")
    b.wait(lambda: b.js("return !!document.getElementById('page-title')"), msg="the player started")
    visit_every_unit(b, module)
    fill_first_row(b, module, {c["id"]: f"Texto para {c['id']}" for c in mx["columns"]})
    wait_for(lambda: "completed" in cmi5.verbs(registration), msg="completed from the player")
    b.d.find_element(By.CSS_SELECTOR, "#unit-list a").click()
    clean(b, cmi5)
