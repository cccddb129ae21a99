import TequioModel

/// Stable identifiers of the XML layer's diagnostics (`docs/diagnostics.md`, "XML layer").
public enum XMLDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "xml"

    case malformed = "xml.malformed"
    case doctype = "xml.doctype-forbidden"
    case notUTF8 = "xml.not-utf8"
    case tooLarge = "xml.too-large"
    case textTooLarge = "xml.text-too-large"
    case tooDeep = "xml.too-deep"
    case schema = "xml.schema"
    case io = "xml.io"
    /// libxml2 could not create a parser (out of memory).
    case `internal` = "xml.internal"
}
