import Foundation
import TequioModel
import TequioWriters
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioLMS

/// SCORM 1.2, SCORM 2004 4th Edition and IMS CP packages of the example module: each manifest is
/// validated in process against the official schemas (the driver schemas, see
/// `schemas/official/README.md`), then checked the way an LMS checks a package.
final class ContentPackageTests: XCTestCase {
    struct Case {
        var writer: any TargetWriter
        var schema: String
        var schemaVersion: String
        var scormType: (name: String, namespace: String)?
        var runtime: String?
        /// Scripts the runtime builds on, loaded before it.
        var shared: [String] = []
    }

    static let cases: [String: Case] = [
        "scorm12": Case(
            writer: SCORM12Writer(), schema: "scorm12/scorm12_driver.xsd", schemaVersion: "1.2",
            scormType: ("scormtype", ContentPackageManifest.Namespace.adlcp12), runtime: "lms/runtime-scorm12.js",
            shared: ["lms/scorm-common.js"]),
        "scorm2004": Case(
            writer: SCORM2004Writer(), schema: "scorm2004-4th/scorm2004_driver.xsd", schemaVersion: "2004 4th Edition",
            scormType: ("scormType", ContentPackageManifest.Namespace.adlcp13), runtime: "lms/runtime-scorm2004.js",
            shared: ["lms/scorm-common.js"]),
        "imscp": Case(
            writer: IMSCPWriter(), schema: "scorm2004-4th/imscp_v1p1.xsd", schemaVersion: "1.1.4", scormType: nil,
            runtime: nil),
    ]

    private func check(_ name: String) throws {
        let c = try XCTUnwrap(Self.cases[name])
        let tree = try c.writer.render(LMSFixture.input)
        let (_, entries, files) = try LMSFixture.zipRoundTrip(tree)

        let document = try LMSFixture.parse(files["imsmanifest.xml"], "\(name)/imsmanifest.xml")
        XCTAssertEqual(try LMSFixture.schema(c.schema).validate(document).map(\.formatted), [], "\(name): schema")
        XCTAssertEqual(PackageChecks.entryNames(entries, rootFile: "imsmanifest.xml"), [], "\(name): entry names")
        XCTAssertEqual(
            PackageChecks.contentPackage(document.root, entries: entries, schemaVersion: c.schemaVersion, scormType: c.scormType),
            [], "\(name): package checks")

        // One SCO (or one resource) launching the player.
        let resources = document.root.descendants.filter { $0.name == "resource" }
        XCTAssertEqual(resources.count, 1)
        XCTAssertEqual(resources.first?.attribute("href"), "index.html")
        XCTAssertEqual(document.root.descendants.filter { $0.name == "item" }.count, 1)

        // LOM: title and description in every module language, the languages themselves.
        let module = LMSFixture.input.module
        let strings = document.root.descendants.filter { $0.name == "langstring" || $0.name == "string" }
        for lang in module.languages {
            let langs = strings.filter { ($0.attribute("language") ?? $0.language) == lang }.map(\.text)
            XCTAssertTrue(langs.contains(module.metadata.title[lang]!), "\(name): title in \(lang)")
            XCTAssertTrue(langs.contains(module.metadata.summary[lang]!), "\(name): description in \(lang)")
        }
        XCTAssertEqual(document.root.descendants.filter { $0.name == "language" }.map(\.text), module.languages)

        // The runtime (after the scripts it builds on) loads before every player script; the page's CSP is untouched.
        let web = try WebPlayerWriter().render(LMSFixture.input)
        let html = String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)
        if let runtime = c.runtime {
            let loaded = c.shared + [runtime]
            for path in loaded { XCTAssertNotNil(files[path], "\(name): \(path) is in the package") }
            let scripts = html.components(separatedBy: "<script src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            XCTAssertEqual(Array(scripts.prefix(loaded.count)), loaded, "\(name): the runtime's scripts come first, in order")
            var stripped = html
            for path in loaded { stripped = stripped.replacingOccurrences(of: "<script src=\"\(path)\"></script>\n", with: "") }
            XCTAssertEqual(stripped, String(decoding: web["index.html"]!, as: UTF8.self), "\(name): index.html otherwise unchanged")
        } else {
            XCTAssertEqual(files["index.html"], web["index.html"], "IMS CP carries the offline player unchanged")
        }
        for path in web.sortedPaths where path != "index.html" {
            XCTAssertEqual(files[path], web[path], "\(name): \(path) is the web player's")
        }
    }

    func testSCORM12() throws { try check("scorm12") }
    func testSCORM2004() throws { try check("scorm2004") }
    func testIMSCP() throws { try check("imscp") }

