"""`tequio check FILE` on packages and documents Tequio did not write: hand-made good packages of every
kind pass clean, and each planted defect (at least one per rule) is found, named by zip entry and line."""
import re
import shutil
import subprocess
import zipfile

import pytest

from . import handmade as H
from .conftest import ROOT


def build(tmp_path, name, entries=None, **options):
    return H.write_zip(tmp_path / name, entries if entries is not None else H.GOOD[name], **options)


@pytest.mark.parametrize("name", sorted(H.GOOD))
def test_a_good_hand_made_package_passes_clean(tmp_path, check, name):
    result = check(build(tmp_path, name))
    assert result.code == 0 and result.diagnostics == [], result


def changed(name, part, old, new):
    entries = dict(H.GOOD[name])
    assert old in entries[part], f"{old!r} not in {part}"
    entries[part] = entries[part].replace(old, new)
    return entries


def without(name, part):
    return {k: v for k, v in H.GOOD[name].items() if k != part}


def plus(name, part, data):
    return {**H.GOOD[name], part: data}


# (test id, file name, entries, zip options, expected id, expected location: "file!entry" or "file!entry:line")
DEFECTS = [
    # SCORM 1.2
    ("identifierref", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", 'identifierref="r1"', 'identifierref="r9"'), {}, "package.dangling-ref", "scorm12.zip!imsmanifest.xml:12"),
    ("default-organization", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", 'default="org"', 'default="otra"'), {}, "package.dangling-ref", "scorm12.zip!imsmanifest.xml:9"),
    ("file-not-in-zip", "scorm12.zip", without("scorm12.zip", "js/app.js"), {}, "package.missing-file", "scorm12.zip!imsmanifest.xml:20"),
    ("absolute-href", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", 'href="index.html">', 'href="/index.html">'), {}, "package.not-relative", "scorm12.zip!imsmanifest.xml:18"),
    ("schemaversion", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", "<schemaversion>1.2", "<schemaversion>2004 4th Edition"), {}, "package.schema-version", "scorm12.zip!imsmanifest.xml:7"),
    ("scormtype-camel-case", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", "adlcp:scormtype=", "adlcp:scormType="), {}, "package.scorm-type", "scorm12.zip!imsmanifest.xml:18"),
    ("no-scormtype", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", 'adlcp:scormtype="sco" ', ""), {}, "package.scorm-type", "scorm12.zip!imsmanifest.xml:18"),
    ("schema", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", "<title>Unidad 1</title>", "<titulo>Unidad 1</titulo>"), {}, "xml.schema", "scorm12.zip!imsmanifest.xml:13"),
    ("title-over-200", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", "<title>Unidad 1", "<title>" + "x" * 201), {}, "package.string-limit", "scorm12.zip!imsmanifest.xml:13"),
    ("unlisted-file", "scorm12.zip", plus("scorm12.zip", "notas.txt", "x"), {}, "package.unlisted-file", "scorm12.zip!notas.txt"),
    ("wrapping-folder", "scorm12.zip", {f"curso/{k}": v for k, v in H.GOOD["scorm12.zip"].items()}, {}, "package.layout", "scorm12.zip!curso/imsmanifest.xml"),
    ("parent-directory-entry", "scorm12.zip", plus("scorm12.zip", "../fuera.txt", "x"), {}, "zip.unsafe-name", "scorm12.zip!../fuera.txt"),
    ("backslash-entry", "scorm12.zip", plus("scorm12.zip", "js\\otro.js", "x"), {}, "zip.unsafe-name", "scorm12.zip!js\\otro.js"),
    ("datafromlms-over-4096", "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", '<title>Unidad 1</title>\n      </item>', '<title>Unidad 1</title>\n        <adlcp:datafromlms>' + "d" * 4097 + '</adlcp:datafromlms>\n      </item>'), {}, "package.string-limit", "scorm12.zip!imsmanifest.xml:14"),
    # SCORM 2004
    ("scormtype-lower-case", "scorm2004.zip", changed("scorm2004.zip", "imsmanifest.xml", "adlcp:scormType=", "adlcp:scormtype="), {}, "package.scorm-type", "scorm2004.zip!imsmanifest.xml:16"),
    ("scormtype-bogus", "scorm2004.zip", changed("scorm2004.zip", "imsmanifest.xml", 'scormType="sco"', 'scormType="bogus"'), {}, "xml.schema", "scorm2004.zip!imsmanifest.xml:16"),
    ("schemaversion-2004", "scorm2004.zip", changed("scorm2004.zip", "imsmanifest.xml", "2004 4th Edition", "1.2"), {}, "package.schema-version", "scorm2004.zip!imsmanifest.xml:7"),
    ("no-marker", "scorm2004.zip", {"notas.txt": "x"}, {}, "package.unknown-kind", "scorm2004.zip"),
    # IMS CP
    ("imscp-identifierref", "imscp.zip", changed("imscp.zip", "imsmanifest.xml", 'identifierref="r1"', 'identifierref="nada"'), {}, "package.dangling-ref", "imscp.zip!imsmanifest.xml:6"),
    # cmi5
    ("au-url-missing", "cmi5.zip", changed("cmi5.zip", "cmi5.xml", "<url>index.html", "<url>unidad1.html"), {}, "package.missing-file", "cmi5.zip!cmi5.xml:10"),
    ("au-same-id-as-course", "cmi5.zip", changed("cmi5.zip", "cmi5.xml", 'id="https://example.org/cursos/agua/au1"', 'id="https://example.org/cursos/agua"'), {}, "package.duplicate", "cmi5.zip!cmi5.xml:7"),
    ("cmi5-schema", "cmi5.zip", changed("cmi5.zip", "cmi5.xml", 'launchMethod="AnyWindow"', 'launchMethod="NewTab"'), {}, "xml.schema", "cmi5.zip!cmi5.xml:7"),
    # web bundle
    ("script-missing", "web.zip", without("web.zip", "js/app.js"), {}, "package.missing-file", "web.zip!index.html:3"),
    ("css-url-missing", "web.zip", without("web.zip", "img/logo.png"), {}, "package.missing-file", "web.zip!css/style.css:1"),
    ("absolute-script", "web.zip", changed("web.zip", "index.html", 'src="js/app.js"', 'src="/js/app.js"'), {}, "package.not-relative", "web.zip!index.html:3"),
    ("network-script", "web.zip", changed("web.zip", "index.html", 'src="js/app.js"', 'src="https://cdn.example.org/app.js"'), {}, "package.not-relative", "web.zip!index.html:3"),
    # EPUB
    ("mimetype-compressed", "book.epub", H.EPUB, {"compress_mimetype": True}, "package.mimetype", "book.epub!mimetype"),
    ("mimetype-not-first", "book.epub", H.EPUB, {"order": ["META-INF/container.xml", "mimetype", "OEBPS/book.opf", "OEBPS/nav.xhtml", "OEBPS/c1.xhtml"]}, "package.mimetype", "book.epub!mimetype"),
    ("mimetype-extra-field", "book.epub", H.EPUB, {"extra": {"mimetype": b"\xfe\xca\x00\x00"}}, "package.mimetype", "book.epub!mimetype"),
    ("no-modified", "book.epub", changed("book.epub", "OEBPS/book.opf", '<meta property="dcterms:modified">2026-11-29T00:00:00Z</meta>', ""), {}, "package.metadata", "book.epub!OEBPS/book.opf:3"),
    ("spine-idref", "book.epub", changed("book.epub", "OEBPS/book.opf", 'idref="c1"', 'idref="c2"'), {}, "package.dangling-ref", "book.epub!OEBPS/book.opf:13"),
    ("item-missing", "book.epub", without("book.epub", "OEBPS/c1.xhtml"), {}, "package.missing-file", "book.epub!OEBPS/book.opf:11"),
    ("chapter-not-well-formed", "book.epub", changed("book.epub", "OEBPS/c1.xhtml", "<p>Hola</p>", "<p>Hola"), {}, "xml.malformed", "book.epub!OEBPS/c1.xhtml:4"),
    ("no-nav", "book.epub", changed("book.epub", "OEBPS/book.opf", ' properties="nav"', ""), {}, "package.missing-part", "book.epub!OEBPS/book.opf:9"),
    # DOCX
    ("cell-without-paragraph", "plan.docx", changed("plan.docx", "word/document.xml", "<w:tc><w:p/></w:tc></w:tr>\n      <w:tr><w:tc><w:p><w:r><w:t>Cobro", "<w:tc></w:tc></w:tr>\n      <w:tr><w:tc><w:p><w:r><w:t>Cobro"), {}, "package.table", "plan.docx!word/document.xml:10"),
    ("header-rows-not-contiguous", "plan.docx", changed("plan.docx", "word/document.xml", "<w:tr><w:tc><w:p><w:r><w:t>Cobro", "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Cobro"), {}, "package.table", "plan.docx!word/document.xml:11"),
    ("no-table-grid", "plan.docx", changed("plan.docx", "word/document.xml", '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>', ""), {}, "package.table", "plan.docx!word/document.xml:6"),
    ("numid-without-num", "plan.docx", changed("plan.docx", "word/document.xml", '<w:numId w:val="1"/>', '<w:numId w:val="7"/>'), {}, "package.dangling-ref", "plan.docx!word/document.xml:5"),
    ("part-without-content-type", "plan.docx", plus("plan.docx", "word/media/foto.jpeg", b"\xff\xd8\xff"), {}, "package.content-type", "plan.docx!word/media/foto.jpeg"),
    ("main-part-content-type", "plan.docx", changed("plan.docx", "[Content_Types].xml", "document.main+xml", "template.main+xmlx"), {}, "package.content-type", "plan.docx![Content_Types].xml"),
    ("relationship-target-missing", "plan.docx", without("plan.docx", "word/numbering.xml"), {}, "package.dangling-ref", "plan.docx!word/_rels/document.xml.rels:3"),
    ("docx-schema", "plan.docx", changed("plan.docx", "word/document.xml", "<w:r><w:t>Plan de acción</w:t></w:r>", "<w:t>Plan de acción</w:t>"), {}, "xml.schema", "plan.docx!word/document.xml:4"),
    ("landscape-without-orient", "plan.docx", changed("plan.docx", "word/document.xml", 'w:w="11906" w:h="16838"', 'w:w="16838" w:h="11906"'), {}, "package.page-size", "plan.docx!word/document.xml:14"),
    # XLSX
    ("sheet-name-too-long", "mesas.xlsx", changed("mesas.xlsx", "xl/workbook.xml", 'name="Mesa 1"', 'name="Mesa de trabajo número uno del municipio"'), {}, "package.sheet", "mesas.xlsx!xl/workbook.xml:2"),
    ("shared-string-out-of-range", "mesas.xlsx", changed("mesas.xlsx", "xl/worksheets/sheet1.xml", "<v>0</v>", "<v>5</v>"), {}, "package.sheet", "mesas.xlsx!xl/worksheets/sheet1.xml:2"),
    ("xlsx-schema", "mesas.xlsx", changed("mesas.xlsx", "xl/worksheets/sheet1.xml", '<c r="B1"><v>3</v></c>', '<c r="B1" t="texto"><v>3</v></c>'), {}, "xml.schema", "mesas.xlsx!xl/worksheets/sheet1.xml:2"),
    # ODT / ODS
    ("odt-mimetype-not-first", "plan.odt", H.ODT, {"order": ["content.xml", "mimetype", "styles.xml", "META-INF/manifest.xml"]}, "package.mimetype", "plan.odt!mimetype"),
    ("odt-mimetype-content", "plan.odt", {**H.ODT, "mimetype": H.ODT_MIME + "\n"}, {}, "package.mimetype", "plan.odt!mimetype"),
    ("part-not-in-manifest", "plan.odt", plus("plan.odt", "Pictures/logo.png", b"\x89PNG"), {}, "package.unlisted-file", "plan.odt!Pictures/logo.png"),
    ("manifest-lists-missing", "plan.odt", without("plan.odt", "styles.xml"), {}, "package.missing-file", "plan.odt!META-INF/manifest.xml:5"),
    ("undeclared-style", "plan.odt", changed("plan.odt", "content.xml", 'text:style-name="Texto"', 'text:style-name="Cuerpo"'), {}, "package.dangling-ref", "plan.odt!content.xml:3"),
    ("odt-schema", "plan.odt", changed("plan.odt", "content.xml", "<text:p ", '<text:p text:estilo="x" '), {}, "xml.schema", "plan.odt!content.xml:3"),
    ("ods-encrypted", "mesas.ods", changed("mesas.ods", "META-INF/manifest.xml", 'manifest:full-path="content.xml" manifest:media-type="text/xml"/>', 'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>'), {}, "package.password-protected", "mesas.ods!META-INF/manifest.xml:2"),
]


@pytest.mark.parametrize("name,entries,options,identifier,where", [d[1:] for d in DEFECTS], ids=[d[0] for d in DEFECTS])
def test_each_planted_defect_is_found_where_it_is(tmp_path, check, name, entries, options, identifier, where):
    result = check(build(tmp_path, name, entries, **options))
    assert identifier in result.ids(), result
    places = result.where(identifier)
    expected = where if re.search(r":\d+$", where) else where + ":0"
    assert expected in places, f"{places} vs {expected}\n{result}"
    error_ids = result.ids("error")
    assert result.code == (65 if error_ids else 0), result


def test_every_package_rule_has_a_planted_defect():
    """The ids in docs/package-check.md's rule table are all exercised above."""
    doc = (ROOT / "docs" / "package-check.md").read_text()
    documented = {line.split("`")[1] for line in doc.splitlines() if line.startswith("| `package.")}
    tested = {d[4] for d in DEFECTS}
    assert documented - tested - {"package.schema-unavailable", "package.kind-mismatch"} == set()


def test_a_password_protected_office_file_is_named_so(tmp_path, check):
    # Excel and LibreOffice keep an encrypted workbook in an OLE compound file.
    path = tmp_path / "puntajes.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    result = check(path)
    assert result.ids() == ["package.password-protected"], result
    assert "password" in result.diagnostics[0]["message"] and result.code == 65


def test_a_file_that_is_not_a_zip_is_refused_plainly(tmp_path, check):
    path = tmp_path / "plan.docx"
    path.write_text("hola")
    result = check(path)
    assert result.ids() == ["zip.corrupt"] and "not a zip" in result.diagnostics[0]["message"], result


def test_the_extension_and_the_contents_disagree(tmp_path, check):
    result = check(build(tmp_path, "plan.odt").rename(tmp_path / "plan.docx"))
    assert "package.kind-mismatch" in result.ids("warning"), result


def test_a_zip_of_documents_checks_each_one(tmp_path, check):
    bad = build(tmp_path, "mesas.xlsx", changed("mesas.xlsx", "xl/worksheets/sheet1.xml", "<v>0</v>", "<v>5</v>"))
    outer = H.write_zip(tmp_path / "hojas.zip", {"matriz.xlsx": bad.read_bytes(), "matriz.ods": build(tmp_path, "mesas.ods").read_bytes()})
    result = check(outer)
    assert result.where("package.sheet") == ["hojas.zip!matriz.xlsx!xl/worksheets/sheet1.xml:2"], result


def test_text_output_reads_like_a_compiler(tmp_path):
    from .conftest import tequio_bin
    path = build(tmp_path, "scorm12.zip", changed("scorm12.zip", "imsmanifest.xml", 'identifierref="r1"', 'identifierref="r9"'))
    r = subprocess.run([str(tequio_bin()), "check", path.name], cwd=tmp_path, capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 65
    assert "scorm12.zip!imsmanifest.xml:12:7: error: item 'i1' refers to resource 'r9', which does not exist [package.dangling-ref]" in r.stderr, r.stderr


THIRD_PARTY = [
    ("pandoc.odt", ["pandoc", "a.md", "-o", "pandoc.odt"]),
    ("pandoc.epub", ["pandoc", "a.md", "-o", "pandoc.epub", "--metadata", "title=Plan"]),
]


@pytest.mark.parametrize("name,command", THIRD_PARTY, ids=[t[0] for t in THIRD_PARTY])
def test_documents_other_tools_wrote_pass(tmp_path, check, name, command):
    (tmp_path / "a.md").write_text("# Título\n\nTexto con *énfasis* y ¿preguntas?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- uno\n- dos\n")
    subprocess.run(command, cwd=tmp_path, check=True)
    result = check(tmp_path / name)
    assert result.code == 0 and result.ids("error") == [], result


def test_libreoffice_documents_pass(tmp_path, check):
    """LibreOffice writes extended ODF (loext: markup): it is ignored, as ODF consumers ignore it."""
    (tmp_path / "a.md").write_text("# Título\n\nTexto\n\n- uno\n- dos\n")
    subprocess.run(["pandoc", "a.md", "-o", "a.docx"], cwd=tmp_path, check=True)
    (tmp_path / "a.csv").write_text("Problema,Acción\nFugas,Reparar\n")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "odt", "a.docx"],
                   cwd=tmp_path, check=True, capture_output=True, timeout=180)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "ods", "a.csv"],
                   cwd=tmp_path, check=True, capture_output=True, timeout=180)
    for name in ["a.odt", "a.ods"]:
        assert (tmp_path / name).exists(), f"LibreOffice did not write {name}"
        result = check(tmp_path / name)
        assert result.ids("error") == [], result
