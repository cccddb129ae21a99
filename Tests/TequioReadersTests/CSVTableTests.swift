import Foundation
import XCTest

@testable import TequioReaders

/// The one CSV reader, as a module's data files and filled tables both use it.
final class CSVTableTests: XCTestCase {
    let comma = CSVTable.Options(maxBytes: 1 << 20)
    let any = CSVTable.Options(separators: [",", ";", "\t"], maxBytes: 1 << 20)

    func read(_ text: String, _ options: CSVTable.Options? = nil) throws -> CSVTable {
        try CSVTable.read(Data(text.utf8), options: options ?? comma)
    }

    func error(_ text: String, _ options: CSVTable.Options? = nil) -> CSVTable.ReadError? {
        do {
            _ = try CSVTable.read(Data(text.utf8), options: options ?? comma)
            return nil
        } catch {
            return error
        }
    }

    func testRecordsKeepTheirLineTheirFieldCountAndTheirNonEmptyFields() throws {
        let table = try read("\u{FEFF}a,b,c\r\n\r\n\"x\r\ny\",,\"q\"\"\"\rlast")
        XCTAssertEqual(table.records.map(\.line), [1, 2, 3, 5])
        XCTAssertEqual(table.records.map(\.fieldCount), [3, 1, 3, 1])
        XCTAssertEqual(table.records.map(\.isBlank), [false, true, false, false])
        XCTAssertEqual(table.records[2].fields, ["x\ny", "", "q\""])
        XCTAssertEqual(table.records[2].values, [.init(index: 0, text: "x\ny"), .init(index: 2, text: "q\"")])
        XCTAssertEqual(table.records[3].fields, ["last"])
    }

    func testEveryFieldKnowsWhereItStartsEvenAfterAQuotedLineBreak() throws {
        let table = try read("\u{FEFF}ñu,\"b\",,d\n\"x\ny\",é,z\n")
        XCTAssertEqual(table.records[0].starts.map { [$0.line, $0.column] }, [[1, 1], [1, 4], [1, 8], [1, 9]], "the mark is not a column")
        XCTAssertEqual(table.records[1].starts.map { [$0.line, $0.column] }, [[2, 1], [3, 4], [3, 6]], "columns count Unicode scalars")
    }

    func testTheSeparatorIsTheOneTheFirstLineUsesMostOutsideQuotes() throws {
        XCTAssertEqual(try read("\"a;b\",c;d,e\n1,2,3\n", any).separator, UInt8(ascii: ","))
        XCTAssertEqual(try read("a;b;c,d\n", any).separator, UInt8(ascii: ";"))
        XCTAssertEqual(try read("a\tb\n", any).separator, UInt8(ascii: "\t"))
        XCTAssertEqual(try read("a;b;c\n").records[0].fields, ["a;b;c"], "a module's data is comma-separated")
    }

    func testQuoteErrorsGiveTheLineAndColumn() {
        XCTAssertEqual(error("a,b\nc,d\"e\n"), .quoteInUnquotedField(line: 2, column: 4))
        XCTAssertEqual(error("a,b\nñ,\"x\"y\n"), .textAfterClosingQuote(line: 2, column: 6), "columns count Unicode scalars")
        XCTAssertEqual(error("a\n\"b\nc\n"), .unclosedQuote(line: 2), "the line the record starts on")
    }

    func testEncodingSizeAndRecordLimits() {
        XCTAssertThrowsError(try CSVTable.read(Data([0x61, 0x0A, 0x62, 0xFF]), options: comma)) {
            XCTAssertEqual($0 as? CSVTable.ReadError, .notUTF8(line: 2, column: 2))
        }
        XCTAssertEqual(error("a\u{0}b\u{0}c\u{0}d\u{0}"), .utf16)
        XCTAssertEqual(error("abc", CSVTable.Options(maxBytes: 2)), .tooLarge(bytes: 3))
        XCTAssertEqual(error("h\n\n1\n2\n", CSVTable.Options(maxBytes: 100, maxRecordsWithContent: 2)), .tooManyRecords(line: 4))
        XCTAssertNil(error("h\n\n1\n", CSVTable.Options(maxBytes: 100, maxRecordsWithContent: 2)), "blank lines do not count")
    }

    func testAFileIsRefusedByItsSizeBeforeItIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-csv-\(UUID().uuidString).csv")
        try Data("a,b\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try CSVTable.read(contentsOf: url, options: CSVTable.Options(maxBytes: 3))) {
            XCTAssertEqual($0 as? CSVTable.ReadError, .tooLarge(bytes: 4))
        }
        XCTAssertEqual(try CSVTable.read(contentsOf: url, options: comma).records.map(\.fields), [["a", "b"]])
        XCTAssertThrowsError(try CSVTable.read(contentsOf: url.appendingPathExtension("missing"), options: comma)) {
            XCTAssertEqual($0 as? CSVTable.ReadError, .unreadable)
        }
    }
}
