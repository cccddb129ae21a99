import Foundation
import PDFSupport
import TequioDocuments
import TequioModel
import TequioWriters
import XCTest

@testable import TequioFaceToFace

final class PrintKitTests: XCTestCase {
    /// The example module's build input: its pictures, the string catalogue and the documents' branding.
    func input(_ module: Module) throws -> BuildInput {
        var assets = FileTree()
        let media = Fixture.packageRoot.appendingPathComponent("modules/oaxaca-agua/media")
        for name in try FileManager.default.contentsOfDirectory(atPath: media.path) where name.hasSuffix(".png") {
            assets["media/\(name)"] = try Data(contentsOf: media.appendingPathComponent(name))
        }
        var templates = FileTree()
        for folder in ["strings", "documents"] {
            let url = Fixture.packageRoot.appendingPathComponent("templates/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                templates["\(folder)/\(name)"] = try Data(contentsOf: url.appendingPathComponent(name))
            }
        }
        return try BuildInput(
            module: module, assets: assets, templates: templates, generator: "tequio test", date: Date(timeIntervalSince1970: 1_764_374_400))
    }

    func context(_ module: Module, language: String = "es") throws -> PrintContext {
        let input = try input(module)
        return PrintContext(module: module, language: language, options: .init(), catalogue: input.catalogue, assets: input.assets, date: input.date)
    }

    func testEachPieceIsAPDFPerLanguageOnItsPaper() throws {
        let module = try Fixture.module()
        let a4 = try PrintKitWriter(options: .init(paper: .a4, tables: 2)).render(input(module))
        for language in ["es", "en"] {
            let pages: [(String, (Double, Double))] = [
                ("handbook", (595.3, 841.9)), ("facilitator-guide", (595.3, 841.9)), ("matrix-plan", (1190.6, 841.9)), ("sign-up", (595.3, 841.9)),
            ]
            for (name, size) in pages {
                let pdf = try XCTUnwrap(a4["\(name)-\(language).pdf"], "\(name)-\(language).pdf")
                let check = PDFCheck(pdf)
                XCTAssertEqual(check.problems, [], name)
                XCTAssertEqual(check.language, language, name)
                XCTAssertFalse(check.pageSizes.isEmpty, name)
                for page in check.pageSizes {
                    XCTAssertEqual(page.width, size.0, accuracy: 0.5, name)
                    XCTAssertEqual(page.height, size.1, accuracy: 0.5, name)
                }
            }
            XCTAssertEqual(PDFCheck(a4["matrix-plan-\(language).pdf"]!).pageSizes.count, 1, "the blank matrix is one sheet")
            XCTAssertEqual(PDFCheck(a4["sign-up-\(language).pdf"]!).pageSizes.count, 2, "a sign-up page per table")
            let figures = PDFCheck(a4["handbook-\(language).pdf"]!).figureAlternatives
            XCTAssertFalse(figures.isEmpty, "the handbook's charts and pictures are tagged figures")
            XCTAssertFalse(figures.contains(""), "each with its text alternative: \(figures)")
        }
        XCTAssertNotNil(a4["spreadsheets/oaxaca-agua-1.0.0-plan-es.xlsx"])
        XCTAssertNil(a4["handbook-es.html"])

        let letter = try PrintKitWriter(options: .init(paper: .letter, tables: 1)).render(input(module))
        XCTAssertEqual(PDFCheck(letter["handbook-en.pdf"]!).pageSizes.first?.width ?? 0, 612, accuracy: 0.5)
        let tabloid = try XCTUnwrap(PDFCheck(letter["matrix-plan-en.pdf"]!).pageSizes.first)
        XCTAssertEqual(tabloid.width, 1224, accuracy: 0.5)
        XCTAssertEqual(tabloid.height, 792, accuracy: 0.5)
        XCTAssertEqual(try PrintKitWriter(options: .init(paper: .letter, tables: 1)).render(input(module)), letter, "byte-identical")
    }

    func testTheIndexListsEveryPDFAndEscapesModuleText() throws {
        var module = try Fixture.module()
        module.metadata.title = ["es": "Agua </style><script>alert(1)</script> & \"más\"", "en": "x"]
        let kit = try PrintKitWriter(options: .init(tables: 1)).render(input(module))
        let index = String(decoding: kit["index.html"]!, as: UTF8.self)
        XCTAssertFalse(index.contains("<script>"))
        XCTAssertTrue(index.contains("Agua &lt;/style&gt;&lt;script&gt;"))
        for path in kit.sortedPaths where path.hasSuffix(".pdf") || path.hasSuffix(".xlsx") {
            XCTAssertTrue(index.contains("href=\"\(path)\""), path)
        }
    }

