import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Opens a filled spreadsheet (`.xlsx`, `.ods` or `.csv`) into a `SpreadsheetDocument`.
///
/// Zips are opened only with `SafeArchiveReader` (bombs, path traversal, duplicate entries, symlinks
/// refused, each problem naming the entry) and their XML parts only with `SafeXMLParser`.
public enum SpreadsheetFile {
    /// Caps for spreadsheet zips: a filled matrix is a few hundred kilobytes.
    public static let archiveLimits = ArchiveLimits(
        maxEntries: 2_000, maxTotalBytes: 256 << 20, maxEntryBytes: 64 << 20, maxCompressionRatio: 200,
        ratioCheckThreshold: 1 << 20)
    public static let xmlLimits = XMLParseLimits(maxFileBytes: 64 << 20, maxTextBytes: 8 << 20, maxDepth: 64)

    public static let supportedExtensions = ["xlsx", "ods", "csv"]

    /// Most filled rows (and most members) in one table: a working table's matrix has tens of rows.
    public static let maxRows = 10_000

    /// The most text the cells of one workbook may hold together, in UTF-8 bytes: far above any filled
    /// matrix. Repeated rows and columns, shared strings and ODS `text:s` runs let a few kilobytes stand
    /// for gigabytes of cell text, which the importer then walks cell by cell (a 6 KB .ods took minutes;
    /// found by reading, confirmed as a timeout of the ods fuzz target).
    public static let maxTextBytes = 16 << 20

    static func checkTextSize(_ document: SpreadsheetDocument) throws -> SpreadsheetDocument {
        var total = 0
        for sheet in document.sheets {
            for cell in sheet.cells.values {
                total += cell.text.utf8.count
                guard total <= maxTextBytes else {
                    throw SpreadsheetReadError([
                        .error(
                            ImportDiagnosticID.tooManyCells, "the cells hold more than \(maxTextBytes >> 20) MiB of text together",
                            at: SourceLocation(file: document.path))
                    ])
                }
            }
        }
        return document
    }

    /// Reads `url`, naming it `displayPath` in messages.
    /// The spreadsheet at `path`: the one in `documents` when it was read already (to tell what kind of
    /// import a run is), else read now.
    public static func read(_ path: String, reusing documents: [String: SpreadsheetDocument]) -> (SpreadsheetDocument?, [Diagnostic]) {
        if let document = documents[path] { return (document, []) }
        let url = URL(fileURLWithPath: path)
        return read(url, displayPath: DisplayPath.of(url))
    }

    public static func read(_ url: URL, displayPath: String) -> (SpreadsheetDocument?, [Diagnostic]) {
        let ext = url.pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            return (
                nil,
                [
                    .error(
                        ImportDiagnosticID.unsupportedFile,
                        "cannot import '.\(ext)' files; save the spreadsheet as .xlsx, .ods or .csv (UTF-8)",
                        at: SourceLocation(file: displayPath))
                ]
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return (nil, [.error(ImportDiagnosticID.io, "no such file", at: SourceLocation(file: displayPath))])
        }
        do {
            switch ext {
            case "csv":
                let name = url.deletingPathExtension().lastPathComponent
                return (try CSVReader.read(url, path: displayPath, sheetName: name), [])
            default:
                // An encrypted or old binary Office file is an OLE compound file, not a zip.
                if let finding = PasswordProtection.inspect(fileAt: url) {
                    return (nil, [protection(finding, ext: ext, path: displayPath)])
                }
                let tree: FileTree
                do {
                    tree = try SafeArchiveReader.read(url, limits: archiveLimits)
                } catch let error as ArchiveError {
                    var message = error.message
                    if case .corrupt = error { message += " (is it really a .\(ext) file?)" }
                    if case .encrypted = error {
                        message += ": the zip is protected with a password; extract or save it again without a password, as .\(ext), and import it again"
                    }
                    return (nil, [.error(error.diagnosticID, message, at: SourceLocation(file: displayPath))])
                }
                if let manifest = tree["META-INF/manifest.xml"], let finding = PasswordProtection.inspect(odfManifest: manifest) {
                    return (nil, [protection(finding, ext: ext, path: displayPath)])
                }
                let document = ext == "xlsx"
                    ? try XLSXReader(files: tree, path: displayPath, limits: xmlLimits).read()
                    : try ODSReader(files: tree, path: displayPath, limits: xmlLimits).read()
                return (try checkTextSize(document), [])
            }
        } catch let error as SpreadsheetReadError {
            return (nil, error.diagnostics)
        } catch {
            return (nil, [.error(ImportDiagnosticID.io, "\(error)", at: SourceLocation(file: displayPath))])
        }
    }

    private static func protection(_ finding: PasswordProtection.Finding, ext: String, path: String) -> Diagnostic {
        .error(
            finding.isPasswordProtected ? ImportDiagnosticID.passwordProtected : ImportDiagnosticID.notASpreadsheet,
            PasswordProtection.advice(finding, fileKind: ".\(ext)"), at: SourceLocation(file: path))
    }
}
