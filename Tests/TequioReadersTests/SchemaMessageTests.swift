import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioReaders

/// Every schema message the example module can trigger, with a position and plain words.
///
/// The variants are generated from `modules/oaxaca-agua`: each kind of element removed once (per
/// parent), each attribute removed once and given wrong values, each element given an unknown child,
/// an unknown attribute, loose text and a child out of order. Each variant is read by the module
/// reader; every diagnostic must have a line and a column, and none may be libxml2's raw words. The
/// messages are kept in `Golden/schema-variants.txt` for review (re-record with
/// `TEQUIO_RECORD_GOLDEN=1`).
final class SchemaMessageTests: XCTestCase {
    static let example = ModuleReaderTests.packageRoot.appendingPathComponent("modules/oaxaca-agua")

    /// libxml2's phrases, which must never reach a trainer.
    static let libxml2Phrases = [
        "failed to validate", "expecting an element", "extra content", "invalid sequence", "did not expect",
        "invalid attribute", "doesn't allow value", "error validating", "expecting element", "element content",
        "libxml2 gave no line",
    ]

    struct Variant {
        var file: String
        var description: String
        var root: XMLElement
    }

    func testEverySchemaMessageOfTheExampleHasAPositionAndPlainWords() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-schema-variants-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: work)
        let module = work.appendingPathComponent("oaxaca-agua")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: module)
        defer { try? FileManager.default.removeItem(at: work) }

        let files = ["module.xml", "units/02-diagnostico.xml", "units/03-especialistas.xml", "units/04-casos.xml",
                     "units/casos/contraloria-tanque.xml", "units/casos/tarifas-a-la-vista.xml"]
        var variants: [Variant] = []
        var seen = Seen()
        for file in files {
            let parsed = SafeXMLParser.parseFile(module.appendingPathComponent(file))
            let root = try XCTUnwrap(parsed.document?.root, "\(file): \(parsed.diagnostics.map(\.formatted))")
            variants += Self.variants(of: root, file: file, seen: &seen)
        }
        XCTAssertGreaterThan(variants.count, 150)

        let reader = ModuleReader(schemas: ModuleReaderTests.schemas)
        var report = ""
        var schemaVariants = 0
        for variant in variants {
            let url = module.appendingPathComponent(variant.file)
            let original = try Data(contentsOf: url)
            try Self.serialize(variant.root).write(to: url)
            let result = reader.read(module)
            try original.write(to: url)

            let shown = result.diagnostics.filter { $0.severity != .note }
            let schemaLike = shown.filter { $0.identifier == XMLDiagnosticID.schema.rawValue || $0.identifier.hasPrefix("module.file") || $0.identifier.hasPrefix("module.include") }
            if !schemaLike.isEmpty { schemaVariants += 1 }
            report += "## \(variant.file): \(variant.description)\n"
            for d in shown {
                let text = d.formatted.replacingOccurrences(of: work.path + "/", with: "")
                report += text + "\n"
                let location = d.location
                XCTAssertTrue((location?.line ?? 0) > 0 && (location?.column ?? 0) > 0, "no line:col for \(variant.description): \(text)")
                let lower = d.message.lowercased()
                for phrase in Self.libxml2Phrases where lower.contains(phrase) {
                    XCTFail("libxml2's words for \(variant.description): \(text)")
                }
                if d.identifier == XMLDiagnosticID.schema.rawValue {
                    XCTAssertTrue(d.message.hasPrefix("<"), "the message names the element first: \(text)")
                }
            }
            XCTAssertLessThanOrEqual(
                shown.filter { $0.identifier == XMLDiagnosticID.schema.rawValue }.count, 3, "one mistake, few messages: \(variant.description)\n\(report.suffix(2000))")
            report += "\n"
        }
        XCTAssertGreaterThan(schemaVariants, 100, "most variants break the schema")
        try assertGolden(report, "schema-variants.txt")
    }

    func testTheExplainerFindsNothingInValidFiles() throws {
        let explainer = try ModuleReaderTests.schemas.explainer(SchemaSet.module)
        var urls = [Self.example.appendingPathComponent("module.xml")]
        let units = Self.example.appendingPathComponent("units")
        for case let url as URL in FileManager.default.enumerator(at: units, includingPropertiesForKeys: nil)! where url.pathExtension == "xml" {
            urls.append(url)
        }
        for fixture in ["valid/module.xml", "valid/units/u2.xml"] { urls.append(ModuleReaderTests.fixtures.appendingPathComponent(fixture)) }
        for url in urls {
            let root = try XCTUnwrap(SafeXMLParser.parseFile(url).document?.root)
            XCTAssertEqual(explainer.check(root, path: url.lastPathComponent).map(\.formatted), [], url.path)
        }
    }

    func testMediaPathsInPlainWords() throws {
        let cases: [(String, String, String)] = [
            ("../media/a.png", "module.file-outside-module", "'..' leaves the module folder: media paths are relative to the module folder"),
            ("/home/ana/a.png", "module.file-outside-module", "'/home/ana/a.png' is an absolute path: media paths are relative to the module folder"),
            ("file:///home/ana/a.png", "module.file-outside-module", "'file:' makes it a URL"),
            ("https://example.org/a.png", "module.file-outside-module", "'https:' makes it a URL"),
            ("C:\\Users\\ana\\a.png", "module.file-outside-module", "is a Windows path"),
            ("media\\a.png", "module.file-outside-module", "use '/' between folders"),
            ("media/a#1.png", "module.file-name", "the character '#' cannot be in a file name"),
            ("media/ a.png", "module.file-name", "starts or ends with a space"),
            ("media/.a.png", "module.file-name", "starts with '.'"),
            ("media//a.png", "module.file-name", "empty folder name"),
            ("media/a\u{E000}.png", "module.file-name", "a private-use or special character"),
        ]
        for (src, identifier, message) in cases {
            let d = try diagnostics(forImage: src)
            XCTAssertEqual(d.count, 1, "\(src): \(d.map(\.formatted))")
            XCTAssertEqual(d.first?.identifier, identifier, src)
            XCTAssertTrue(d.first?.message.contains(message) == true, "\(src): \(d.first?.message ?? "none")")
            XCTAssertEqual(d.first?.location?.line, 9, src)
            XCTAssertEqual(d.first?.location?.column, 9, src)
        }
    }

    func testMediaNamedAsPeopleNameFilesAreAccepted() throws {
        for name in ["media/fases año 🌊.png", "media/Fotografía (1) – Ñuu Savi, 2012.png", "media/مياه.png", "media/水 & agua+1.png"] {
            XCTAssertEqual(try diagnostics(forImage: name).map(\.formatted), [], name)
        }
    }

    /// The schema diagnostics of a small module whose image (line 9, column 9) has `src`.
    private func diagnostics(forImage src: String) throws -> [Diagnostic] {
        let escaped = src.replacingOccurrences(of: "&", with: "&amp;")
        let xml = """
            <module xmlns="urn:tequio:module:1" format="1" id="m" version="1" languages="es">
              <metadata><title xml:lang="es">T</title><summary xml:lang="es">S</summary><author name="A"/>
                <license>CC-BY-4.0</license><delivery modes="virtual"/></metadata>
              <matrix id="plan" preset="action-learning"/>
              <unit id="u1">
                <title xml:lang="es">U</title>
                <presentation id="p"><title xml:lang="es">P</title><expert name="E"/>
                  <slide id="s"><title xml:lang="es">S</title><content xml:lang="es">
                    <img src="\(escaped)" alt="Una imagen"/>
                  </content></slide>
                </presentation>
              </unit>
            </module>
            """
        let schema = try ModuleReaderTests.schemas.relaxNG(SchemaSet.module)
        let parsed = SafeXMLParser.parse(Data(xml.utf8), path: "module.xml", validatingWith: schema)
        let root = try XCTUnwrap(parsed.document?.root, "\(parsed.diagnostics.map(\.formatted))")
        return try ModuleReaderTests.schemas.explainer(SchemaSet.module).explain(parsed.diagnostics, root: root, path: "module.xml")
    }

    // MARK: Variants

    /// What was varied already, across files: each kind once.
    struct Seen {
        var child = Set<String>(), attribute = Set<String>(), element = Set<String>()
    }

    static func variants(of root: XMLElement, file: String, seen: inout Seen) -> [Variant] {
        var out: [Variant] = []
        var seenChild = seen.child, seenAttribute = seen.attribute, seenElement = seen.element
        defer { seen = Seen(child: seenChild, attribute: seenAttribute, element: seenElement) }
        func walk(_ e: XMLElement, _ path: [Int]) {
            let here = "\(e.name)"
            if seenElement.insert(here).inserted {
                let line = e.location.line
                out.append(Variant(file: file, description: "unknown child <desconocido> in <\(here)> (line \(line))",
                                   root: edit(root, path) { insertFirst($0, .element(XMLElement(name: "desconocido", namespace: e.namespace, attributes: [], children: [], location: e.location))) }))
                out.append(Variant(file: file, description: "unknown attribute color on <\(here)> (line \(line))",
                                   root: edit(root, path) { withAttributes($0, $0.attributes + [XMLAttribute(name: "color", namespace: nil, value: "rojo")]) }))
                if !e.elements.isEmpty {
                    out.append(Variant(file: file, description: "loose text in <\(here)> (line \(line))",
                                       root: edit(root, path) { insertFirst($0, .text("texto suelto")) }))
                }
                if e.elements.count >= 2 {
                    out.append(Variant(file: file, description: "first child of <\(here)> moved to the end (line \(line))",
                                       root: edit(root, path) { moveFirstChildToEnd($0) }))
                }
                if e.elements.isEmpty, !e.text.allSatisfy(\.isWhitespace), e.name == "license" {
                    out.append(Variant(file: file, description: "wrong text in <\(here)> (line \(line))",
                                       root: edit(root, path) { withChildren($0, [.text("CC BY 4.0")]) }))
                    out.append(Variant(file: file, description: "empty <\(here)> (line \(line))",
                                       root: edit(root, path) { withChildren($0, []) }))
                }
            }
            for a in e.attributes {
                let key = "\(e.name)@\(a.namespace ?? "")\(a.name)"
                guard seenAttribute.insert(key).inserted else { continue }
                let shown = (a.namespace == XMLNamespace.xml ? "xml:" : "") + a.name
                out.append(Variant(file: file, description: "no \(shown) on <\(e.name)> (line \(e.location.line))",
                                   root: edit(root, path) { withAttributes($0, $0.attributes.filter { $0 != a }) }))
                for wrong in ["¿Valor Inválido?", ""] {
                    out.append(Variant(file: file, description: "\(shown)=\"\(wrong)\" on <\(e.name)> (line \(e.location.line))",
                                       root: edit(root, path) { withAttributes($0, $0.attributes.map { $0 == a ? XMLAttribute(name: a.name, namespace: a.namespace, value: wrong) : $0 }) }))
                }
            }
            for (index, child) in e.children.enumerated() {
                guard case .element(let c) = child else { continue }
                let key = "\(e.name)/\(c.name)"
                if seenChild.insert(key).inserted {
                    out.append(Variant(file: file, description: "no <\(c.name)> in <\(e.name)> (line \(c.location.line))",
                                       root: edit(root, path) { withChildren($0, $0.children.enumerated().filter { $0.offset != index }.map(\.element)) }))
                }
                walk(c, path + [index])
            }
        }
        walk(root, [])
        return out
    }

    static func edit(_ e: XMLElement, _ path: [Int], _ change: (XMLElement) -> XMLElement) -> XMLElement {
        guard let first = path.first else { return change(e) }
        var children = e.children
        if case .element(let c) = children[first] { children[first] = .element(edit(c, Array(path.dropFirst()), change)) }
        return withChildren(e, children)
    }

    static func withChildren(_ e: XMLElement, _ children: [XMLNode]) -> XMLElement {
        XMLElement(name: e.name, namespace: e.namespace, attributes: e.attributes, children: children, location: e.location)
    }

    static func withAttributes(_ e: XMLElement, _ attributes: [XMLAttribute]) -> XMLElement {
        XMLElement(name: e.name, namespace: e.namespace, attributes: attributes, children: e.children, location: e.location)
    }

    static func insertFirst(_ e: XMLElement, _ node: XMLNode) -> XMLElement { withChildren(e, [node] + e.children) }

    static func moveFirstChildToEnd(_ e: XMLElement) -> XMLElement {
        guard let i = e.children.firstIndex(where: { if case .element = $0 { true } else { false } }) else { return e }
        var children = e.children
        let first = children.remove(at: i)
        return withChildren(e, children + [first])
    }

    /// The tree as XML: the module namespace as default, XInclude as `xi:`, `xml:` attributes.
    static func serialize(_ root: XMLElement) -> Data {
        let w = XMLWriter()
        func write(_ e: XMLElement, isRoot: Bool) {
            let name = e.namespace == XMLNamespace.xinclude ? "xi:" + e.name : e.name
            w.start(name)
            if isRoot {
                w.attribute("xmlns", ModuleReader.namespace)
                w.attribute("xmlns:xi", XMLNamespace.xinclude)
            }
            for a in e.attributes { w.attribute(a.namespace == XMLNamespace.xml ? "xml:" + a.name : a.name, a.value) }
            for child in e.children {
                switch child {
                case .text(let s): w.text(s)
                case .element(let c): write(c, isRoot: false)
                }
            }
            if e.children.isEmpty { w.end() } else { w.endFull() }
        }
        write(root, isRoot: true)
        return (try? w.finish()) ?? Data()
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = ModuleReaderTests.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TEQUIO_RECORD_GOLDEN"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "golden \(name) differs; re-record with TEQUIO_RECORD_GOLDEN=1", file: file, line: line)
    }
}
