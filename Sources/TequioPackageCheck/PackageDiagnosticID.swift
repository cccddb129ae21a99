import TequioModel

/// The identifiers of `tequio check` findings on packages and documents (`docs/package-check.md`).
/// Problems of the zip itself keep the zip reader's ids (`zip.unsafe-name`, `zip.corrupt`, ...), and
/// schema findings the XML ids (`xml.schema`, `xml.malformed`).
public enum PackageDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "package"

    /// The file is an OLE container (an encrypted Office file or an old binary `.doc`/`.xls`), or an
    /// ODF package with encrypted parts.
    case passwordProtected = "package.password-protected"
    /// A zip whose contents match none of the kinds Tequio knows.
    case unknownKind = "package.unknown-kind"
    /// The extension says one kind and the contents another.
    case kindMismatch = "package.kind-mismatch"
    /// A part the format requires is absent.
    case missingPart = "package.missing-part"
    /// A reference (`identifierref`, `default`, a relationship, a spine item, a numbering, a
    /// bookmark, a style) that names nothing.
    case danglingReference = "package.dangling-ref"
    /// A file the manifest names is not in the zip.
    case missingFile = "package.missing-file"
    /// A zip entry no manifest lists.
    case unlistedFile = "package.unlisted-file"
    /// A reference that is not a relative path inside the package.
    case notRelative = "package.not-relative"
    /// `mimetype` is not the first entry, is compressed, has an extra field or the wrong content.
    case mimetype = "package.mimetype"
    /// An OPC part without a content type, or the main part with the wrong one.
    case contentType = "package.content-type"
    /// A `schemaversion` this kind of package does not use.
    case schemaVersion = "package.schema-version"
    /// A SCORM resource without a valid `scormtype`/`scormType`, or the spelling of the other version.
    case scormType = "package.scorm-type"
    /// A text over the smallest maximum an LMS must keep (longer ones may be cut).
    case stringLimit = "package.string-limit"
    /// Entry names an LMS refuses: everything inside one wrapping folder.
    case layout = "package.layout"
    /// A table Word or LibreOffice reads as damaged (a cell without a paragraph, no grid, header
    /// rows that are not contiguous from the first).
    case table = "package.table"
    /// Missing or repeated package metadata (EPUB `dc:identifier`, `dcterms:modified`, ...).
    case metadata = "package.metadata"
    /// A page size whose orientation contradicts its width and height.
    case pageSize = "package.page-size"
    /// A spreadsheet rule: sheet names, shared-string indexes.
    case sheet = "package.sheet"
    /// Two things that must be unique are not (identifiers, sheet names).
    case duplicate = "package.duplicate"
    /// An official schema could not be loaded: a broken installation.
    case schemaUnavailable = "package.schema-unavailable"
}
