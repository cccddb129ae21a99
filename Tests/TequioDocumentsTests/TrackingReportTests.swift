import Foundation
import PDFSupport
import TequioModel
import TequioPackageCheck
import TequioReaders
import TequioWriters
import XCTest
import XMLSupport

@testable import TequioDocuments

/// Progress reports (`tequio track report`) and the IATI export: what progress the plans show as of a
/// day, the charts in every format (SVG in HTML, DrawingML in DOCX, drawing shapes in ODT, cairo in a
/// tagged PDF, the text alternative in Markdown) passing the package checks with hostile text escaped, and an IATI file that
/// passes the official schema and the IATI rules.
final class TrackingReportTests: XCTestCase {
    static let asOf = CalendarDate(year: 2025, month: 6, day: 30)

    /// Mesa 1 of the example matrices with planning and a few months of updates; its table's name
    /// carries markup.
    static func plan() throws -> TrackedPlan {
        let folder = Fixtures.packageRoot.appendingPathComponent("examples/matrices")
        let matrix = try Fixtures.matrix(folder.appendingPathComponent("oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"))
        var plan = TrackedPlan(plan: ActionPlan(matrix: matrix, module: Fixtures.module, catalogue: Fixtures.catalogue), id: "oaxaca-agua-mesa-1", created: "2025-01-05T00:00:00Z")
        plan.table = "Mesa 1 <script>alert(1)</script> & «agua»"
        plan.commitments[0].start = "2025-01-15"
        plan.commitments[0].due = "2025-12-31"
        plan.commitments[0].milestones[0].start = "2025-02-01"
        plan.commitments[0].milestones[0].due = "2025-03-31"
        plan.commitments[0].milestones[1].due = "2025-04-30"
        plan.commitments[0].indicators[1].baseline = "40"
        plan.commitments[0].indicators[1].target = "80"
        plan.commitments[0].indicators[1].unit = "% de días"
        func update(_ item: String, _ date: String, _ status: TrackedPlan.Status?, _ percent: Int?, started: String = "", completed: String = "", value: String = "") -> TrackedPlan.Update {
            var u = TrackedPlan.Update(item: item, date: date, status: status, percent: percent)
            (u.started, u.completed, u.value, u.imported) = (started, completed, value, "\(date)T12:00:00Z")
            u.narrative = "Informe <b>del</b> mes"
            u.evidence = ["https://example.org/\(item)-\(date).pdf"]
            return u
        }
        plan.updates = [
            update("c1-g1", "2025-02-28", .limited, 30, started: "2025-02-03"), update("c1-g1", "2025-03-31", .complete, nil, completed: "2025-03-20"),
            update("c1-g2", "2025-04-15", .limited, 20, started: "2025-04-02"), update("c1-r2", "2025-05-31", nil, nil, value: "55"),
            update("c1-g3", "2025-09-30", .complete, nil, started: "2025-07-01", completed: "2025-09-01"),
        ]
        plan.changes = [.init(item: "c1", field: "due", from: "2025-09-30", to: "2025-12-31", date: "2025-03-02")]
        return plan
    }

    func testProgressCountsOnlyUpdatesUpToTheReportsDay() throws {
        let progress = TrackingProgress(try Self.plan(), asOf: Self.asOf)
        let c1 = progress.commitments[0]
        XCTAssertEqual(c1.milestones.prefix(3).map(\.status), [.complete, .limited, .notStarted], "the September update is after the day")
        XCTAssertEqual(c1.milestones.map(\.overdue).prefix(3), [false, true, false])
        XCTAssertEqual(c1.percent, (100 + 20) / 8)
        XCTAssertEqual(c1.status, .limited)
        XCTAssertEqual(c1.indicators[1].progress, 15.0 / 40.0)
        XCTAssertEqual(progress.count(.notStarted), 3)
        XCTAssertEqual(progress.lastUpdate, "2025-05-31")
        let later = TrackingProgress(try Self.plan(), asOf: CalendarDate(year: 2025, month: 12, day: 1))
        XCTAssertEqual(later.commitments[0].milestones[2].status, .complete)
    }

    func layout(_ language: String = "es") throws -> DocumentLayout {
        TrackingReportLayout(
            asOf: Self.asOf, language: language, moduleID: "oaxaca-agua", programTitle: "Programa", moduleTitle: "Agua", catalogue: Fixtures.catalogue,
            hasLogo: false
        ).layout([try Self.plan()])
    }

