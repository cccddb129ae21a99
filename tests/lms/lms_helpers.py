"""Shared pieces of the SCORM and cmi5 runtime tests: synthetic player states and summaries shaped as
docs/player-host-api.md describes, and helpers to drive the real player inside an LMS frame."""
import copy
import json
import pathlib

from selenium.webdriver.common.by import By


def module_data(site, target):
    text = (pathlib.Path(site) / target / "player" / "module-data.js").read_text("utf-8").strip()
    prefix = "window.TEQUIO_DATA = "
    return json.loads(text[len(prefix):-1])["module"]


def cell_text(row, column, size=120):
    base = f"Fila {row} · {column}: «acción» con responsable y plazo, <b>no HTML</b> & 💧 "
    return (base * (size // len(base) + 1))[:size]


def matrix_rows(module, count, size=120):
    columns = [c["id"] for c in module["matrices"][0]["columns"]]
    return [{c: cell_text(r + 1, c, size) for c in columns} for r in range(count)]


def state(module, rows, saved_at="2026-03-01T10:00:00.000Z", view_unit=1):
    """A player state: the same kind of object the player keeps in localStorage."""
    mx = module["matrices"][0]["id"]
    return {
        "savedAt": saved_at, "lang": "es", "view": "#/u/" + module["units"][view_unit]["id"],
        "seen": {u["id"]: 1 for u in module["units"][: view_unit + 1]}, "cur": "t1",
        "tables": [{"id": "t1", "name": "Mesa 1 · Santa Lucía", "municipality": "Santa Lucía del Camino", "lang": "es",
                    "members": [{"name": "Rosa Martínez", "sector": "government", "role": ""}],
                    "rows": {mx: [{"id": f"r{i + 1}", "c": copy.deepcopy(r)} for i, r in enumerate(rows)]}}],
    }


def summary(module, rows, unit_index, visited, completed=False):
    mx = module["matrices"][0]
    return {
        "unitIndex": unit_index, "unitCount": len(module["units"]), "visitedCount": visited,
        "completed": completed, "progress": visited / len(module["units"]),
        "matrices": [{"tableId": "t1", "tableName": "Mesa 1 · Santa Lucía", "matrixId": mx["id"],
                      "columns": [c["id"] for c in mx["columns"]], "rows": copy.deepcopy(rows)}],
    }


# ---- driving the real player (tests marked host_api) ----------------------------------------------

def follow(b, css, prefix):
    """Clicks the link `css` and waits until the player has rendered its route (starting with `prefix`): the
    click changes location.hash at once, the player renders on the hashchange event that follows, and until
    then the old screen (with elements of the same ids) is still there."""
    b.js("window.__tqView = document.getElementById('view').firstChild; window.__tqHash = location.hash")
    b.d.find_element(By.CSS_SELECTOR, css).click()
    b.wait(lambda: b.js("return (location.hash === __tqHash || !(__tqView && __tqView.isConnected))"
                        " && tequioPlayer.route.startsWith(arguments[0])", prefix), msg=f"route {prefix} rendered")


def visit_every_unit(b, module):
    """Goes through every unit as a participant does (a unit counts as seen then, not when it opens): each slide
    deck to its last slide, the page to its end."""
    for u in module["units"]:
        follow(b, f'#unit-list a[data-unit="{u["id"]}"]', "#/u/" + u["id"])
        b.js("document.querySelectorAll('.slidebar button:last-child').forEach(x => { while (x.getAttribute("
             "'aria-disabled') !== 'true') x.click(); }); document.querySelector('.pager').scrollIntoView()")
        b.wait(lambda: b.js("return !!document.querySelector('#unit-list a[aria-current] .mark').firstChild"),
               msg=f"unit {u['id']} seen")


def fill_first_row(b, module, texts):
    follow(b, "#matrix-link", "#/matrix")
    for column, text in texts.items():
        b.d.find_element(By.CSS_SELECTOR, f'#rows > li:first-child textarea[data-col="{column}"]').send_keys(text)


def rows_in_ui(b):
    return b.js("""return [...document.querySelectorAll('#rows > li')].map(li =>
        Object.fromEntries([...li.querySelectorAll('textarea')].map(t => [t.dataset.col, t.value])));""")