    /// The package checks themselves catch what the schemas let through.
    func testPackageChecksCatchWhatSchemasMiss() throws {
        let bad = """
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" identifier="m">
              <metadata><schema>ADL SCORM</schema><schemaversion>CAM 1.3</schemaversion></metadata>
              <organizations default="NOPE"><organization identifier="O"><title>t</title>
                <item identifier="I" identifierref="MISSING"><title>t</title></item></organization></organizations>
              <resources><resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">
                <file href="index.html"/><file href="player\\player.js"/><file href="gone.js"/></resource></resources>
            </manifest>
            """
        let document = try LMSFixture.parse(Data(bad.utf8), "bad.xml")
        XCTAssertEqual(try LMSFixture.schema("scorm2004-4th/scorm2004_driver.xsd").validate(document).count, 0,
                       "libxml2 lets all of this through")
        let problems = PackageChecks.contentPackage(
            document.root, entries: ["imsmanifest.xml", "index.html", "extra.css"], schemaVersion: "2004 4th Edition",
            scormType: ("scormType", ContentPackageManifest.Namespace.adlcp13))
        XCTAssertEqual(problems, [
            "file href 'player\\player.js' is not a relative path",
            "file href 'gone.js' is not in the zip",
            "resource R has no scormType 'sco' or 'asset'",
            "'scormtype' is misspelt: this SCORM version wants 'scormType'",
            "zip entry 'extra.css' is not listed in any <file>",
            "item identifierref 'MISSING' names no resource",
            "organizations default 'NOPE' names no organization",
            "schemaversion is 'CAM 1.3', expected '2004 4th Edition'",
        ])
        XCTAssertEqual(PackageChecks.entryNames(["pkg/imsmanifest.xml", "pkg/index.html"], rootFile: "imsmanifest.xml"), [
            "imsmanifest.xml is not at the root of the zip", "everything is inside one wrapping folder",
        ])
    }

    /// The driver schemas do check what they can: a wrong scormtype value, a misplaced element.
    func testSchemasRejectBrokenManifests() throws {
        let tree = try SCORM12Writer().render(LMSFixture.input)
        var text = String(decoding: tree["imsmanifest.xml"]!, as: UTF8.self)
        text = text.replacingOccurrences(of: "adlcp:scormtype=\"sco\"", with: "adlcp:scormtype=\"lesson\"")
        let broken12 = try LMSFixture.parse(Data(text.utf8), "imsmanifest.xml")
        XCTAssertFalse(try LMSFixture.schema("scorm12/scorm12_driver.xsd").validate(broken12).isEmpty)

        let tree2004 = try SCORM2004Writer().render(LMSFixture.input)
        var text2004 = String(decoding: tree2004["imsmanifest.xml"]!, as: UTF8.self)
        text2004 = text2004.replacingOccurrences(of: "<lom:language>es</lom:language>", with: "<lom:idioma>es</lom:idioma>")
        let broken2004 = try LMSFixture.parse(Data(text2004.utf8), "imsmanifest.xml")
        XCTAssertFalse(try LMSFixture.schema("scorm2004-4th/scorm2004_driver.xsd").validate(broken2004).isEmpty)
    }

    /// File names with spaces and accents are percent-encoded in the manifest and still resolve.
    func testUnusualFileNamesResolve() throws {
        var input = LMSFixture.input
        input.assets["media/mapa de Oaxaca (versión 2).png"] = Data([0x89, 0x50, 0x4E, 0x47])
        let tree = try SCORM2004Writer().render(input)
        let (_, entries, files) = try LMSFixture.zipRoundTrip(tree)
        let document = try LMSFixture.parse(files["imsmanifest.xml"], "imsmanifest.xml")
        let hrefs = document.root.descendants.compactMap { $0.attribute("href") }
        XCTAssertTrue(hrefs.contains("content/media/mapa%20de%20Oaxaca%20%28versi%C3%B3n%202%29.png"))
        XCTAssertEqual(
            PackageChecks.contentPackage(document.root, entries: entries, schemaVersion: "2004 4th Edition",
                                         scormType: ("scormType", ContentPackageManifest.Namespace.adlcp13)), [])
        XCTAssertEqual(try LMSFixture.schema("scorm2004-4th/scorm2004_driver.xsd").validate(document).map(\.formatted), [])
    }

    /// Module text with markup or characters XML forbids still gives a valid manifest.
    func testHostileMetadataIsEscaped() throws {
        var input = LMSFixture.input
        input.module.metadata.title["es"] = "Agua <script>alert(1)</script> & \"comillas\" \u{0B}fin"
        for writer: any TargetWriter in [SCORM12Writer(), SCORM2004Writer(), IMSCPWriter()] {
            let tree = try writer.render(input)
            let document = try LMSFixture.parse(tree["imsmanifest.xml"], "imsmanifest.xml")
            let titles = document.root.descendants.filter { $0.name == "title" && $0.elements.isEmpty }.map(\.text)
            XCTAssertTrue(titles.contains("Agua <script>alert(1)</script> & \"comillas\" fin"), "\(titles)")
        }
    }

    /// Same input, same bytes: every target's zip is byte-identical on a rebuild.
    func testRebuildsAreByteIdentical() throws {
        let writers: [(String, any TargetWriter)] = [
            ("scorm12", SCORM12Writer()), ("scorm2004", SCORM2004Writer()), ("cmi5", CMI5Writer()),
            ("imscp", IMSCPWriter()), ("epub", EPUBWriter()),
        ]
        for (name, writer) in writers {
            let first = try LMSFixture.zipRoundTrip(writer.render(LMSFixture.input), firstEntry: writer.firstEntry).zip
            let second = try LMSFixture.zipRoundTrip(writer.render(LMSFixture.input), firstEntry: writer.firstEntry).zip
            XCTAssertEqual(first, second, "\(name) differs between two builds")
        }
    }
}
