import Foundation
import TequioModel
import TequioWriters

/// The web player as an LMS package carries it: the files `WebPlayerWriter` renders, plus one runtime
/// script (`lms/runtime-<name>.js`, from `templates/lms/`, after any shared script it builds on, such as
/// `lms/scorm-common.js`) loaded by `index.html` before any player script, so it can install
/// `window.TEQUIO_HOST` first (see `docs/player-host-api.md`).
enum PlayerPackage {
    /// The folder inside a package that holds the LMS runtime.
    static let runtimeFolder = "lms"

    /// Renders the web player and adds the runtime `runtime` (a file name in `templates/lms/`), or
    /// none for IMS CP. `shared` names scripts (also in `templates/lms/`) the runtime builds on, such as
    /// `scorm-common.js`: they are added too and loaded, in order, just before it. `allowNetwork` adds
    /// `connect-src` to the page's CSP, which cmi5 needs to reach the LMS and the LRS.
    static func render(_ input: BuildInput, runtime: String?, shared: [String] = [], allowNetwork: Bool = false) throws -> FileTree {
        var tree = try WebPlayerWriter().render(input)
        guard let runtime else { return tree }
        guard let index = tree["index.html"] else { throw WriterError.unsupported("the web player has no index.html") }
        var html = String(decoding: index, as: UTF8.self)
        // Each script goes before the page's first script, so the last one is inserted first.
        for name in (shared + [runtime]).reversed() {
            let path = "\(runtimeFolder)/\(name)"
            tree[path] = try runtimeScript(name, input: input)
            html = try injectScript(path, into: html)
        }
        if allowNetwork { html = try allowingConnections(html) }
        tree.add("index.html", text: html)
        return tree
    }

    static func runtimeScript(_ name: String, input: BuildInput) throws -> Data {
        guard let data = input.templates["\(runtimeFolder)/\(name)"] else {
            throw WriterError.missingTemplate("\(runtimeFolder)/\(name)")
        }
        return data
    }

    /// `html` with `<script src="path"></script>` inserted before its first `<script` tag.
    static func injectScript(_ path: String, into html: String) throws -> String {
        guard let first = html.range(of: "<script") else {
            throw WriterError.unsupported("index.html has no <script> tag to load the LMS runtime before")
        }
        var result = html
        result.insert(contentsOf: "<script src=\"\(HTMLText.escape(path))\"></script>\n", at: first.lowerBound)
        return result
    }

    /// The page's Content-Security-Policy with `connect-src 'self' http: https:` added, so the runtime
    /// can reach an LMS or LRS on any host (cmi5 names it only at launch). Everything else stays as it was.
    static func allowingConnections(_ html: String) throws -> String {
        guard html.contains("Content-Security-Policy") else { return html }  // no policy: nothing blocks
        if html.contains("connect-src") { return html }
        let marker = "default-src 'none';"
        guard let range = html.range(of: marker) else {
            throw WriterError.unsupported("index.html has a Content-Security-Policy without \"\(marker)\"")
        }
        var result = html
        result.replaceSubrange(range, with: "\(marker) connect-src 'self' http: https:;")
        return result
    }
}
