import Foundation
import TequioModel
import XCTest

@testable import ZipSupport

final class ArchiveWriterTests: XCTestCase {
    /// A small web bundle: text, media and a non-ASCII name.
    let bundle = FileTree([
        "index.html": Data(String(repeating: "<p>Hola, Oaxaca</p>\n", count: 200).utf8),
        "css/player.css": Data(String(repeating: "p { margin: 0 }\n", count: 100).utf8),
        "media/photo.JPG": noise(3000),
        "media/intro.mp4": noise(5000, seed: 2),
        "fonts/body.woff2": noise(700, seed: 3),
        "módulo.txt": Data("agua".utf8),
    ])

    // MARK: Reproducibility

    func testTwoRunsGiveTheSameBytes() throws {
        let first = try ArchiveWriter.data(for: bundle)
        let second = try ArchiveWriter.data(for: bundle)
        XCTAssertEqual(first, second)
    }

    func testTheTimeZoneDoesNotChangeTheBytes() throws {
        // 02:30 on 2021-03-14 does not exist in New York (clocks jump from 02:00 to 03:00), which is
        // where libzip's mktime/localtime round trip would shift the time by an hour.
        let options = ArchiveOptions(timestamp: utc("2021-03-14T02:30:00Z"))
        let zones = ["UTC", "America/New_York", "Pacific/Kiritimati", "Australia/Lord_Howe", "Asia/Kathmandu"]
        let outputs = try zones.map { zone in
            try withTimeZone(zone) { try ArchiveWriter.data(for: bundle, options: options) }
        }
        for (zone, output) in zip(zones, outputs) {
            XCTAssertEqual(output, outputs[0], "bytes differ in \(zone)")
        }
        for entry in try ZipLayout(outputs[0]).entries {
            XCTAssertEqual(entry.modified, DOSFields(year: 2021, month: 3, day: 14, hour: 2, minute: 30))
        }
    }

    func testWithoutSourceDateEpochEveryEntryIsDated1980() throws {
        let data = try withSourceDateEpoch(nil) { try ArchiveWriter.data(for: bundle) }
        for entry in try ZipLayout(data).entries {
            XCTAssertEqual(entry.modified, DOSFields(year: 1980, month: 1, day: 1))
        }
    }

    func testSourceDateEpochSetsTheTimeInUTC() throws {
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        let data = try withSourceDateEpoch("1700000000") {
            try withTimeZone("Asia/Tokyo") { try ArchiveWriter.data(for: bundle) }
        }
        for entry in try ZipLayout(data).entries {
            XCTAssertEqual(entry.modified, DOSFields(year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20))
        }
    }

    func testAnExplicitTimestampWinsOverSourceDateEpoch() throws {
        let data = try withSourceDateEpoch("1700000000") {
            try ArchiveWriter.data(for: bundle, options: ArchiveOptions(timestamp: utc("2000-02-29T12:00:01Z")))
        }
        // DOS times have a 2-second resolution: 12:00:01 is written as 12:00:00.
        XCTAssertEqual(try ZipLayout(data).entries[0].modified, DOSFields(year: 2000, month: 2, day: 29, hour: 12))
    }

    func testAMalformedSourceDateEpochIsAnError() throws {
        try withSourceDateEpoch("yesterday") {
            XCTAssertThrowsError(try ArchiveWriter.data(for: bundle)) { error in
                XCTAssertEqual((error as? ArchiveError)?.identifier, "zip.invalid-source-date-epoch")
            }
        }
    }

    // MARK: Layout

    func testEntriesAreSortedByPathBytes() throws {
        let tree = FileTree([
            "a_b.txt": Data("3".utf8), "a/b.txt": Data("2".utf8), "a.txt": Data("1".utf8), "B.txt": Data("0".utf8),
        ])
        let layout = try ZipLayout(ArchiveWriter.data(for: tree))
        XCTAssertEqual(layout.names, ["B.txt", "a.txt", "a/b.txt", "a_b.txt"])
    }

    func testMediaIsStoredAndTextIsDeflated() throws {
        let layout = try ZipLayout(ArchiveWriter.data(for: bundle))
        let methods = Dictionary(uniqueKeysWithValues: layout.entries.map { ($0.name, $0.method) })
        XCTAssertEqual(
            methods,
            [
                "css/player.css": 8, "fonts/body.woff2": 0, "index.html": 8, "media/intro.mp4": 0,
                "media/photo.JPG": 0, "módulo.txt": 8,
            ])
        let html = try XCTUnwrap(layout.entries.first { $0.name == "index.html" })
        XCTAssertLessThan(html.compressedSize, html.uncompressedSize / 10)
    }

