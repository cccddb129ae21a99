import Foundation
import TequioDocuments
import TequioModel
import TequioPackageCheck
import TequioReaders
import XCTest
import XMLSupport
import ZipSupport

/// Paths, fixtures and readers shared by the document tests.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// `schemas/official`: the official OOXML and ODF schemas carried by the repository.
    static let officialSchemas = packageRoot.appendingPathComponent("schemas/official")
    static let golden = testsFolder.appendingPathComponent("Golden")
    static let schemas = SchemaSet(directory: packageRoot.appendingPathComponent("schemas"))
    /// `templates/strings`, as `tequio assemble` loads it.
    static let catalogue = try! StringCatalogue(templatesFolder: packageRoot.appendingPathComponent("templates"))

    static let module: Module = {
        XMLLibrary.initialize()
        let result = ModuleReader(schemas: schemas).read(packageRoot.appendingPathComponent("modules/oaxaca-agua"))
        guard let module = result.module else { fatalError("example module does not load: \(result.diagnostics)") }
        return module
    }()

    static func matrix(_ url: URL) throws -> CompletedMatrix {
        let (located, diagnostics) = CompletedMatrixReader(schemas: schemas).read(url)
        guard let located else { throw FixtureError(message: "\(url.lastPathComponent): \(diagnostics.map(\.formatted))") }
        let problems = CompletedMatrixValidation.check(located, against: module)
        guard !problems.hasErrors else { throw FixtureError(message: "\(url.lastPathComponent): \(problems.map(\.formatted))") }
        return located.matrix
    }

    static var smallPlan: ActionPlan {
        get throws {
            ActionPlan(matrix: try matrix(testsFolder.appendingPathComponent("Fixtures/small-matrix.xml")), module: module, catalogue: catalogue, source: "small-matrix.xml")
        }
    }

    static var examplePlans: [ActionPlan] {
        get throws {
            let folder = packageRoot.appendingPathComponent("examples/matrices")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
            return try files.map { ActionPlan(matrix: try matrix(folder.appendingPathComponent($0)), module: module, catalogue: catalogue, source: $0) }
        }
    }

    /// The repository's branding folder (`templates/documents`).
    static let branding: Branding = {
        let folder = packageRoot.appendingPathComponent("templates/documents")
        var tree = FileTree()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            tree[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return try! Branding.load(tree, folder: "templates/documents")
    }()

    static var options: DocumentOptions { DocumentOptions(branding: branding, generator: "Tequio test") }

    /// A temporary folder removed when the test case ends.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

extension Fixtures {
    /// The product's checker (`tequio check`), shared so that each official schema compiles once.
    static let packageChecker = PackageChecker(schemas: OfficialSchemas(directory: officialSchemas))

    /// Writes `document` to a temporary `name` (`small.docx`, `hostile.odt`) as `tequio assemble` writes
    /// it and returns what `tequio check` finds there, locations reading `small.docx!word/document.xml:3:9`.
    static func check(_ document: RenderedDocument, as name: String, timestamp: Date = Date(timeIntervalSince1970: 1_764_374_400)) throws -> PackageReport {
        let kind = try XCTUnwrap(PackageKind(rawValue: (name as NSString).pathExtension), "\(name): not a document kind")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-docs-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try document.write(to: url, timestamp: timestamp)
        let report = Fixtures.packageChecker.check(url, displayPath: name, expected: kind)
        XCTAssertEqual(report.kind, kind, name)
        return report
    }
}

/// Namespaces and text extraction for reading rendered documents in assertions.
enum DocumentText {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

    /// The text of a paragraph-like element as a reader shows it: `text:s` and `text:tab` expanded, white
    /// space collapsed as ODF says.
    static func odfText(_ e: XMLElement) -> String {
        var out = ""
        for child in e.children {
            switch child {
            case .text(let t): out += t
            case .element(let c):
                switch c.name {
                case "s": out += String(repeating: " ", count: Int(c.attribute("c", namespace: text) ?? "1") ?? 1)
                case "tab": out += "\t"
                case "bookmark", "bookmark-ref": break
                default: out += odfText(c)
                }
            }
        }
        return out
    }

    /// The text of a WordprocessingML paragraph: its `w:t` runs and `w:tab`s in order.
    static func wordText(_ p: XMLElement) -> String {
        var out = ""
        for e in p.elements {
            switch e.name {
            case "t": out += e.text
            case "tab": out += "\t"
            case "instrText", "fldChar", "pPr", "rPr": break
            default: out += wordText(e)
            }
        }
        return out
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension RenderedDocument {
    var tree: FileTree {
        get throws {
            guard case .package(let tree, _) = self else { throw FixtureError(message: "not a package") }
            return tree
        }
    }

    var fileData: Data {
        get throws {
            guard case .file(let data) = self else { throw FixtureError(message: "not a single file") }
            return data
        }
    }
}

/// Parses a part of a rendered package, failing the test when it is not well-formed.
func parsePart(_ tree: FileTree, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> ParsedXMLDocument {
    let data = try XCTUnwrap(tree[path], "\(path) is missing", file: file, line: line)
    let parsed = SafeXMLParser.parse(data, path: path, limits: XMLParseLimits(maxFileBytes: 256 << 20, maxTextBytes: 64 << 20))
    return try XCTUnwrap(parsed.document, "\(path) is not well-formed: \(parsed.diagnostics.map(\.formatted))", file: file, line: line)
}

extension XMLElement {
    /// Every descendant element, depth first, this one included.
    var descendants: [XMLElement] { [self] + elements.flatMap(\.descendants) }

    /// Every descendant element (this one included) named `name` in `namespace`.
    func descendants(_ name: String, _ namespace: String) -> [XMLElement] {
        var result: [XMLElement] = []
        if self.name == name && self.namespace == namespace { result.append(self) }
        for e in elements { result += e.descendants(name, namespace) }
        return result
    }
}

/// A readable, stable form of an XML tree for golden files: one element per line, attributes sorted,
/// text quoted on its own line, namespaces shown by their usual prefix.
enum CanonicalXML {
    static let prefixes = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
        "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
        "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": "draw",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
        "http://www.w3.org/1999/xlink": "xlink",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": "svg",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    static func dump(_ e: XMLElement) -> String {
        var lines: [String] = []
        dump(e, depth: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func qualified(_ name: String, _ ns: String?) -> String {
        guard let ns else { return name }
        return "\(prefixes[ns] ?? "{\(ns)}"):\(name)"
    }

    private static func dump(_ e: XMLElement, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let attributes = e.attributes.map { "\(qualified($0.name, $0.namespace))=\"\($0.value)\"" }.sorted()
        lines.append(indent + ([qualified(e.name, e.namespace)] + attributes).joined(separator: " "))
        for child in e.children {
            switch child {
            case .element(let c): dump(c, depth: depth + 1, into: &lines)
            case .text(let t):
                if !t.allSatisfy(\.isWhitespace) || e.name == "t" {
                    lines.append(indent + "  " + String(reflecting: t))
                }
            }
        }
    }
}

/// Compares `actual` with the golden file `name`; `TEQUIO_RECORD_GOLDEN=1` writes it instead.
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = Fixtures.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["TEQUIO_RECORD_GOLDEN"] != nil {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try XCTUnwrap(try? String(contentsOf: url, encoding: .utf8), "golden \(name) is missing; record it with TEQUIO_RECORD_GOLDEN=1", file: file, line: line)
    XCTAssertEqual(actual, expected, "golden \(name) differs; re-record with TEQUIO_RECORD_GOLDEN=1 and review the diff", file: file, line: line)
}
