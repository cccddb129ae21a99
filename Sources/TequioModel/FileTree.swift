import Foundation

/// An in-memory tree of files, path → bytes: what a writer produces and the archiver zips.
///
/// Paths are relative, use `/` and never contain `..`; writers never touch the disk, so tests look at
/// the tree directly.
public struct FileTree: Sendable, Equatable {
    public private(set) var files: [String: Data] = [:]

    public init() {}

    public init(_ files: [String: Data]) {
        for (path, data) in files { self[path] = data }
    }

    public subscript(path: String) -> Data? {
        get { files[path] }
        set {
            precondition(FileTree.isSafeRelativePath(path), "unsafe path in file tree: \(path)")
            files[path] = newValue
        }
    }

    public mutating func add(_ path: String, text: String) { self[path] = Data(text.utf8) }

    /// Adds every file of `other` under `prefix` (`""` for the root).
    public mutating func merge(_ other: FileTree, under prefix: String = "") {
        for (path, data) in other.files { self[prefix.isEmpty ? path : "\(prefix)/\(path)"] = data }
    }

    /// Paths in byte order: the order archives list them.
    public var sortedPaths: [String] { files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    public var count: Int { files.count }
    public var totalBytes: Int { files.values.reduce(0) { $0 + $1.count } }

    /// True for a non-empty relative path of `/`-separated segments, none empty, `.` or `..`, with no
    /// backslash, NUL or control character.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }) { return false }
        if path.count >= 2, path.dropFirst().first == ":" { return false }  // C:
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