    func testTheAgendaFollowsTheEventsDaysAndBreaks() throws {
        let agenda = Agenda(try Fixture.module())
        XCTAssertEqual(agenda.days.map(\.number), [1, 2])
        XCTAssertTrue(agenda.hasBreaks)
        let first = agenda.days[0].items.map { item -> String in
            switch item {
            case .unit(let u): "\(Agenda.span(u.start, u.minutes)) \(u.unit.id)"
            case .pause(let p, let start): "\(Agenda.span(start, p.minutes)) \(p.kind.rawValue)"
            }
        }
        XCTAssertEqual(
            first, ["9:00–10:30 u1-enfoque", "10:30–10:45 coffee", "10:45–12:45 u2-diagnostico", "12:45–13:45 lunch", "13:45–16:15 u3-especialistas"])
        XCTAssertEqual(agenda.days[1].start, 9 * 60)
    }

    func testUntimedBlocksShareTheUnitsMinutesInStepsOfFive() throws {
        let module = try Fixture.module()
        let diagnosis = try XCTUnwrap(Agenda(module).units.first { $0.unit.id == "u2-diagnostico" })
        // 120 minutes, a 30-minute discussion: 90 for a talk and three findings, not four times "≈ 22".
        XCTAssertEqual(diagnosis.slots.map(\.minutes), [25, 25, 20, 20, 30])
        XCTAssertEqual(diagnosis.slots.map { Agenda.clock($0.start) }, ["10:45", "11:10", "11:35", "11:55", "12:15"])
        XCTAssertEqual(Agenda.clock(9 * 60 + 47), "9:45")
        XCTAssertEqual(Agenda.clock(9 * 60 + 58), "10:00")
        XCTAssertEqual(Agenda.shownMinutes(10 * 60 + 3, 22), 20)
    }

    func testAModuleWithoutAnEventStartsAtNineAndSaysToAddBreaks() throws {
        var module = try Fixture.module()
        module.metadata.event = nil
        let agenda = Agenda(module)
        XCTAssertFalse(agenda.hasBreaks)
        XCTAssertEqual(agenda.days.map(\.start), [9 * 60, 9 * 60])
        let guide = FacilitatorGuideLayout(context: try context(module)).layout()
        XCTAssertTrue(guide.blocks.contains(.paragraph(LayoutText(try context(module).strings.agendaWithoutBreaks(start: "9:00")))))
        XCTAssertFalse(guide.blocks.contains { if case .field(let label, _) = $0 { label == "Lugar" } else { false } }, "no place to show")
    }

    func testTheGuideLeavesOutSlidesWithoutNotes() throws {
        var module = try Fixture.module()
        guard case .presentation(var talk) = module.units[0].blocks[1] else { return XCTFail("unit 1's second block is a talk") }
        talk.slides[0].notes = nil
        module.units[0].blocks[1] = .presentation(talk)
        let guide = FacilitatorGuideLayout(context: try context(module)).layout()
        let headings = guide.blocks.compactMap { if case .heading(3, let t, _) = $0 { t.plain } else { nil } }
        XCTAssertFalse(headings.contains { $0.hasPrefix("Diapositiva 1. ") && $0.contains("Aprendizaje en Acción?") }, "\(headings)")
        XCTAssertTrue(headings.contains { $0.hasPrefix("Diapositiva 2. ") }, "each note headed by its slide's number on screen: \(headings)")
    }

    func testEachHandbookShowsTheDataInItsLanguage() throws {
        let module = try Fixture.module()
        for (language, shown, other) in [("es", "Istmo", "Isthmus"), ("en", "Isthmus", "Istmo")] {
            let handbook = HandbookLayout(context: try context(module, language: language)).layout()
            let cells = handbook.blocks.flatMap { block -> [String] in
                guard case .table(let t) = block, t.kind == .summary else { return [] }
                return t.rows.flatMap { $0.flatMap { $0.map(\.plain) } }
            }
            XCTAssertTrue(cells.contains(shown), "\(language): \(cells)")
            XCTAssertFalse(cells.contains(other), "\(language): \(cells)")
            XCTAssertTrue(cells.contains("Sierra Norte"), "a cell without a value as the CSV writes it")
        }
    }

