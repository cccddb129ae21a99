#!/usr/bin/env python3
"""Measure the web player in headless Chromium.

    .venv-browser/bin/python scripts/bench-player.py BUNDLE_DIR [BUNDLE_DIR ...] [--units 200] [--rows 200]

For each unzipped web bundle it prints:
  - the bytes of each of the player's own files (player/*.js except module-data.js, player/*.css) and their
    total against the 60 KB budget (target 55 KB);
  - time to the first rendered screen (performance mark `tequio-first-render`, ms since navigation
    start, median of 5 fresh loads), for the bundle as it is and for a copy whose module is stretched to
    --units units (the units repeated), on the home screen and on a unit;
  - autosave cost per keystroke (the player's input handler, which writes localStorage synchronously,
    read from window.tequioPlayer.lastSaveMs) while typing into a matrix of --rows filled rows, alone and
    with a host (docs/player-host-api.md) whose saveState serialises the whole state, as the LMS runtimes do.
"""
import argparse
import json
import pathlib
import shutil
import statistics
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

BUDGET, TARGET = 60_000, 55 * 1024  # the 60 KB read strictly (decimal); our own 55 KiB aim
HOST = """window.TEQUIO_HOST = { name: 'bench', loadState() { return null; },
  saveState(state, summary) { this.chars = JSON.stringify(state).length + JSON.stringify(summary).length; }, terminate() {} };
"""
GOALS = {"first": 300.0, "save": 16.0}


def browser(profile):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1366,900", f"--user-data-dir={profile}"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_script_timeout(300)
    return d


def player_files(bundle):
    return {p.name: p.stat().st_size for p in sorted((bundle / "player").iterdir())
            if p.suffix in (".js", ".css") and p.name != "module-data.js"}


def hosted(bundle, tmp):
    """A copy of the bundle with a host script loaded before player/player.js, as the LMS writers add theirs."""
    out = pathlib.Path(tmp) / f"{bundle.name}-host"
    shutil.copytree(bundle, out)
    (out / "player" / "bench-host.js").write_text(HOST, "utf-8")
    page = (out / "index.html").read_text("utf-8")
    (out / "index.html").write_text(page.replace('<script src="player/player.js">',
                                                 '<script src="player/bench-host.js"></script>\n<script src="player/player.js">'), "utf-8")
    return out


def read_data(bundle):
    text = (bundle / "player" / "module-data.js").read_text("utf-8").strip()
    return json.loads(text[text.index("=") + 1:].rstrip(";"))


def stretched(bundle, units, tmp):
    """A copy of the bundle whose module has `units` units (the original ones repeated, ids made unique)."""
    out = pathlib.Path(tmp) / f"{bundle.name}-{units}u"
    shutil.copytree(bundle, out)
    data = read_data(bundle)
    base = data["module"]["units"]
    data["module"]["units"] = [dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}-{i}") for i in range(units)]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    (out / "player" / "module-data.js").write_text(f"window.TEQUIO_DATA = {text};\n", "utf-8")
    return out


def first_render(d, bundle, fragment, runs=5):
    times = []
    for _ in range(runs):
        d.get("about:blank")
        d.get((bundle / "index.html").as_uri() + fragment)
        d.execute_script("localStorage.clear()")
        d.get("about:blank")
        d.get((bundle / "index.html").as_uri() + fragment)
        t = d.execute_script("const m = performance.getEntriesByName('tequio-first-render')[0]; return m ? m.startTime : null")
        if t is None:
            raise SystemExit(f"{bundle}: no performance mark 'tequio-first-render'")
        times.append(t)
    return statistics.median(times)


