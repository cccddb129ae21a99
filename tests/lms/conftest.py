"""Fixtures for the LMS and e-reader package tests.

The packages are built once per session with the binary named by TEQUIO_BIN (`tequio build
modules/oaxaca-agua --target scorm12,scorm2004,cmi5,imscp,epub`), unzipped under one folder and served
on 127.0.0.1 beside the fake LMS pages in `harness/`:
- SCORM: a static server on port 8771; harness/scorm12.html and harness/scorm2004.html play the LMS.
- cmi5: `cmi5_lms.CMI5LMS` on port 8772 plays the LMS and the LRS and serves the package.
Fixed ports, because localStorage is per origin.

Tests marked `host_api` drive the real player, which calls window.TEQUIO_HOST as
docs/player-host-api.md describes; the others call the host API directly, as the player would, so they
test the runtimes alone (`-m "not host_api"`).
"""
import re
import shutil
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from centered_click import CenteringElement

from .cmi5_lms import CMI5LMS
from .support import CMI5_PORT, HARNESS, RUNTIME_ONLY, RUNTIMES, SCORM_PORT, WAIT, build, runtime_only_page


def pytest_configure(config):
    config.addinivalue_line("markers", "host_api: drives the real player through window.TEQUIO_HOST")


@pytest.fixture(scope="session")
def packages(tmp_path_factory):
    """{target: zip path} for every LMS and e-reader target, built once."""
    return build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def site(tmp_path_factory, packages):
    """A folder with each package unzipped (site/<target>/) and the harness pages (site/harness/)."""
    root = tmp_path_factory.mktemp("site")
    for target, path in packages.items():
        if target == "epub":
            continue
        with zipfile.ZipFile(path) as z:
            z.extractall(root / target)
        if target in RUNTIMES:
            (root / target / RUNTIME_ONLY).write_text(runtime_only_page(target), "utf-8")
    shutil.copytree(HARNESS, root / "harness")
    (root / "favicon.ico").write_bytes(b"")  # browsers ask for it; a 404 would show as a console error
    return root


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def scorm_server(site):
    server = serve(ThreadingHTTPServer(("127.0.0.1", SCORM_PORT), partial(QuietHandler, directory=str(site))))
    yield f"http://127.0.0.1:{SCORM_PORT}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def cmi5_server(site):
    lms = CMI5LMS(site, CMI5_PORT)
    serve(lms.server)
    yield lms
    lms.server.shutdown()
    lms.server.server_close()


@pytest.fixture
def cmi5(cmi5_server):
    cmi5_server.reset()
    return cmi5_server


class Browser:
    def __init__(self, profile):
        o = webdriver.ChromeOptions()
        o.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--window-size=1280,900", f"--user-data-dir={profile}", "--lang=es"):
            o.add_argument(a)
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
        self.d._web_element_cls = CenteringElement
        self.d.set_script_timeout(30)
        self.logs = []
        self.allowed = []

    def allow(self, pattern):
        """Accepts SEVERE log entries matching `pattern` (a regular expression): failed requests that a
        test causes on purpose, such as an LRS that is down."""
        self.allowed.append(re.compile(pattern))

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def wait(self, cond, timeout=WAIT, msg=""):
        """Waits until cond() is truthy; a missing or re-rendered element only means "not yet"."""
        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.05,
                                 ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: cond())
        except TimeoutException:
            raise AssertionError(f"timed out waiting: {msg}") from None

    def severe(self):
        self.logs += self.d.get_log("browser")
        return [e for e in self.logs if e.get("level") == "SEVERE"]

    def quit(self):
        if getattr(self, "closed", False):
            return
        self.closed = True
        try:
            self.severe()
        finally:
            self.d.quit()


def severe_entries(b):
    return [e["message"] for e in b.logs
            if e.get("level") == "SEVERE" and not any(p.search(e["message"]) for p in b.allowed)]


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium with its own profile; no SCORM or cmi5 test may leave a SEVERE log entry."""
    b = Browser(tmp_path / "profile")
    yield b
    b.quit()
    severe = severe_entries(b)
    assert not severe, "SEVERE browser log entries:\n" + "\n".join(severe)


@pytest.fixture
def device(tmp_path):
    """device(name) starts another headless Chromium with a profile of its own (another computer: nothing in
    its localStorage); the same name again is the same computer. No SEVERE log entry either."""
    started = []

    def start(name):
        b = Browser(tmp_path / f"device-{name}")
        started.append(b)
        return b

    yield start
    severe = []
    for b in started:
        b.quit()
        severe += severe_entries(b)
    assert not severe, "SEVERE browser log entries:\n" + "\n".join(severe)


