import Foundation
import TequioModel
import TequioWriters
import XCTest
import XMLSupport

@testable import TequioDocuments

/// Participant text that breaks naive writers: markup characters, control characters, emoji,
/// right-to-left scripts, very long cells. Every format must stay valid and keep the text.
enum HostileText {
    static let markup = #"Agua & <transparencia> "ya" 'hoy' </w:t> ]]> <script>alert(1)</script> &amp;"#
    static let control = "control\u{1}char\u{7}s y \u{FFFE}fin"
    static let emoji = "💧🚰 agua para 👩🏽‍🌾 todas"
    static let arabic = "الشفافية في قطاع المياه ١٢٣"
    static let hebrew = "שקיפות במים, 2012"
    static let markdown = ##"| pipa | *negritas* _x_ # [enlace](http://x) `code` \ 1. no lista"##
    static let spaces = "  dos  espacios\tcon tabulador  "
    static let long = String(repeating: "Obra pública sin licitación, ", count: 172) + "FIN-DE-CELDA"

    /// `text` as every format must give it back: without the characters XML 1.0 forbids.
    static func expected(_ text: String) -> String { XMLText.sanitized(text) }

    static var lines: [String] { [markup, control, emoji, arabic, hebrew, markdown, spaces, long] }

    static func matrix() -> CompletedMatrix {
        CompletedMatrix(
            moduleID: "oaxaca-agua", moduleVersion: "1.0.0", matrixID: "plan", language: "es", draft: 7,
            created: "2012-01-01T00:00:00Z", modified: "2012-02-02T02:02:02Z", tableName: "Mesa <7> & \"Ñ\" 💧",
            municipality: "San Juan | Bautista",
            members: [
                .init(name: "Ana & <Luis>", sector: .government, role: arabic),
                .init(name: hebrew, sector: .civilSociety),
            ],
            rows: [
                .init(cells: [
                    "problem": [markup, control, emoji].joined(separator: "\n"),
                    "beneficiaries": arabic, "affected": hebrew,
                    "government-actions": "1. \(markdown)\n2. \(spaces)",
                    "civil-society-actions": "- \(emoji)\n- \(markup)",
                    "expected-results": long,
                ]),
                .init(cells: ["problem": long, "government-actions": arabic, "civil-society-actions": hebrew, "expected-results": control]),
            ])
    }

    static func plan() -> ActionPlan { ActionPlan(matrix: matrix(), module: Fixtures.module, catalogue: Fixtures.catalogue, source: "hostile.xml") }
}

final class HostileTextTests: XCTestCase {
    /// Trimmed texts every document must contain as whole paragraphs (cells are split into lines and
    /// trimmed; actions lose the participant's markers).
    var expectedParagraphs: [String] {
        HostileText.lines.map { HostileText.expected($0).trimmingCharacters(in: .whitespaces) }
    }

    func testDocxKeepsEveryHostileText() throws {
        let tree = try DocumentRenderer.render(PlanLayout.layout(HostileText.plan()), as: .docx, options: Fixtures.options).tree
        let document = try parsePart(tree, "word/document.xml").root!
        let paragraphs = Set(document.descendants("p", DocumentText.w).map(DocumentText.wordText))
        for text in expectedParagraphs {
            XCTAssertTrue(paragraphs.contains(text) || paragraphs.contains { $0.hasSuffix(". \(text)") }, "missing: \(text.prefix(60))")
        }
        XCTAssertTrue(paragraphs.contains("Mesa <7> & \"Ñ\" 💧"))
        let core = try parsePart(tree, "docProps/core.xml").root!
        XCTAssertEqual(core.elements.first { $0.name == "title" }?.text, "Plan de acción: Mesa <7> & \"Ñ\" 💧")
        // Right-to-left paragraphs are marked as such.
        XCTAssertTrue(String(decoding: tree["word/document.xml"]!, as: UTF8.self).contains("<w:bidi/>"))
    }

    func testOdtKeepsEveryHostileTextIncludingRepeatedSpaces() throws {
        let tree = try DocumentRenderer.render(PlanLayout.layout(HostileText.plan()), as: .odt, options: Fixtures.options).tree
        let content = try parsePart(tree, "content.xml").root!
        let paragraphs = Set((content.descendants("p", DocumentText.text) + content.descendants("h", DocumentText.text)).map(DocumentText.odfText))
        for text in expectedParagraphs {
            XCTAssertTrue(paragraphs.contains(text) || paragraphs.contains { $0.hasSuffix(". \(text)") }, "missing: \(text.prefix(60))")
        }
    }

    func testHTMLEscapesEverythingAndKeepsTheText() throws {
        let html = String(decoding: try DocumentRenderer.render(PlanLayout.layout(HostileText.plan()), as: .html, options: Fixtures.options).fileData, as: UTF8.self)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("\u{1}"))
        for text in expectedParagraphs { XCTAssertTrue(html.contains(HTMLText.escape(text)), "missing: \(text.prefix(60))") }
        // The running header is a CSS string: nothing in it may close the string or the style element.
        let style = html[html.range(of: "<style>")!.upperBound..<html.range(of: "</style>")!.lowerBound]
        XCTAssertFalse(style.contains("<7>"))
        XCTAssertTrue(style.contains(#"Mesa \3c 7\3e  \26  \22 Ñ\22  💧"#), String(style.prefix(2000)))
    }

    func testMarkdownEscapesMarkupAndKeepsTableRowsWhole() throws {
        let md = String(decoding: try DocumentRenderer.render(PlanLayout.layout(HostileText.plan()), as: .md, options: Fixtures.options).fileData, as: UTF8.self)
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains(##"\| pipa \| \*negritas\* \_x\_ \# \[enlace\](http://x) \`code\` \\ 1. no lista"##), md)
        // Every line of the matrix table has exactly seven unescaped pipes (six columns).
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| ") })
        let tableLines = lines[start...].prefix { $0.hasPrefix("|") }
        XCTAssertEqual(tableLines.count, 4)  // header, delimiter, two rows (the signature table comes later)
        for line in tableLines {
            var pipes = 0
            var escaped = false
            for ch in line {
                if ch == "|" && !escaped { pipes += 1 }
                escaped = ch == "\\" && !escaped
            }
            XCTAssertEqual(pipes, 7, String(line.prefix(80)))
        }
        XCTAssertTrue(md.contains("FIN-DE-CELDA"))
    }

    func testAFiveThousandCharacterCellIsKeptWhole() throws {
        XCTAssertGreaterThanOrEqual(HostileText.long.count, 5000)
        for format in [DocumentFormat.docx, .odt] {
            let tree = try DocumentRenderer.render(PlanLayout.layout(HostileText.plan()), as: format, options: Fixtures.options).tree
            let part = format == .docx ? "word/document.xml" : "content.xml"
            let text = String(decoding: tree[part]!, as: UTF8.self)
            XCTAssertTrue(text.contains(HostileText.long.trimmingCharacters(in: .whitespaces)), "\(format)")
        }
    }
}
