import Foundation
import TequioModel
import XCTest

@testable import TequioReaders

/// Issue 10: branding text must never become markup. Font names and font lists are checked when the
/// branding is loaded, and `document.css` is refused when it could end the `<style>` element or load
/// anything. (That the writers escape branding text all the same is tested in TequioDocumentsTests.)
final class BrandingReaderTests: XCTestCase {
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
        let root = ModuleReaderTests.packageRoot.appendingPathComponent("templates/documents")
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

    func testAllowedFontNamesLoad() throws {
        let tree = try folder { json in
            self.setFont("body", "O'Reilly Sans")(&json)
            self.setFont("headings", "Lúcida")(&json)
            self.setFont("htmlBody", #""O'Reilly Sans", Source Sans 3, sans-serif"#)(&json)
            self.setFont("htmlHeadings", "'Lúcida', serif")(&json)
        }
        let fonts = try Branding.load(tree, folder: "mine").fonts
        XCTAssertEqual(
            [fonts.body, fonts.headings, fonts.htmlBody, fonts.htmlHeadings],
            ["O'Reilly Sans", "Lúcida", #""O'Reilly Sans", Source Sans 3, sans-serif"#, "'Lúcida', serif"])
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
}
