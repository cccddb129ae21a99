import Foundation
import TequioModel
import TequioWriters
import XCTest

@testable import TequioFaceToFace

final class PrintKitTests: XCTestCase {
    func input(_ module: Module) throws -> BuildInput {
        let css = try Data(contentsOf: Fixture.packageRoot.appendingPathComponent("templates/print/print.css"))
        var assets = FileTree()
        for name in ["media/fases-es.png", "media/fases-en.png"] {
            assets[name] = try Data(contentsOf: Fixture.packageRoot.appendingPathComponent("modules/oaxaca-agua/\(name)"))
        }
        var templates = FileTree(["print/print.css": css])
        let strings = Fixture.packageRoot.appendingPathComponent("templates/strings")
        for name in try FileManager.default.contentsOfDirectory(atPath: strings.path) {
            templates["strings/\(name)"] = try Data(contentsOf: strings.appendingPathComponent(name))
        }
        return try BuildInput(
            module: module, assets: assets, templates: templates, generator: "tequio test",
            date: Date(timeIntervalSince1970: 1_764_374_400))
    }

    func testTheKitHasEveryDocumentPerLanguageAndThePaperSize() throws {
        let module = try Fixture.module()
        let a4 = try PrintKitWriter(options: .init(paper: .a4, tables: 2)).render(input(module))
        for language in ["es", "en"] {
            for name in ["handbook", "facilitator-guide", "matrix-plan", "sign-up"] {
                XCTAssertNotNil(a4["\(name)-\(language).html"], "\(name)-\(language).html")
            }
        }
        XCTAssertNotNil(a4["media/fases-es.png"])
        XCTAssertNotNil(a4["spreadsheets/oaxaca-agua-1.0.0-plan-es.xlsx"])
        XCTAssertNotNil(a4["index.html"])
        let handbook = String(decoding: a4["handbook-es.html"]!, as: UTF8.self)
        XCTAssertTrue(handbook.contains("@page { size: A4;"))
        XCTAssertTrue(String(decoding: a4["matrix-plan-es.html"]!, as: UTF8.self).contains("size: A3 landscape"))
        XCTAssertEqual(String(decoding: a4["sign-up-es.html"]!, as: UTF8.self).components(separatedBy: "class=\"signup-page\"").count, 3)

        let letter = try PrintKitWriter(options: .init(paper: .letter)).render(input(module))
        XCTAssertTrue(String(decoding: letter["handbook-en.html"]!, as: UTF8.self).contains("@page { size: letter;"))
        XCTAssertTrue(String(decoding: letter["matrix-plan-en.html"]!, as: UTF8.self).contains("size: 17in 11in"))
        XCTAssertEqual(try PrintKitWriter(options: .init()).render(input(module)), try PrintKitWriter(options: .init()).render(input(module)))
    }

    func testModuleTextIsEscapedEverywhere() throws {
        var module = try Fixture.module()
        module.metadata.title = ["es": "Agua </style><script>alert(1)</script> & \"más\"", "en": "x"]
        module.units[0].title = ["es": "<img src=x onerror=alert(1)>", "en": "y"]
        let kit = try PrintKitWriter(options: .init()).render(input(module))
        for path in kit.sortedPaths where path.hasSuffix(".html") {
            let html = String(decoding: kit[path]!, as: UTF8.self)
            XCTAssertFalse(html.contains("<script>"), path)
            XCTAssertFalse(html.contains("<img src=x"), path)
            XCTAssertFalse(html.contains("</style><script"), path)
        }
        let handbook = String(decoding: kit["handbook-es.html"]!, as: UTF8.self)
        XCTAssertTrue(handbook.contains("Agua &lt;/style&gt;&lt;script&gt;"))
        XCTAssertTrue(handbook.contains(#"content: "Agua \3C /style>\3C script>alert(1)\3C /script> & \"más\" · Manual para participantes""#))
    }

    func testTheAgendaRunsFromNineWithEachUnitsMinutes() throws {
        let agenda = Agenda(try Fixture.module())
        XCTAssertEqual(agenda.days, [1, 2])
        XCTAssertEqual(agenda.entries.map { Agenda.clock($0.start) }.prefix(2), ["9:00", "10:30"])
        XCTAssertEqual(agenda.entries.first { $0.day == 2 }.map { Agenda.clock($0.start) }, "9:00")
    }

    func testTableCountIsClampedToWhatAWorkshopCanUse() {
        XCTAssertEqual(FaceToFaceOptions(paper: .letter, tables: 0).tables, 1)
        XCTAssertEqual(FaceToFaceOptions(tables: 500).tables, 50)
        XCTAssertEqual(FaceToFaceOptions().paper, .a4)
    }
}
