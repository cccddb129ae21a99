import Foundation
import ZipSupport

/// Rules about the zip itself that several kinds share.
enum ZipLayoutRules {
    /// EPUB and ODF: `mimetype` is the first entry, stored, without an extra field, and holds exactly
    /// `expected` (readers sniff those bytes at offset 38).
    static func mimetypeFirst(_ p: PackageContents, expected: String) {
        guard let content = p.tree["mimetype"] else {
            p.error(PackageDiagnosticID.mimetype, "mimetype is missing: it must be the first entry, holding '\(expected)'", entry: "mimetype")
            return
        }
        let first = p.layout.entries.first
        if first?.name != "mimetype" {
            p.error(PackageDiagnosticID.mimetype, "mimetype must be the first entry of the zip, not '\(first?.name ?? "")'", entry: "mimetype")
        }
        if let entry = p.layout.entries.first(where: { $0.name == "mimetype" }) {
            if entry.method != 0 {
                p.error(PackageDiagnosticID.mimetype, "mimetype must be stored, not compressed (method \(entry.method))", entry: "mimetype")
            }
            if entry.localExtraLength != 0 {
                p.error(PackageDiagnosticID.mimetype, "mimetype must have no extra field (it has \(entry.localExtraLength) bytes)", entry: "mimetype")
            }
        }
        let text = String(decoding: content, as: UTF8.self)
        if text != expected {
            p.error(PackageDiagnosticID.mimetype, "mimetype holds '\(text.prefix(80))', expected '\(expected)' with no line break", entry: "mimetype")
        }
    }

    /// LMS packages: the root file is at the top of the zip, not inside a folder people zipped whole.
    /// Returns false when it is missing.
    @discardableResult
    static func rootFile(_ p: PackageContents, _ name: String) -> Bool {
        if p.tree[name] != nil { return true }
        if let nested = p.files.first(where: { $0.hasSuffix("/" + name) }) {
            let folder = String(nested.dropLast(name.count))
            p.error(
                PackageDiagnosticID.layout,
                "\(name) is inside the folder '\(folder)': zip the contents of that folder, not the folder itself (LMSes look for \(name) at the root)",
                entry: nested)
        } else {
            p.error(PackageDiagnosticID.missingPart, "\(name) is missing from the root of the zip", entry: name)
        }
        return false
    }
}
