import Foundation
import TequioFaceToFace
import TequioFuzzTargets
import TequioModel
import TequioPackageCheck
import TequioReaders
import XCTest
import XMLSupport
import ZipSupport

/// Every diagnostic identifier is a case of one table per area, listed in `docs/diagnostics.md`, and
/// spelled nowhere else in the sources; every identifier the page lists exists.
final class DiagnosticCatalogueTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every table of identifiers (`testEveryTableIsListed` finds the ones missing here).
    static let tables: [any DiagnosticIdentifier.Type] = [
        XMLDiagnosticID.self, ZipDiagnosticID.self, ModuleDiagnosticID.self, MatrixDiagnosticID.self,
        ImportDiagnosticID.self, PackageDiagnosticID.self, TequioDiagnosticID.self, CompareDiagnosticID.self,
        MergeDiagnosticID.self, ReviewedPlanDiagnosticID.self, FuzzDiagnosticID.self, ReviewDiagnosticID.self,
        TrackDiagnosticID.self,
    ]

    static var identifiers: [String] { tables.flatMap { $0.identifiers } }

    /// `identifier` in the first cell of a table row of docs/diagnostics.md.
    static func documented() throws -> [String] {
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let row = try NSRegularExpression(pattern: #"^\| `([a-z0-9.-]+)` \|"#, options: .anchorsMatchLines)
        return row.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
            String(page[Range($0.range(at: 1), in: page)!])
        }
    }

    static func sources() throws -> [(path: String, text: String)] {
        let root = packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        return try files.filter { $0.pathExtension == "swift" }.map {
            (String($0.path.dropFirst(root.path.count + 1)), try String(contentsOf: $0, encoding: .utf8))
        }
    }

    func testEveryIdentifierIsDocumentedAndEveryDocumentedOneExists() throws {
        let documented = try Self.documented()
        XCTAssertEqual(documented.count, Set(documented).count, "an identifier is listed twice in docs/diagnostics.md")
        XCTAssertEqual(Set(Self.identifiers).subtracting(documented).sorted(), [], "in the code, not in docs/diagnostics.md")
        XCTAssertEqual(Set(documented).subtracting(Self.identifiers).sorted(), [], "in docs/diagnostics.md, not in the code")
    }

    func testEachIdentifierIsSpelledOnceAndStartsWithItsArea() {
        XCTAssertEqual(Self.identifiers.count, Set(Self.identifiers).count, "an identifier is in two tables")
        XCTAssertEqual(Self.tables.map { $0.area }.count, Set(Self.tables.map { $0.area }).count, "two tables for one area")
        for table in Self.tables {
            for id in table.identifiers {
                XCTAssertTrue(id.hasPrefix(table.area + "."), "\(id) is in the table of '\(table.area)'")
                XCTAssertNotNil(id.range(of: #"^[a-z0-9]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$"#, options: .regularExpression), id)
            }
        }
    }

    func testEveryTableIsListed() throws {
        let declaration = try NSRegularExpression(pattern: #"enum (\w+): String, DiagnosticIdentifier"#)
        let declared = try Self.sources().flatMap { file in
            declaration.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)).map {
                String(file.text[Range($0.range(at: 1), in: file.text)!])
            }
        }
        XCTAssertEqual(Set(declared), Set(Self.tables.map { "\($0)" }))
    }

    /// Call sites name a case of a table; an identifier (or the start of one, `"module.include"`) in a
    /// string literal anywhere else is a second spelling. File names such as `"module.xml"` are fine, and
    /// so are the keys of the string catalogue (`"track.status"`, a word of the `track.` area).
    func testNoIdentifierIsSpelledOutsideItsTable() throws {
        let areas = Self.tables.map { $0.area }.joined(separator: "|")
        let literal = try NSRegularExpression(pattern: #""((?:"# + areas + #")\.[a-z0-9.-]*)""#)
        let catalogue = Self.packageRoot.appendingPathComponent("templates/strings/en.json")
        let words = Set((try JSONSerialization.jsonObject(with: Data(contentsOf: catalogue)) as? [String: String] ?? [:]).keys)
        for file in try Self.sources() where !file.text.contains(": String, DiagnosticIdentifier {") {
            for match in literal.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) {
                let text = String(file.text[Range(match.range(at: 1), in: file.text)!])
                if text.hasSuffix(".xml") || words.contains(text) { continue }
                XCTFail("\(file.path): \"\(text)\" spells a diagnostic identifier: name the case of its table instead")
            }
        }
    }
}
