import Foundation
import TequioModel

extension StringCatalogue {
    /// Reads `strings/<language>.json` of the templates folder at `templatesFolder`: what the commands
    /// that do not load every template (`assemble`, `import`) and the tests use.
    ///
    /// - Throws: `StringCatalogueError` naming the file that is missing or unreadable.
    public init(templatesFolder: URL) throws {
        let folder = templatesFolder.appendingPathComponent(Self.folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var tree = FileTree()
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = "\(Self.folder)/\(name)"
            guard FileTree.isSafeRelativePath(path) else { continue }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw StringCatalogueError.unreadable(path: path, reason: "the file cannot be read")
            }
            tree[path] = data
        }
        try self.init(templates: tree)
    }
}