    func testTheReportHasItsChartsInEveryFormatAndPassesThePackageChecks() throws {
        let layout = try layout()
        let drawings = layout.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
        XCTAssertEqual(drawings.count, 1 + 1 + 4 + 1 + 1, "plans by status, the plan's bar, 4 commitments' bars, a timeline, an indicator chart")
        XCTAssertTrue(drawings.contains { $0.description.contains("Cronograma de los hitos (8)") && $0.description.contains("vencidos: 1.") })
        for format in [DocumentFormat.docx, .odt] {
            let report = try Fixtures.check(try DocumentRenderer.render(layout, as: format, options: Fixtures.options), as: "report.\(format.rawValue)")
            XCTAssertEqual(report.diagnostics.map(\.formatted), [], format.rawValue)
        }
        let docx = try DocxWriter(branding: Fixtures.branding, reference: nil, generator: "t").render(layout)
        let body = String(decoding: docx["word/document.xml"]!, as: UTF8.self)
        XCTAssertEqual(body.components(separatedBy: "<wpg:wgp>").count - 1, drawings.count, "every figure a DrawingML group")
        XCTAssertTrue(body.contains("<a:prstGeom prst=\"diamond\">"), "the timeline's milestones")
        let odt = try OdtWriter(branding: Fixtures.branding, reference: nil, generator: "t").render(layout)
        let content = String(decoding: odt["content.xml"]!, as: UTF8.self)
        XCTAssertEqual(content.components(separatedBy: "<draw:g ").count - 1, drawings.count)
        XCTAssertTrue(content.contains("<style:style style:name=\"fig.s000000.l000000-0.75\" style:family=\"graphic\">"))
        let html = String(decoding: HTMLDocumentWriter(branding: Fixtures.branding, generator: "t").render(layout), as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, drawings.count)
        XCTAssertFalse(html.contains("<script"), "participant text never becomes markup")
        XCTAssertTrue(html.contains("Mesa 1 &lt;script&gt;alert(1)&lt;/script&gt; &amp; «agua»"))
        XCTAssertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing outside the file")
        let markdown = String(decoding: MarkdownWriter().render(layout), as: UTF8.self)
        XCTAssertTrue(markdown.contains("*Avance: 15 % (Limitado).*"), markdown)
        let pdf = PDFCheck(try PDFWriter(branding: Fixtures.branding, generator: "t").render(layout))
        XCTAssertEqual(pdf.problems, [])
        XCTAssertEqual(pdf.figureAlternatives, drawings.map(\.description), "each figure drawn and tagged with its words")
    }

    func testEnglishReportAndOtherDocumentsKeepTheirStyles() throws {
        let english = try layout("en")
        XCTAssertEqual(english.blocks.compactMap { if case .title(let t) = $0 { t } else { nil } }, ["Progress report"])
        let report = TrackingReportLayout(asOf: Self.asOf, language: "en", moduleID: "oaxaca-agua", programTitle: "", moduleTitle: "", catalogue: Fixtures.catalogue)
        let one = report.layout(plan: try Self.plan())
        XCTAssertEqual(report.fileName(plan: try Self.plan()), "oaxaca-agua-mesa-1-progress-2025-06-30")
        XCTAssertFalse(one.hasPageReferences)
        XCTAssertTrue(one.blocks.contains { if case .heading(2, let t, _) = $0 { t.plain.hasPrefix("Commitment 4:") } else { false } })
        let summary = report.layout([try Self.plan()], inDetail: false)
        XCTAssertFalse(summary.blocks.contains { if case .heading(2, _, _) = $0 { true } else { false } }, "the summary alone has no commitments")
        let plan = try Fixtures.smallPlan
        let odt = try OdtWriter(branding: Fixtures.branding, reference: nil, generator: "t").render(PlanLayout.layout(plan))
        XCTAssertFalse(String(decoding: odt["content.xml"]!, as: UTF8.self).contains("tqd-"), "a plan without charts declares no chart styles")
    }

    func testTheIATIFilePassesTheOfficialSchemaAndTheIATIRules() throws {
        let writer = IATIActivityWriter(
            reportingOrg: .init(ref: "XM-DAC-44000", name: "Banco Mundial", type: "40"), asOf: Self.asOf, country: "MX", catalogue: Fixtures.catalogue)
        let data = try writer.data([try Self.plan()])
        let schemas = OfficialSchemas(directory: Fixtures.officialSchemas)
        XCTAssertEqual(IATICheck.check(data, path: "iati.xml", schemas: schemas).map(\.formatted), [])
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("<iati-identifier>XM-DAC-44000-oaxaca-agua-mesa-1</iati-identifier>"))
        XCTAssertTrue(text.contains(#"<activity-date type="2" iso-date="2025-02-03"/>"#))
        XCTAssertFalse(text.contains("2025-09-01"), "no actual date after the export's day")
        XCTAssertTrue(text.contains(#"<actual value="55">"#) && text.contains(#"<target value="80"/>"#))
        XCTAssertTrue(text.contains(#"<document-link url="https://example.org/c1-r2-2025-05-31.pdf" format="application/pdf">"#))
        let broken = text.replacingOccurrences(of: "<iati-identifier>XM-DAC-44000-", with: "<iati-identifier>GB-1-")
        XCTAssertEqual(IATICheck.check(Data(broken.utf8), path: "iati.xml", schemas: schemas).map(\.identifier), ["track.iati-rule"])
    }
}
