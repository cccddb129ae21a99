import Foundation
import TequioModel

/// Everything a target writer needs, already in memory: writers never touch the disk.
public struct BuildInput: Sendable {
    public var module: Module
    /// The module's media and data files, by path relative to the module folder.
    public var assets: FileTree
    /// Tequio's templates folder, as files by relative path (`player/player.js`, …).
    public var templates: FileTree
    /// Every fixed word of the outputs, read once from the templates' `strings/<language>.json`.
    public var catalogue: StringCatalogue
    /// `tequio 0.1.0`: written where formats have a generator field.
    public var generator: String
    /// The build date (from `SOURCE_DATE_EPOCH`), for formats that need one.
    public var date: Date
    /// Who the player is for (`tequio build --audience`): the participants unless a facilitator's build is asked for.
    public var audience: Audience = .participant

    /// - Throws: `StringCatalogueError` when the templates' string catalogue is missing or unreadable.
    public init(module: Module, assets: FileTree, templates: FileTree, generator: String, date: Date) throws {
        self.module = module
        self.assets = assets
        self.templates = templates
        self.catalogue = try StringCatalogue(templates: templates)
        self.generator = generator
        self.date = date
    }

    /// The template file at `path`, as text.
    public func template(_ path: String) throws -> String {
        guard let data = templates[path] else { throw WriterError.missingTemplate(path) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Template files under `folder/`, keyed by their path inside it.
    public func templateFiles(under folder: String) -> [String: Data] {
        let prefix = folder + "/"
        var result: [String: Data] = [:]
        for (path, data) in templates.files where path.hasPrefix(prefix) { result[String(path.dropFirst(prefix.count))] = data }
        return result
    }
}

public enum WriterError: Error, CustomStringConvertible, Equatable {
    case missingTemplate(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .missingTemplate(let p): "template '\(p)' is missing from the templates folder"
        case .unsupported(let s): s
        }
    }
}