    func testEachHandbookShowsThePicturesOfItsLanguage() throws {
        let module = try Fixture.module()
        let media = Fixture.packageRoot.appendingPathComponent("modules/oaxaca-agua/media")
        for (language, other) in [("es", "en"), ("en", "es")] {
            let handbook = HandbookLayout(context: try context(module, language: language)).layout()
            let pictures = handbook.blocks.compactMap { block -> Data? in
                if case .drawing(let d) = block, case .picture(let png) = d.kind { return png }
                return nil
            }
            for name in ["mapa-municipios", "fases", "matriz-reforma", "ciclo-rendicion-cuentas"] {
                let mine = try Data(contentsOf: media.appendingPathComponent("\(name)-\(language).png"))
                let theirs = try Data(contentsOf: media.appendingPathComponent("\(name)-\(other).png"))
                XCTAssertTrue(pictures.contains(mine), "\(language): \(name)")
                XCTAssertFalse(pictures.contains(theirs), "\(language): \(name) in \(other)")
            }
            let charts = handbook.blocks.compactMap { if case .drawing(let d) = $0, case .chart(let c) = d.kind { c } else { nil } }
            XCTAssertEqual(charts.count, 2)
            XCTAssertEqual(charts[0].series.first, language == "es" ? "Sabe cómo se calcula su tarifa (%)" : "Knows how their tariff is calculated (%)")
            let contents: [DocumentLayout.ContentsEntry] = handbook.blocks.compactMap { if case .contents(let e) = $0 { e } else { nil } }.first ?? []
            XCTAssertEqual(contents.count, module.units.count + 1, "a line per unit and the glossary")
        }
    }

    func testTheBlankMatrixHasNoWebLimitsAndWideActionColumns() throws {
        let module = try Fixture.module()
        let sheet = BlankMatrixLayout(context: try context(module), matrix: module.primaryMatrix!)
        let layout = sheet.layout()
        let tables = layout.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let matrix = try XCTUnwrap(tables.last)
        XCTAssertEqual(matrix.rows.count, 1 + BlankMatrixLayout.rows, "the help, then the rows to write in")
        let text = matrix.rows.flatMap { $0.flatMap { $0.map(\.plain) } }.joined(separator: " ")
        XCTAssertFalse(text.contains("máx") || text.contains("caracteres") || text.contains("1500"), text)
        let weight = Dictionary(uniqueKeysWithValues: zip(module.primaryMatrix!.columns.map(\.id), matrix.weights))
        XCTAssertGreaterThan(weight["government-actions"]!, 1.5 * weight["affected"]!)
        XCTAssertEqual(weight["government-actions"], weight["civil-society-actions"])
        XCTAssertEqual(sheet.paper, .a3)
    }

    func testTheSignUpSheetNamesTheEventAndWhoKeepsTheData() throws {
        let module = try Fixture.module()
        let layout = SignUpLayout(context: try context(module)).layout()
        XCTAssertTrue(layout.blocks.contains(.field(label: "Fecha", value: LayoutText("del 8 al 9 de diciembre de 2011"))))
        XCTAssertTrue(layout.blocks.contains(.field(label: "Lugar", value: LayoutText("Oaxaca de Juárez, Oaxaca, México"))))
        let notice = layout.blocks.compactMap { if case .paragraph(let t) = $0, t.plain.contains("Gobierno del Estado de Oaxaca y Banco Mundial") { t } else { nil } }
        XCTAssertEqual(notice.count, 8, "one privacy notice a page")
        var anonymous = module
        anonymous.metadata.event = nil
        let fallback = SignUpLayout(context: try context(anonymous, language: "en")).layout()
        XCTAssertTrue(fallback.blocks.contains { if case .paragraph(let t) = $0 { t.plain.contains("the team that organises the workshop") } else { false } })
    }

    func testTableCountIsClampedToWhatAWorkshopCanUse() {
        XCTAssertEqual(FaceToFaceOptions(paper: .letter, tables: 0).tables, 1)
        XCTAssertEqual(FaceToFaceOptions(tables: 500).tables, 50)
        XCTAssertEqual(FaceToFaceOptions().paper, .a4)
    }
}
