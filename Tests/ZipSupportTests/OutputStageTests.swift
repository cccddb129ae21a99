import Foundation
import TequioModel
import XCTest

@testable import ZipSupport

final class OutputStageTests: XCTestCase {
    let tree = FileTree([
        "mimetype": Data("application/epub+zip".utf8),
        "index.html": Data(String(repeating: "<p>Hola, Oaxaca</p>\n", count: 200).utf8),
        "media/photo.jpg": noise(3000),
    ])
    var epubOptions: ArchiveOptions { ArchiveOptions(timestamp: utc("2012-01-20T10:00:00Z"), firstEntry: "mimetype") }

    /// A set of three: an archive, a page and a text, the first two replacing old files.
    func set(in sandbox: Sandbox) -> [OutputFile] {
        [
            .archive(tree, options: epubOptions, to: sandbox.file("plan.epub")),
            .data(Data("<h1>nuevo</h1>".utf8), to: sandbox.file("plan.html")),
            .data(Data("# nuevo".utf8), to: sandbox.file("plan.md")),
        ]
    }

    func writeOldFiles(in sandbox: Sandbox) throws {
        try Data("old epub".utf8).write(to: sandbox.file("plan.epub"))
        try Data("old html".utf8).write(to: sandbox.file("plan.html"))
    }

    func assertOldFiles(in sandbox: Sandbox, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(sandbox.listing(), ["plan.epub", "plan.html"], "no temporaries, no new file", file: file, line: line)
        XCTAssertEqual(try String(contentsOf: sandbox.file("plan.epub"), encoding: .utf8), "old epub", file: file, line: line)
        XCTAssertEqual(try String(contentsOf: sandbox.file("plan.html"), encoding: .utf8), "old html", file: file, line: line)
    }

    // MARK: Writing a set

    func testASetReplacesEveryTargetAndLeavesNoTemporary() throws {
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        try OutputStage().write(set(in: sandbox))
        XCTAssertEqual(sandbox.listing(), ["plan.epub", "plan.html", "plan.md"])
        XCTAssertEqual(try Data(contentsOf: sandbox.file("plan.epub")), try ArchiveWriter.data(for: tree, options: epubOptions))
        XCTAssertEqual(try String(contentsOf: sandbox.file("plan.html"), encoding: .utf8), "<h1>nuevo</h1>")
        XCTAssertEqual(try String(contentsOf: sandbox.file("plan.md"), encoding: .utf8), "# nuevo")
    }

    func testMissingParentFoldersAreCreated() throws {
        let sandbox = try Sandbox()
        try OutputStage().write([.data(Data("x".utf8), to: sandbox.file("dist/plans/a.md"))])
        XCTAssertEqual(sandbox.listing(), ["dist", "dist/plans", "dist/plans/a.md"])
    }

    func testAParentThatIsAFileIsAnIOErrorNamingTheTarget() throws {
        let sandbox = try Sandbox()
        try Data("not a folder".utf8).write(to: sandbox.file("dist"))
        XCTAssertThrowsError(
            try OutputStage().write([.data(Data("x".utf8), to: sandbox.file("dist/a.md"), displayPath: "dist/a.md")])
        ) { error in
            let error = error as? ArchiveError
            XCTAssertEqual(error?.identifier, "zip.io")
            XCTAssertEqual(error?.path, "dist/a.md")
            XCTAssertTrue(error?.message.contains("is not a folder") == true, "\(String(describing: error))")
        }
    }

    func testTheSameTargetTwiceInOneSetIsRefused() throws {
        let sandbox = try Sandbox()
        let url = sandbox.file("a.md")
        XCTAssertThrowsError(try OutputStage().write([.data(Data("1".utf8), to: url), .data(Data("2".utf8), to: url)]))
        XCTAssertEqual(sandbox.listing(), [])
    }

    // MARK: The verify hook

    func testVerifySeesEachCompleteStagedFileBesideItsTargetBeforeAnyRename() throws {
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        let expected = try ArchiveWriter.data(for: tree, options: epubOptions)
        let seen = Recorder()
        let oldEpub = sandbox.file("plan.epub")
        let stage = OutputStage { staged, final in
            XCTAssertEqual(staged.deletingLastPathComponent().path, final.deletingLastPathComponent().path)
            XCTAssertTrue(staged.lastPathComponent.hasPrefix("."), "hidden: \(staged.lastPathComponent)")
            XCTAssertTrue(staged.lastPathComponent.hasSuffix("." + final.lastPathComponent), "keeps the name and extension")
            if final.lastPathComponent == "plan.epub" { XCTAssertEqual(try Data(contentsOf: staged), expected) }
            // Nothing is renamed while the set is being checked.
            XCTAssertEqual(try String(contentsOf: oldEpub, encoding: .utf8), "old epub")
            seen.append(final.lastPathComponent)
        }
        try stage.write(set(in: sandbox))
        XCTAssertEqual(seen.values, ["plan.epub", "plan.html", "plan.md"])
        XCTAssertEqual(sandbox.listing(), ["plan.epub", "plan.html", "plan.md"])
    }

