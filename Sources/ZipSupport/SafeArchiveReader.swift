import Foundation
import TequioModel

/// Reads zip archives that come from outside: uploaded spreadsheets, bundles, imports.
///
/// Before any data is read, every entry is checked: names must be safe relative paths (no `..`,
/// absolute paths, backslashes, drive letters, control characters or empty segments — judged on
/// the raw bytes, since libzip shows a NUL as a space), no symlinks or special files, no
/// encryption, no duplicates (also by case and Unicode normalisation, or a file used as a folder),
/// only stored or deflated entries, and declared sizes within `ArchiveLimits`. libzip opens the
/// archive with `ZIP_CHECKCONS | ZIP_RDONLY` and must agree with the raw central directory. While
/// reading, the real bytes are counted against the caps and the compression ratio, and the CRC and
/// the declared size are verified. The first problem is thrown as an `ArchiveError` naming the entry.
public enum SafeArchiveReader {
    /// All files of the archive, checked and verified, in memory. Folder entries produce no file.
    public static func read(_ url: URL, limits: ArchiveLimits = .init()) throws -> FileTree {
        let (source, entries) = try open(url, limits: limits)
        var stream = EntryStream(archive: source.archive, limits: limits)
        var tree = FileTree()
        for entry in entries where !entry.isDirectory {
            var data = Data(capacity: Int(min(entry.declaredSize, 16 << 20)))
            try stream.read(entry) { data.append(contentsOf: $0) }
            tree[entry.path] = data
        }
        return tree
    }

    /// Extracts the archive into `directory`, which must not exist yet or be an empty folder.
    ///
    /// Every entry is checked before anything is written. The files are written into a temporary
    /// folder beside `directory`, which is renamed to `directory` only when all entries were read
    /// and verified; a refused archive leaves no trace. Nothing is ever written outside `directory`.
    public static func extract(_ url: URL, to directory: URL, limits: ArchiveLimits = .init()) throws {
        try Extraction.requireEmptyOrMissing(directory)
        let (source, entries) = try open(url, limits: limits)
        var stream = EntryStream(archive: source.archive, limits: limits)
        try Extraction.run(into: directory) { root in
            for entry in entries {
                if entry.isDirectory {
                    try root.makeFolder(entry.path)
                } else {
                    let file = try root.createFile(entry.path)
                    try stream.read(entry) { try file.append($0) }
                }
            }
        }
    }

    /// The entry names as stored, in archive order, for inspection; names are not checked.
    ///
    /// The archive must still open with libzip's consistency checks and list at most
    /// `limits.maxEntries` entries. Names that are not UTF-8 show U+FFFD; a NUL stays a NUL.
    public static func entryNames(_ url: URL, limits: ArchiveLimits = .init()) throws -> [String] {
        let source = try UntrustedArchive(url, maxEntries: limits.maxEntries)
        return source.directory.entries.map { String(decoding: $0.name, as: UTF8.self) }
    }

    /// Opens and checks the archive: the policy runs on the raw directory before libzip opens it,
    /// so problems libzip would only call "inconsistent" (such as duplicates) are reported by name.
    private static func open(_ url: URL, limits: ArchiveLimits) throws -> (UntrustedArchive, [EntryPolicy.Entry]) {
        var entries: [EntryPolicy.Entry] = []
        let source = try UntrustedArchive(url, maxEntries: limits.maxEntries) { directory in
            entries = try EntryPolicy.check(directory, archive: url.relativePath, limits: limits)
        }
        return (source, entries)
    }
}
