import Foundation
import TequioModel
import TequioWriters
import XMLSupport

/// cmi5: the web player as one assignable unit (AU), with `lms/runtime-cmi5.js` doing the cmi5 launch
/// (token from `fetch`, `LMS.LaunchData`, xAPI statements to the LRS, queued while offline) and
/// `cmi5.xml` (the course structure) at the root.
///
/// The page's Content-Security-Policy gains `connect-src 'self' http: https:`: the LRS endpoint is only
/// known at launch.
public struct CMI5Writer: TargetWriter {
    public static let runtime = "runtime-cmi5.js"
    public static let courseStructure = "cmi5.xml"
    public static let namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

    public init() {}

    public func render(_ input: BuildInput) throws -> FileTree {
        var tree = try PlayerPackage.render(input, runtime: Self.runtime, allowNetwork: true)
        guard tree[Self.courseStructure] == nil else {
            throw WriterError.unsupported("the player already has a file named \(Self.courseStructure)")
        }
        tree[Self.courseStructure] = try Self.courseStructure(for: input.module)
        return tree
    }

    /// The course IRI; the AU's is the same with `/au` appended (`urn:tequio:<id>:<version>…`).
    public static func courseID(_ module: Module) -> String { PackageText.urn(module) }
    public static func auID(_ module: Module) -> String { PackageText.urn(module, "au") }

    static func courseStructure(for module: Module) throws -> Data {
        let w = XMLWriter(indent: true)
        w.start("courseStructure", ["xmlns": namespace])
        w.start("course", ["id": courseID(module)])
        langstrings(w, "title", module.metadata.title, module)
        langstrings(w, "description", module.metadata.summary, module)
        w.end()
        w.start("au", ["id": auID(module), "moveOn": "Completed", "launchMethod": "AnyWindow"])
        langstrings(w, "title", module.metadata.title, module)
        langstrings(w, "description", module.metadata.subtitle ?? module.metadata.summary, module)
        w.element("url", text: "index.html")
        w.end()
        w.end()
        return try w.finish()
    }

    private static func langstrings(_ w: XMLWriter, _ name: String, _ text: LocalizedText, _ module: Module) {
        w.start(name)
        var values = PackageText.perLanguage(text, in: module)
        if values.isEmpty { values = [(module.mainLanguage, name == "title" ? module.id : "")] }
        for (lang, value) in values { w.element("langstring", ["lang": lang], text: value) }
        w.end()
    }
}
