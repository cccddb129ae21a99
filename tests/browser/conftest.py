"""Fixtures for the real-browser tests of the web player (headless Chromium + Selenium + axe-core).

The bundle under test is an unzipped `tequio build --target web` output named by TEQUIO_WEB_BUNDLE.
For developing the player alone, `python3 tests/browser/make_dev_bundle.py DIR` writes a hand-made one.
"""
import base64
import json
import os
import pathlib
import shutil

import pytest
import selenium_axe_python
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from centered_click import CenteringElement

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "player"
AXE_JS = (pathlib.Path(selenium_axe_python.__file__).with_name("axe-core") / "axe.min.js").read_text("utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Waits are on conditions, never on time; this is only how long a condition may take on a loaded machine (2 cores
# shared with a build) before the test fails.
WAIT = 30


def _bundle_dir():
    value = os.environ.get("TEQUIO_WEB_BUNDLE")
    if not value:
        raise pytest.UsageError(
            "TEQUIO_WEB_BUNDLE is not set. Build the web bundle (`tequio build --target web`), unzip it and set "
            "TEQUIO_WEB_BUNDLE to that directory (or make a development one with "
            "`python3 tests/browser/make_dev_bundle.py DIR`).")
    path = pathlib.Path(value).resolve()
    for needed in ("index.html", "player/module-data.js", "player/player.js", "player/player.css"):
        if not (path / needed).is_file():
            raise pytest.UsageError(f"TEQUIO_WEB_BUNDLE={path} is not an unzipped web bundle: {needed} is missing")
    return path


def pytest_configure(config):
    config.tequio_bundle = _bundle_dir()


def read_module_data(bundle):
    text = (pathlib.Path(bundle) / "player" / "module-data.js").read_text("utf-8").strip()
    prefix = "window.TEQUIO_DATA = "
    assert text.startswith(prefix) and text.endswith(";"), "module-data.js is not `window.TEQUIO_DATA = {...};`"
    return json.loads(text[len(prefix):-1])


def copy_bundle(bundle, dest, data=None, scripts=(), files=None):
    """A copy of the bundle at `dest`: with `data` as its module-data.js, each of `scripts` (path in the
    bundle → text) written and loaded before player/player.js, and `files` (path → bytes) added."""
    dest = pathlib.Path(dest)
    shutil.copytree(bundle, dest)
    if data is not None:
        text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        (dest / "player" / "module-data.js").write_text(f"window.TEQUIO_DATA = {text};\n", "utf-8")
    page = (dest / "index.html").read_text("utf-8")
    for path, text in dict(scripts).items():
        (dest / path).write_text(text, "utf-8")
        page = page.replace('<script src="player/player.js">', f'<script src="{path}"></script>\n<script src="player/player.js">')
    (dest / "index.html").write_text(page, "utf-8")
    for path, blob in (files or {}).items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_bytes(blob)
    return dest


@pytest.fixture(scope="session")
def bundle(pytestconfig):
    return pytestconfig.tequio_bundle


@pytest.fixture(scope="session")
def data(bundle):
    return read_module_data(bundle)


@pytest.fixture(scope="session")
def module(data):
    return data["module"]


class Browser:
    """One Chromium with its own profile directory; collects every browser log entry it produces."""

    def __init__(self, bundle, profile, downloads, size):
        self.bundle, self.profile, self.downloads, self.size = bundle, profile, downloads, size
        self.url = (bundle / "index.html").as_uri()
        self.logs = []
        self.closed = False
        o = webdriver.ChromeOptions()
        o.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  f"--window-size={size[0]},{size[1]}", f"--user-data-dir={profile}", "--lang=es"):
            o.add_argument(a)
        o.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                            "download.prompt_for_download": False})
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
        self.d._web_element_cls = CenteringElement
        self.d.set_script_timeout(60)
        if size[0] < 500:  # an exact phone-sized viewport
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": True})

    # --- navigation and waiting
    def open(self, fragment=""):
        """Loads index.html (with a route such as "#/u/<unit>") and waits until that screen is rendered."""
        self.d.get(self.url + fragment)
        self.wait(lambda d: d.execute_script(
            "const p = window.tequioPlayer; return !!(p && p.route && document.getElementById('page-title')"
            " && p.route.startsWith(arguments[0]))", fragment), msg=f"screen {fragment or 'start'}")

    def wait(self, cond, timeout=WAIT, msg=""):
        """Waits until cond(driver) is truthy. An element that is missing or was re-rendered while the condition
        looked at it (the player re-renders a screen on every route change) only means "not yet"."""
        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.05,
                                 ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(cond)
        except TimeoutException:
            raise AssertionError(f"timed out waiting: {msg}") from None

    def follow(self, css, prefix):
        """Clicks the link `css` and waits until the player has rendered its route (starting with `prefix`). The
        click changes location.hash at once, but the player renders on the hashchange event that follows: until
        then the old screen, with elements of the same ids, is still there. A click that leaves the hash as it
        was renders nothing."""
        self.js("window.__tqView = document.getElementById('view').firstChild; window.__tqHash = location.hash")
        self.q(css).click()
        self.wait(lambda d: self.js("return (location.hash === __tqHash || !(__tqView && __tqView.isConnected))"
                                    " && tequioPlayer.route.startsWith(arguments[0])", prefix), msg=f"route {prefix} rendered")

    def wait_route(self, prefix):
        """After a click on a link: waits until the player has rendered the route (hashchange is asynchronous)."""
        self.wait(lambda d: self.js("const p = window.tequioPlayer; return !!(p && p.route && p.route.startsWith(arguments[0]))",
                                    prefix), msg=f"route {prefix}")

    def go_through(self):
        """Goes through the unit on screen as a participant does, each slide deck to its last slide and the page to
        its end, and waits until the unit counts as seen."""
        for step in self.qa(".slidebar button:last-child"):
            while step.get_attribute("aria-disabled") != "true":
                step.click()
        self.js("document.querySelector('.pager').scrollIntoView()")
        unit = self.js("return tequioPlayer.route.slice(4)")
        self.wait(lambda d: self.js("return !!JSON.parse(localStorage.getItem(tequioPlayer.key)).seen[arguments[0]]", unit),
                  msg=f"unit {unit} seen")

    def title(self):
        return self.js("return document.getElementById('page-title').textContent")

    def wait_title(self, text):
        self.wait(lambda d: self.title() == text, msg=f"page title {text!r}, have {self.title()!r}")

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def q(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css)

    def qa(self, css):
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def active(self):
        return self.d.switch_to.active_element

    def active_id(self):
        """The focused element's id, read in the page: no element reference that a re-render could make stale."""
        return self.js("return document.activeElement && document.activeElement.id")

    def active_attr(self, name):
        return self.js("return document.activeElement && document.activeElement.getAttribute(arguments[0])", name)

    # --- checks
    def collect_logs(self):
        self.logs += self.d.get_log("browser")
        return self.logs

    def severe(self):
        return [e for e in self.collect_logs() if e.get("level") == "SEVERE"]

    def axe(self, screen):
        self.js(AXE_JS)
        result = self.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));",
            {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"],
             "preload": False})  # preload would fetch the stylesheets, which the page's CSP rightly blocks
        assert "error" not in result, result
        problems = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
                    for v in result["violations"]]
        assert not problems, f"axe-core violations on {screen}:\n" + "\n".join(problems)

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.js("window.scrollTo(0, 0)")
        m = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = m.get("cssContentSize") or m["contentSize"]
        clip = {"x": 0, "y": 0, "width": max(1, size["width"]), "height": min(max(1, size["height"]), 9000), "scale": 1}
        png = self.d.execute_cdp_cmd("Page.captureScreenshot",
                                     {"format": "png", "captureBeyondViewport": True, "clip": clip})
        (ARTIFACTS / f"{name}.png").write_bytes(base64.b64decode(png["data"]))

    def downloaded(self, count=1, timeout=WAIT):
        """Waits until `count` finished downloads exist; returns them oldest first."""
        def done(_):
            names = [f.name for f in self.downloads.iterdir()]
            files = [f for f in self.downloads.iterdir() if not f.name.startswith(".") and not f.name.endswith(".crdownload")]
            # no partial or temporary file left
            return sorted(files, key=lambda f: f.stat().st_mtime_ns) if len(files) >= count and len(files) == len(names) else None
        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.05, ignored_exceptions=(FileNotFoundError,)).until(done)
        except TimeoutException:
            raise AssertionError(f"expected {count} download(s) in {self.downloads}, have {list(self.downloads.iterdir())}") from None

    def quit(self):
        if self.closed:
            return
        self.closed = True
        try:
            self.collect_logs()
        finally:
            self.d.quit()


@pytest.fixture
def launch(bundle, tmp_path):
    """launch(profile="main", size=(1366, 900), root=None) starts a Chromium on the bundle (or on the copy
    at `root`); the same profile name reuses its
    --user-data-dir, so localStorage survives a quit and relaunch. At the end every browser is closed
    and none may have logged a SEVERE entry (CSP violation, JS error, failed load)."""
    started = []

    def start(profile="main", size=(1366, 900), root=None):
        prof = tmp_path / f"profile-{profile}"
        down = tmp_path / f"downloads-{profile}"
        down.mkdir(exist_ok=True)
        b = Browser(pathlib.Path(root or bundle), prof, down, size)
        started.append(b)
        return b

    yield start
    severe = []
    for b in started:
        b.quit()
        severe += [e for e in b.logs if e.get("level") == "SEVERE"]
    assert not severe, "SEVERE browser log entries:\n" + "\n".join(e["message"] for e in severe)
