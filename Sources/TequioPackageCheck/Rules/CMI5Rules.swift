import Foundation
import TequioModel
import XMLSupport

/// `cmi5.xml`: the course structure against its schema, and each assignable unit's launch URL against
/// the zip.
enum CMI5Rules: PackageRules {
    static let namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

    static func check(_ p: PackageContents) {
        guard ZipLayoutRules.rootFile(p, "cmi5.xml"), let course = p.root("cmi5.xml") else { return }
        var seen: [String: XMLElement] = [:]
        for element in course.descendants where ["course", "block", "au", "objective"].contains(element.name) && element.namespace == namespace {
            guard let id = element.attribute("id") else { continue }
            if seen[id] != nil, element.name != "objective" {
                p.error(PackageDiagnosticID.duplicate, "id '\(id)' is used twice: every course, block and AU needs its own IRI", at: element)
            }
            seen[id] = element
        }
        let aus = course.descendants("au", namespace)
        if aus.isEmpty { p.error(PackageDiagnosticID.missingPart, "the course has no <au>: there is nothing to launch", at: course) }
        for au in aus {
            guard let url = au.child("url", namespace) else { continue }
            let href = url.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if PackagePath.hasScheme(href) { continue }  // an AU served from elsewhere
            guard let path = PackagePath.resolve(href) else {
                p.error(PackageDiagnosticID.notRelative, "AU url '\(href)' is neither a URL nor a relative path inside the package", at: url)
                continue
            }
            if p.tree[path] == nil { p.error(PackageDiagnosticID.missingFile, "AU url '\(href)' names a file that is not in the zip", at: url) }
        }
        p.validate("cmi5.xml", against: .cmi5)
    }
}
