import Foundation
import TequioModel

/// The packages and documents `tequio check` recognises.
public enum PackageKind: String, CaseIterable, Sendable {
    case scorm12, scorm2004, imscp, cmi5, web, epub, docx, xlsx, odt, ods
    /// A zip of documents and packages (the blank spreadsheets): each one is checked in turn.
    case collection

    /// What a person calls it, for messages.
    public var title: String {
        switch self {
        case .scorm12: "SCORM 1.2 package"
        case .scorm2004: "SCORM 2004 package"
        case .imscp: "IMS content package"
        case .cmi5: "cmi5 package"
        case .web: "web bundle"
        case .epub: "EPUB book"
        case .docx: "Word document"
        case .xlsx: "Excel workbook"
        case .odt: "OpenDocument text"
        case .ods: "OpenDocument spreadsheet"
        case .collection: "zip of documents"
        }
    }

    /// The file extensions that announce a package, and what each one promises.
    public static let extensions: [String: [PackageKind]] = [
        "zip": [.scorm12, .scorm2004, .imscp, .cmi5, .web, .collection],
        "epub": [.epub], "docx": [.docx], "xlsx": [.xlsx], "odt": [.odt], "ods": [.ods],
    ]

    static let odfMimetypes: [String: PackageKind] = [
        "application/vnd.oasis.opendocument.text": .odt,
        "application/vnd.oasis.opendocument.spreadsheet": .ods,
    ]
    static let epubMimetype = "application/epub+zip"

    /// Decides from the contents, falling back to the extension only when the contents say nothing.
    static func detect(_ tree: FileTree, fileExtension: String) -> PackageKind? {
        if let mimetype = tree["mimetype"].map({ String(decoding: $0, as: UTF8.self) }) {
            if mimetype == epubMimetype { return .epub }
            if let kind = odfMimetypes[mimetype] { return kind }
        }
        if tree["[Content_Types].xml"] != nil {
            if tree["word/document.xml"] != nil { return .docx }
            if tree["xl/workbook.xml"] != nil { return .xlsx }
        }
        // A manifest one folder down is still an LMS package, zipped the wrong way (the rules say so).
        let nestedManifest = tree.sortedPaths.first { $0.hasSuffix("/imsmanifest.xml") && $0.split(separator: "/").count == 2 }
        if let manifest = tree["imsmanifest.xml"] ?? nestedManifest.flatMap({ tree[$0] }) {
            let text = String(decoding: manifest.prefix(64 << 10), as: UTF8.self)
            if text.contains("http://www.adlnet.org/xsd/adlcp_v1p3") { return .scorm2004 }
            if text.contains("http://www.adlnet.org/xsd/adlcp_rootv1p2") { return .scorm12 }
            return .imscp
        }
        if tree["cmi5.xml"] != nil { return .cmi5 }
        if tree["META-INF/container.xml"] != nil { return .epub }
        if tree["META-INF/manifest.xml"] != nil, tree["content.xml"] != nil {
            return fileExtension == "ods" ? .ods : .odt
        }
        if tree["index.html"] != nil { return .web }
        if tree.sortedPaths.contains(where: { extensions[($0 as NSString).pathExtension.lowercased()] != nil }) { return .collection }
        let promised = extensions[fileExtension] ?? []
        return promised.count == 1 ? promised[0] : nil
    }
}
