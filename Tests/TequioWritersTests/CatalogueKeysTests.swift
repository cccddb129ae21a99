import Foundation
import TequioModel
import XCTest

/// The keys the code uses against the files in `templates/strings/`.
///
/// Every key is written out whole as the first argument of a lookup (`strings("print.handbook")`,
/// `self("common.sector.other")`, `catalogue.text("common.rowN", …)`), so scanning the sources finds
/// every key the outputs can ask for.
final class CatalogueKeysTests: XCTestCase {
    static let sources = StringCatalogueTests.templates.deletingLastPathComponent().appendingPathComponent("Sources")
    /// Areas whose keys only Swift code reads: each of their keys must be used somewhere. (`common.`
    /// words may also be read by the player's script.)
    static let swiftOnlyAreas = ["document", "epub", "print", "score", "sheet", "track"]

    static let lookup = try! NSRegularExpression(pattern: #"(?:(?:\bstrings|\bself|\.text)\(\s*|\b(?:one|other):\s*)"([A-Za-z]+\.[^"]*)""#)

    /// Key → the source files that look it up.
    static func keysInSources() throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in lookup.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = (text as NSString).substring(with: match.range(at: 1))
                result[key, default: []].insert(url.lastPathComponent)
            }
        }
        return result
    }

    func testEveryKeyTheCodeLooksUpIsInEveryLanguageFile() throws {
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        let used = try Self.keysInSources()
        XCTAssertGreaterThan(used.count, 100, "the scan finds the lookups")
        for language in catalogue.languages {
            for (key, files) in used.sorted(by: { $0.key < $1.key }) where catalogue.entries[language]?[key] == nil {
                XCTFail("\(language).json has no '\(key)' (looked up in \(files.sorted().joined(separator: ", ")))")
            }
        }
    }

    func testKeysAreWrittenOutWholeSoTheScanSeesThem() throws {
        for (key, files) in try Self.keysInSources() where key.contains("\\(") {
            XCTFail("'\(key)' in \(files.sorted().joined(separator: ", ")): write each key whole, not built from pieces")
        }
    }

    func testEveryKeyOfTheSwiftOnlyAreasIsLookedUp() throws {
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        let used = try Self.keysInSources()
        let english = catalogue.entries[StringCatalogue.fallbackLanguage] ?? [:]
        for key in english.keys.sorted() where Self.swiftOnlyAreas.contains(String(key.prefix { $0 != "." })) {
            XCTAssertNotNil(used[key], "'\(key)' is in the catalogue but no code looks it up")
        }
    }

    /// One key a line, sorted, UTF-8 as is: files that merge cleanly and read in review.
    func testTheFilesAreSortedWithOneKeyALine() throws {
        let folder = StringCatalogueTests.templates.appendingPathComponent(StringCatalogue.folder)
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        for language in catalogue.languages {
            let text = try String(contentsOf: folder.appendingPathComponent("\(language).json"), encoding: .utf8)
            var lines = text.components(separatedBy: "\n")
            XCTAssertEqual(lines.removeLast(), "", "\(language).json ends with a newline")
            XCTAssertEqual(lines.first, "{")
            XCTAssertEqual(lines.last, "}")
            let body = lines.dropFirst().dropLast()
            let keys = body.map { line in line.hasPrefix("  \"") ? String(line.dropFirst(3).prefix { $0 != "\"" }) : "" }
            XCTAssertEqual(keys.count, catalogue.entries[language]?.count, "\(language).json: one key a line")
            if let i = keys.indices.dropLast().first(where: { keys[$0] >= keys[$0 + 1] }) {
                XCTFail("\(language).json: '\(keys[i + 1])' comes after '\(keys[i])'; keep the keys sorted")
            }
            XCTAssertFalse(text.contains("\\u"), "\(language).json: characters as they are, not escaped")
            XCTAssertEqual(body.last?.hasSuffix(","), false, "\(language).json: no comma after the last key")
        }
    }
}
