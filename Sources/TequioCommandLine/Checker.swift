import Foundation
import TequioModel
import TequioPackageCheck
import TequioReaders
import XMLSupport

/// Decides what each path is (module, completed matrix, package or document) and checks it.
struct Checker {
    let schemas: SchemaSet
    let packages: PackageChecker
    let moduleOverride: String?

    struct Outcome {
        var diagnostics: [Diagnostic]
        var files: Int
    }

    func check(_ url: URL) -> Outcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return Outcome(
                diagnostics: [.error(ModuleDiagnosticID.notFound, "no such file or folder", at: SourceLocation(file: DisplayPath.of(url)))],
                files: 0)
        }
        if isDirectory.boolValue, !FileManager.default.fileExists(atPath: url.appendingPathComponent(ModuleReader.entryFileName).path),
            let xmlFiles = Self.xmlFiles(in: url), !xmlFiles.isEmpty
        {
            // A folder of completed matrices (or of several files): check each XML file in it.
            var outcome = Outcome(diagnostics: [], files: 0)
            for file in xmlFiles {
                let one = check(file)
                outcome.diagnostics += one.diagnostics
                outcome.files += one.files
            }
            return outcome
        }
        if !isDirectory.boolValue, PackageChecker.handles(url) {
            return Outcome(diagnostics: packages.check(url, displayPath: DisplayPath.of(url)).diagnostics, files: 1)
        }
        if isDirectory.boolValue || url.lastPathComponent == ModuleReader.entryFileName {
            let result = ModuleReader(schemas: schemas).read(url)
            return Outcome(diagnostics: result.diagnostics, files: result.files.count)
        }
        if RootSniffer.isIATI(url) {
            return Outcome(diagnostics: IATICheck.check(url, schemas: packages.schemas), files: 1)
        }
        switch RootSniffer.namespace(of: url) {
        case CompletedMatrixReader.namespace?:
            let result = CompletedMatrixChecker(schemas: schemas, moduleOverride: moduleOverride).check(url)
            return Outcome(diagnostics: result, files: 1)
        case RoundResultReader.namespace?:
            return Outcome(diagnostics: RoundResultReader(schemas: schemas).read(url).1, files: 1)
        case ScoreSheetReader.namespace?:
            return Outcome(diagnostics: CompletedMatrixChecker(schemas: schemas, moduleOverride: moduleOverride).checkScores(url), files: 1)
        case TrackingReader.namespace?:
            return Outcome(diagnostics: TrackingReader(schemas: schemas).read(url).1, files: 1)
        default:
            let result = ModuleReader(schemas: schemas).read(url)
            return Outcome(diagnostics: result.diagnostics, files: max(1, result.files.count))
        }
    }
}

extension Checker {
    /// The `.xml` files directly in `folder`, sorted by name.
    static func xmlFiles(in folder: URL) -> [URL]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// Reads just enough of a file to tell which of our formats it claims to be: the first of our
/// namespaces it names (a round file names the score namespace too, on the sheets it keeps).
enum RootSniffer {
    static func namespace(of url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        let namespaces = [CompletedMatrixReader.namespace, ScoreSheetReader.namespace, RoundResultReader.namespace, TrackingReader.namespace,
            ModuleReader.namespace,
        ]
        let found = namespaces.compactMap { ns -> (String, String.Index)? in
            let at = [head.range(of: "\"\(ns)\""), head.range(of: "'\(ns)'")].compactMap { $0?.lowerBound }.min()
            return at.map { (ns, $0) }
        }
        return found.min { $0.1 < $1.1 }?.0
    }

    /// An IATI activity file: `<iati-activities>` (no namespace) near the top.
    static func isIATI(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "xml", let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return String(decoding: handle.readData(ofLength: 4096), as: UTF8.self).contains("<iati-activities")
    }
}
