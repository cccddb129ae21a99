import Foundation
import TequioModel
import XCTest

@testable import TequioReaders

/// The spreadsheet readers on their own, before any meaning is given to the cells (the import of
/// the cells into completed matrices is tested in TequioFaceToFaceTests).
final class SpreadsheetReaderTests: XCTestCase {
    let header = "problem,beneficiaries,affected,government-actions,civil-society-actions,expected-results\n"

    func csv(_ text: String, _ name: String = "m.csv") throws -> SpreadsheetDocument {
        try CSVReader(data: Data(text.utf8), path: name, sheetName: "m").read()
    }

    func testCSVProblemsGiveTheLine() throws {
        XCTAssertThrowsError(try CSVReader(data: Data("a,b\n\"open,c\n".utf8), path: "m.csv", sheetName: "m").read()) { error in
            XCTAssertEqual((error as? SpreadsheetReadError)?.diagnostics.first?.formatted, "m.csv:2: error: a quoted field is not closed [import.csv-syntax]")
        }
        XCTAssertThrowsError(try CSVReader(data: Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]), path: "m.csv", sheetName: "m").read()) { error in
            XCTAssertEqual((error as? SpreadsheetReadError)?.diagnostics.first?.identifier, ImportDiagnosticID.notUTF8.rawValue)
            XCTAssertEqual((error as? SpreadsheetReadError)?.diagnostics.first?.location?.line, 2)
        }
    }

    func testTooManyCSVRowsStopTheReaderAtTheFirstRowOver() throws {
        let text = header + String(repeating: "a,b,c,d,e,f\n", count: SpreadsheetFile.maxRows + 5)
        XCTAssertThrowsError(try csv(text)) { error in
            let d = (error as? SpreadsheetReadError)?.diagnostics.first
            XCTAssertEqual(d?.identifier, ImportDiagnosticID.tooManyRows.rawValue)
            XCTAssertEqual(d?.location?.line, SpreadsheetFile.maxRows + 2)
        }
        XCTAssertNoThrow(try csv(header + String(repeating: "a,b,c,d,e,f\n", count: SpreadsheetFile.maxRows)))
    }

    func testAUTF16CSVIsNamedAsSuch() throws {
        var utf16 = Data([0xFF, 0xFE])
        for unit in header.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        for data in [utf16, utf16.dropFirst(2)] {
            XCTAssertThrowsError(try CSVReader(data: Data(data), path: "m.csv", sheetName: "m").read()) { error in
                let d = (error as? SpreadsheetReadError)?.diagnostics.first
                XCTAssertEqual(d?.identifier, ImportDiagnosticID.notUTF8.rawValue)
                XCTAssertTrue(d?.message.contains("UTF-16") == true, d?.message ?? "")
            }
        }
    }
}
