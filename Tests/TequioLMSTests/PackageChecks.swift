import Foundation
import TequioModel
import XMLSupport

/// The checks an LMS makes on a content package that no schema expresses (see
/// `schemas/official/README.md`, "What schemas do not catch"). Each returns the problems found.
enum PackageChecks {
    /// Entry names: relative, `/`-separated, no backslash, no `..`, no drive letter, no wrapping folder.
    static func entryNames(_ names: [String], rootFile: String) -> [String] {
        var problems: [String] = []
        for name in names {
            if name.contains("\\") { problems.append("backslash in entry name '\(name)'") }
            if name.hasPrefix("/") { problems.append("absolute entry name '\(name)'") }
            if name.split(separator: "/").contains("..") { problems.append("'..' in entry name '\(name)'") }
            if name.count > 1, name.dropFirst().first == ":" { problems.append("drive letter in entry name '\(name)'") }
        }
        if !names.contains(rootFile) { problems.append("\(rootFile) is not at the root of the zip") }
        let tops = Set(names.map { $0.split(separator: "/", maxSplits: 1).first.map(String.init) ?? $0 })
        if tops.count == 1, names.allSatisfy({ $0.contains("/") }) { problems.append("everything is inside one wrapping folder") }
        return problems
    }

    /// A manifest `href` as a path in the zip: no scheme, no absolute path, percent-decoded.
    static func resolve(_ href: String) -> String? {
        guard !href.contains("\\"), !href.hasPrefix("/"), !href.contains(":"), !href.contains("?"), !href.contains("#") else {
            return nil
        }
        return href.removingPercentEncoding
    }

    /// `imsmanifest.xml` against the zip: every `href` and `<file>` exists, every zip entry is listed,
    /// `identifierref` and `default` resolve, the right `schemaversion`, `scormtype` spelled right.
    static func contentPackage(
        _ manifest: XMLElement, entries: [String], schemaVersion: String, scormType: (name: String, namespace: String)?
    ) -> [String] {
        var problems: [String] = []
        let all = manifest.descendants
        let entrySet = Set(entries)
        func check(_ href: String, _ what: String) {
            guard let path = resolve(href) else { return problems.append("\(what) '\(href)' is not a relative path") }
            if !entrySet.contains(path) { problems.append("\(what) '\(href)' is not in the zip") }
        }
        var listed: Set<String> = []
        let resources = all.filter { $0.name == "resource" }
        for resource in resources {
            if let href = resource.attribute("href") { check(href, "resource href") }
            for file in resource.elements(named: "file") {
                guard let href = file.attribute("href") else { problems.append("<file> without href"); continue }
                check(href, "file href")
                if let path = resolve(href) { listed.insert(path) }
            }
            if let scormType {
                let value = resource.attribute(scormType.name, namespace: scormType.namespace)
                if value != "sco" && value != "asset" {
                    problems.append("resource \(resource.attribute("identifier") ?? "?") has no \(scormType.name) 'sco' or 'asset'")
                }
                let misspelt = resource.attributes.filter {
                    $0.namespace == scormType.namespace && $0.name.lowercased() == "scormtype" && $0.name != scormType.name
                }
                for a in misspelt { problems.append("'\(a.name)' is misspelt: this SCORM version wants '\(scormType.name)'") }
            }
        }
        for entry in entries where entry != "imsmanifest.xml" && !entry.hasSuffix("/") && !listed.contains(entry) {
            problems.append("zip entry '\(entry)' is not listed in any <file>")
        }
        let resourceIDs = Set(resources.compactMap { $0.attribute("identifier") })
        for item in all where item.name == "item" {
            if let ref = item.attribute("identifierref"), !resourceIDs.contains(ref) {
                problems.append("item identifierref '\(ref)' names no resource")
            }
        }
        if let organizations = manifest.element(named: "organizations") {
            let ids = Set(organizations.elements(named: "organization").compactMap { $0.attribute("identifier") })
            if let def = organizations.attribute("default"), !ids.contains(def) {
                problems.append("organizations default '\(def)' names no organization")
            }
        }
        let version = manifest.element(named: "metadata")?.element(named: "schemaversion")?.text
        if version != schemaVersion { problems.append("schemaversion is '\(version ?? "none")', expected '\(schemaVersion)'") }
        return problems
    }
}
