import Foundation
import TequioModel
import XCTest

@testable import ZipSupport

/// Each attack is a hand-forged archive. `assertRefused` checks that `read` and `extract` both throw
/// the expected error naming the entry, and that `extract` wrote nothing at all.
final class SafeArchiveReaderTests: XCTestCase {
    // MARK: Names

    func testParentDirectoryTraversalIsRefused() throws {
        try assertRefused(
            RawZip([.init("ok.txt", "fine"), .init("../evil.txt", "pwned")]),
            .unsafeName(archive: "book.xlsx", entry: "../evil.txt", reason: .parentDirectory),
            description: "book.xlsx: entry '../evil.txt': unsafe name (parent directory)")
        try assertRefused(
            RawZip([.init("docs/../../evil.txt", "pwned")]),
            .unsafeName(archive: "book.xlsx", entry: "docs/../../evil.txt", reason: .parentDirectory))
    }

    func testAbsolutePathIsRefused() throws {
        try assertRefused(
            RawZip([.init("/tmp/evil.txt", "pwned")]),
            .unsafeName(archive: "book.xlsx", entry: "/tmp/evil.txt", reason: .absolutePath))
    }

    func testBackslashIsRefused() throws {
        try assertRefused(
            RawZip([.init("..\\evil.txt", "pwned")]),
            .unsafeName(archive: "book.xlsx", entry: "..\\evil.txt", reason: .backslash))
    }

    func testDriveLetterIsRefused() throws {
        try assertRefused(
            RawZip([.init("C:evil.txt", "pwned")]),
            .unsafeName(archive: "book.xlsx", entry: "C:evil.txt", reason: .driveLetter))
    }

    func testEmptySegmentAndDotSegmentAreRefused() throws {
        try assertRefused(
            RawZip([.init("docs//a.txt", "x")]),
            .unsafeName(archive: "book.xlsx", entry: "docs//a.txt", reason: .emptySegment))
        try assertRefused(
            RawZip([.init("./a.txt", "x")]),
            .unsafeName(archive: "book.xlsx", entry: "./a.txt", reason: .currentDirectory))
    }

    func testNULInANameIsRefusedThoughLibzipShowsASpace() throws {
        let archive = RawZip([.init(name: Array("evil.txt\0.png".utf8), content: Array("x".utf8))])
        try assertRefused(
            archive,
            .unsafeName(archive: "book.xlsx", entry: "evil.txt\\u{0}.png", reason: .controlCharacter))

        // entryNames shows the raw name (with its NUL), not libzip's "evil.txt .png".
        let sandbox = try Sandbox()
        try archive.write(to: sandbox.file("book.xlsx"))
        XCTAssertEqual(try SafeArchiveReader.entryNames(sandbox.file("book.xlsx")), ["evil.txt\0.png"])
    }

    func testInvalidUTF8NameIsRefused() throws {
        try assertRefused(
            RawZip([.init(name: [0x61, 0xFF, 0x2E, 0x74], content: [1])]),
            .unsafeName(archive: "book.xlsx", entry: "a\u{FFFD}.t", reason: .notUTF8))
    }

    // MARK: Entry kinds

    func testSymlinkEntryIsRefused() throws {
        var link = RawZip.Entry("xl/link", "/etc/passwd")
        link.externalAttributes = 0o120777 << 16
        try assertRefused(RawZip([link]), .symlink(archive: "book.xlsx", entry: "xl/link"))
    }

    func testDeviceEntryIsRefused() throws {
        var fifo = RawZip.Entry("xl/pipe", "")
        fifo.externalAttributes = 0o010644 << 16
        try assertRefused(RawZip([fifo]), .notRegularFile(archive: "book.xlsx", entry: "xl/pipe", mode: 0o010644))
    }

    func testEncryptedEntryIsRefused() throws {
        var secret = RawZip.Entry("xl/workbook.xml", "<ciphertext>")
        secret.flags = 0x0001
        try assertRefused(RawZip([secret]), .encrypted(archive: "book.xlsx", entry: "xl/workbook.xml"))
    }

    func testUnsupportedCompressionIsRefused() throws {
        var bzip2 = RawZip.Entry("data.csv", "BZh9")
        bzip2.method = 12
        try assertRefused(
            RawZip([bzip2]), .unsupportedCompression(archive: "book.xlsx", entry: "data.csv", method: 12))
    }

