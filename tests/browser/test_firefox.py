"""The web player in Firefox ESR (Debian's firefox-esr), opened from file:// as a participant does.

Debian 12 has no geckodriver, so the test talks to Firefox's built-in Marionette server with the PyPI client
`marionette-driver`: Firefox starts headless with `--marionette` on a free port set in the profile's user.js.
JavaScript errors and CSP violations are read from Firefox's console service (chrome context, which needs
`-remote-allow-system-access`), so nothing that happens while the page loads is missed; listeners injected
into the page after load (`error`, `unhandledrejection`, `securitypolicyviolation`) catch the rest too.
Screenshots go to test-artifacts/player/firefox-*.png."""
import base64
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest

from .conftest import ARTIFACTS, AXE_JS, AXE_TAGS, WAIT

marionette = pytest.importorskip("marionette_driver.marionette")
from marionette_driver.by import By  # noqa: E402
from marionette_driver.errors import NoSuchElementException, StaleElementException, TimeoutException  # noqa: E402
from marionette_driver.wait import Wait  # noqa: E402

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
if not FIREFOX:
    if os.environ.get("CI"):
        raise RuntimeError("firefox-esr is not installed: run scripts/install-deps")
    pytest.skip("firefox-esr is not installed (scripts/install-deps installs it)", allow_module_level=True)

