"""Good packages of every kind Tequio checks, written by hand here (not by Tequio), and a zip writer with
full control over entry order, compression and extra fields, so each test can plant one defect."""
import zipfile

# ---- SCORM 1.2 ---------------------------------------------------------------------------------
SCORM12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="curso-agua" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Agua y transparencia</title>
      <item identifier="i1" identifierref="r1">
        <title>Unidad 1</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="js/app.js"/>
      <file href="css/style.css"/>
      <file href="img/logo.png"/>
    </resource>
  </resources>
</manifest>
"""
INDEX = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Curso</title>
<link rel="stylesheet" href="css/style.css"><script src="js/app.js"></script></head>
<body><h1>Hola</h1><a href="https://www.gob.mx/">un enlace</a><img src="img/logo.png" alt="logo"></body></html>
"""
WEB = {"index.html": INDEX, "css/style.css": "body { background: url('../img/logo.png'); }", "js/app.js": "console.log(1);",
       "img/logo.png": b"\x89PNG\r\n\x1a\n"}

# ---- SCORM 2004 --------------------------------------------------------------------------------
SCORM2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="curso-agua" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Agua y transparencia</title>
      <item identifier="i1" identifierref="r1"><title>Unidad 1</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""

IMSCP = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="curso-agua" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">
  <organizations default="org">
    <organization identifier="org">
      <title>Agua</title>
      <item identifier="i1" identifierref="r1"><title>Unidad 1</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>
"""

CMI5 = """<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/cursos/agua">
    <title><langstring lang="es">Agua y transparencia</langstring></title>
    <description><langstring lang="es">Un curso</langstring></description>
  </course>
  <au id="https://example.org/cursos/agua/au1" launchMethod="AnyWindow">
    <title><langstring lang="es">Unidad 1</langstring></title>
    <description><langstring lang="es">La unidad</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
"""

# ---- EPUB 3 ------------------------------------------------------------------------------------
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>
    <dc:title>Agua</dc:title>
    <dc:language>es</dc:language>
    <meta property="dcterms:modified">2026-11-29T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>
"""
XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="es"><head><title>{t}</title></head>
<body>{b}</body></html>
"""
EPUB = {"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER, "OEBPS/book.opf": OPF,
        "OEBPS/nav.xhtml": XHTML.format(t="Índice", b='<nav epub:type="toc"><ol><li><a href="c1.xhtml">Uno</a></li></ol></nav>'),
        "OEBPS/c1.xhtml": XHTML.format(t="Uno", b="<p>Hola</p>")}

# ---- DOCX --------------------------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>
"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/>
</Relationships>
"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>
"""
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}>
  <w:body>
    <w:p><w:r><w:t>Plan de acción</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Primera acción</w:t></w:r></w:p>
    <w:tbl>
      <w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>
      <w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>
      <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Problema</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Acción</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>Fugas</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>Cobro</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
    </w:tbl>
    <w:p/>
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
  </w:body>
</w:document>
"""
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>
"""
DOCX = {"[Content_Types].xml": DOCX_TYPES, "_rels/.rels": ROOT_RELS.format(target="word/document.xml"),
        "word/document.xml": DOCUMENT, "word/_rels/document.xml.rels": DOCUMENT_RELS, "word/numbering.xml": NUMBERING}

# ---- XLSX --------------------------------------------------------------------------------------
XLSX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
  <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>
"""
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {S} {R}><sheets><sheet name="{{name}}" sheetId="1" r:id="rId1"/></sheets></workbook>
"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>
"""
SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet {S}><sheetData><row r="1"><c r="A1" t="s"><v>{{index}}</v></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>
"""
STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst {S} count="1" uniqueCount="1"><si><t>Problema</t></si></sst>
"""
XLSX = {"[Content_Types].xml": XLSX_TYPES, "_rels/.rels": ROOT_RELS.format(target="xl/workbook.xml"),
        "xl/workbook.xml": WORKBOOK.format(name="Mesa 1"), "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": SHEET.format(index=0), "xl/sharedStrings.xml": STRINGS}

# ---- ODT / ODS ---------------------------------------------------------------------------------
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
  <office:body><office:text><text:p text:style-name="{{style}}">Plan de acción</text:p></office:text></office:body>
</office:document-content>
"""
ODT_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF} office:version="1.3">
  <office:styles><style:style style:name="Texto" style:family="paragraph"/></office:styles>
</office:document-styles>
"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
  <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{mime}"/>
  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
  <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
ODT_MIME = "application/vnd.oasis.opendocument.text"
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODT = {"mimetype": ODT_MIME, "content.xml": ODT_CONTENT.format(style="Texto"), "styles.xml": ODT_STYLES,
       "META-INF/manifest.xml": MANIFEST.format(mime=ODT_MIME)}
ODS_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
  <office:body><office:spreadsheet><table:table table:name="Mesa 1"><table:table-column/><table:table-row><table:table-cell><text:p>Problema</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>
</office:document-content>
"""
ODS = {"mimetype": ODS_MIME, "content.xml": ODS_CONTENT, "styles.xml": ODT_STYLES, "META-INF/manifest.xml": MANIFEST.format(mime=ODS_MIME)}

GOOD = {
    "scorm12.zip": {"imsmanifest.xml": SCORM12, **WEB},
    "scorm2004.zip": {"imsmanifest.xml": SCORM2004, "index.html": INDEX.replace('<link rel="stylesheet" href="css/style.css"><script src="js/app.js"></script>', "").replace('<img src="img/logo.png" alt="logo">', "")},
    "imscp.zip": {"imsmanifest.xml": IMSCP, "index.html": "<!doctype html><title>x</title>"},
    "cmi5.zip": {"cmi5.xml": CMI5, **WEB},
    "web.zip": WEB,
    "book.epub": EPUB,
    "plan.docx": DOCX,
    "mesas.xlsx": XLSX,
    "plan.odt": ODT,
    "mesas.ods": ODS,
}


def write_zip(path, entries, order=None, compress_mimetype=False, extra=None):
    """Writes `entries` (name → str or bytes) in `order` (default: as given). `mimetype` is stored unless
    `compress_mimetype`; everything else is deflated. `extra` maps a name to a local extra field."""
    with zipfile.ZipFile(path, "w") as z:
        for name in order or list(entries):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0))
            stored = name == "mimetype" and not compress_mimetype
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            if extra and name in extra:
                info.extra = extra[name]
            data = entries[name]
            z.writestr(info, data.encode() if isinstance(data, str) else data)
    return path
