import Foundation
import TequioModel
import XCTest

@testable import TequioWriters

/// The player's scripts as the writer joins them, and the interface words they use.
final class PlayerScriptTests: XCTestCase {
    static let templates = WebPlayerWriterTests.packageRoot.appendingPathComponent("templates")

    static func input() throws -> BuildInput { try WebPlayerWriterTests.exampleInput() }

    /// Every part, by file name, as text.
    static func parts() throws -> [String: String] {
        let folder = templates.appendingPathComponent(PlayerScript.folder)
        var parts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".js") {
            parts[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return parts
    }

    func testEveryPartIsJoinedOnceInTheOrderGivenAndNothingElseIs() throws {
        let input = try Self.input()
        let order = try PlayerScript.order(input.templates)
        XCTAssertEqual(order.first, "base.js", "the module data is checked before any part reads it")
        XCTAssertEqual(order.last, "start.js", "start-up runs once every part is declared")
        XCTAssertEqual(Set(order).count, order.count)
        XCTAssertEqual(Set(order), Set(try Self.parts().keys), "templates/player/scripts/order.txt lists every part")
        let joined = try PlayerScript.joined(input.templates)
        XCTAssertTrue(joined.hasPrefix("(() => {\n'use strict';\n") && joined.hasSuffix("})();\n"))
        let tree = try WebPlayerWriter().render(input)
        XCTAssertEqual(tree["player/player.js"], Data(try ScriptMinifier.minify(joined, shorteningNames: true).utf8), "minified, not compacted by lines")
        XCTAssertTrue(tree.sortedPaths.allSatisfy { $0.hasPrefix("player/") ? !$0.hasPrefix("player/scripts/") : true })
        XCTAssertEqual(tree.sortedPaths.filter { $0.hasPrefix("player/") }, ["player/module-data.js", "player/player.css", "player/player.js"])
    }

    func testAMissingPartIsNamed() throws {
        var templates = try Self.input().templates
        templates["\(PlayerScript.folder)/\(PlayerScript.orderFile)"] = Data("base.js\ngone.js\n".utf8)
        XCTAssertThrowsError(try PlayerScript.joined(templates)) { error in
            XCTAssertEqual(error as? WriterError, .missingTemplate("player/scripts/gone.js"))
        }
    }

    func testPartsKeepLinesAReviewerCanRead() throws {
        for (name, text) in try Self.parts() {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                XCTAssertLessThanOrEqual(line.count, 120, "\(name):\(number + 1) is longer than 120 characters")
            }
        }
    }

    /// The player's own JavaScript and CSS within the budget of `scripts/bench-player.py` (60 KB, decimal).
    func testPlayerScriptAndStyleStayWithinTheBudget() throws {
        let tree = try WebPlayerWriter().render(Self.input())
        let size = tree["player/player.js"]!.count + tree["player/player.css"]!.count
        XCTAssertLessThanOrEqual(size, 60_000)
    }

    // MARK: - Interface words

    /// Keys the player takes from its data rather than from its code: `t(kind)` and the like.
    static let keysFromData: Set<String> = {
        let activityKinds = ["working-table", "discussion", "plenary", "individual"]
        let findingKinds = ["survey", "focus-group", "study"]
        precondition(activityKinds.allSatisfy { Activity.Kind(rawValue: $0) != nil })
        precondition(findingKinds.allSatisfy { DiagnosticFinding.Kind(rawValue: $0) != nil })
        return Set(activityKinds + findingKinds + DeliveryMode.allCases.map(\.rawValue)
            + CompletedMatrix.Sector.allCases.map(\.rawValue))
    }()

    /// Functions whose first argument is a key: each quoted string in it (`t(done ? 'a' : 'b')`) is one.
    static let keyTakers = ["t", "showSaveStatus", "importFailed"]

