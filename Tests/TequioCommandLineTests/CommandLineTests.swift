import Foundation
import XCTest

/// Runs the real `tequio` binary, as a user would, and checks output, exit codes and files.
final class CommandLineTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tequio")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    func tequio(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary.standardizedFileURL.path.contains(".xctest")
            ? Self.binary.deletingLastPathComponent().appendingPathComponent("tequio") : Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Self.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    // MARK: check

    func testCheckOfTheExampleModuleIsClean() throws {
        let run = try tequio(["check", "modules/oaxaca-agua"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("0 errors, 0 warnings"), run.stderr)
    }

    func testCheckPrintsCompilerStyleDiagnosticsAndExits65() throws {
        let run = try tequio(["check", "Tests/TequioReadersTests/Fixtures/duplicate-ids"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(
            run.stderr.contains("Tests/TequioReadersTests/Fixtures/duplicate-ids/module.xml:36:5: error: duplicate id 'a1' [module.duplicate-id]"),
            run.stderr)
        XCTAssertTrue(run.stderr.contains("module.xml:26:5: note: 'a1' first used here"), run.stderr)
        XCTAssertFalse(run.stderr.contains("\u{1B}["), "no colour when not on a terminal")
    }

    func testJSONFormatIsMachineReadable() throws {
        let run = try tequio(["check", "--format", "json", "Tests/TequioReadersTests/Fixtures/dangling-references"])
        XCTAssertEqual(run.status, 65)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(object?["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.compactMap { $0["identifier"] as? String }.sorted(), ["module.unknown-matrix", "module.unknown-term", "module.unknown-term"])
    }

    func testStrictMakesWarningsFail() throws {
        let path = "Tests/TequioReadersTests/Fixtures/missing-translation"
        XCTAssertEqual(try tequio(["check", path]).status, 0)
        XCTAssertEqual(try tequio(["check", "--strict", path]).status, 65)
    }

    func testMissingFileIsAnIOErrorAndBadOptionIsUsage() throws {
        let missing = try tequio(["check", "no/such/module"])
        XCTAssertEqual(missing.status, 74)
        XCTAssertTrue(missing.stderr.contains("no/such/module: error: no such file or folder"), missing.stderr)
        XCTAssertEqual(try tequio(["check", "--colour", "modules/oaxaca-agua"]).status, 64)
        XCTAssertEqual(try tequio(["build", "modules/oaxaca-agua", "--target", "floppy"]).status, 64)
    }

    func testHostileXMLNeverLeaksAFile() throws {
        let run = try tequio(["check", "--format", "json", "Tests/TequioReadersTests/Fixtures/doctype-passwd"])
        XCTAssertEqual(run.status, 65)
        XCTAssertFalse((run.stdout + run.stderr).contains("root:x:0"))
    }

    func testCompletedMatricesAreCheckedAgainstTheirModule() throws {
        let good = try tequio(["check", "examples/matrices"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stderr.contains("0 errors, 0 warnings in 4 files"), good.stderr)
        let bad = try tequio(["check", "Tests/TequioCommandLineTests/Fixtures/bad-matrix.xml"])
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("[matrix.wrong-version]"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("'presupuesto'"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("[matrix.unknown-column]"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("[matrix.missing-required]"), bad.stderr)
        let other = try tequio(["check", "--module", "modules/oaxaca-agua", "Tests/TequioCommandLineTests/Fixtures/other-module-matrix.xml"])
        XCTAssertEqual(other.status, 65)
        XCTAssertTrue(other.stderr.contains("[matrix.wrong-module]"), other.stderr)
    }

    // MARK: new

    func testNewScaffoldsAModuleThatPassesCheckFromAnyFolder() throws {
        let dir = try temporaryDirectory()
        let created = try tequio(["new", "agua-huajuapan", "--title", "Agua & transparencia", "--author", "Ana Pérez"], in: dir)
        XCTAssertEqual(created.status, 0, created.stderr)
        let check = try tequio(["check", "--strict", "modules/agua-huajuapan"], in: dir)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(try tequio(["new", "agua-huajuapan"], in: dir).status, 74, "an existing folder is never overwritten")
        XCTAssertEqual(try tequio(["new", "Agua Huajuapan"], in: dir).status, 64)
    }

    // MARK: build

    func testBuildIsByteIdenticalAcrossRunsAndTimeZones() throws {
        let dir = try temporaryDirectory()
        let env = ["SOURCE_DATE_EPOCH": "1764374400"]
        let a = dir.appendingPathComponent("a")
        let b = dir.appendingPathComponent("b")
        XCTAssertEqual(try tequio(["build", "modules/oaxaca-agua", "-o", a.path], environment: env.merging(["TZ": "America/Mexico_City"]) { $1 }).status, 0)
        XCTAssertEqual(try tequio(["build", "modules/oaxaca-agua", "-o", b.path], environment: env.merging(["TZ": "Asia/Tokyo"]) { $1 }).status, 0)
        let name = "oaxaca-agua-1.0.0-web.zip"
        let first = try Data(contentsOf: a.appendingPathComponent(name))
        XCTAssertEqual(first, try Data(contentsOf: b.appendingPathComponent(name)))
        XCTAssertGreaterThan(first.count, 1000)
    }

    func testBuildOfAnInvalidModuleWritesNothingAndKeepsThePreviousBundle() throws {
        let dir = try temporaryDirectory()
        let modules = dir.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("modules/oaxaca-agua"), to: modules.appendingPathComponent("oaxaca-agua"))
        let out = dir.appendingPathComponent("dist")
        XCTAssertEqual(try tequio(["build", modules.appendingPathComponent("oaxaca-agua").path, "-o", out.path]).status, 0)
        let bundle = out.appendingPathComponent("oaxaca-agua-1.0.0-web.zip")
        let before = try Data(contentsOf: bundle)
        let moduleFile = modules.appendingPathComponent("oaxaca-agua/module.xml")
        var text = try String(contentsOf: moduleFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "<matrix id=\"plan\"", with: "<matrix id=\"plan\" bogus=\"1\"")
        try text.write(to: moduleFile, atomically: true, encoding: .utf8)
        let run = try tequio(["build", modules.appendingPathComponent("oaxaca-agua").path, "-o", out.path])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("nothing was written"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: bundle), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["oaxaca-agua-1.0.0-web.zip"])
    }

    func testAFacilitatorsBuildOfThePlayerHasItsOwnName() throws {
        let out = try temporaryDirectory().appendingPathComponent("dist")
        let run = try tequio(["build", "modules/oaxaca-agua", "--target", "web,epub", "--audience", "facilitator", "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(),
                       ["oaxaca-agua-1.0.0-web-facilitator.zip", "oaxaca-agua-1.0.0.epub"], "the e-book is the participants' either way")
        XCTAssertEqual(try tequio(["build", "modules/oaxaca-agua", "--audience", "trainer", "-o", out.path]).status, 64)
    }

    func testAMissingStringCatalogueIsABrokenInstallationAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("templates"), to: templates)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("strings/en.json"))
        let out = dir.appendingPathComponent("dist")
        for command in [["build", "modules/oaxaca-agua", "--target", "epub"], ["assemble", "examples/matrices", "--module", "modules/oaxaca-agua"]] {
            let run = try tequio(command + ["-o", out.path, "--templates", templates.path])
            XCTAssertEqual(run.status, 70, run.stderr)
            XCTAssertTrue(run.stderr.contains("cannot read the string catalogue strings/en.json: the file is missing"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    // MARK: help

    func testEverySubcommandHasHelpWithExamples() throws {
        let top = try tequio(["--help"])
        XCTAssertEqual(top.status, 0)
        let names = ["check", "new", "build", "import", "assemble"]
        for name in names {
            let run = try tequio([name, "--help"])
            XCTAssertEqual(run.status, 0, name)
            XCTAssertTrue(run.stdout.contains("Examples:"), "\(name) --help has no examples")
            XCTAssertTrue(top.stdout.contains(name))
        }
    }
}
