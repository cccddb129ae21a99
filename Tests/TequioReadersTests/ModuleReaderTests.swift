import Foundation
import TequioModel
import XCTest

@testable import TequioReaders

/// Golden tests of the module reader: a model dump (with positions) for valid modules, the printed
/// diagnostics for invalid ones, exactly as `tequio check` prints them (`DiagnosticRenderer.plain`). Re-record with `TEQUIO_RECORD_GOLDEN=1 swift test`.
final class ModuleReaderTests: XCTestCase {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")
    static let schemas = SchemaSet(directory: packageRoot.appendingPathComponent("schemas"))

    private func read(_ url: URL) -> ModuleReadResult {
        ModuleReader(schemas: Self.schemas).read(url)
    }

    private func relative(_ text: String) -> String {
        text.replacingOccurrences(of: Self.fixtures.path + "/", with: "")
            .replacingOccurrences(of: Self.packageRoot.path + "/", with: "")
            .replacingOccurrences(of: "Tests/TequioReadersTests/Fixtures/", with: "")
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TEQUIO_RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "golden \(name) differs; re-record with TEQUIO_RECORD_GOLDEN=1", file: file, line: line)
    }

    private func diagnosticsText(_ result: ModuleReadResult) -> String {
        relative(DiagnosticRenderer.plain.render(result.diagnostics))
    }

    // MARK: Valid modules: golden dumps

    func testValidFixtureDump() throws {
        let result = read(Self.fixtures.appendingPathComponent("valid"))
        XCTAssertEqual(result.diagnostics, [])
        let module = try XCTUnwrap(result.module)
        XCTAssertEqual(result.files.map { relative($0) }, ["valid/module.xml", "valid/units/u2.xml"])
        XCTAssertEqual(result.mediaFiles, ["data/d.csv", "media/a.png"])
        XCTAssertEqual(module.units.map(\.id), ["u1", "u2"])
        XCTAssertEqual(relative(result.locations["u2"]!.description), "valid/units/u2.xml:2:1")
        try assertGolden(relative(ModuleDump.render(module, locations: result.locations)), "valid.dump.txt")
    }

    func testExampleModuleReadsCleanAndMatchesItsDump() throws {
        let result = read(Self.packageRoot.appendingPathComponent("modules/oaxaca-agua"))
        XCTAssertEqual(result.diagnostics.map(\.formatted), [])
        let module = try XCTUnwrap(result.module)
        XCTAssertEqual(module.languages, ["es", "en"])
        XCTAssertEqual(module.primaryMatrix?.columns.map(\.id), [
            "problem", "beneficiaries", "affected", "government-actions", "civil-society-actions", "expected-results",
        ])
        let presentations = module.units.flatMap(\.blocks).filter { if case .presentation = $0 { true } else { false } }
        let cases = module.units.flatMap(\.blocks).filter { if case .caseStudy = $0 { true } else { false } }
        XCTAssertGreaterThanOrEqual(presentations.count, 2)
        XCTAssertGreaterThanOrEqual(cases.count, 2)
        try assertGolden(relative(ModuleDump.render(module, locations: result.locations)), "oaxaca-agua.dump.txt")
    }

    func testNewModuleTemplateIsValidOnceFilledIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-new-\(UUID().uuidString)/demo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var text = try String(contentsOf: Self.packageRoot.appendingPathComponent("templates/new-module/module.xml"), encoding: .utf8)
        for (k, v) in ["id": "demo", "title": "Demo", "author": "Ana", "path": "demo"] { text = text.replacingOccurrences(of: "{{\(k)}}", with: v) }
        try text.write(to: folder.appendingPathComponent("module.xml"), atomically: true, encoding: .utf8)
        let result = read(folder)
        XCTAssertEqual(result.diagnostics.map(\.formatted), [])
        XCTAssertNotNil(result.module)
    }

    // MARK: Invalid modules: golden diagnostics

    func testInvalidFixturesGiveTheirGoldenDiagnostics() throws {
        let names = [
            "malformed", "not-utf8", "doctype-passwd", "billion-laughs", "unknown-element", "duplicate-ids", "missing-media",
            "dangling-references", "csv-mismatch", "missing-translation", "empty-text", "include-outside", "include-cycle", "bad-rubric", "bad-event",
        ]
        for name in names {
            let result = read(Self.fixtures.appendingPathComponent(name))
            XCTAssertFalse(result.diagnostics.isEmpty, name)
            if name != "missing-translation" {
                XCTAssertTrue(result.module == nil, "\(name) should not produce a module")
                XCTAssertTrue(result.diagnostics.hasErrors, name)
            }
            try assertGolden(diagnosticsText(result), "\(name).diagnostics.txt")
        }
    }

    func testADataColumnsValuesAreReadAndOneThatMatchesNoCellIsAWarning() throws {
        let example = Self.packageRoot.appendingPathComponent("modules/oaxaca-agua")
        let finding = try XCTUnwrap(read(example).module?.units.flatMap(\.blocks).compactMap { if case .finding(let f) = $0 { f.dataset } else { nil } }.first)
        let region = try XCTUnwrap(finding.columns.first { $0.id == "region" })
        XCTAssertEqual(region.values.map(\.text), ["Valles Centrales", "Istmo"])
        XCTAssertEqual(region.shown("Istmo", language: "en", fallbacks: ["es"]), "Isthmus")
        XCTAssertEqual(region.shown("Istmo", language: "es", fallbacks: ["es"]), "Istmo")
        XCTAssertEqual(region.shown("Sierra Norte", language: "en", fallbacks: ["es"]), "Sierra Norte", "a cell without a value as written")
        XCTAssertEqual(finding.rows(in: "en", fallbacks: ["es"]).map { $0[1] }.filter { $0 == "Central Valleys" }.count, 5)

        // A typo in a value's text, and a value on a number column: warnings at the <value>, the module still read.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-values-\(UUID().uuidString)/oaxaca-agua")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: example, to: copy)
        let unit = copy.appendingPathComponent("units/02-diagnostico.xml")
        var xml = try String(contentsOf: unit, encoding: .utf8)
        xml = xml.replacingOccurrences(of: "<value text=\"Istmo\">", with: "<value text=\"Itsmo\">")
        xml = xml.replacingOccurrences(
            of: "<label xml:lang=\"en\">People interviewed</label>",
            with: "<label xml:lang=\"en\">People interviewed</label><value text=\"180\"><label xml:lang=\"es\">ciento ochenta</label><label xml:lang=\"en\">a hundred and eighty</label></value>")
        try xml.write(to: unit, atomically: true, encoding: .utf8)
        let result = read(copy)
        XCTAssertNotNil(result.module)
        let warnings = result.diagnostics.filter { $0.identifier == ModuleDiagnosticID.csvValueUnused.rawValue }.map(\.formatted)
        XCTAssertEqual(warnings.count, 2, "\(result.diagnostics.map(\.formatted))")
        XCTAssertTrue(warnings.contains { $0.contains("02-diagnostico.xml:") && $0.contains("no cell of column 'region' in data/encuesta-usuarios.csv is 'Itsmo'") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("the value '180' is given labels, but column 'entrevistas' holds numbers") }, "\(warnings)")
    }

    func testExternalEntityContentNeverAppears() throws {
        let result = read(Self.fixtures.appendingPathComponent("doctype-passwd"))
        let everything = diagnosticsText(result) + DiagnosticJSON.render(result.diagnostics)
        XCTAssertFalse(everything.contains("root:x:0:0"))
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.doctype-forbidden"])
    }

    func testMissingTranslationIsOneWarningListingEverything() throws {
        let result = read(Self.fixtures.appendingPathComponent("missing-translation"))
        let warnings = result.diagnostics.filter { $0.identifier == ModuleDiagnosticID.missingTranslation.rawValue }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.notes.count, 2)
        XCTAssertNotNil(result.module)
    }

    func testGeneratedHugeAndDeepModulesAreRejected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("module.xml")

        var big = Data("<module xmlns=\"urn:tequio:module:1\"><metadata><title xml:lang=\"es\">".utf8)
        big.append(Data(repeating: UInt8(ascii: "a"), count: 50 << 20))
        big.append(Data("</title></metadata></module>".utf8))
        try big.write(to: file)
        XCTAssertEqual(read(folder).diagnostics.map(\.identifier), ["xml.too-large"])

        let deep = String(repeating: "<unit>", count: 10_000) + String(repeating: "</unit>", count: 10_000)
        try ("<module xmlns=\"urn:tequio:module:1\">" + deep + "</module>").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(read(folder).diagnostics.first?.identifier, "xml.too-deep")
    }
}

enum DiagnosticJSON {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        let data = (try? JSONEncoder().encode(diagnostics)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
