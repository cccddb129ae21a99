"""Issue 10: branding must not inject markup into the HTML plans. `tequio assemble --templates DIR` with a
hostile branding.json or document.css stops with exit 65, names the file (and the line and column), and
writes nothing; hostile values that are allowed (an apostrophe in a font name, markup characters in the
logo's text alternative or in a CSS string) give plans that run no script in headless Chromium.

Run alone with:  TEQUIO_BIN=.build/debug/tequio .venv-browser/bin/pytest -q tests/documents/test_branding_safety.py
"""
import json
import pathlib
import re
import shutil

import pytest

from .conftest import ROOT, run_tequio

FONT_PAYLOAD = "</style><script>alert(2)</script>Arial"
CSS_PAYLOAD = ".cover { padding-top: 2rem; }\n</style><script>window.__pwned = 1; alert(1)</script><style>\n"


def templates(tmp_path, fonts=None, logo=None, css=None):
    """A copy of the repository's templates with branding.json's fonts and logo changed and
    documents/document.css replaced."""
    root = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", root)
    branding = root / "documents" / "branding.json"
    data = json.loads(branding.read_text("utf-8"))
    data["fonts"].update(fonts or {})
    data["logo"].update(logo or {})
    branding.write_text(json.dumps(data, indent=2, ensure_ascii=False), "utf-8")
    if css is not None:
        (root / "documents" / "document.css").write_text(css, "utf-8")
    return root


def assemble(tmp_path, root, *extra):
    out = tmp_path / "out"
    result = run_tequio("assemble", "examples/matrices", "--module", "modules/oaxaca-agua", "--templates", root, "-o", out, *extra)
    return result, out


def nothing_written(out):
    return not out.exists() or not any(out.iterdir())


def line_col(text, needle):
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1


HOSTILE_FONTS = {
    "reported payload in htmlBody": ("htmlBody", FONT_PAYLOAD),
    "reported payload in htmlHeadings": ("htmlHeadings", FONT_PAYLOAD),
    "reported payload in body (DOCX/ODT name)": ("body", FONT_PAYLOAD),
    "semicolon": ("htmlBody", "Arial; } body { display: none"),
    "brace": ("headings", "Arial{"),
    "double quote": ("body", 'Ari"al'),
    "unclosed quote": ("htmlBody", '"Liberation Sans, sans-serif'),
    "CSS keyword": ("htmlHeadings", "inherit"),
    "terminal escape": ("body", "Arial\u001b[2J"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_FONTS))
def test_hostile_font_names_are_refused_and_nothing_is_written(tmp_path, case):
    key, value = HOSTILE_FONTS[case]
    root = templates(tmp_path, fonts={key: value})
    result, out = assemble(tmp_path, root)
    assert result.returncode == 65, result.stderr
    text = (root / "documents" / "branding.json").read_text("utf-8")
    line, col = line_col(text, json.dumps(value, ensure_ascii=False))
    assert f"documents/branding.json:{line}:{col}: 'fonts.{key}' is not a" in result.stderr, result.stderr
    assert "\x1b" not in result.stderr, "the message carries a terminal escape"
    assert nothing_written(out)


HOSTILE_CSS = {
    "reported payload": (CSS_PAYLOAD, "</style>"),
    "upper case with a space": (".a{}\n.b{} </STYLE ><script>alert(1)</script>", "</STYLE"),
    "tab before >": (".a{}</style\t><script>alert(1)</script>", "</style"),
    "in a string": ('.a::after { content: "</style><script>alert(1)</script>"; }', "</style"),
    "HTML comment": ("<!-- .a{} -->", "<!--"),
    "script tag": (".a::after { content: '<script>' }", "<script"),
    "@import": ("@import url(https://evil.example/track.css);\n", "@import"),
    "escaped @import": ("\n\n  @\\69mport 'https://evil.example/x.css';", "@\\69mport"),
    "network url": (".cover { background: url(https://evil.example/pixel.png) }", "url("),
    "escaped url": (".cover { background: u\\72l('//evil.example/pixel.png') }", "u\\72l("),
    "javascript url": (".cover { background: url(javascript:alert(1)) }", "url("),
    "image-set": ('.cover { background: image-set("http://evil.example/p.png" 1x) }', "image-set("),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_CSS))
