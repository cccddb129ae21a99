import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioReaders

/// Tracking files: a plan with a history reads back whole; what the schema cannot catch (an update
/// before the item's last one, a milestone done before it started, an unknown or repeated id, a date
/// after the day it was imported, dates planned in reverse) is refused at the line of the update or item.
final class TrackingReaderTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = SchemaSet(directory: packageRoot.appendingPathComponent("schemas"))
    static let history = packageRoot.appendingPathComponent("Tests/Fuzz/Corpus/tracking/history.xml")

    func read(_ text: String) -> (TrackingReader.Located?, [Diagnostic]) {
        XMLLibrary.initialize()
        return TrackingReader(schemas: Self.schemas).read(Data(text.utf8), path: "t.xml")
    }

    func history() throws -> String { try String(contentsOf: Self.history, encoding: .utf8) }

    func testAPlanWithItsHistoryReadsBackWhole() throws {
        let (located, diagnostics) = read(try history())
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        let plan = try XCTUnwrap(located?.plan)
        XCTAssertEqual(plan.id, "oaxaca-agua-mesa-6-sierra-norte")
        XCTAssertEqual(plan.commitments.map(\.id), ["c1", "c2", "c3"])
        XCTAssertEqual(plan.commitments[0].milestones.first?.owner, .government)
        XCTAssertEqual(plan.updates.map(\.item), ["c1-g1", "c1-g1", "c1-r1"])
        XCTAssertEqual(plan.updates[0].evidence, ["https://example.org/acta-1.pdf"])
        XCTAssertEqual(plan.updates[1].status, .complete)
        XCTAssertEqual(plan.changes, [.init(item: "c1", field: "due", from: "2025-06-30", to: "2025-09-30", date: "2025-04-02", source: "seguimiento.xlsx:Plan 3!A8")])
        let progress = TrackingProgress(plan, asOf: CalendarDate(year: 2025, month: 4, day: 1))
        XCTAssertEqual(progress.commitments[0].milestones[0].status, .complete)
        XCTAssertEqual(progress.commitments[0].indicators[0].value, "12.5")
    }

    func testRulesTheSchemaCannotSayAreRefusedAtTheirLine() throws {
        let text = try history()
        func ids(_ old: String, _ new: String) -> [String] {
            XCTAssertTrue(text.contains(old), old)
            return read(text.replacingOccurrences(of: old, with: new)).1.map { "\($0.identifier)@\($0.location?.line ?? 0)" }
        }
        XCTAssertEqual(ids(#"date="2025-03-31" status="complete""#, #"date="2025-02-01" status="complete""#), ["track.update-before-last@92"])
        XCTAssertEqual(ids(#"completed="2025-03-30""#, #"completed="2025-02-01""#), ["track.done-before-start@92"])
        XCTAssertEqual(ids(#"<update item="c1-r1""#, #"<update item="c7-r1""#), ["track.unknown-id@93"])
        XCTAssertEqual(ids(#"<update item="c1-r1""#, #"<update item="c1""#), ["track.unknown-id@93"])
        XCTAssertEqual(ids(#"<milestone id="c1-g2""#, #"<milestone id="c1-g1""#).first, "track.duplicate-id@15")
        XCTAssertEqual(ids(#"date="2025-03-31" value="12.5""#, #"date="2025-05-31" value="12.5""#), ["track.future-date@93"])
        XCTAssertEqual(ids(#"status="limited" percent="20""#, #"status="complete" percent="20""#).first, "track.inconsistent-status@88")
        XCTAssertEqual(
            ids("</affected>", "</affected><start>2025-05-01</start><due>2025-04-01</due>").first, "track.dates-reversed@5")
        XCTAssertEqual(ids(#"<change item="c1""#, #"<change item="c9""#), ["track.unknown-id@96"])
        let (refused, found) = read("<scores xmlns='urn:tequio:scores:1'/>")
        XCTAssertNil(refused)
        XCTAssertEqual(found.map(\.identifier), ["track.not-tracking"])
    }

    func testCalendarDatesAreRealDaysAndCountInDays() {
        XCTAssertNil(CalendarDate(iso: "2025-02-29"))
        XCTAssertNotNil(CalendarDate(iso: "2024-02-29"))
        XCTAssertNil(CalendarDate(iso: "2025-3-31"))
        XCTAssertNil(CalendarDate(iso: "２０２５-03-31"))
        let day = CalendarDate(year: 2025, month: 3, day: 31)
        XCTAssertEqual(day.iso, "2025-03-31")
        XCTAssertEqual(day.dayNumber, 20_178)
        XCTAssertEqual(CalendarDate(dayNumber: day.dayNumber), day)
        XCTAssertEqual(CalendarDate(dayNumber: 45_747 - 25_569).iso, "2025-03-31", "an Excel day number")
    }
}
