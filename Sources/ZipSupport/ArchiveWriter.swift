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
/// Archives are made in memory (a libzip buffer source): no temporary file or folder exists until
/// the output stage writes the finished bytes beside the target (see `OutputStage`).
public enum ArchiveWriter {
    /// Writes `tree` to `url`, replacing any file there: an output set of one (`OutputStage`).
    ///
    /// Creates the parent folder if it is missing. An empty tree gives a valid empty archive.
    /// On failure the previous file at `url` is left as it was and no temporary file remains.
    ///
    /// - Throws: `ArchiveError` (`.io`, `.missingFirstEntry`, `.invalidSourceDateEpoch`).
    public static func write(_ tree: FileTree, to url: URL, options: ArchiveOptions = .init()) throws {
        try OutputStage().write([.archive(tree, options: options, to: url)])
    }

    /// The archive bytes for `tree`, made in memory: nothing is written to disk, so a process killed
    /// here leaves nothing behind.
    public static func data(for tree: FileTree, options: ArchiveOptions = .init()) throws -> Data {
        try data(for: tree, options: options, displayPath: "archive")
    }

    /// The archive bytes for `tree`; `displayPath` names the archive in errors.
    static func data(for tree: FileTree, options: ArchiveOptions, displayPath: String) throws -> Data {
        let time = DOSDateTime(utc: try options.resolvedTimestamp())
        let paths = try entryOrder(tree, firstEntry: options.firstEntry, archive: displayPath)
        // libzip deletes an archive without entries on close instead of writing it.
        guard !paths.isEmpty else { return emptyArchive }

        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw LibZip.archiveError(&error, archive: displayPath, entry: nil)
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(source: buffer, flags: ZIP_TRUNCATE, displayPath: displayPath)
        } catch {
            zip_source_free(buffer)
            throw error
        }
        zip_source_keep(buffer)  // the archive frees its reference on close; this one reads the bytes back
        defer { zip_source_free(buffer) }

        for path in paths {
            try add(
                path, data: tree[path]!, to: archive, time: time,
                stored: path == options.firstEntry,
                failing: path == options.failWhileReading)
        }
        try archive.close()

        var bytes = MemoryBytes(bytes: try readBack(buffer, displayPath: displayPath), displayPath: displayPath)
        try DOSTimeFix.apply(time, to: &bytes)
        return Data(bytes.bytes)
    }

    /// Everything libzip wrote into the buffer source.
    private static func readBack(_ buffer: OpaquePointer, displayPath: String) throws -> [UInt8] {
        try LibZip.check(zip_source_open(buffer), zip_source_error(buffer), archive: displayPath)
        defer { zip_source_close(buffer) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        try LibZip.check(zip_source_stat(buffer, &stat), zip_source_error(buffer), archive: displayPath)
        var bytes = [UInt8](repeating: 0, count: Int(stat.size))
        var done = 0
        while done < bytes.count {
            let n = try bytes.withUnsafeMutableBytes {
                try LibZip.check(
                    zip_source_read(buffer, $0.baseAddress! + done, UInt64($0.count - done)),
                    zip_source_error(buffer), archive: displayPath)
            }
            guard n > 0 else { throw ArchiveError.io(path: displayPath, message: "short archive buffer") }
            done += Int(n)
        }
        return bytes
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
}