def test_hostile_document_css_is_refused_and_nothing_is_written(tmp_path, case):
    css, at = HOSTILE_CSS[case]
    root = templates(tmp_path, css=css)
    result, out = assemble(tmp_path, root)
    assert result.returncode == 65, result.stderr
    line, col = line_col(css, at)
    assert re.search(rf"documents/document\.css:{line}:{col}: ", result.stderr), result.stderr
    assert nothing_written(out)


def test_the_unchanged_templates_still_work(tmp_path):
    result, out = assemble(tmp_path, templates(tmp_path), "--format", "html")
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.html"))) == 4


# Values that are allowed, and hostile all the same.
ALT = '"><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
ALLOWED_CSS = """/* <b> in a comment is allowed */
.cover::after { content: "<img src=x onerror=window.__pwned=3> & 'x'"; display: block; }
@media (width < 1000em) { .kicker { letter-spacing: .07em; } }
.cover { background: url("data:image/svg+xml;utf8,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E") no-repeat; }
"""


@pytest.fixture(scope="module")
def allowed_plans(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("allowed-branding")
    root = templates(
        tmp_path,
        fonts={"body": "O'Reilly Sans", "headings": "Lúcida", "htmlBody": "\"O'Reilly Sans\", 'Lúcida', Source Sans 3, sans-serif",
               "htmlHeadings": "Noto Sans Devanagari, -apple-system, serif"},
        logo={"description": ALT},
        css=ALLOWED_CSS)
    result, out = assemble(tmp_path, root, "--format", "html,docx,odt")
    assert result.returncode == 0, result.stderr
    return out


def test_allowed_hostile_values_stay_text(allowed_plans):
    page = next(allowed_plans.glob("*mesa-1*.html")).read_text("utf-8")
    assert page.lower().count("</style") == 1
    assert "<script" not in page.lower()
    assert 'alt="&quot;&gt;&lt;script&gt;' in page
    assert '--body-font: "O\'Reilly Sans", "Lúcida", "Source Sans 3", sans-serif;' in page
    assert 'content: "\\3C img src=x onerror=window.__pwned=3> & \'x\'"' in page


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    if not pathlib.Path("/usr/bin/chromium").exists() or not pathlib.Path("/usr/bin/chromedriver").exists():
        pytest.skip("needs chromium and chromium-driver (see docs/browser-testing.md)")
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
              f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    o.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    yield driver
    driver.quit()


def test_allowed_hostile_values_run_no_script_in_chromium(allowed_plans, chromium):
    from selenium.common.exceptions import NoAlertPresentException
    for page in sorted(allowed_plans.glob("*.html")):
        chromium.get(page.as_uri())
        with pytest.raises(NoAlertPresentException):
            chromium.switch_to.alert.text
        state = chromium.execute_script("""
            const after = getComputedStyle(document.querySelector('.cover'), '::after').content;
            return {pwned: typeof window.__pwned, scripts: document.scripts.length,
                    styles: document.querySelectorAll('style').length, images: document.images.length,
                    alt: document.querySelector('img.logo').alt,
                    font: getComputedStyle(document.documentElement).fontFamily,
                    heading: getComputedStyle(document.querySelector('h1')).fontFamily,
                    after: after, spacing: getComputedStyle(document.querySelector('.kicker')).letterSpacing,
                    main: !!document.querySelector('main table')};
        """)
        assert state["pwned"] == "undefined", (page.name, state)
        assert state["scripts"] == 0 and state["styles"] == 1 and state["images"] == 1, (page.name, state)
        assert state["alt"] == ALT
        assert state["font"] == '"O\'Reilly Sans", Lúcida, "Source Sans 3", sans-serif', state["font"]
        assert state["heading"] == '"Noto Sans Devanagari", -apple-system, serif', state["heading"]
        # The branding rules after the inline strings are applied: the style sheet was not cut short.
        assert state["after"] == "\"<img src=x onerror=window.__pwned=3> & 'x'\"", state["after"]
        assert state["spacing"] != "normal" and state["main"], state
    errors = [e for e in chromium.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == [], errors
