import Foundation
import TequioModel
import TequioReaders
import XCTest

/// The catalogue as the writers see it, and the files in `templates/strings/` as shipped.
final class StringCatalogueTests: XCTestCase {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    static func shippedCatalogue() throws -> StringCatalogue {
        try StringCatalogue(templatesFolder: templates)
    }

    func testEveryLanguageFileHasExactlyTheFallbackLanguagesKeys() throws {
        let catalogue = try Self.shippedCatalogue()
        XCTAssertTrue(catalogue.languages.contains("es"))
        for language in catalogue.languages {
            let (missing, extra) = catalogue.mismatchedKeys(language)
            XCTAssertEqual(missing, [], "\(language).json lacks these keys")
            XCTAssertEqual(extra, [], "\(language).json has keys en.json lacks")
        }
    }

    func testEveryTextUsesOnlyThePlaceholdersItsEnglishTextUses() throws {
        let catalogue = try Self.shippedCatalogue()
        let placeholder = try NSRegularExpression(pattern: #"\{[0-9]+\}"#)
        func placeholders(_ s: String) -> Set<String> {
            Set(placeholder.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { (s as NSString).substring(with: $0.range) })
        }
        for language in catalogue.languages {
            for (key, text) in catalogue.entries[language]! {
                let english = catalogue.entries[StringCatalogue.fallbackLanguage]![key] ?? ""
                XCTAssertEqual(placeholders(text), placeholders(english), "\(language): \(key)")
            }
        }
    }

    func testLookupFallsBackToEnglishAndFillsPlaceholdersInOnePass() {
        let catalogue = StringCatalogue(entries: [
            "en": ["a.unit": "Unit {0} of {1}", "a.only": "English"],
            "es": ["a.unit": "Unidad {0} de {1}"],
        ])
        XCTAssertEqual(catalogue.text("a.unit", "es", "2", "{1}"), "Unidad 2 de {1}")
        XCTAssertEqual(catalogue.text("a.only", "es"), "English")
        XCTAssertEqual(catalogue.text("a.unit", "fr", "1", "3"), "Unit 1 of 3")
        XCTAssertEqual(catalogue.text("a.none", "es"), "a.none")
        XCTAssertEqual(catalogue.resolvedLanguage("fr"), "en")
        XCTAssertEqual(catalogue.texts(under: "a", "es"), ["a.unit": "Unidad {0} de {1}", "a.only": "English"])
        XCTAssertEqual(catalogue.mismatchedKeys("es").missing, ["a.only"])
    }

    func testARegionalTagGetsItsLanguagesWords() {
        let catalogue = StringCatalogue(entries: ["en": ["a.day": "Day"], "es": ["a.day": "Día"]])
        XCTAssertEqual(catalogue.resolvedLanguage("es-MX"), "es")
        XCTAssertEqual(catalogue.text("a.day", "ES-mx"), "Día")
        XCTAssertEqual(catalogue.text("a.day", "pt-BR"), "Day")
        XCTAssertEqual(LocalizedStrings(catalogue, language: "es-419")("a.day"), "Día")
    }

    func testAFileThatIsNotAFlatObjectOfStringsIsNamed() {
        let tree = FileTree(["strings/en.json": Data(#"{"a": 1}"#.utf8)])
        XCTAssertThrowsError(try StringCatalogue(templates: tree)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot read the string catalogue strings/en.json"), "\(error)")
        }
        XCTAssertThrowsError(try StringCatalogue(templates: FileTree())) { error in
            XCTAssertEqual("\(error)", "cannot read the string catalogue strings/en.json: the file is missing")
        }
    }

    func testACountOfOneHasTheSingularInEveryLanguage() throws {
        let catalogue = try Self.shippedCatalogue()
        let es = DocumentStrings(catalogue, language: "es"), en = DocumentStrings(catalogue, language: "en")
        XCTAssertEqual([es.plansN(1), es.plansN(3), en.plansN(1), en.plansN(3)], ["1 plan de acción", "3 planes de acción", "1 action plan", "3 action plans"])
        XCTAssertTrue(es.approvalCommitteeText(1, place: "Oaxaca", date: "…").contains("de 1 plan de acción para su revisión"))
        let strings = LocalizedStrings(catalogue, language: "es")
        XCTAssertEqual(strings.plural(1, one: "common.daysOne", other: "common.daysN", "1"), "1 día")
        XCTAssertEqual(strings.plural(2, one: "common.daysOne", other: "common.daysN", "2"), "2 días")
    }
}
