import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioDocuments

/// Issue 10: branding text must never become markup. Font names and font lists are checked when the
/// branding is loaded, and `document.css` is refused when it could end the `<style>` element or load
/// anything (BrandingReaderTests, in TequioReadersTests); the writers escape branding text, and the
/// HTML writer escapes style text so that nothing can end the element anyway (here).
final class BrandingSafetyTests: XCTestCase {
    /// The two reported payloads.
    static let fontPayload = "</style><script>alert(2)</script>Arial"
    static let cssPayload = ".cover { padding-top: 2rem; }\n</style><script>window.__pwned = 1</script><style>\n"

    /// Names `Branding.load` accepts (BrandingReaderTests) reach every format escaped.
    func testAllowedFontNamesReachEveryFormatEscaped() throws {
        var branding = Fixtures.branding
        branding.fonts.body = "O'Reilly Sans"
        branding.fonts.headings = "Lúcida"
        branding.fonts.htmlBody = #""O'Reilly Sans", Source Sans 3, sans-serif"#
        branding.fonts.htmlHeadings = "'Lúcida', serif"
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
