import Foundation

/// How an archive's entries are laid out, as its bytes say: order, compression method and local
/// extra fields. Package checkers need this for rules no schema sees (EPUB and ODF want `mimetype`
/// first, stored and without an extra field); the safe reader's checks and libzip are not involved.
public struct ArchiveLayout: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The stored name (control characters escaped as in `ArchiveError` messages).
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: Int
        /// The length of the extra field in the entry's local header.
        public var localExtraLength: Int
        /// Bit 0 of the general-purpose flags.
        public var isEncrypted: Bool
    }

    /// The entries in central-directory order.
    public var entries: [Entry]

    /// Reads the central directory and every local header of the archive at `url`.
    ///
    /// - Throws: `ArchiveError` (`.corrupt`, `.tooManyEntries`, `.io`).
    public static func read(_ url: URL, maxEntries: Int = ArchiveLimits().maxEntries) throws -> ArchiveLayout {
        let displayPath = url.relativePath
        let file = try FileDescriptor(path: url.path, flags: O_RDONLY, displayPath: displayPath)
        let directory = try CentralDirectory.read(file, archive: displayPath, maxEntries: maxEntries)
        let size = try file.size()
        var entries: [Entry] = []
        for raw in directory.entries {
            let shown = EntryName.display(raw.name)
            guard raw.localHeaderOffset + 30 <= size else {
                throw ArchiveError.corrupt(archive: displayPath, entry: shown, message: "local header out of range")
            }
            let header = try file.read(count: 30, at: raw.localHeaderOffset)
            guard header.u32(0) == CentralDirectory.localHeaderSignature else {
                throw ArchiveError.corrupt(archive: displayPath, entry: shown, message: "no local header where the directory says")
            }
            entries.append(
                Entry(
                    name: shown, method: Int(raw.method), localExtraLength: Int(header.u16(28)),
                    isEncrypted: raw.flags & 1 != 0))
        }
        return ArchiveLayout(entries: entries)
    }
}
