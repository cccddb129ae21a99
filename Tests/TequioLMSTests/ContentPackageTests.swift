import Foundation
import TequioModel
import TequioPackageCheck
import TequioWriters
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioLMS

/// SCORM 1.2, SCORM 2004 4th Edition and IMS CP packages of the example module, through the product's
/// checker (`tequio check`): the manifest against the official schemas (the driver schemas, see
/// `schemas/official/README.md`) and the package rules an LMS applies; then what Tequio promises.
final class ContentPackageTests: XCTestCase {
    struct Case {
        var writer: any TargetWriter
        var kind: PackageKind
        /// The newest version of each flavour, which Tequio writes (the checker accepts older ones).
        var schemaVersion: String
        var runtime: String?
        /// Scripts the runtime builds on, loaded before it.
        var shared: [String] = []
    }

    static let cases: [String: Case] = [
        "scorm12": Case(
            writer: SCORM12Writer(), kind: .scorm12, schemaVersion: "1.2", runtime: "lms/runtime-scorm12.js",
            shared: ["lms/scorm-common.js"]),
        "scorm2004": Case(
            writer: SCORM2004Writer(), kind: .scorm2004, schemaVersion: "2004 4th Edition", runtime: "lms/runtime-scorm2004.js",
            shared: ["lms/scorm-common.js"]),
        "imscp": Case(
            writer: IMSCPWriter(), kind: .imscp, schemaVersion: "1.1.4", runtime: nil),
    ]