    func testAVerifyFailureAbortsTheWholeSetAndIsNotAnArchiveError() throws {
        struct Rejected: Error, CustomStringConvertible { var description: String { "mimetype is not first" } }
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        let stage = OutputStage { _, final in
            if final.lastPathComponent == "plan.md" { throw Rejected() }
        }
        XCTAssertThrowsError(try stage.write(set(in: sandbox))) { error in
            XCTAssertNil(error as? ArchiveError)
            let failure = error as? OutputVerificationError
            XCTAssertEqual(failure?.final.lastPathComponent, "plan.md")
            XCTAssertTrue(failure?.underlying is Rejected)
            XCTAssertTrue("\(error)".hasSuffix("plan.md: failed verification: mimetype is not first"), "\(error)")
        }
        try assertOldFiles(in: sandbox)
    }

    // MARK: Failures leave the old files

    func testAFailureStagingALaterFileRenamesNothing() throws {
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        var big = tree
        big["big.txt"] = Data(String(repeating: "x", count: 1 << 20).utf8)
        var options = ArchiveOptions()
        options.failWhileReading = "big.txt"  // its data source fails inside zip_close
        var outputs = set(in: sandbox)
        outputs[2] = .archive(big, options: options, to: sandbox.file("plan.md"))
        XCTAssertThrowsError(try OutputStage().write(outputs)) { error in
            XCTAssertEqual((error as? ArchiveError)?.identifier, "zip.io")
        }
        try assertOldFiles(in: sandbox)
    }

    func testAFailedRenameUndoesTheRenamesBeforeIt() throws {
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        var stage = OutputStage()
        stage.failRenaming = "plan.md"  // after plan.epub and plan.html were renamed
        XCTAssertThrowsError(try stage.write(set(in: sandbox))) { error in
            let error = error as? ArchiveError
            XCTAssertEqual(error?.path, sandbox.file("plan.md").relativePath)
            XCTAssertTrue(error?.message.contains("Input/output error") == true, "\(String(describing: error))")
        }
        try assertOldFiles(in: sandbox)
    }

    func testAFailedRenameRemovesTheNewFilesThatHadNoOldOne() throws {
        let sandbox = try Sandbox()
        var stage = OutputStage()
        stage.failRenaming = "plan.md"
        XCTAssertThrowsError(try stage.write(set(in: sandbox)))
        XCTAssertEqual(sandbox.listing(), [])
    }

    func testATargetThatIsAFolderIsRefusedBeforeAnythingIsStaged() throws {
        let sandbox = try Sandbox()
        try writeOldFiles(in: sandbox)
        var outputs = set(in: sandbox)
        try FileManager.default.createDirectory(at: sandbox.file("plan.md"), withIntermediateDirectories: false)
        outputs[2] = .data(Data("x".utf8), to: sandbox.file("plan.md"))
        XCTAssertThrowsError(try OutputStage().write(outputs))
        XCTAssertEqual(sandbox.listing(), ["plan.epub", "plan.html", "plan.md"])
        XCTAssertEqual(try String(contentsOf: sandbox.file("plan.epub"), encoding: .utf8), "old epub")
    }

    // MARK: What killed runs left

