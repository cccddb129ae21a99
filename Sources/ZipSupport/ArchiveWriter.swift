import CLibZip
import Foundation
import TequioModel

/// Writes a `FileTree` as a reproducible zip archive.
///
/// The same tree and options give byte-identical archives on any day and in any time zone:
/// - entries in byte order of their paths (`FileTree.sortedPaths`), `options.firstEntry` first;
/// - one DOS time for every entry (`ArchiveOptions.timestamp`, UTC wall clock);
/// - Unix attributes `0100644` (regular file, rw-r--r--), no extra fields, UTF-8 names;
/// - already-compressed media (JPEG, PNG, MP4, PDF, WOFF2, ...) stored, everything else deflated at
///   level 6 (`CompressionPolicy`). Deflate output depends on the zlib version.
///
/// Writing is atomic: a temporary file beside the target is renamed over it only when complete.
public enum ArchiveWriter {
    /// Writes `tree` to `url`, replacing any file there.
    ///
    /// Creates the parent folder if it is missing. An empty tree gives a valid empty archive.
    /// On failure the previous file at `url` is left as it was and no temporary file remains.
    ///
    /// - Throws: `ArchiveError` (`.io`, `.missingFirstEntry`, `.invalidSourceDateEpoch`).
    public static func write(_ tree: FileTree, to url: URL, options: ArchiveOptions = .init()) throws {
        let displayPath = url.relativePath
        let time = DOSDateTime(utc: try options.resolvedTimestamp())
        let paths = try entryOrder(tree, firstEntry: options.firstEntry, archive: displayPath)

        try AtomicReplacement.replace(url, displayPath: displayPath) { temporary in
            guard !paths.isEmpty else {
                // libzip deletes an archive without entries on close instead of writing it.
                try writeEmptyArchive(to: temporary, displayPath: displayPath)
                return
            }
            let archive = try ZipArchive(
                path: temporary.path, flags: ZIP_CREATE | ZIP_EXCL, displayPath: displayPath)
            for path in paths {
                try add(
                    path, data: tree[path]!, to: archive, time: time,
                    stored: path == options.firstEntry,
                    failing: path == options.failWhileReading)
            }
            try archive.close()
            try DOSTimeFix.apply(time, to: temporary.path, displayPath: displayPath)
        }
    }

    /// The archive bytes for `tree`, written through a temporary file.
    public static func data(for tree: FileTree, options: ArchiveOptions = .init()) throws -> Data {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tequio-zip-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("archive.zip")
        try write(tree, to: url, options: options)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ArchiveError.io(path: url.path, message: "cannot read back the archive")
        }
    }

    /// Paths in archive order: `firstEntry`, then the rest in byte order.
    static func entryOrder(_ tree: FileTree, firstEntry: String?, archive: String) throws -> [String] {
        guard let firstEntry else { return tree.sortedPaths }
        guard tree[firstEntry] != nil else {
            throw ArchiveError.missingFirstEntry(archive: archive, entry: firstEntry)
        }
        return [firstEntry] + tree.sortedPaths.filter { $0 != firstEntry }
    }

    /// Adds one entry with the fixed method, time and attributes.
    private static func add(
        _ path: String, data: Data, to archive: ZipArchive, time: DOSDateTime, stored: Bool, failing: Bool
    ) throws {
        let source = try DataSource.make(data, in: archive, entry: path, failOnSecondRead: failing)
        let index = zip_file_add(archive.pointer, path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        if index < 0 { zip_source_free(source) }  // libzip takes the source only on success
        let entry = UInt64(try archive.check(index, entry: path))

        let compression = CompressionPolicy.method(for: path, forceStored: stored)
        try archive.check(
            zip_set_file_compression(archive.pointer, entry, compression.method, compression.level), entry: path)
        try archive.check(zip_file_set_dostime(archive.pointer, entry, time.time, time.date, 0), entry: path)
        try archive.check(
            zip_file_set_external_attributes(
                archive.pointer, entry, 0, UInt8(ZIP_OPSYS_UNIX), regularFileAttributes),
            entry: path)
    }

    /// Unix mode `0100644` (regular file, rw-r--r--) in the high 16 bits.
    static let regularFileAttributes: UInt32 = 0o100644 << 16

    /// The 22-byte end of central directory record of an archive with no entries.
    static let emptyArchive = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))

    private static func writeEmptyArchive(to url: URL, displayPath: String) throws {
        let file = try FileDescriptor(
            path: url.path, flags: O_WRONLY | O_CREAT | O_EXCL, displayPath: displayPath)
        try file.write(Array(emptyArchive), at: 0)
    }
}
