import Foundation
import TequioModel
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioFaceToFace
@testable import TequioReaders

/// The scoring workbooks of `tequio review sheets`: valid against the official schemas, protected with
/// only the answers open, the drop-downs where `ScoringLayout` says, the `tequio` sheet hidden, the
/// same bytes on every run, and the printed sheet one self-contained page per plan.
final class ScoringSheetTests: XCTestCase {
    static let plans = [
        ScoringRound.Plan(id: "oaxaca-agua-mesa-1", table: "Mesa 1 <b>&", municipality: "Santa Lucía del Camino", draft: 3),
        ScoringRound.Plan(id: "oaxaca-agua-mesa-2", table: "Mesa 2", municipality: "Xoxocotlán", draft: 1),
        ScoringRound.Plan(id: "oaxaca-agua-mesa-3", table: "Mesa 3", municipality: "Ixtlán", draft: 2),
    ]

    static func round(_ language: String = "es") throws -> ScoringRound {
        let module = try Fixture.module()
        return ScoringRound(module: module, rubric: try XCTUnwrap(module.rubric), plans: plans, round: "Ronda 1", language: language)
    }

    func testSpreadsheetMLPartsAreValidAgainstSMLXSD() throws {
        let parts = try ScoringSheets.xlsxParts(try Self.round(), evaluator: "Ana Pérez", catalogue: Fixture.catalogue)
        let sml = try XSDSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("ooxml/sml.xsd"))
        for path in parts.sortedPaths where path.hasPrefix("xl/") && path.hasSuffix(".xml") && !path.contains("_rels") {
            XCTAssertEqual(sml.validate(try Fixture.parse(parts[path]!, path)).map(\.formatted), [], path)
        }
        let workbook = String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self)
        XCTAssertTrue(workbook.contains(#"<sheet name="tequio" sheetId="5" state="hidden" r:id="rId5"/>"#), workbook)
        XCTAssertTrue(workbook.contains(#"<sheet name="Plan 3" sheetId="4" r:id="rId4"/>"#))
        let styles = String(decoding: parts["xl/styles.xml"]!, as: UTF8.self)
        XCTAssertTrue(styles.contains(#"<cellXfs count="10">"#))
        XCTAssertEqual(styles.components(separatedBy: #"<protection locked="0"/>"#).count - 1, 2, "the two answer styles are unlocked")
        let plan = String(decoding: parts["xl/worksheets/sheet2.xml"]!, as: UTF8.self)
        XCTAssertTrue(plan.contains(#"<sheetProtection sheet="1" objects="1" scenarios="1"/>"#))
        XCTAssertTrue(plan.contains(#"type="list" errorStyle="stop""#))
        XCTAssertTrue(plan.contains(#"sqref="C9""#), "the conflict of interest")
        XCTAssertTrue(plan.contains(#"sqref="C12:C13""#), "the two gates")
        XCTAssertTrue(plan.contains(#"sqref="C16:C20""#), "the five criteria")
        XCTAssertTrue(plan.contains("<formula1>&quot;1,2,3,4,5&quot;</formula1>"))
        XCTAssertTrue(plan.contains("<formula1>&quot;Sí,No&quot;</formula1>"))
    }

    func testTheBlankMatrixKeepsItsEightStyles() throws {
        let module = try Fixture.module()
        let parts = try BlankSpreadsheets.xlsxParts(module, matrix: module.matrices[0], language: "es", catalogue: Fixture.catalogue)
        let styles = String(decoding: parts["xl/styles.xml"]!, as: UTF8.self)
        XCTAssertTrue(styles.contains(#"<cellXfs count="8">"#))
        XCTAssertFalse(styles.contains("protection"))
        let ods = try BlankSpreadsheets.odsParts(module, matrix: module.matrices[0], language: "es", catalogue: Fixture.catalogue)
        XCTAssertFalse(String(decoding: ods["styles.xml"]!, as: UTF8.self).contains("cell-protect"))
        XCTAssertFalse(String(decoding: ods["content.xml"]!, as: UTF8.self).contains("ta-hidden"))
    }

    func testODSPartsAreValidAgainstODF13() throws {
        let parts = try ScoringSheets.odsParts(try Self.round("en"), evaluator: "Luis", catalogue: Fixture.catalogue)
        let odf = try RelaxNGSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("odf1.3/OpenDocument-v1.3-schema.rng"))
        for path in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            XCTAssertEqual(odf.validate(try Fixture.parse(parts[path]!, path)).map(\.formatted), [], path)
        }
        let content = String(decoding: parts["content.xml"]!, as: UTF8.self)
        XCTAssertTrue(content.contains(#"<table:table table:name="tequio" table:style-name="ta-hidden" table:protected="true">"#))
        XCTAssertTrue(content.contains(#"<table:table table:name="Plan 1" table:style-name="ta-regular" table:protected="true">"#))
        XCTAssertTrue(content.contains(#"table:name="tequio-scale" table:condition="of:cell-content-is-in-list(&quot;1&quot;;&quot;2&quot;;&quot;3&quot;;&quot;4&quot;;&quot;5&quot;)""#))
        XCTAssertTrue(content.contains(#"table:name="tequio-yes-no" table:condition="of:cell-content-is-in-list(&quot;Yes&quot;;&quot;No&quot;)""#))
        XCTAssertTrue(content.contains(#"table:message-type="stop""#))
        let styles = String(decoding: parts["styles.xml"]!, as: UTF8.self)
        XCTAssertEqual(styles.components(separatedBy: #"style:cell-protect="none""#).count - 1, 2)
    }

    func testTheReaderFindsEveryCellWhereTheLayoutPutsIt() throws {
        let round = try Self.round()
        let tree = try ScoringSheets.xlsxParts(round, evaluator: "Ana Pérez", catalogue: Fixture.catalogue)
        let document = try XLSXReader(files: tree, path: "a.xlsx", limits: SpreadsheetFile.xmlLimits).read()
        XCTAssertEqual(document.sheets.map(\.name), ["Instrucciones", "Plan 1", "Plan 2", "Plan 3", "tequio"])
        XCTAssertTrue(document.sheet(named: "tequio")!.hidden)
        XCTAssertTrue(ScoreImporter.isScoringWorkbook(document))
        let plan = document.sheet(named: "Plan 1")!
        let layout = ScoringLayout(gateCount: 2, criterionCount: 5)
        XCTAssertEqual(plan[CellAddress(row: ScoringLayout.tableRow, column: 1)], "Mesa 1 <b>&")
        XCTAssertEqual(plan[CellAddress(row: ScoringLayout.draftRow, column: 1)], "3")
        XCTAssertEqual(plan[CellAddress(row: layout.criteriaHeaderRow, column: ScoringLayout.answerColumn)], "Puntaje (1–5)")
        XCTAssertEqual(plan[CellAddress(row: layout.criterionRow(0), column: 0)], "Coordinación entre dependencias y actores")
        XCTAssertEqual(plan[CellAddress(row: layout.criterionRow(1), column: 1)], "25 %")
        XCTAssertEqual(layout.scoreCell(4).description, "C20")
        XCTAssertEqual(layout.justificationCell(0).description, "D16")
        XCTAssertEqual(layout.gateCell(1).description, "C13")
        let metadata = ScoringMetadata(document.sheet(named: "tequio")!)
        XCTAssertEqual(metadata.values[ScoringKey.evaluator]?.text, "Ana Pérez")
        XCTAssertEqual(metadata.criteria.map(\.fingerprint), round.rubric.criteria.map(round.rubric.fingerprint))
        XCTAssertEqual(metadata.plans.map(\.id), Self.plans.map(\.id))
        XCTAssertEqual(metadata.plans.map(\.sheet), ["Plan 1", "Plan 2", "Plan 3"])
        XCTAssertEqual(metadata.layout, layout)
    }

    func testFilesAreByteIdenticalAndNamedAfterRoundAndEvaluator() throws {
        let round = try Self.round()
        let date = Date(timeIntervalSince1970: 1_764_374_400)
        let a = try ScoringSheets.render(round, evaluators: ["Ana Pérez", "Luis Cruz"], date: date, catalogue: Fixture.catalogue)
        let b = try ScoringSheets.render(round, evaluators: ["Ana Pérez", "Luis Cruz"], date: date, catalogue: Fixture.catalogue)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.keys.sorted(), [
            "puntajes-ronda-1-ana-perez.csv", "puntajes-ronda-1-ana-perez.html", "puntajes-ronda-1-ana-perez.ods",
            "puntajes-ronda-1-ana-perez.xlsx", "puntajes-ronda-1-luis-cruz.csv", "puntajes-ronda-1-luis-cruz.html",
            "puntajes-ronda-1-luis-cruz.ods", "puntajes-ronda-1-luis-cruz.xlsx",
        ])
    }

    func testThePrintedSheetIsOneSelfContainedPagePerPlanWithEverythingEscaped() throws {
        let round = try Self.round()
        let files = try ScoringSheets.render(
            round, evaluators: ["<script>alert(1)</script>"], date: Date(timeIntervalSince1970: 0), catalogue: Fixture.catalogue)
        let html = String(decoding: try XCTUnwrap(files["puntajes-ronda-1-script-alert-1-script.html"]), as: UTF8.self)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Mesa 1 &lt;b&gt;&amp;"))
        XCTAssertFalse(html.contains("<link"), "no other file")
        XCTAssertFalse(html.contains("src="))
        XCTAssertEqual(html.components(separatedBy: #"<section class="page">"#).count - 1, 1 + Self.plans.count)
        XCTAssertEqual(html.components(separatedBy: #"<span class="box">3</span>"#).count - 1, 5 * Self.plans.count)
        XCTAssertTrue(html.contains("@page { size: A4;"))
    }
}