NS = "{urn:tequio:completed-matrix:1}"
# No network: every request Firefox might make on its own goes to a closed local port, and the background
# services that would make them are off.
PREFS = {
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9, "network.proxy.share_proxy_settings": True,
    "network.dns.disablePrefetch": True, "network.prefetch-next": False,
    "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
    "app.update.disabledForTesting": True, "app.normandy.enabled": False, "browser.shell.checkDefaultBrowser": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False, "browser.safebrowsing.blockedURIs.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False, "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False, "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0, "browser.aboutwelcome.enabled": False, "extensions.update.enabled": False,
    "services.settings.server": "http://127.0.0.1:9/", "browser.region.network.url": "",
    "browser.download.folderList": 2, "browser.download.useDownloadDir": True, "browser.download.always_ask_before_handling_new_types": False,
    "intl.accept_languages": "es-MX, es, en", "browser.zoom.siteSpecific": False,
}
LISTEN = """
if (!window.__errors) {
  window.__errors = [];
  addEventListener('error', e => __errors.push('error: ' + e.message + ' ' + (e.filename || '') + ':' + (e.lineno || '')));
  addEventListener('unhandledrejection', e => __errors.push('rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', e => __errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
  const ce = console.error.bind(console);
  console.error = (...a) => { __errors.push('console.error: ' + a.join(' ')); ce(...a); };
}"""
CONSOLE = """
return Services.console.getMessageArray().map(m => {
  try { m.QueryInterface(Ci.nsIScriptError); } catch (e) { return null; }
  return {category: m.category, warning: !!(m.flags & Ci.nsIScriptError.warningFlag), source: m.sourceName,
          text: m.errorMessage};
}).filter(Boolean);"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Firefox:
    """One headless firefox-esr with its own profile (the same directory again = a browser restart)."""

    def __init__(self, bundle, profile, downloads, size=(1366, 900)):
        self.bundle, self.url = bundle, (bundle / "index.html").as_uri()
        profile.mkdir(exist_ok=True)
        port = free_port()
        prefs = dict(PREFS, **{"marionette.port": port, "browser.download.dir": str(downloads)})
        js = lambda v: ("true" if v else "false") if isinstance(v, bool) else repr(v).replace("'", '"') if isinstance(v, str) else str(v)
        (profile / "user.js").write_text("".join(f'user_pref("{k}", {js(v)});\n' for k, v in prefs.items()), "utf-8")
        self.log = open(profile.parent / f"{profile.name}.log", "ab")
        self.proc = subprocess.Popen([FIREFOX, "--headless", "--marionette", "--profile", str(profile), "-no-remote",
                                      "-remote-allow-system-access"], stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.m = marionette.Marionette(host="127.0.0.1", port=port)
        try:
            self.m.raise_for_port(60)
            self.m.start_session()
            self.m.set_window_rect(width=size[0], height=size[1])
        except Exception:
            self.quit()
            raise

    @property
    def version(self):
        return self.m.session_capabilities.get("browserVersion")

    def js(self, script, *args):
        return self.m.execute_script(script, script_args=args, sandbox=None)  # the page's own scope

    def open(self, fragment=""):
        self.m.navigate(self.url + fragment)
        self.wait(lambda: self.js("return !!(window.tequioPlayer && tequioPlayer.route && document.getElementById('page-title'))"),
                  "the player's first screen")
        self.js(LISTEN)

    def wait(self, cond, what, timeout=WAIT):
        """Waits until cond() is truthy; a missing or re-rendered element only means "not yet"."""
        try:
            Wait(self.m, timeout=timeout, interval=0.05,
                 ignored_exceptions=(NoSuchElementException, StaleElementException)).until(lambda _: cond())
        except TimeoutException:
            raise AssertionError(f"timed out waiting for {what}") from None

    def q(self, css):
        return self.m.find_element(By.CSS_SELECTOR, css)

    def qa(self, css):
        return self.m.find_elements(By.CSS_SELECTOR, css)

    def title(self):
        return self.js("return document.getElementById('page-title').textContent")

    def errors(self):
        """Errors of the bundle's pages (JS, CSP, failed loads) from the console service and the page listeners."""
        with self.m.using_context(self.m.CONTEXT_CHROME):
            msgs = self.m.execute_script(CONSOLE)
        root = self.bundle.as_uri()
        out = [f"{m['category']}: {m['text']} ({m['source']})" for m in msgs
               if not m["warning"] and (m["source"].startswith(root) or "CSP" in m["category"])]
        return out + (self.js("return window.__errors || []") or [])

    def axe(self, screen):
        self.js(AXE_JS)
        result = self.m.execute_async_script(
            "const [opts, done] = arguments; axe.run(document, opts).then(done, e => done({error: String(e)}));",
            script_args=({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"], "preload": False},),
            sandbox=None, script_timeout=60000)
        assert "error" not in result, result
        problems = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]
        assert not problems, f"axe-core violations in Firefox on {screen}:\n" + "\n".join(problems)

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.js("window.scrollTo(0, 0)")
        (ARTIFACTS / f"firefox-{name}.png").write_bytes(base64.b64decode(self.m.screenshot(full=True)))

    def alive(self):
        self.proc.poll()  # reaps firefox-esr itself once it has exited
        try:
            os.killpg(self.proc.pid, 0)  # firefox-esr re-executes itself: wait for the whole process group
            return True
        except ProcessLookupError:
            return False

    def quit(self):
        """A normal shutdown from inside Firefox (it writes localStorage to the profile), then the group is ended."""
        try:
            self.m._request_in_app_shutdown()  # what Marionette.quit() sends; quit() itself wants a managed instance
        except Exception:
            pass
        for sig in (None, signal.SIGTERM, signal.SIGKILL):  # each step waits for the exit, never a fixed time
            if sig is not None:
                if not self.alive():
                    break
                os.killpg(self.proc.pid, sig)
            end = time.monotonic() + (WAIT if sig is None else 10)
            while self.alive() and time.monotonic() < end:
                time.sleep(0.05)  # polling a process group: there is no event to wait on
        self.proc.wait(WAIT)
        self.log.close()


@pytest.fixture
def firefox(bundle, tmp_path):
    started = []

    def start(profile="ff", size=(1366, 900)):
        down = tmp_path / f"downloads-{profile}"
        down.mkdir(exist_ok=True)
        f = Firefox(bundle, tmp_path / f"profile-{profile}", down, size)
        f.downloads = down
        started.append(f)
        return f

    yield start
    for f in started:
        if f.alive():
            f.quit()


def loc(o, lang):
    return o.get(lang) or next(iter(o.values()))


def test_firefox_esr_every_screen_matrix_persistence_export_import(firefox, module):
    lang = module["languages"][0]
    f = firefox()
    assert f.version, "no browser version from Marionette"
    print(f"Firefox {f.version}")
    f.open()
    assert f.js("return location.protocol") == "file:" and f.title() == loc(module["metadata"]["title"], lang)
    f.axe("home")
    f.shot("00-home")
    for i, u in enumerate(module["units"], 1):
        f.q(f'#unit-list a[data-unit="{u["id"]}"]').click()
        f.wait(lambda: f.title() == loc(u["title"], lang), f"unit {u['id']}")
        assert f.js("return document.activeElement.id") == "page-title"
        # seen once gone through: every slide shown, the end of the page on screen
        f.js("document.querySelectorAll('.slidebar button:last-child').forEach(b => { while (b.getAttribute('aria-disabled')"
             " !== 'true') b.click(); }); document.querySelector('.pager').scrollIntoView()")
        f.wait(lambda: f.js("return document.getElementById('progress').value") == i, f"unit {u['id']} seen")
        for svg in f.qa("figure.chart > svg"):
            assert f.js("return arguments[0].getBBox().height > 20", svg), "a chart is drawn"
        f.axe(f"unit {u['id']}")
        f.shot(f"{i:02d}-{u['id']}")
    if module.get("glossary"):
        f.q("#glossary-link").click()
        f.wait(lambda: len(f.qa("dl.glossary dt")) == len(module["glossary"]), "glossary")
        f.shot("90-glossary")
    assert not f.errors(), f.errors()
    if not module.get("matrices"):
        return

    matrix = module["matrices"][0]
    col = matrix["columns"][0]["id"]
    f.q("#matrix-link").click()
    f.wait(lambda: f.qa("#rows textarea"), "the matrix")
    text = "Participación en Santa María Atzompa: ñ, ü, «comillas» 💧🌽 <script>alert(1)</script> & <b>no es HTML</b>\nsegunda línea"
    ta = f.q(f'#rows textarea[data-col="{col}"]')
    ta.send_keys(text)
    f.q("#table-name").clear()
    f.q("#table-name").send_keys("Mesa Zaachila <i>")
    assert ta.get_property("value") == text
    assert f.js("return arguments[0].scrollHeight - arguments[0].clientHeight", ta) <= 1, "the field grows (rows)"
    assert f.js("return document.scripts.length") == 2, "participant text never becomes markup"
    assert "Guardado" in f.q("#save-status").text or "Saved" in f.q("#save-status").text
    f.axe("matrix, filled")
    f.shot("91-matrix-filled")
    f.m.refresh()
    f.wait(lambda: f.qa("#rows textarea"), "the matrix after reload")
    assert f.q(f'#rows textarea[data-col="{col}"]').get_property("value") == text, "kept after reload"
    assert f.q("#table-name").get_property("value") == "Mesa Zaachila <i>"
    f.js(LISTEN)
    # a full browser restart with the same profile
    assert not f.errors(), f.errors()
    f.quit()
    f = firefox()
    f.open()
    assert f.qa("#rows"), "resumes on the matrix"
    assert f.q(f'#rows textarea[data-col="{col}"]').get_property("value") == text, "kept after a browser restart"

    # export (Blob + <a download>) and import it back as a second table
    if not all(f.q(f'#rows textarea[data-col="{c["id"]}"]').get_property("value") for c in matrix["columns"] if c.get("required")):
        f.q("#export").click()
        f.wait(lambda: f.js("return !document.getElementById('export-errors').hidden"), "the problems list")
        f.q("#export-anyway").click()
    else:
        f.q("#export").click()
    f.wait(lambda: [p for p in f.downloads.iterdir() if p.suffix == ".xml" and p.stat().st_size], "the download")
    [xml] = [p for p in f.downloads.iterdir() if p.suffix == ".xml"]
    root = ET.parse(xml).getroot()
    assert root.find(f"{NS}table/{NS}name").text == "Mesa Zaachila <i>"
    assert [c.text for c in root.iter(NS + "cell")] == [text]
    f.q("#import-file").send_keys(str(xml))
    f.wait(lambda: f.js("const e = document.getElementById('import-status'); return e && e.textContent"), "the import message")
    assert "err" not in (f.q("#import-status").get_attribute("class") or ""), f.q("#import-status").text
    assert len(f.qa("#table-select option")) == 2
    assert f.q(f'#rows textarea[data-col="{col}"]').get_property("value") == text
    f.shot("92-matrix-imported")
    assert not f.errors(), f.errors()


def test_firefox_esr_english_and_narrow(firefox, module):
    f = firefox("narrow", size=(360, 780))
    f.open()
    vw = f.js("return document.documentElement.clientWidth")
    if vw > 360:  # a headless window is never narrower than 500 px: zoom so that the page gets 360 CSS pixels
        with f.m.using_context(f.m.CONTEXT_CHROME):
            f.m.execute_script("gBrowser.selectedBrowser.fullZoom = arguments[0] / 360", script_args=(f.js("return innerWidth"),))
        f.wait(lambda: f.js("return innerWidth") <= 360, "the zoomed page")
        vw = f.js("return document.documentElement.clientWidth")
    assert vw <= 360, vw
    width = lambda: f.js("return document.documentElement.scrollWidth")
    assert width() <= vw, f"horizontal scroll at {vw} px: {width()}"
    if {"es", "en"} <= set(module["languages"]):
        f.q("#nav-toggle").click()  # on a phone the language is in the menu
        f.q('#lang-switch [data-lang="en"]').click()
        f.wait(lambda: f.js("return document.documentElement.lang") == "en", "English")
        assert f.title() == loc(module["metadata"]["title"], "en")
    f.q("#nav-toggle").click()
    assert f.q("#unit-nav").is_displayed()
    f.shot("narrow-nav")
    for u in module["units"]:
        f.open(f"#/u/{u['id']}")
        assert width() <= vw, f"horizontal scroll in {u['id']}: {width()} > {vw}"
    if module.get("matrices"):
        f.open("#/matrix")
        assert width() <= vw, f"horizontal scroll in the matrix: {width()} > {vw}"
        f.axe("narrow matrix (en)")
        f.shot("narrow-matrix")
    try:
        f.q("#finish")
    except NoSuchElementException:
        raise AssertionError("index.html has no Finish button") from None
    assert not f.q("#finish").is_displayed(), "no Finish button without a host"
    assert not f.errors(), f.errors()
