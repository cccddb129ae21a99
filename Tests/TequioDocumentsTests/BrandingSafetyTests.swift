import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioDocuments

/// Issue 10: branding text must never become markup. Font names and font lists are checked when the
/// branding is loaded, `document.css` is refused when it could end the `<style>` element or load
/// anything, and the HTML writer escapes style text so that nothing can end the element anyway.
final class BrandingSafetyTests: XCTestCase {
    /// The two reported payloads.
    static let fontPayload = "</style><script>alert(2)</script>Arial"
    static let cssPayload = ".cover { padding-top: 2rem; }\n</style><script>window.__pwned = 1</script><style>\n"

    // MARK: font names

    func testRealFontNamesAreAccepted() {
        for name in [
            "Arial", "Liberation Sans", "Noto Sans Devanagari", "Source Sans 3", "Fira Sans Condensed", "Montserrat",
            "Arial Narrow", "Lúcida", "Lu\u{301}cida", "Times New Roman", "Noto Sans CJK JP", "ＭＳ 明朝", "O'Reilly Sans",
            "Bodoni 72 Oldstyle", "-apple-system", "Segoe UI", "DejaVu Sans Mono", "Font_Name.v2", "Noto Naskh Arabic",
            "نسخ", String(repeating: "a", count: 100),
        ] {
            XCTAssertNil(FontFamily.problem(name), name)
        }
    }

    func testFontNamesThatCouldCarryMarkupOrCSSAreRefused() {
        for name in [
            Self.fontPayload, "Arial;", "Arial; } body { display: none", "Arial{", "Ari\"al", "\"Arial\"", "Arial, Helvetica",
            "Arial<", "Arial>", "Arial\\", "Arial/", "Arial(", "Arial)", "Arial*", "Arial@", "Arial&", "Arial:", "url(x)",
            "", " Arial", "Arial ", "Arial  Narrow", "Arial\tNarrow", "Arial\nNarrow", "Arial\u{0}", "Arial\u{1B}[31m",
            "Arial\u{202E}", "Arial\u{200B}", "---", "'", "\u{301}Arial", String(repeating: "a", count: 101),
        ] {
            XCTAssertNotNil(FontFamily.problem(name), String(reflecting: name))
        }
        XCTAssertEqual(
            FontFamily.problem(Self.fontPayload),
            "'<' (U+003C) is not allowed in a font family name (letters, digits, single spaces, hyphens, underscores, dots and apostrophes only)")
        XCTAssertEqual(FontFamily.problem("Arial\u{1B}"), "U+001B is not allowed in a font family name (letters, digits, single spaces, hyphens, underscores, dots and apostrophes only)")
    }

    // MARK: font lists

