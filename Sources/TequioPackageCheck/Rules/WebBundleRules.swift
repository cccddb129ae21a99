import Foundation
import TequioModel

/// An offline web bundle: `index.html` at the root and every local `src`, `href` and CSS `url()` found
/// in the zip, since a participant opens it from `file://` with no network.
enum WebBundleRules: PackageRules {
    static func check(_ p: PackageContents) {
        guard ZipLayoutRules.rootFile(p, "index.html") else { return }
        for path in p.files where path.hasSuffix(".html") || path.hasSuffix(".htm") || path.hasSuffix(".css") {
            checkReferences(p, in: path)
        }
    }

    /// Tags with their `src` or `href`, and CSS `url()`s.
    static let tag = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>"#)
    static let attribute = try! NSRegularExpression(pattern: #"\s(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')"#, options: [.caseInsensitive])
    static let cssURL = try! NSRegularExpression(pattern: #"url\(\s*["']?([^"')]*)["']?\s*\)"#, options: [.caseInsensitive])

    static func checkReferences(_ p: PackageContents, in path: String) {
        let text = String(decoding: p.tree[path]!, as: UTF8.self)
        let folder = PackagePath.folder(of: path)
        let partPath = "\(p.displayPath)!\(path)"
        let whole = NSRange(text.startIndex..., in: text)
        var references: [(String, String.Index, isLink: Bool)] = []
        if path.hasSuffix(".css") {
            for m in cssURL.matches(in: text, range: whole) {
                if let r = Range(m.range(at: 1), in: text) { references.append((String(text[r]), r.lowerBound, false)) }
            }
        } else {
            for t in tag.matches(in: text, range: whole) {
                guard let nameRange = Range(t.range(at: 1), in: text) else { continue }
                let name = text[nameRange].lowercased()
                for a in attribute.matches(in: text, range: t.range) {
                    let valueRange = a.range(at: 2).location != NSNotFound ? a.range(at: 2) : a.range(at: 3)
                    guard let r = Range(valueRange, in: text) else { continue }
                    // A link is followed by a person; a script, style sheet or image is loaded by the page.
                    references.append((String(text[r]), r.lowerBound, name == "a" || name == "area"))
                }
            }
        }
        for (reference, index, isLink) in references {
            let location = position(of: index, in: text, path: partPath)
            if reference.isEmpty || reference.hasPrefix("#") || reference.hasPrefix("data:") || reference.hasPrefix("mailto:") { continue }
            let lower = reference.lowercased()
            if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
                if !isLink {
                    p.report(.warning, PackageDiagnosticID.notRelative, "'\(reference)' is loaded from the network: the page breaks offline", at: location)
                }
                continue
            }
            if PackagePath.hasScheme(reference) {
                if !isLink { p.report(.error, PackageDiagnosticID.notRelative, "'\(reference)' is not a relative path inside the bundle", at: location) }
                continue
            }
            if reference.hasPrefix("/") {
                p.report(.error, PackageDiagnosticID.notRelative, "'\(reference)' is an absolute path: it breaks when the bundle is opened from a folder", at: location)
                continue
            }
            guard let target = PackagePath.resolve(reference, from: folder) else {
                p.report(.error, PackageDiagnosticID.notRelative, "'\(reference)' points outside the bundle", at: location)
                continue
            }
            if p.tree[target] == nil {
                p.report(.error, PackageDiagnosticID.missingFile, "'\(reference)' names a file that is not in the zip", at: location)
            }
        }
    }

    /// 1-based line and column of `index`, the column in characters (code points) as everywhere in
    /// Tequio (`docs/diagnostics.md`); a line ends at LF, so CR LF counts once.
    static func position(of index: String.Index, in text: String, path: String) -> SourceLocation {
        let before = text.unicodeScalars[..<index]
        let line = before.reduce(into: 1) { n, c in if c == "\n" { n += 1 } }
        let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.startIndex
        return SourceLocation(file: path, line: line, column: text.unicodeScalars[lineStart..<index].count + 1)
    }
}