    private func check(_ name: String) throws {
        let c = try XCTUnwrap(Self.cases[name])
        let tree = try c.writer.render(LMSFixture.input)
        XCTAssertEqual(try LMSFixture.check(tree, as: c.kind).diagnostics.map(\.formatted), [], "\(name): tequio check")
        let (_, _, files) = try LMSFixture.zipRoundTrip(tree)
        let document = try LMSFixture.parse(files["imsmanifest.xml"], "\(name)/imsmanifest.xml")
        XCTAssertEqual(document.root.descendants.filter { $0.name == "schemaversion" }.map(\.text), [c.schemaVersion], "\(name): schemaversion")

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

    /// The package rules catch what the schemas let through: every finding is a rule's, none `xml.schema`.
    func testPackageChecksCatchWhatSchemasMiss() throws {
        let bad = """
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" identifier="m">
              <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
              <organizations default="NOPE"><organization identifier="O"><title>t</title>
                <item identifier="I" identifierref="MISSING"><title>t</title></item></organization></organizations>
              <resources><resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">
                <file href="index.html"/><file href="player\\player.js"/><file href="gone.js"/></resource></resources>
            </manifest>
            """
        var tree = FileTree()
        tree["imsmanifest.xml"] = Data(bad.utf8)
        tree["index.html"] = Data("<!DOCTYPE html><title>t</title>".utf8)
        tree["extra.css"] = Data("p {}".utf8)
        let report = try LMSFixture.check(tree, as: .scorm2004, name: "bad.zip")
        XCTAssertEqual(report.diagnostics.map { "\($0.severity) \($0.identifier) \($0.location?.file ?? ""): \($0.message)" }, [
            "error package.dangling-ref bad.zip!imsmanifest.xml: organizations default 'NOPE' names no organization",
            "error package.dangling-ref bad.zip!imsmanifest.xml: item 'I' refers to resource 'MISSING', which does not exist",
            "error package.not-relative bad.zip!imsmanifest.xml: file href 'player\\player.js' is not a relative path inside the package",
            "error package.missing-file bad.zip!imsmanifest.xml: file href 'gone.js' names a file that is not in the zip",
            "error package.scorm-type bad.zip!imsmanifest.xml: 'adlcp:scormtype' is spelt the other SCORM version's way: this one wants 'adlcp:scormType'",
            "warning package.scorm-type bad.zip!imsmanifest.xml: no resource is a SCO: the LMS will record no progress or completion",
            "warning package.unlisted-file bad.zip!extra.css: extra.css is in the zip but no <file> lists it (some LMSes leave it out)",
            "error package.schema-version bad.zip!imsmanifest.xml: schemaversion is '1.2'; this package's namespaces are those of '2004 4th Edition'",
        ])

        // Everything inside one wrapping folder: the manifest is not at the root.
        let good = try SCORM2004Writer().render(LMSFixture.input)
        var wrapped = FileTree()
        for path in good.sortedPaths { wrapped["pkg/\(path)"] = good[path] }
        let layout = try LMSFixture.check(wrapped, as: .scorm2004, name: "wrapped.zip")
        XCTAssertEqual(layout.diagnostics.map { "\($0.identifier) \($0.location?.file ?? ""): \($0.message)" }, [
            "package.layout wrapped.zip!pkg/imsmanifest.xml: imsmanifest.xml is inside the folder 'pkg/': zip the contents of that folder, not the folder itself (LMSes look for imsmanifest.xml at the root)"
        ])
    }

    /// The driver schemas do check what they can: a wrong scormtype value, a misplaced element.
    func testSchemasRejectBrokenManifests() throws {
        var tree = try SCORM12Writer().render(LMSFixture.input)
        var text = String(decoding: tree["imsmanifest.xml"]!, as: UTF8.self)
        text = text.replacingOccurrences(of: "adlcp:scormtype=\"sco\"", with: "adlcp:scormtype=\"lesson\"")
        tree["imsmanifest.xml"] = Data(text.utf8)
        let broken12 = try LMSFixture.check(tree, as: .scorm12).diagnostics
        XCTAssertTrue(broken12.contains { $0.identifier == "xml.schema" && $0.location?.file == "scorm12.zip!imsmanifest.xml" }, "\(broken12.map(\.formatted))")

        var tree2004 = try SCORM2004Writer().render(LMSFixture.input)
        var text2004 = String(decoding: tree2004["imsmanifest.xml"]!, as: UTF8.self)
        text2004 = text2004.replacingOccurrences(of: "<lom:language>es</lom:language>", with: "<lom:idioma>es</lom:idioma>")
        tree2004["imsmanifest.xml"] = Data(text2004.utf8)
        let broken2004 = try LMSFixture.check(tree2004, as: .scorm2004).diagnostics
        XCTAssertFalse(broken2004.isEmpty)
        XCTAssertEqual(Set(broken2004.map(\.identifier)), ["xml.schema"], "\(broken2004.map(\.formatted))")
    }

    /// File names with spaces and accents are percent-encoded in the manifest and still resolve.
    func testUnusualFileNamesResolve() throws {
        var input = LMSFixture.input
        input.assets["media/mapa de Oaxaca (versión 2).png"] = Data([0x89, 0x50, 0x4E, 0x47])
        let tree = try SCORM2004Writer().render(input)
        let document = try LMSFixture.parse(tree["imsmanifest.xml"], "imsmanifest.xml")
        let hrefs = document.root.descendants.compactMap { $0.attribute("href") }
        XCTAssertTrue(hrefs.contains("content/media/mapa%20de%20Oaxaca%20%28versi%C3%B3n%202%29.png"))
        XCTAssertEqual(try LMSFixture.check(tree, as: .scorm2004).diagnostics.map(\.formatted), [])
    }

    /// Module text with markup or characters XML forbids still gives a valid manifest.
    func testHostileMetadataIsEscaped() throws {
        var input = LMSFixture.input
        input.module.metadata.title["es"] = "Agua <script>alert(1)</script> & \"comillas\" \u{0B}fin"
        let writers: [(PackageKind, any TargetWriter)] = [(.scorm12, SCORM12Writer()), (.scorm2004, SCORM2004Writer()), (.imscp, IMSCPWriter())]
        for (kind, writer) in writers {
            let tree = try writer.render(input)
            XCTAssertEqual(try LMSFixture.check(tree, as: kind).diagnostics.map(\.formatted), [], "\(kind)")
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