    /// The keys the scripts pass to `keyTakers`, each with where it is.
    static func keysInCode() throws -> [String: String] {
        let call = try NSRegularExpression(pattern: #"(?<![\w$.])(?:\#(keyTakers.joined(separator: "|")))\(([^,()]*)[,)]"#)
        let quoted = try NSRegularExpression(pattern: #"'([^'\\]*)'"#)
        var keys: [String: String] = [:]
        for (name, text) in try parts() {
            let ns = text as NSString
            for match in call.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let argument = ns.substring(with: match.range(at: 1))
                for key in quoted.matches(in: argument, range: NSRange(location: 0, length: (argument as NSString).length)) {
                    keys[(argument as NSString).substring(with: key.range(at: 1))] = "\(name): \(ns.substring(with: match.range))"
                }
            }
        }
        return keys
    }

    func testEveryKeyThePlayerUsesIsInTheCatalogue() throws {
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        let keys = try Self.keysInCode()
        XCTAssertGreaterThan(keys.count, 100, "the scan finds the player's calls")
        for (key, place) in keys.sorted(by: { $0.key < $1.key }) {
            XCTAssertNotNil(catalogue.entries["en"]?["player.\(key)"], "player.\(key), used in \(place), is missing")
        }
        for key in Self.keysFromData.sorted() {
            XCTAssertNotNil(catalogue.entries["en"]?["player.\(key)"], "player.\(key) (a kind in module data) is missing")
        }
    }

    func testEveryPlayerKeyInTheCatalogueIsUsed() throws {
        let code = try Self.parts().values.joined()
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        for key in catalogue.texts(under: PlayerStrings.area, "en").keys.sorted() {
            let name = String(key.dropFirst(PlayerStrings.area.count + 1))
            XCTAssertTrue(code.contains("'\(name)'") || Self.keysFromData.contains(name), "\(key) is used nowhere in the player")
        }
    }

    /// The words of the review notes, conflicts and "import another member's file" (review.js, member-merge.js),
    /// Spanish first; `import` and `merge` are looked up as `t(x)`, which the scan of calls cannot see.
    func testTheReviewAndMergeWordsAreInBothLanguages() throws {
        let catalogue = try StringCatalogueTests.shippedCatalogue()
        let expected: [String: (es: String, en: String)] = [
            "comment": ("Comentario del comité", "Committee comment"),
            "suggestion": ("Sugerencia del comité", "Committee suggestion"),
            "useText": ("Usar este texto", "Use this text"),
            "addressed": ("Atendido", "Addressed"),
            "merge": ("Importar el archivo de otra persona de la mesa", "Import another table member's file"),
            "import": ("Cargar un archivo de matriz (como mesa nueva)", "Load a matrix file (as a new table)"),
            "addedMany": ("{0} filas agregadas", "{0} rows added"),
            "conflictOne": ("1 conflicto por resolver", "1 conflict to resolve"),
        ]
        for (key, words) in expected {
            XCTAssertEqual(catalogue.entries["es"]?["player.\(key)"], words.es, key)
            XCTAssertEqual(catalogue.entries["en"]?["player.\(key)"], words.en, key)
        }
        let code = try Self.parts()
        XCTAssertTrue(code["matrix-editor.js"]!.contains("['import', 'merge'].map(x =>"), "the two file fields")
    }

    func testTheBundleCarriesTheWordsOfTheModuleLanguagesOnly() throws {
        var input = try Self.input()
        let catalogue = try StringCatalogue(templates: input.templates)
        let table = PlayerStrings.table(catalogue, languages: ["es-MX", "fr", "en"])
        XCTAssertEqual(Set(table.keys), ["es-MX", "fr", "en"])
        XCTAssertEqual(table["es-MX"]?["next"], "Siguiente", "a regional tag gets its language's words")
        XCTAssertEqual(table["fr"]?["next"], "Next", "a language Tequio lacks gets the fallback language's words")
        XCTAssertEqual(table["en"]?.count, catalogue.texts(under: "player", "en").count)

        input.module.languages = ["es"]
        let script = String(decoding: try WebPlayerWriter().render(input)["player/module-data.js"]!, as: UTF8.self)
        let json = script.dropFirst("window.TEQUIO_DATA = ".count).dropLast(2)
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let strings = try XCTUnwrap(data["strings"] as? [String: [String: String]])
        XCTAssertEqual(Array(strings.keys), ["es"])
        XCTAssertEqual(strings["es"]?["unitOf"], "Unidad {0} de {1}")
        XCTAssertNil(strings["es"]?["player.unitOf"], "keys go without the prefix")
    }
}
