import Foundation

/// How files are named in diagnostics: relative to the working directory when inside it, so that
/// `modules/oaxaca-agua/module.xml:12:7` can be clicked in an editor; absolute otherwise.
public enum DisplayPath {
    public static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