def autosave(d, bundle, rows, keys=40):
    d.get((bundle / "index.html").as_uri() + "#/matrix")
    d.execute_script("localStorage.clear()")
    d.get("about:blank")
    d.get((bundle / "index.html").as_uri() + "#/matrix")
    filled = d.execute_async_script("""
        const [rows, done] = arguments;
        const add = document.getElementById('row-add');
        while (document.querySelectorAll('#rows > li').length < rows) add.click();
        const text = 'Falta de información pública sobre tarifas y subsidios del agua en el municipio; '.repeat(3);
        for (const ta of document.querySelectorAll('#rows textarea')) {
          ta.value = text + ta.id;
          ta.dispatchEvent(new Event('input', {bubbles: true}));
        }
        window.benchTimes = [];
        window.addEventListener('input', () => benchTimes.push(tequioPlayer.lastSaveMs));
        done(JSON.stringify(localStorage).length);""", rows)
    ta = d.find_elements(By.CSS_SELECTOR, f"#rows > li:nth-child({rows // 2}) textarea")[0]
    ta.click()
    for ch in "Acción concreta: publicar tarifas cada mes"[:keys]:
        ta.send_keys(ch)
    times = d.execute_script("return benchTimes")
    d.refresh()  # the participant comes back to this matrix: its screen is the first one rendered
    matrix_render = d.execute_script("return performance.getEntriesByName('tequio-first-render')[0].startTime")
    severe = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    if severe:
        raise SystemExit(f"{bundle}: browser errors: {severe}")
    times.sort()
    return {"n": len(times), "median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
            "max": times[-1], "stored": filled, "render": matrix_render}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bundles", nargs="+", type=pathlib.Path)
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--rows", type=int, default=200)
    args = ap.parse_args()
    rows = []
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        d = browser(pathlib.Path(tmp) / "profile")
        try:
            for b in args.bundles:
                b = b.resolve()
                if not (b / "index.html").is_file():
                    raise SystemExit(f"{b}: not an unzipped web bundle (no index.html)")
                files = player_files(b)
                first_unit = read_data(b)["module"]["units"][0]["id"]
                big = stretched(b, args.units, tmp)
                mid = read_data(big)["module"]["units"][args.units // 2]["id"]
                r = {
                    "bundle": str(b), "files": files, "bytes": sum(files.values()),
                    "first_home": first_render(d, b, ""), "first_unit": first_render(d, b, f"#/u/{first_unit}"),
                    "big_home": first_render(d, big, ""), "big_unit": first_render(d, big, f"#/u/{mid}"),
                    "save": autosave(d, b, args.rows), "hosted": autosave(d, hosted(b, tmp), args.rows),
                }
                rows.append(r)
        finally:
            d.quit()
    ok = lambda good: "ok" if good else "OVER"
    for r in rows:
        s, hs = r["save"], r["hosted"]
        print(f"bundle: {r['bundle']}")
        print(f"  {'measure':<52} {'value':>12}  {'goal':>10}")
        lines = [(f"player/{name} bytes", f"{n:,}", "", True) for name, n in r["files"].items()]
        lines += [
            ("player JS+CSS bytes", f"{r['bytes']:,}", f"≤ {BUDGET:,}", r["bytes"] <= BUDGET),
            ("player JS+CSS bytes, target", f"{r['bytes']:,}", f"≤ {TARGET:,}", True),
            ("first render, home (ms)", f"{r['first_home']:.1f}", "≤ 300", r["first_home"] <= GOALS["first"]),
            ("first render, unit (ms)", f"{r['first_unit']:.1f}", "≤ 300", r["first_unit"] <= GOALS["first"]),
            (f"first render, home, {args.units} units (ms)", f"{r['big_home']:.1f}", "≤ 300", r["big_home"] <= GOALS["first"]),
            (f"first render, unit, {args.units} units (ms)", f"{r['big_unit']:.1f}", "≤ 300", r["big_unit"] <= GOALS["first"]),
            (f"autosave/keystroke, {args.rows} rows, median (ms)", f"{s['median']:.2f}", "≤ 16", s["median"] <= GOALS["save"]),
            (f"autosave/keystroke, {args.rows} rows, p95 (ms)", f"{s['p95']:.2f}", "≤ 16", s["p95"] <= GOALS["save"]),
            (f"first render, matrix of {args.rows} rows (ms)", f"{s['render']:.1f}", "", True),
            (f"autosave/keystroke, {args.rows} rows, max (ms)", f"{s['max']:.2f}", "", True),
            (f"  with a host, median (ms)", f"{hs['median']:.2f}", "≤ 16", hs["median"] <= GOALS["save"]),
            (f"  with a host, p95 (ms)", f"{hs['p95']:.2f}", "≤ 16", hs["p95"] <= GOALS["save"]),
            (f"  with a host, max (ms)", f"{hs['max']:.2f}", "", True),
            ("localStorage used by that matrix (chars)", f"{s['stored']:,}", "", True),
        ]
        for name, value, goal, good in lines:
            failed |= not good
            mark = ok(good) if goal else ""
            if name.endswith(", target"):
                mark = "ok" if r["bytes"] <= TARGET else "over target"
            print(f"  {name:<52} {value:>12}  {goal:>10}  {mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