    func testStaleTemporariesOfDeadProcessesAreRemovedAndNothingElse() throws {
        let sandbox = try Sandbox()
        let dead = try deadProcessID()
        let live = getpid()
        let stale = [
            ".tequio-\(dead)-3-new.oaxaca-agua-1.0.0.epub",
            ".tequio-\(dead)-4-old.oaxaca-agua-1.0.0-web.zip",
            ".oaxaca-agua-1.0.0-web.zip.tmp-\(dead)-2",  // the archive writer before the output stage
            ".oaxaca-agua-1.0.0-web.zip.tmp-\(dead)-2.Ab3xYz",  // libzip's mkstemp beside it
            ".plan.md.tmp-\(dead)-1A2B3C4D",  // the document writer before the output stage
            ".dat.nosync\(String(dead, radix: 16, uppercase: true)).XfAGgN",  // FileManager.createFile in it
        ]
        let kept = [
            "oaxaca-agua-1.0.0-web.zip",
            ".tequio-\(live)-1-new.plan.docx",  // this process is running
            ".tequio-1-1-new.plan.docx",  // pid 1 is running
            ".tequio-\(dead)-1-new.",  // not a name the stage makes
            ".tequio-\(dead)-x-new.plan.md",
            ".notes.tmp-later",
            ".plan.md.tmp-\(dead)-1.toolong",
            "plan.md.tmp-\(dead)-1",  // not hidden
            ".dat.nosync\(String(live, radix: 16, uppercase: true)).XfAGgN",
            ".dat.nosyncXYZ.XfAGgN",
        ]
        for name in stale + kept { try Data("x".utf8).write(to: sandbox.file(name)) }
        try FileManager.default.createDirectory(
            at: sandbox.file(".web.zip.tmp-\(dead)-9"), withIntermediateDirectories: false)

        let removed = OutputStage.removeStaleTemporaries(in: sandbox.url)
        XCTAssertEqual(removed, stale.sorted())
        XCTAssertEqual(sandbox.listing(), (kept + [".web.zip.tmp-\(dead)-9"]).sorted())
    }

    func testALockedTemporaryIsKeptEvenWhenItsProcessLooksDead() throws {
        // Another container's build: its pid means nothing here, but it holds the lock.
        let sandbox = try Sandbox()
        let name = ".tequio-\(try deadProcessID())-1-new.plan.docx"
        try Data("x".utf8).write(to: sandbox.file(name))
        let fd = open(sandbox.file(name).path, O_RDONLY)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        XCTAssertEqual(OutputStage.removeStaleTemporaries(in: sandbox.url), [])
        close(fd)
        XCTAssertEqual(OutputStage.removeStaleTemporaries(in: sandbox.url), [name])
    }

    func testWritingIntoAFolderRemovesItsStaleTemporariesFirst() throws {
        let sandbox = try Sandbox()
        let stale = ".tequio-\(try deadProcessID())-7-new.plan.md"
        try Data("half a file".utf8).write(to: sandbox.file(stale))
        try OutputStage().write([.data(Data("# plan".utf8), to: sandbox.file("plan.md"))])
        XCTAssertEqual(sandbox.listing(), ["plan.md"])
    }

    func testTemporaryNamesNameTheirProcess() {
        let target = URL(fileURLWithPath: "/out/oaxaca-agua-1.0.0.epub")
        for role in TemporaryName.Role.allCases {
            let name = TemporaryName.staged(beside: target, role: role).lastPathComponent
            XCTAssertTrue(name.hasPrefix(".tequio-\(getpid())-"), name)
            XCTAssertTrue(name.hasSuffix("-\(role.rawValue).oaxaca-agua-1.0.0.epub"), name)
            XCTAssertEqual(TemporaryName.owner(ofTemporary: name), getpid())
        }
        let long = URL(fileURLWithPath: "/out/" + String(repeating: "a", count: 250) + ".docx")
        let short = TemporaryName.staged(beside: long, role: .new).lastPathComponent
        XCTAssertLessThanOrEqual(short.utf8.count, 255)
        XCTAssertTrue(short.hasSuffix(".docx"))
        XCTAssertNil(TemporaryName.owner(ofTemporary: "plan.docx"))
        XCTAssertNil(TemporaryName.owner(ofTemporary: ".tequio-0-1-new.plan.docx"))
        XCTAssertNil(TemporaryName.owner(ofTemporary: ".tequio-99999999999-1-new.plan.docx"))
    }

    // MARK: Archives in memory

    func testArchiveDataUsesNoTemporaryFolder() throws {
        let sandbox = try Sandbox()
        let saved = getenv("TMPDIR").map { String(cString: $0) }
        setenv("TMPDIR", sandbox.url.path, 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        try XCTSkipUnless(
            FileManager.default.temporaryDirectory.standardizedFileURL.path == sandbox.url.standardizedFileURL.path,
            "Foundation does not follow TMPDIR here")
        _ = try ArchiveWriter.data(for: tree, options: epubOptions)
        XCTAssertEqual(sandbox.listing(), [])
    }

    /// The id of a process that has just ended.
    private func deadProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let pid = process.processIdentifier
        XCTAssertFalse(StaleTemporaries.isRunning(pid))
        return pid
    }
}

/// Names collected by a `@Sendable` hook.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _values: [String] = []
    func append(_ value: String) {
        lock.lock()
        _values.append(value)
        lock.unlock()
    }
    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return _values
    }
}
