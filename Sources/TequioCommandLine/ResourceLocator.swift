import Foundation

/// Finds Tequio's schemas and templates from any working directory.
///
/// Looked up in order: an explicit folder (`--templates`, `--schemas`), `$TEQUIO_HOME`, the installed
/// layout beside the binary (`<prefix>/bin/tequio` → `<prefix>/share/tequio/`), and finally the source
/// checkout the binary was built in (`.build/<config>/tequio` → the repository root).
public struct ResourceLocator: Sendable {
    public let schemas: URL
    public let templates: URL

    public init(schemas: URL, templates: URL) {
        self.schemas = schemas
        self.templates = templates
    }

    static let schemaProbe = "tequio-module-1.rng"

    public static func locate(templatesOverride: String? = nil, schemasOverride: String? = nil) throws -> ResourceLocator {
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
        return ResourceLocator(schemas: schemas, templates: templates)
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
