import CLibZip
import Foundation

/// An untrusted archive, opened twice over: its raw central directory (checked by `EntryPolicy`)
/// and a libzip handle (`ZIP_CHECKCONS | ZIP_RDONLY`) that must see the same entries.
struct UntrustedArchive {
    let archive: ZipArchive
    let directory: CentralDirectory
    let displayPath: String

    /// Opens `url`, refusing it when the entry count is over `maxEntries` or libzip disagrees with
    /// the raw directory.
    init(_ url: URL, maxEntries: Int, check: (CentralDirectory) throws -> Void = { _ in }) throws {
        displayPath = url.relativePath
        let file = try FileDescriptor(path: url.path, flags: O_RDONLY, displayPath: displayPath)
        directory = try CentralDirectory.read(file, archive: displayPath, maxEntries: maxEntries)
        try check(directory)
        archive = try ZipArchive(
            path: url.path, flags: ZIP_CHECKCONS | ZIP_RDONLY, displayPath: displayPath)
        try crossCheck()
    }

    /// libzip must list the same entries, with the same names (libzip shows a NUL as a space),
    /// methods and sizes, and must not see encryption the raw flags missed.
    private func crossCheck() throws {
        let count = try archive.check(zip_get_num_entries(archive.pointer, 0))
        guard count == directory.entries.count else {
            throw ArchiveError.corrupt(
                archive: displayPath, entry: nil,
                message: "libzip sees \(count) entries, the central directory lists \(directory.entries.count)")
        }
        for (index, raw) in directory.entries.enumerated() {
            let shown = EntryName.display(raw.name)
            let name = try archive.check(
                zip_get_name(archive.pointer, UInt64(index), zip_flags_t(ZIP_FL_ENC_RAW)), entry: shown)
            var stat = zip_stat_t()
            try archive.check(zip_stat_index(archive.pointer, UInt64(index), 0, &stat), entry: shown)
            let libzipName = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
            guard libzipName == raw.name.map({ $0 == 0 ? 0x20 : $0 }),
                stat.comp_method == Int32(raw.method), stat.size == raw.uncompressedSize,
                stat.comp_size == raw.compressedSize
            else {
                throw ArchiveError.corrupt(
                    archive: displayPath, entry: shown, message: "libzip and the central directory disagree")
            }
            if stat.encryption_method != UInt16(ZIP_EM_NONE) {
                throw ArchiveError.encrypted(archive: displayPath, entry: shown)
            }
        }
    }
}
