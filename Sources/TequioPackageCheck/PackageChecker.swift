import Foundation
import TequioModel
import TequioReaders
import XMLSupport
import ZipSupport

/// What `tequio check` finds in a package or document.
public struct PackageReport: Sendable {
    /// What the file turned out to be; nil when it could not be opened or recognised.
    public var kind: PackageKind?
    public var diagnostics: [Diagnostic]
}

/// Checks SCORM, cmi5, IMS CP and web zips, EPUB books, and DOCX, XLSX, ODT and ODS files, whoever wrote
/// them: the zip itself (with the safe reader's rules), every XML part against its official schema,
/// and the package rules schemas cannot express (`docs/package-check.md`). Nothing is extracted to disk.
public struct PackageChecker: Sendable {
    /// The rules of each kind: one line per kind, and a new kind without rules does not compile.
    static func rules(for kind: PackageKind) -> any PackageRules.Type {
        switch kind {
        case .scorm12: SCORM12Rules.self
        case .scorm2004: SCORM2004Rules.self
        case .imscp: IMSCPRules.self
        case .cmi5: CMI5Rules.self
        case .web: WebBundleRules.self
        case .epub: EPUBRules.self
        case .docx: WordprocessingRules.self
        case .xlsx: SpreadsheetMLRules.self
        case .odt, .ods: OpenDocumentRules.self
        case .collection: CollectionRules.self
        }
    }

    public let schemas: OfficialSchemas
    /// How many zips this one is inside (see `CollectionRules`).
    let nestingDepth: Int

    public init(schemas: OfficialSchemas) {
        self.init(schemas: schemas, nestingDepth: 0)
    }

    init(schemas: OfficialSchemas, nestingDepth: Int) {
        self.schemas = schemas
        self.nestingDepth = nestingDepth
    }

    /// Removes the scratch folders of checks whose process was killed (see `CollectionRules`).
    public static func removeStaleScratch() {
        CollectionRules.removeFoldersOfDeadProcesses(in: FileManager.default.temporaryDirectory)
    }

    /// True for the file names `check` treats as packages (by extension).
    public static func handles(_ url: URL) -> Bool {
        PackageKind.extensions[url.pathExtension.lowercased()] != nil
    }

    /// Checks the file at `url`; `displayPath` names it in diagnostics. `expected` is the kind the
    /// caller meant to write (for `build` and `assemble`): a file of another kind is an error.
    public func check(_ url: URL, displayPath: String? = nil, expected: PackageKind? = nil) -> PackageReport {
        let shown = displayPath ?? url.relativePath
        let here = SourceLocation(file: shown)
        if let problem = Self.notAZip(url) {
            return PackageReport(kind: nil, diagnostics: [.error(problem.id, problem.message, at: here)])
        }
        let tree: FileTree
        let layout: ArchiveLayout
        do {
            layout = try ArchiveLayout.read(url)
            tree = try SafeArchiveReader.read(url)
        } catch let error as ArchiveError {
            let place = error.entry.map { SourceLocation(file: "\(shown)!\($0)") } ?? here
            let message = error.entry.map { _ in error.message.replacingOccurrences(of: "entry '\(error.entry!)': ", with: "") } ?? error.message
            return PackageReport(kind: nil, diagnostics: [.error(error.diagnosticID, message, at: place)])
        } catch {
            return PackageReport(kind: nil, diagnostics: [.error(ZipDiagnosticID.io, "cannot read: \(error)", at: here)])
        }
        let fileExtension = url.pathExtension.lowercased()
        guard let kind = expected ?? PackageKind.detect(tree, fileExtension: fileExtension) else {
            return PackageReport(
                kind: nil,
                diagnostics: [
                    .error(
                        PackageDiagnosticID.unknownKind,
                        "not a package Tequio knows: no imsmanifest.xml, cmi5.xml, index.html, mimetype or [Content_Types].xml at the root",
                        at: here)
                ])
        }
        let contents = PackageContents(displayPath: shown, tree: tree, layout: layout, schemas: schemas, nestingDepth: nestingDepth)
        if let promised = PackageKind.extensions[fileExtension], !promised.contains(kind) {
            contents.report(.warning, PackageDiagnosticID.kindMismatch, "named .\(fileExtension) but it is \(kind.title.withArticle)", at: here)
        }
        if let expected, let found = PackageKind.detect(tree, fileExtension: fileExtension), found != expected {
            contents.report(.error, PackageDiagnosticID.kindMismatch, "should be \(expected.title.withArticle) but looks like \(found.title.withArticle)", at: here)
        }
        Self.rules(for: kind).check(contents)
        return PackageReport(kind: kind, diagnostics: contents.diagnostics)
    }

    /// Files that are not zips: an encrypted Office file is an OLE compound file (so is an old binary
    /// `.doc` or `.xls`, see `PasswordProtection`), and anything else without the zip signature is not a
    /// package.
    static func notAZip(_ url: URL) -> (id: any DiagnosticIdentifier, message: String)? {
        switch PasswordProtection.inspect(fileAt: url) {
        case .encryptedOfficeOpenXML?, .encryptedOpenDocument?:
            return (
                PackageDiagnosticID.passwordProtected,
                "password-protected (encrypted): open it with its password, remove the password, and save it again"
            )
        case .legacyBinaryOffice?:
            return (PackageDiagnosticID.unknownKind, "an old Office 97–2003 file (.doc, .xls), not a zip package: save it again as .docx, .xlsx, .odt or .ods")
        case nil:
            break
        }
        let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 4)).map { [UInt8]($0) } ?? []
        if head.count < 4 || !(head[0] == 0x50 && head[1] == 0x4B) {
            return (ZipDiagnosticID.corrupt, "not a zip archive (a package or an office document is a zip)")
        }
        return nil
    }
}

/// The rules of one kind of package. They read `contents` and add their findings to it.
protocol PackageRules {
    static func check(_ contents: PackageContents)
}

extension String {
    /// "an EPUB book", "a Word document".
    var withArticle: String {
        let first = lowercased().first ?? "x"
        return ("aeiou".contains(first) && !hasPrefix("Uni") ? "an " : "a ") + self
    }
}
