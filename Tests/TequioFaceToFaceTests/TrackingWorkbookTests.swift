import Foundation
import TequioModel
import TequioWriters
import XCTest
import XMLSupport

@testable import TequioFaceToFace
@testable import TequioReaders

/// The tracking workbook (`track init`, `track sheets`) and its import: the sheets are valid SpreadsheetML
/// and ODF with their drop-downs, date cells and protection; filled cell by cell and imported, each row
/// brings dated updates and planning changes to the tracking file; every problem is refused with its
/// file, sheet and cell, and a workbook imported twice brings nothing new.
final class TrackingWorkbookTests: XCTestCase {
    static let file = "seguimiento.xlsx"
    static let schemas = SchemaSet(directory: Fixture.packageRoot.appendingPathComponent("schemas"))

    /// Mesa 6 of the example matrices, ready to track.
    static func plan() throws -> TrackedPlan {
        let module = try Fixture.module()
        let url = Fixture.packageRoot.appendingPathComponent("examples/matrices/oaxaca-agua-mesa-6-ixtlan-de-juarez-2011-12-09.xml")
        let (located, _) = CompletedMatrixReader(schemas: schemas).read(url)
        let matrix = try XCTUnwrap(located?.matrix)
        return TrackedPlan(plan: ActionPlan(matrix: matrix, module: module, catalogue: Fixture.catalogue), id: "oaxaca-agua-mesa-6", created: "2025-01-10T00:00:00Z")
    }

    static func workbook(_ plan: TrackedPlan) throws -> SpreadsheetDocument {
        let parts = try TrackingSheets.parts([plan], module: try Fixture.module(), language: "es", catalogue: Fixture.catalogue)
        return try XLSXReader(files: parts.xlsx, path: file, limits: SpreadsheetFile.xmlLimits).read()
    }

    func set(_ document: inout SpreadsheetDocument, _ cell: String, _ text: String?, kind: SheetCell.Kind = .text) {
        document.sheets[1].cells[CellAddress(a1: cell)!] = text.map { SheetCell(text: $0, kind: kind) }
    }

    func apply(_ document: SpreadsheetDocument, to plan: TrackedPlan) throws -> (TrackingImporter.Applied?, [Diagnostic]) {
        let importer = TrackingImporter(module: try Fixture.module(), imported: "2025-11-29T09:00:00Z", catalogue: Fixture.catalogue)
        let (sheets, found) = importer.planSheets(document)
        XCTAssertEqual(found.map(\.formatted), [])
        let data = try TrackingWriter.data(plan)
        let located = try XCTUnwrap(TrackingReader(schemas: Self.schemas).read(data, path: TrackingWriter.fileName(planID: plan.id)).0)
        return importer.apply(try XCTUnwrap(sheets.first), from: document, to: located)
    }

    /// Rows of the first commitment and milestone, as `TrackingLayout` places them (1-based).
    var commitmentRow: Int { 8 }
    func milestoneRow(_ plan: TrackedPlan) -> Int { TrackingWorkbook.layout(plan).firstMilestoneRow + 1 }
    func indicatorRow(_ plan: TrackedPlan) -> Int { TrackingWorkbook.layout(plan).firstIndicatorRow + 1 }

