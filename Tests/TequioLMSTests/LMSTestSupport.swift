import Foundation
import TequioModel
import TequioPackageCheck
import TequioReaders
import TequioWriters
import XCTest
import XMLSupport
import ZipSupport

/// The example module, the official schemas and a zip round trip, shared by the LMS package tests.
enum LMSFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let officialSchemas = packageRoot.appendingPathComponent("schemas/official")
    static let exampleModule = packageRoot.appendingPathComponent("modules/oaxaca-agua")
    static let date = Date(timeIntervalSince1970: 1_764_374_400)  // 2025-11-29T00:00:00Z

    /// The example module read and checked as `tequio build` does, with its files and the templates.
    static let input: BuildInput = {
        XMLLibrary.initialize()
        let result = ModuleReader(schemas: SchemaSet(directory: packageRoot.appendingPathComponent("schemas")))
            .read(exampleModule)
        guard let module = result.module, let directory = result.directory else {
            fatalError("the example module does not read cleanly: \(result.diagnostics.map(\.formatted))")
        }
        var assets = FileTree()
        for file in result.mediaFiles {
            assets[file] = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path)
        }
        return try! BuildInput(module: module, assets: assets, templates: templates(), generator: "tequio test", date: date)
    }()

    /// `templates/` as a file tree (hidden files skipped), as the build command loads it.
    static func templates() -> FileTree {
        let root = packageRoot.appendingPathComponent("templates")
        var tree = FileTree()
        let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])!
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            tree[path] = FileManager.default.contents(atPath: url.path)
        }
        return tree
    }

    /// The product's checker (`tequio check`), shared so that each official schema compiles once.
    static let packageChecker = PackageChecker(schemas: OfficialSchemas(directory: officialSchemas))

    /// Writes `tree` as `tequio build` does, to a temporary `name` (by default `scorm12.zip`,
    /// `epub.epub`), and returns what `tequio check` finds in it as the `kind` it should be.
    static func check(_ tree: FileTree, as kind: PackageKind, firstEntry: String? = nil, name: String? = nil) throws -> PackageReport {
        let name = name ?? "\(kind.rawValue).\(kind == .epub ? "epub" : "zip")"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-lms-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try ArchiveWriter.write(tree, to: url, options: ArchiveOptions(timestamp: date, firstEntry: firstEntry))
        return packageChecker.check(url, displayPath: name, expected: kind)
    }

    /// Writes `tree` as `tequio build` does, then reads the archive back: what an LMS would receive.
    static func zipRoundTrip(_ tree: FileTree, firstEntry: String? = nil) throws -> (zip: Data, entries: [String], files: FileTree) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-lms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("package.zip")
        try ArchiveWriter.write(tree, to: url, options: ArchiveOptions(timestamp: date, firstEntry: firstEntry))
        return (try Data(contentsOf: url), try SafeArchiveReader.entryNames(url), try SafeArchiveReader.read(url))
    }

    static func parse(_ data: Data?, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> ParsedXMLDocument {
        let data = try XCTUnwrap(data, "\(path) is missing", file: file, line: line)
        let result = SafeXMLParser.parse(data, path: path)
        XCTAssertEqual(result.diagnostics.map(\.formatted), [], "\(path) does not parse", file: file, line: line)
        return try XCTUnwrap(result.document, file: file, line: line)
    }
}

extension XMLElement {
    /// Every descendant element (depth first), this one included.
    var descendants: [XMLElement] { [self] + elements.flatMap(\.descendants) }
}

extension LMSFixture {
    /// The root element of the XML document `data`, which must parse cleanly.
    static func root(_ data: Data?, _ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElement {
        let document = try parse(data, path, file: file, line: line)
        return try XCTUnwrap(document.root as XMLElement?, file: file, line: line)
    }
}