    func testFolderEntriesProduceNoFile() throws {
        var folder = RawZip.Entry("docs/", "")
        folder.externalAttributes = 0o040755 << 16
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try RawZip([folder, .init("docs/a.txt", "A"), .init("empty/", "")]).write(to: url)

        XCTAssertEqual(try SafeArchiveReader.read(url), FileTree(["docs/a.txt": Data("A".utf8)]))

        try SafeArchiveReader.extract(url, to: sandbox.file("out"))
        XCTAssertEqual(
            sandbox.listing(), ["bundle.zip", "out", "out/docs", "out/docs/a.txt", "out/empty"])
    }

    // MARK: Duplicates

    func testDuplicateEntriesAreRefused() throws {
        try assertRefused(
            RawZip([.init("a.txt", "first"), .init("a.txt", "second")]),
            .duplicateEntry(archive: "book.xlsx", entry: "a.txt", existing: "a.txt"))
    }

    func testNamesDifferingOnlyInCaseAreRefused() throws {
        try assertRefused(
            RawZip([.init("Report.xml", "first"), .init("report.XML", "second")]),
            .duplicateEntry(archive: "book.xlsx", entry: "report.XML", existing: "Report.xml"))
    }

    func testAFileUsedAsAFolderIsRefused() throws {
        try assertRefused(
            RawZip([.init("xl", "a file"), .init("xl/workbook.xml", "<workbook/>")]),
            .duplicateEntry(archive: "book.xlsx", entry: "xl/workbook.xml", existing: "xl"))
    }

    // MARK: Sizes and integrity

    func testAStoredEntryWhoseSizesDisagreeIsRefused() throws {
        var liar = RawZip.Entry("big.bin", String(repeating: "x", count: 5000))
        liar.declaredSize = 100
        try assertRefused(
            RawZip([liar]),
            .corrupt(archive: "book.xlsx", entry: "big.bin", message: "stored entry declares 100 bytes but holds 5000"))
    }

    func testADeflatedEntryLyingAboutItsSizeIsCaughtByCounting() throws {
        var liar = RawZip.Entry.deflated("big.bin", [UInt8](repeating: 7, count: 5000))
        liar.declaredSize = 100
        try assertRefused(
            RawZip([liar]),
            .corrupt(archive: "book.xlsx", entry: "big.bin", message: "entry declares 100 bytes but holds 5000"))
    }

    func testADeclaredSizeLieDoesNotGetPastTheEntryCap() throws {
        var liar = RawZip.Entry.deflated("big.bin", [UInt8](repeating: 7, count: 2 << 20))
        liar.declaredSize = 100
        try assertRefused(
            RawZip([liar]), .tooLarge(archive: "book.xlsx", entry: "big.bin", limit: 1 << 20),
            limits: ArchiveLimits(maxEntryBytes: 1 << 20))
    }

    func testAnEntryDeclaredOverTheCapIsRefusedBeforeReading() throws {
        try assertRefused(
            RawZip([.init("a.txt", String(repeating: "a", count: 2000))]),
            .tooLarge(archive: "book.xlsx", entry: "a.txt", limit: 1000),
            limits: ArchiveLimits(maxEntryBytes: 1000))
    }

    func testTooManyEntriesAreRefused() throws {
        let entries = (1...11).map { RawZip.Entry("sheet\($0).xml", "<sheet/>") }
        try assertRefused(
            RawZip(entries), .tooManyEntries(archive: "book.xlsx", count: 11, limit: 10),
            limits: ArchiveLimits(maxEntries: 10))
    }

    func testTheTotalSizeCapCountsRealBytes() throws {
        // Declared: 400 000 + 400 000 + 10 bytes, under the cap. Real: the third entry holds
        // 400 000 bytes too and takes the total over 1 MB while it is being read.
        var liar = RawZip.Entry.deflated("c.bin", [UInt8](repeating: 1, count: 400_000))
        liar.declaredSize = 10
        let honest = ["a", "b"].map { RawZip.Entry.deflated("\($0).bin", [UInt8](repeating: 1, count: 400_000)) }
        try assertRefused(
            RawZip(honest + [liar]), .totalTooLarge(archive: "book.xlsx", entry: "c.bin", limit: 1_000_000),
            limits: ArchiveLimits(maxTotalBytes: 1_000_000))
    }

    func testTheTotalSizeCapAppliesToDeclaredSizesToo() throws {
        let entries = ["a", "b", "c"].map { RawZip.Entry("\($0).txt", String(repeating: "x", count: 400_000)) }
        try assertRefused(
            RawZip(entries), .totalTooLarge(archive: "book.xlsx", entry: "c.txt", limit: 1_000_000),
            limits: ArchiveLimits(maxTotalBytes: 1_000_000))
    }

