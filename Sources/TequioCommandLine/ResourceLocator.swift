import Foundation
import TequioModel
import TequioReaders

/// Finds Tequio's schemas and templates from any working directory.
///
/// Looked up in order: an explicit folder (`--templates`, `--schemas`), `$TEQUIO_HOME`, the installed
/// layout beside the binary (`<prefix>/bin/tequio` → `<prefix>/share/tequio/`), and finally the source
/// checkout the binary was built in (`.build/<config>/tequio` → the repository root).
public struct ResourceLocator: Sendable {
    public let schemas: URL
    public let templates: URL
    /// The official schemas of the formats Tequio writes and checks (`schemas/official`).
    public let officialSchemas: URL

    public init(schemas: URL, templates: URL, officialSchemas: URL? = nil) {
        self.schemas = schemas
        self.templates = templates
        self.officialSchemas = officialSchemas ?? schemas.appendingPathComponent("official")
    }

    static let schemaProbe = "tequio-module-1.rng"

    /// A folder the user named that is not there (or lacks what it must hold) is a usage error naming
    /// the path; only a broken installation is an internal error.
    public static func locate(templatesOverride: String? = nil, schemasOverride: String? = nil) throws -> ResourceLocator {
        if let given = templatesOverride { try requireFolder(given, option: "--templates") }
        if let given = schemasOverride {
            try requireFolder(given, option: "--schemas")
            guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: given).appendingPathComponent(schemaProbe).path) else {
                throw CommandFailure(message: "--schemas \(given): the folder has no \(schemaProbe)", code: TequioExit.usage)
            }
        }
        let home = candidateHomes().first { isHome($0) }
        let schemas = schemasOverride.map { URL(fileURLWithPath: $0) } ?? home?.appendingPathComponent("schemas")
        let templates = templatesOverride.map { URL(fileURLWithPath: $0) } ?? home?.appendingPathComponent("templates")
        guard let schemas, FileManager.default.fileExists(atPath: schemas.appendingPathComponent(schemaProbe).path) else {
            throw CommandFailure.installation(
                "cannot find Tequio's schemas (looked in $TEQUIO_HOME, beside the binary and in its source checkout); reinstall or set TEQUIO_HOME")
        }
        guard let templates, FileManager.default.fileExists(atPath: templates.path) else {
            throw CommandFailure.installation("cannot find Tequio's templates folder; pass --templates DIR or set TEQUIO_HOME")
        }
        // Official schemas beside the user's own schemas when they are there, else the installation's.
        var official = schemas.appendingPathComponent("official")
        if !FileManager.default.fileExists(atPath: official.path), let home {
            official = home.appendingPathComponent("schemas/official")
        }
        return ResourceLocator(schemas: schemas, templates: templates, officialSchemas: official)
    }

    /// The string catalogue of the templates folder (`strings/<language>.json`): a missing or broken
    /// one is a broken installation.
    func catalogue() throws -> StringCatalogue {
        do {
            return try StringCatalogue(templatesFolder: templates)
        } catch {
            throw CommandFailure.installation("\(error)")
        }
    }

    private static func requireFolder(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(message: "\(option) \(path): no such folder", code: TequioExit.usage)
        }
        guard isDirectory.boolValue else {
            throw CommandFailure(message: "\(option) \(path): not a folder", code: TequioExit.usage)
        }
    }

    private static func isHome(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("schemas").appendingPathComponent(schemaProbe).path)
    }

    private static func candidateHomes() -> [URL] {
        var result: [URL] = []
        if let env = ProcessInfo.processInfo.environment["TEQUIO_HOME"], !env.isEmpty {
            result.append(URL(fileURLWithPath: env))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binDir = executable.deletingLastPathComponent()
        result.append(binDir.deletingLastPathComponent().appendingPathComponent("share/tequio"))
        result.append(binDir.appendingPathComponent("share/tequio"))
        var dir = binDir
        for _ in 0..<6 {
            result.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        return result
    }
}