    func testFontListsAreWrittenBackFromTheirNames() throws {
        XCTAssertEqual(try FontStack.parse(Branding.standard.fonts.htmlBody).css, #"Arial, "Liberation Sans", Helvetica, sans-serif"#)
        XCTAssertEqual(
            try FontStack.parse(#"  "O'Reilly Sans" ,'Lúcida', Source  Sans 3, -apple-system, Noto Sans Devanagari, SANS-SERIF"#).css,
            #""O'Reilly Sans", "Lúcida", "Source Sans 3", -apple-system, Noto Sans Devanagari, sans-serif"#)
        XCTAssertEqual(try FontStack.parse("Font.v2, serif").css, #""Font.v2", serif"#)
        XCTAssertEqual(try FontStack.parse(#""serif""#).css, #""serif""#, "a quoted keyword stays a name")
        XCTAssertEqual(FontStack.quoted("a\"b\\c<d>&\u{1}"), #""a\22 b\5c c\3c d\3e \26 \1 ""#)
    }

    func testFontListsThatCouldCarryMarkupOrCSSAreRefused() {
        for list in [
            Self.fontPayload, "Arial;}body{display:none", #"Arial, "Liberation Sans"; color: red"#, #""Arial"#, "Arial,", ",Arial",
            "", "   ", #""Arial" Helvetica"#, "inherit", "Arial, initial", "O'Reilly Sans", #"'O'Reilly Sans'"#,
            #""Ari"al""#, #""Arial\"", serif"#, "Arial, </style>", "Arial\u{0}", #""Arial{", serif"#, "Arial; x: url(http://e/x)",
        ] {
            XCTAssertThrowsError(try FontStack.parse(list), String(reflecting: list))
        }
    }

    // MARK: loading branding.json

    /// The repository's branding folder with `branding.json` changed by `change` (and files added).
    func folder(_ change: (inout [String: Any]) -> Void = { _ in }, files: [String: String] = [:]) throws -> FileTree {
        let root = Fixtures.packageRoot.appendingPathComponent("templates/documents")
        var tree = FileTree()
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            tree[name] = FileManager.default.contents(atPath: root.appendingPathComponent(name).path)
        }
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: try XCTUnwrap(tree["branding.json"])) as? [String: Any])
        change(&json)
        tree["branding.json"] = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        for (name, text) in files { tree.add(name, text: text) }
        return tree
    }

    func setFont(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { json in
            var fonts = json["fonts"] as! [String: Any]
            fonts[key] = value
            json["fonts"] = fonts
        }
    }

    /// The error loading `tree` gives; fails when it loads.
    func loadError(_ tree: FileTree, file: StaticString = #filePath, line: UInt = #line) -> BrandingError? {
        do {
            _ = try Branding.load(tree, folder: "mine")
            XCTFail("the branding was accepted", file: file, line: line)
        } catch let error as BrandingError {
            return error
        } catch {
            XCTFail("not a BrandingError: \(error)", file: file, line: line)
        }
        return nil
    }

    /// Line and column where `needle` starts in `tree[name]`.
    func position(of needle: String, in tree: FileTree, _ name: String = "branding.json") throws -> (Int, Int) {
        let text = String(decoding: try XCTUnwrap(tree[name]), as: UTF8.self)
        let range = try XCTUnwrap(text.range(of: needle), "\(needle) not in \(name)")
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last!.unicodeScalars.count + 1
        return (line, column)
    }

    func testTheReportedFontPayloadIsRefusedWithTheKeyAndPosition() throws {
        for key in ["htmlBody", "htmlHeadings", "body", "headings"] {
            let tree = try folder(setFont(key, Self.fontPayload))
            let error = try XCTUnwrap(loadError(tree))
            XCTAssertEqual(error.file, "mine/branding.json")
            XCTAssertTrue(error.message.hasPrefix("'fonts.\(key)' is not a "), error.message)
            XCTAssertTrue(error.message.contains("'<' (U+003C) is not allowed"), error.message)
            let (line, column) = try position(of: "\"<", in: tree)
            XCTAssertEqual(error.line, line, "\(error)")
            XCTAssertEqual(error.column, column, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("mine/branding.json:\(line):\(column): 'fonts.\(key)'"), "\(error)")
        }
    }

    func testFontNamesWithCSSPunctuationOrQuotesAreRefused() throws {
        for bad in ["Arial; color: red", "Arial { }", "Arial}", #"Ari"al"#, "Arial\u{1B}[2J"] {
            for key in ["body", "htmlBody"] {
                let error = try XCTUnwrap(loadError(try folder(setFont(key, bad))))
                XCTAssertTrue(error.message.hasPrefix("'fonts.\(key)'"), error.message)
                XCTAssertNotNil(error.line)
                XCTAssertFalse(error.message.unicodeScalars.contains("\u{1B}"), "the message carries a terminal escape")
            }
        }
    }

    func testAllowedFontNamesLoadAndReachEveryFormatEscaped() throws {
        let tree = try folder { json in
            self.setFont("body", "O'Reilly Sans")(&json)
            self.setFont("headings", "Lúcida")(&json)
            self.setFont("htmlBody", #""O'Reilly Sans", Source Sans 3, sans-serif"#)(&json)
            self.setFont("htmlHeadings", "'Lúcida', serif")(&json)
        }
        let branding = try Branding.load(tree, folder: "mine")
        let options = DocumentOptions(branding: branding, generator: "Tequio test")
        let layout = PlanLayout.layout(try Fixtures.smallPlan, hasLogo: true)
        let html = String(decoding: try DocumentRenderer.render(layout, as: .html, options: options).fileData, as: UTF8.self)
        XCTAssertTrue(html.contains(#"--body-font: "O'Reilly Sans", "Source Sans 3", sans-serif;"#))
        XCTAssertTrue(html.contains(#"--heading-font: "Lúcida", serif;"#))
        let docx = try DocumentRenderer.render(layout, as: .docx, options: options).tree
        let fonts = try parsePart(docx, "word/fontTable.xml").root!
        XCTAssertEqual(Set(fonts.descendants("font", DocumentText.w).compactMap { $0.attribute("name", namespace: DocumentText.w) }), ["O'Reilly Sans", "Lúcida"])
        let odt = try DocumentRenderer.render(layout, as: .odt, options: options).tree
        let styles = try parsePart(odt, "styles.xml").root!
        let faces = styles.descendants("font-face", "urn:oasis:names:tc:opendocument:xmlns:style:1.0")
            .compactMap { $0.attribute("name", namespace: "urn:oasis:names:tc:opendocument:xmlns:style:1.0") }
        XCTAssertEqual(Set(faces), ["O'Reilly Sans", "Lúcida"])
    }

    func testSizesAndLogoWidthMustBeSensible() throws {
        for (key, value) in [("bodySize", 0.0), ("tableSize", 1e300), ("bodySize", -3.0), ("tableSize", 100.0)] {
            let error = try XCTUnwrap(loadError(try folder(setFont(key, value))))
            XCTAssertTrue(error.message.hasPrefix("'fonts.\(key)' must be between 4 and 72 points"), error.message)
            XCTAssertNotNil(error.line)
        }
        for width in [0.0, 1e300, -16.0] {
            let tree = try folder { json in
                var logo = json["logo"] as! [String: Any]
                logo["widthMM"] = width
                json["logo"] = logo
            }
            XCTAssertEqual(loadError(tree)?.message, "'logo.widthMM' must be between 1 and 250 millimetres")
        }
    }

    func testOtherJSONErrorsHaveAPositionToo() throws {
        var tree = try folder()
        tree.add("branding.json", text: "{\n  \"colours\": {\n    \"text\": \"\\u001b[31mred\"\n  }\n}\n")
        var error = try XCTUnwrap(loadError(tree))
        XCTAssertEqual("\(error)", #"mine/branding.json:3:13: 'colours.text': '\u{1B}[31mred' is not a colour like #1F4E79"#)
        tree.add("branding.json", text: "{\n  \"fonts\": {\n    \"body\": \"Arial\",,\n  }\n}\n")
        error = try XCTUnwrap(loadError(tree))
        XCTAssertEqual("\(error)", "mine/branding.json:3:21: not valid JSON")
        tree.add("branding.json", text: "{\n  \"fonts\": { \"body\": \"Arial\" }\n}\n")
        error = try XCTUnwrap(loadError(tree))
        XCTAssertEqual("\(error)", "mine/branding.json:2:12: 'fonts.headings' is missing")
    }

    func testJSONLocatorFindsNestedValues() {
        let data = Data("\u{FEFF}{\"a\": {\"b\": [1, {\"c\": \"é\"}], \"d\": true},\n \"é\": \"x\", \"a\": {\"d\": null}}".utf8)
        XCTAssertEqual(JSONLocator.position(of: ["a", "b", "1", "c"], in: data)?.description, "1:23")
        XCTAssertEqual(JSONLocator.position(of: ["a", "d"], in: data)?.description, "2:23", "the last of a repeated key counts")
        XCTAssertEqual(JSONLocator.position(of: ["é"], in: data)?.description, "2:7")
        XCTAssertNil(JSONLocator.position(of: ["z"], in: data))
        XCTAssertNil(JSONLocator.syntaxError(in: data))
        XCTAssertEqual(JSONLocator.syntaxError(in: Data("{\"a\": tru}".utf8))?.description, "1:7")
    }

    // MARK: document.css

    static let refusedCSS: [(css: String, at: String, says: String)] = [
        (cssPayload, "</style>", "'</style' is not allowed in document.css"),
        (".a{}</STYLE >", "</STYLE", "'</style'"),
        (".a{}</style\t>", "</style", "'</style'"),
        (".a{}</style\n>", "</style", "'</style'"),
        (".a{}</ style>", "</ style", "'</'"),
        (".a { content: \"</b>\" }", "</b>", "'</'"),
        ("/* </style> */ .a{}", "</style", "'</style'"),
        ("<!-- .a{} -->", "<!--", "'<!'"),
        (".a{} <![CDATA[ x ]]>", "<![CDATA[", "'<!'"),
        (".a::after { content: \"<SCRIPT>\" }", "<SCRIPT>", "'<script'"),
        ("@import url(https://evil.example/x.css);", "@import", "@import is not allowed"),
        ("@IMPORT 'local.css';", "@IMPORT", "@import is not allowed"),
        ("@\\69mport 'x.css';", "@\\69mport", "@import is not allowed"),
        (".a { background: url(https://evil.example/p.png) }", "url(", "would load from the network"),
        (".a { background: URL( \"http://evil.example/p.png\" ) }", "URL(", "would load from the network"),
        (".a { background: u\\72l(//evil.example/p.png) }", "u\\72l(", "would load from the network"),
        (".a { background: url('javascript:alert(1)') }", "url(", "no scripts in the HTML plans"),
        (".a { background: url(JavaScript:alert\\(1\\)) }", "url(", "no scripts in the HTML plans"),
        (".a { background: image-set(\"https://evil.example/p.png\" 1x) }", "image-set(", "would load from the network"),
        (".a { background: -webkit-image-set('//evil/p.png' 1x) }", "-webkit-image-set(", "would load from the network"),
        ("@font-face { font-family: X; src: url(fonts/x.woff2) }", "url(", "would load a file from outside the plan"),
        ("@font-face { font-family: X; src: src(\"x.woff\") }", "src(\"", "would load a file from outside the plan"),
        (".a { background: url(file:///etc/passwd) }", "url(", "would load a file from outside the plan"),
    ]

    func testStyleSheetsThatCouldEndTheStyleElementOrLoadSomethingAreRefused() throws {
        for (css, at, says) in Self.refusedCSS {
            let problem = try XCTUnwrap(StyleSheetCheck.problem(css), css)
            XCTAssertTrue(problem.message.contains(says), "\(css): \(problem.message)")
            let tree = try folder(files: ["document.css": css])
            let error = try XCTUnwrap(loadError(tree), css)
            XCTAssertEqual(error.file, "mine/document.css")
            let (line, column) = try position(of: at, in: tree, "document.css")
            XCTAssertEqual([error.line, error.column], [line, column], "\(css): \(error)")
        }
    }

    func testPositionsCountLinesAsCSSDoes() throws {
        let problem = try XCTUnwrap(StyleSheetCheck.problem(".a{}\r\n.b{}\r.c{}\u{C}  é </style>"))
        XCTAssertEqual([problem.line, problem.column], [4, 5])
    }

    func testOrdinaryStyleSheetsAreAccepted() {
        for css in [
            "", ".cover { padding-top: 2rem; }", "@media (width < 40em) { h1 { font-size: 1.5em } }", "@media (400px<=width<=700px) {}",
            ".a::before { content: \"<b> & 'x'\"; }", ".a { background: url(data:image/png;base64,iVBORw0KGgo=) }",
            ".a { background: url( \"data:image/svg+xml;utf8,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E\" ) }",
            ".a { filter: url(#shadow) } .b { background: url() }", "/* @import url(http://x) is not used */ .a{}",
            ".a { content: \"url(http://x)\" }", ".u\\72l { color: red }", "h1 { font-family: var(--heading-font) }",
            "@font-face { font-family: X; src: local(\"Liberation Sans\") }", "@charset \"utf-8\"; .a { color: #1F4E79 }",
            "a[href^='http://'] { color: red }",
        ] {
            XCTAssertNil(StyleSheetCheck.problem(css), css)
        }
    }

    // MARK: the HTML writer

    /// The HTML of the small plan with `branding`, built in code so that nothing is checked first.
    func html(_ branding: Branding) throws -> String {
        let options = DocumentOptions(branding: branding, generator: "Tequio test")
        let layout = PlanLayout.layout(try Fixtures.smallPlan, hasLogo: branding.logo != nil)
        return String(decoding: try DocumentRenderer.render(layout, as: .html, options: options).fileData, as: UTF8.self)
    }

    /// The style element's text, asserting that the writer's own `</style>` is the only one.
    func styleText(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let lower = html.lowercased()
        let open = try XCTUnwrap(lower.range(of: "<style>\n"), file: file, line: line)
        let close = try XCTUnwrap(lower.range(of: "</style", range: open.upperBound..<lower.endIndex), file: file, line: line)
        XCTAssertTrue(lower[close.lowerBound...].hasPrefix("</style>\n</head>\n<body>"), "the style element ends early", file: file, line: line)
        XCTAssertNil(lower.range(of: "<script"), "a script element in the document", file: file, line: line)
        let text = String(html[open.upperBound..<close.lowerBound])
        XCTAssertNil(text.range(of: "<[/!?A-Za-z]", options: .regularExpression), "tag-like text in the style sheet", file: file, line: line)
        return text
    }

    func testTheWriterCannotBeMadeToEndTheStyleElement() throws {
        var branding = Fixtures.branding
        branding.fonts.htmlBody = Self.fontPayload
        branding.fonts.htmlHeadings = "Arial; } </STYLE ><script>alert(3)</script>"
        branding.css = Self.cssPayload + ".x { content: \"</style\t><!--\" } /* </style> */ .y{} \\</style> <!-- --> </"
        let text = try styleText(try html(branding))
        XCTAssertTrue(text.contains(#"--body-font: "\3c \2f style\3e \3c script\3e alert\28 2\29 \3c \2f script\3e Arial";"#), text)
        XCTAssertTrue(text.contains(#".x { content: "\3C /style"#), text)
        XCTAssertTrue(text.contains(#"/* \3C /style> */"#), text)
        XCTAssertTrue(text.hasSuffix("\\3C !-- --> \\3C /"), text)
    }

    func testStyleElementTextKeepsCSSMeaning() {
        XCTAssertEqual(StyleElementText.escape("@media (width < 40em) { a { b: c } }"), "@media (width < 40em) { a { b: c } }")
        XCTAssertEqual(StyleElementText.escape(#"a::after { content: "<b>" '<\'<' }"#), #"a::after { content: "\3C b>" '\3C \'\3C ' }"#)
        XCTAssertEqual(StyleElementText.escape(#"a { content: "\<" }"#), #"a { content: "\3C " }"#)
        XCTAssertEqual(StyleElementText.escape("/* <x> */ a</b <!c"), "/* \\3C x> */ a\\3C /b \\3C !c")
        XCTAssertEqual(StyleElementText.escape("a { content: \"<\n} b<c"), "a { content: \"\\3C \n} b< c", "a line break ends a string")
        XCTAssertEqual(StyleElementText.escape("@media (400px<width<=700px) {}"), "@media (400px< width<=700px) {}")
        XCTAssertEqual(StyleElementText.escape("a { b: url(data:x<y) } c<?d"), "a { b: url(data:x\\3C y) } c\\3C ?d")
        XCTAssertEqual(StyleElementText.escape("a\u{0}b\u{1}"), "ab")
        for css in [
            "</style>", "<</style>", "\\</style>", "\"\\\"</style>", "'</style>", "/*</style>", "*/</style>", "<!--", "\\", "<", "<\\/",
            "url(</style>)", "url( '</style>')", "<script>", "<<<a", "\\<<a", "<?x", "\"\\\n<a", "'\\'<a'",
        ] {
            let out = StyleElementText.escape(css)
            XCTAssertNil(out.range(of: "<[/!?A-Za-z]", options: .regularExpression), "\(css) → \(out)")
        }
    }

    func testBrandingTextIsEscapedInEveryFormat() throws {
        var branding = Fixtures.branding
        let alt = #"Logo "><script>alert(4)</script> & 'x' </w:t> ]]> \#u{1}fin"#
        branding.logo?.description = alt
        let options = DocumentOptions(branding: branding, generator: "Tequio test")
        let layout = PlanLayout.layout(try Fixtures.smallPlan, hasLogo: true)
        let page = try html(branding)
        XCTAssertTrue(page.contains(#"alt="Logo &quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt; &amp; &#39;x&#39; &lt;/w:t&gt; ]]&gt; fin""#), page)
        _ = try styleText(page)
        let docx = try DocumentRenderer.render(layout, as: .docx, options: options).tree
        let document = try parsePart(docx, "word/document.xml").root!
        let descriptions = document.descendants("cNvPr", "http://schemas.openxmlformats.org/drawingml/2006/picture").compactMap { $0.attribute("descr") }
        XCTAssertEqual(descriptions, [XMLText.sanitized(alt)])
        let odt = try DocumentRenderer.render(layout, as: .odt, options: options).tree
        let content = try parsePart(odt, "content.xml").root!
        let desc = content.descendants("desc", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")
        XCTAssertEqual(desc.map { $0.children.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined() }, [XMLText.sanitized(alt)])
    }
}