    func testTheWorkbookIsValidAndHasItsDropDownsDateCellsAndProtection() throws {
        let plan = try Self.plan()
        let parts = try TrackingSheets.parts([plan], module: try Fixture.module(), language: "es", catalogue: Fixture.catalogue)
        let sml = try XSDSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("ooxml/sml.xsd"))
        for path in parts.xlsx.sortedPaths where path.hasPrefix("xl/") && path.hasSuffix(".xml") && !path.contains("_rels") {
            XCTAssertEqual(sml.validate(try Fixture.parse(parts.xlsx[path]!, path)).map(\.formatted), [], path)
        }
        let odf = try RelaxNGSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("odf1.3/OpenDocument-v1.3-schema.rng"))
        for path in ["content.xml", "styles.xml"] {
            XCTAssertEqual(odf.validate(try Fixture.parse(parts.ods[path]!, path)).map(\.formatted), [], path)
        }
        let sheet = String(decoding: parts.xlsx["xl/worksheets/sheet2.xml"]!, as: UTF8.self)
        let m = milestoneRow(plan)
        let last = m + plan.milestones.count - 1
        XCTAssertTrue(sheet.contains(#"<sheetProtection sheet="1""#))
        XCTAssertTrue(sheet.contains(#"type="list""#) && sheet.contains(#"sqref="G\#(m):G\#(last)""#), sheet)
        XCTAssertTrue(sheet.contains("<formula1>&quot;No iniciado,Limitado,Sustancial,Completo,Retirado&quot;</formula1>"))
        XCTAssertTrue(sheet.contains(#"type="date""#) && sheet.contains(#"sqref="F\#(m):F\#(last)""#))
        XCTAssertTrue(sheet.contains(#"type="whole""#) && sheet.contains(#"<formula2>100</formula2>"#))
        XCTAssertTrue(String(decoding: parts.xlsx["xl/styles.xml"]!, as: UTF8.self).contains(#"formatCode="yyyy\-mm\-dd""#))
        let content = String(decoding: parts.ods["content.xml"]!, as: UTF8.self)
        XCTAssertTrue(content.contains("of:cell-content-is-date()"))
        XCTAssertTrue(String(decoding: parts.ods["styles.xml"]!, as: UTF8.self).contains(#"<number:date-style style:name="NDate">"#))
        let document = try Self.workbook(plan)
        XCTAssertEqual(document.sheets.map(\.name), ["Instrucciones", "Plan 1", "tequio"])
        XCTAssertEqual(document.sheets[1][CellAddress(a1: "A\(m)")!], "c1-g1")
    }

    func testAFilledRowBecomesAnUpdateAndPlanningFieldsAreSet() throws {
        let plan = try Self.plan()
        var document = try Self.workbook(plan)
        let (c, m, i) = (commitmentRow, milestoneRow(plan), indicatorRow(plan))
        set(&document, "D\(c)", "Comité de agua")
        set(&document, "F\(c)", "45658", kind: .number)  // 2025-01-01 as Excel stores it
        set(&document, "G\(c)", "2025-12-31")
        set(&document, "H\(c)", "120000.50", kind: .number)
        set(&document, "I\(c)", "mxn")
        set(&document, "F\(m)", "2025-03-31")
        set(&document, "G\(m)", "sustancial")
        set(&document, "H\(m)", "60", kind: .number)
        set(&document, "I\(m)", "2025-02-03")
        set(&document, "K\(m)", "Primera entrega de documentos")
        set(&document, "L\(m)", "https://example.org/acta.pdf https://example.org/fotos")
        set(&document, "E\(i)", "0", kind: .number)
        set(&document, "F\(i)", "12", kind: .number)
        set(&document, "H\(i)", "2025-04-30")
        set(&document, "I\(i)", "5", kind: .number)
        let (applied, diagnostics) = try apply(document, to: plan)
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        let result = try XCTUnwrap(applied)
        XCTAssertEqual(result.updates, 2)
        XCTAssertEqual(result.changes, 7)
        let c1 = result.plan.commitments[0]
        XCTAssertEqual([c1.leadAgency, c1.start, c1.due, c1.budget, c1.currency], ["Comité de agua", "2025-01-01", "2025-12-31", "120000.5", "MXN"])
        var expected = TrackedPlan.Update(item: "c1-g1", date: "2025-03-31", status: .substantial, percent: 60)
        expected.started = "2025-02-03"
        expected.narrative = "Primera entrega de documentos"
        expected.evidence = ["https://example.org/acta.pdf", "https://example.org/fotos"]
        expected.imported = "2025-11-29T09:00:00Z"
        expected.source = "\(Self.file):Plan 1!A\(m)"
        XCTAssertEqual(result.plan.updates.first, expected)
        XCTAssertEqual(result.plan.updates.last?.value, "5")
        XCTAssertTrue(result.plan.changes.isEmpty, "fields set for the first time are not changes")
        let written = try TrackingWriter.data(result.plan)
        XCTAssertEqual(TrackingReader(schemas: Self.schemas).read(written, path: "x.xml").1.map(\.formatted), [])

        // The workbook written again from the result, imported again: nothing new.
        let again = try Self.workbook(result.plan)
        let (second, found) = try apply(again, to: result.plan)
        XCTAssertEqual(found.map(\.formatted), [])
        XCTAssertEqual([second?.updates, second?.changes, second?.unchanged], [0, 0, 2])

        // A later month: a new date and status; the due date moved, the old one kept.
        var next = again
        set(&next, "G\(c)", "2026-03-31")
        set(&next, "F\(m)", "2025-05-31")
        set(&next, "G\(m)", "Completo")
        set(&next, "J\(m)", "2025-05-20")
        let (third, problems) = try apply(next, to: result.plan)
        XCTAssertEqual(problems.map(\.formatted), [])
        XCTAssertEqual(third?.plan.changes, [.init(item: "c1", field: "due", from: "2025-12-31", to: "2026-03-31", date: "2025-11-29", source: "\(Self.file):Plan 1!A\(c)")])
        XCTAssertEqual(third?.plan.updates.last?.status, .complete)
        XCTAssertNil(third?.plan.updates.last?.percent, "the percentage left as it was follows the new status")
    }

    func testEveryBadCellIsNamedAndNothingIsApplied() throws {
        var plan = try Self.plan()
        var earlier = TrackedPlan.Update(item: "c1-g1", date: "2025-04-30", status: .limited, percent: 30)
        earlier.started = "2025-04-20"
        earlier.imported = "2025-05-01T00:00:00Z"
        plan.updates = [earlier]
        var document = try Self.workbook(plan)
        let (m, i) = (milestoneRow(plan), indicatorRow(plan))
        set(&document, "F\(m)", "2025-03-01")
        set(&document, "J\(m)", "2025-04-10")
        set(&document, "G\(m)", "Completo")
        set(&document, "H\(m)", nil)
        set(&document, "A\(m + 1)", "c9-g9")
        set(&document, "G\(m + 2)", "Casi")
        set(&document, "F\(m + 2)", "2025-05-01")
        set(&document, "G\(m + 3)", "Limitado")
        set(&document, "F\(m + 3)", "2030-01-01")
        set(&document, "G\(m + 4)", "Limitado")
        set(&document, "F\(m + 5)", "31/03/2025")
        set(&document, "G\(m + 5)", "Limitado")
        set(&document, "L\(m + 5)", "acta.pdf")
        set(&document, "I\(i)", "muchos")
        set(&document, "H\(i)", "2025-04-01")
        let (applied, diagnostics) = try apply(document, to: plan)
        XCTAssertNil(applied)
        let f = "\(Self.file):Plan 1!"
        XCTAssertEqual(
            diagnostics.map { "\($0.location!.file) [\($0.identifier)]" },
            [
                "\(f)F\(m) [track.update-before-last]", "\(f)J\(m) [track.done-before-start]", "\(f)A\(m + 1) [track.unknown-id]",
                "\(f)G\(m + 2) [track.not-a-status]", "\(f)F\(m + 3) [track.future-date]", "\(f)F\(m + 4) [track.missing-date]",
                "\(f)F\(m + 5) [track.bad-date]", "\(f)L\(m + 5) [track.bad-link]", "\(f)I\(i) [track.not-a-number]",
            ])
    }

    func testDatesAreReadFromODSDateCellsExcelDayNumbersAndText() throws {
        let sheet = Sheet(
            name: "Plan 1",
            cells: [
                CellAddress(a1: "A1")!: SheetCell(text: "31/03/25", kind: .text, date: "2025-03-31"),
                CellAddress(a1: "A2")!: SheetCell(text: "45747", kind: .number), CellAddress(a1: "A3")!: SheetCell(text: " 2025-03-31 "),
                CellAddress(a1: "A4")!: SheetCell(text: "2025-02-30"),
            ])
        var cells = TrackingCells(sheet: sheet, file: "f.ods", words: TrackingWords(Fixture.catalogue, language: "es"))
        XCTAssertEqual((1...4).map { cells.date(CellAddress(a1: "A\($0)")!, "x") }, ["2025-03-31", "2025-03-31", "2025-03-31", nil])
        XCTAssertEqual(cells.diagnostics.map(\.identifier), ["track.bad-date"])
        XCTAssertEqual(cells.status(CellAddress(a1: "A5")!).0, nil)
        let words = TrackingWords(Fixture.catalogue, language: "es")
        XCTAssertEqual(words.statuses["substantial"], .substantial)
        XCTAssertEqual(words.statuses[TrackingWords.fold("SUSTANCIAL")], .substantial)
        XCTAssertEqual(words.directions[TrackingWords.fold("Decrease")], .decrease)
    }
}