    func testEveryEntryIsARegularUnixFileWithoutExtraFields() throws {
        for entry in try ZipLayout(ArchiveWriter.data(for: bundle)).entries {
            XCTAssertEqual(entry.hostSystem, 3, "\(entry.name): made on Unix")
            XCTAssertEqual(entry.unixMode, 0o100644, "\(entry.name): mode")
            XCTAssertEqual(entry.localExtraLength, 0, "\(entry.name): local extra field")
            XCTAssertEqual(entry.centralExtraLength, 0, "\(entry.name): central extra field")
            XCTAssertEqual(entry.flags & 0x0008, 0, "\(entry.name): no data descriptor")
        }
    }

    func testNonASCIINamesAreMarkedUTF8() throws {
        let layout = try ZipLayout(ArchiveWriter.data(for: bundle))
        let flagged = layout.entries.filter(\.isUTF8).map(\.name)
        XCTAssertEqual(flagged, ["módulo.txt"])  // libzip marks only names that need it
    }

    func testMimetypeComesFirstStoredWithoutExtraField() throws {
        var epub = FileTree()
        epub.add("mimetype", text: "application/epub+zip")
        epub.add("META-INF/container.xml", text: "<container/>")
        epub.add("EPUB/package.opf", text: "<package/>")
        epub.add("A.txt", text: "sorts before mimetype")
        let data = try ArchiveWriter.data(for: epub, options: ArchiveOptions(firstEntry: "mimetype"))

        // What EPUB readers check: the first local header, byte by byte.
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes[0..<4]), [0x50, 0x4B, 0x03, 0x04], "local header signature")
        XCTAssertEqual(Array(bytes[6..<8]), [0, 0], "no flags (no data descriptor)")
        XCTAssertEqual(Array(bytes[8..<10]), [0, 0], "method 0: stored")
        XCTAssertEqual(Array(bytes[26..<28]), [8, 0], "name length 8")
        XCTAssertEqual(Array(bytes[28..<30]), [0, 0], "extra field length 0")
        XCTAssertEqual(String(decoding: bytes[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: bytes[38..<58], as: UTF8.self), "application/epub+zip")

        XCTAssertEqual(try ZipLayout(data).names, ["mimetype", "A.txt", "EPUB/package.opf", "META-INF/container.xml"])
    }

    func testAMissingFirstEntryIsAnError() {
        XCTAssertThrowsError(try ArchiveWriter.data(for: bundle, options: ArchiveOptions(firstEntry: "mimetype"))) {
            XCTAssertEqual(($0 as? ArchiveError)?.identifier, "zip.missing-first-entry")
        }
    }

    func testAnEmptyTreeGivesAValidEmptyArchive() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("empty.zip")
        try ArchiveWriter.write(FileTree(), to: url)
        XCTAssertEqual(try Data(contentsOf: url).count, 22)
        XCTAssertEqual(try SafeArchiveReader.read(url), FileTree())
    }

    func testTheArchiveReadsBackAsTheSameTree() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try ArchiveWriter.write(bundle, to: url)
        XCTAssertEqual(try SafeArchiveReader.read(url), bundle)
    }

    func testInfoZipAcceptsTheArchive() throws {
        let unzip = URL(fileURLWithPath: "/usr/bin/unzip")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: unzip.path), "unzip not installed")
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try ArchiveWriter.write(bundle, to: url)
        let process = Process()
        process.executableURL = unzip
        process.arguments = ["-tqq", url.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip -t")
    }

    // MARK: Atomic writing

    func testMissingParentFoldersAreCreated() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("dist/web/bundle.zip")
        try ArchiveWriter.write(bundle, to: url)
        XCTAssertEqual(sandbox.listing(), ["dist", "dist/web", "dist/web/bundle.zip"])
    }

    func testAFailureWhileWritingKeepsThePreviousArchiveAndLeavesNoTemporaryFile() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try Data("the previous archive".utf8).write(to: url)

        var tree = bundle
        tree["big.txt"] = Data(String(repeating: "x", count: 1 << 20).utf8)
        var options = ArchiveOptions()
        options.failWhileReading = "big.txt"  // its data source fails after the first chunk, inside zip_close
        XCTAssertThrowsError(try ArchiveWriter.write(tree, to: url, options: options)) { error in
            XCTAssertEqual((error as? ArchiveError)?.identifier, "zip.io")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "the previous archive")
        XCTAssertEqual(sandbox.listing(), ["bundle.zip"])
    }

    func testATargetThatIsAFolderIsRefusedAndLeftAlone() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.file("bundle.zip")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("note.txt"))

        XCTAssertThrowsError(try ArchiveWriter.write(bundle, to: folder)) { error in
            XCTAssertEqual((error as? ArchiveError)?.identifier, "zip.io")
        }
        XCTAssertEqual(sandbox.listing(), ["bundle.zip", "bundle.zip/note.txt"])
    }

    func testWritingReplacesAnExistingArchive() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try Data("old".utf8).write(to: url)
        try ArchiveWriter.write(bundle, to: url)
        XCTAssertEqual(try Data(contentsOf: url), try ArchiveWriter.data(for: bundle))
        XCTAssertEqual(sandbox.listing(), ["bundle.zip"])
    }
}