    func testAZipBombIsRefusedForItsRatio() throws {
        // 20 MB of zeros deflate to about 20 KB: a ratio near 1000:1.
        let sandbox = try Sandbox()
        let bomb = sandbox.file("bomb.zip")
        try ArchiveWriter.write(FileTree(["zeros.bin": Data(count: 20 << 20)]), to: bomb)
        XCTAssertLessThan(try Data(contentsOf: bomb).count, 100_000)

        XCTAssertThrowsError(try SafeArchiveReader.read(bomb)) { error in
            XCTAssertEqual(
                error as? ArchiveError, .suspiciousRatio(archive: bomb.relativePath, entry: "zeros.bin", limit: 200))
        }
    }

    func testSmallEntriesMayBeVeryCompressible() throws {
        // 512 KiB of zeros also compress about 1000:1, but stay under the 1 MiB ratio threshold.
        let tree = FileTree(["blank.csv": Data(count: 512 << 10)])
        let sandbox = try Sandbox()
        try ArchiveWriter.write(tree, to: sandbox.file("blank.zip"))
        XCTAssertEqual(try SafeArchiveReader.read(sandbox.file("blank.zip")), tree)
    }

    func testACRCMismatchIsRefused() throws {
        var damaged = RawZip.Entry("xl/sharedStrings.xml", "<sst/>")
        damaged.crc = 0xDEAD_BEEF
        try assertRefused(
            RawZip([.init("ok.txt", "fine"), damaged]),
            .corrupt(archive: "book.xlsx", entry: "xl/sharedStrings.xml", message: "CRC mismatch"))
    }

    func testGarbageIsNotAZipArchive() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("book.xlsx")
        try Data("PK but not really a zip file".utf8).write(to: url)
        XCTAssertThrowsError(try SafeArchiveReader.read(url)) {
            XCTAssertEqual(($0 as? ArchiveError)?.identifier, "zip.corrupt")
        }
    }

    // MARK: Extraction

    func testExtractWritesEveryFile() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        let tree = FileTree(["index.html": Data("<p/>".utf8), "media/a.png": noise(100)])
        try ArchiveWriter.write(tree, to: url)
        try SafeArchiveReader.extract(url, to: sandbox.file("site/player"))
        XCTAssertEqual(try Data(contentsOf: sandbox.file("site/player/media/a.png")), noise(100))
        XCTAssertEqual(
            sandbox.listing(),
            [
                "bundle.zip", "site", "site/player", "site/player/index.html", "site/player/media",
                "site/player/media/a.png",
            ])
    }

    func testExtractRefusesANonEmptyTarget() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("bundle.zip")
        try ArchiveWriter.write(FileTree(["a.txt": Data("a".utf8)]), to: url)
        try FileManager.default.createDirectory(at: sandbox.file("out"), withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: sandbox.file("out/keep.txt"))

        XCTAssertThrowsError(try SafeArchiveReader.extract(url, to: sandbox.file("out"))) {
            XCTAssertEqual(($0 as? ArchiveError)?.identifier, "zip.io")
        }
        XCTAssertEqual(sandbox.listing(), ["bundle.zip", "out", "out/keep.txt"])
    }

    func testErrorsBecomeDiagnostics() {
        let error = ArchiveError.unsafeName(
            archive: "uploads/book.xlsx", entry: "../evil.txt", reason: .parentDirectory)
        XCTAssertEqual(
            error.diagnostic.formatted,
            "uploads/book.xlsx: error: entry '../evil.txt': unsafe name (parent directory) [zip.unsafe-name]")
    }

    // MARK: Helper

    /// Writes `archive` as `book.xlsx` in a fresh sandbox, then checks that `read` and `extract`
    /// both throw `expected` and that extracting left the sandbox exactly as it was.
    private func assertRefused(
        _ archive: RawZip, _ expected: ArchiveError, description: String? = nil,
        limits: ArchiveLimits = .init(), file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let sandbox = try Sandbox()
        try archive.write(to: sandbox.file("book.xlsx"))
        // Relative to the sandbox, so errors show the archive as just "book.xlsx".
        let url = URL(fileURLWithPath: "book.xlsx", relativeTo: sandbox.url)

        XCTAssertThrowsError(try SafeArchiveReader.read(url, limits: limits), file: file, line: line) { error in
            XCTAssertEqual(error as? ArchiveError, expected, "read", file: file, line: line)
            if let description {
                XCTAssertEqual("\(error)", description, file: file, line: line)
            }
        }
        XCTAssertThrowsError(
            try SafeArchiveReader.extract(url, to: sandbox.file("out/book"), limits: limits), file: file, line: line
        ) { error in
            XCTAssertEqual(error as? ArchiveError, expected, "extract", file: file, line: line)
        }
        XCTAssertEqual(sandbox.listing(), ["book.xlsx"], "extract wrote something", file: file, line: line)
    }
}
