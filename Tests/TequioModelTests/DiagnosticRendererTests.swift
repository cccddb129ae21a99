import TequioModel
import XCTest

/// The one rendering of diagnostics: what `tequio` prints, what `formatted` returns and what the golden
/// files hold.
final class DiagnosticRendererTests: XCTestCase {
    enum SampleID: String, DiagnosticIdentifier {
        static let area = "sample"
        case duplicate = "sample.duplicate"
    }

    let duplicate = Diagnostic(
        .error, SampleID.duplicate, "duplicate id 'a1'", at: SourceLocation(file: "m/module.xml", line: 36, column: 5),
        notes: [
            .init(location: SourceLocation(file: "m/module.xml", line: 26, column: 5), message: "'a1' first used here"),
            .init(location: nil, message: "ids are unique across all included files"),
        ])

    func testPlainIsTheLineThenOneLinePerNote() {
        XCTAssertEqual(DiagnosticRenderer.plain.render(duplicate), """
            m/module.xml:36:5: error: duplicate id 'a1' [sample.duplicate]
            m/module.xml:26:5: note: 'a1' first used here
            tequio: note: ids are unique across all included files
            """)
        XCTAssertEqual(duplicate.formatted, DiagnosticRenderer.plain.render(duplicate))
    }

    func testALocationLeavesOutWhatIsUnknown() {
        let lines = [
            Diagnostic.warning(SampleID.duplicate, "w", at: SourceLocation(file: "a.csv", line: 7)),
            Diagnostic.error(SampleID.duplicate, "e", at: SourceLocation(file: "a.xlsx")),
            Diagnostic.error(SampleID.duplicate, "n", at: nil),
        ]
        XCTAssertEqual(DiagnosticRenderer.plain.render(lines), """
            a.csv:7: warning: w [sample.duplicate]
            a.xlsx: error: e [sample.duplicate]
            tequio: error: n [sample.duplicate]

            """)
        XCTAssertEqual(DiagnosticRenderer.plain.render([]), "")
    }

    func testColourWrapsTheSameTextInEscapes() {
        let colour = DiagnosticRenderer.colour.lines(duplicate)
        XCTAssertEqual(colour[0], "\u{1B}[1mm/module.xml:36:5: \u{1B}[0m\u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mduplicate id 'a1'\u{1B}[0m [sample.duplicate]")
        XCTAssertEqual(colour[1], "\u{1B}[1mm/module.xml:26:5: \u{1B}[0m\u{1B}[1;36mnote:\u{1B}[0m \u{1B}[1m'a1' first used here\u{1B}[0m")
        let warning = DiagnosticRenderer.colour.render(.warning(SampleID.duplicate, "w", at: nil))
        XCTAssertTrue(warning.contains("\u{1B}[1;35mwarning:"), warning)
        let stripped = colour.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
        XCTAssertEqual(stripped, DiagnosticRenderer.plain.lines(duplicate))
    }
}
