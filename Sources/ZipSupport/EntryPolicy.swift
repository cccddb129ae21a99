/// Checks every entry of an untrusted archive's central directory before any data is read.
///
/// The checks run on the raw directory (not on libzip's view), in entry order; the first problem
/// is thrown, naming its entry.
enum EntryPolicy {
    /// An entry that passed: what to read and where it goes.
    struct Entry {
        var index: Int
        var path: String
        var displayName: String
        var isDirectory: Bool
        var declaredSize: UInt64
        var compressedSize: UInt64
        var method: UInt16
    }

    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8

    static func check(_ directory: CentralDirectory, archive: String, limits: ArchiveLimits) throws -> [Entry] {
        var checked: [Entry] = []
        var collisions = CollisionTracker(archive: archive)
        var declaredTotal: UInt64 = 0
        for (index, raw) in directory.entries.enumerated() {
            let shown = EntryName.display(raw.name)
            let name: EntryName.Checked
            switch EntryName.check(raw.name) {
            case .safe(let value): name = value
            case .unsafe(let reason): throw ArchiveError.unsafeName(archive: archive, entry: shown, reason: reason)
            }
            try checkKind(raw, name: name, shown: shown, archive: archive)
            if raw.flags & 0x0041 != 0 {  // bit 0: encrypted, bit 6: strong encryption
                throw ArchiveError.encrypted(archive: archive, entry: shown)
            }
            guard raw.method == stored || raw.method == deflated else {
                throw ArchiveError.unsupportedCompression(archive: archive, entry: shown, method: Int(raw.method))
            }
            try checkDeclaredSizes(raw, name: name, shown: shown, archive: archive)
            if raw.uncompressedSize > UInt64(limits.maxEntryBytes) {
                throw ArchiveError.tooLarge(archive: archive, entry: shown, limit: limits.maxEntryBytes)
            }
            declaredTotal += raw.uncompressedSize
            if declaredTotal > UInt64(limits.maxTotalBytes) {
                throw ArchiveError.totalTooLarge(archive: archive, entry: shown, limit: limits.maxTotalBytes)
            }
            try collisions.claim(name, shown: shown)
            checked.append(
                Entry(
                    index: index, path: name.path, displayName: shown, isDirectory: name.isDirectory,
                    declaredSize: raw.uncompressedSize, compressedSize: raw.compressedSize, method: raw.method))
        }
        return checked
    }

    /// Only regular files, and folders whose names end in `/`.
    private static func checkKind(
        _ raw: CentralDirectory.Entry, name: EntryName.Checked, shown: String, archive: String
    ) throws {
        let unixHost: UInt8 = 3
        if raw.hostSystem == unixHost {
            let mode = raw.externalAttributes >> 16
            switch mode & 0o170000 {
            case 0, 0o100000: return  // unset, or a regular file (a folder name keeps it a folder)
            case 0o040000 where name.isDirectory: return
            case 0o120000: throw ArchiveError.symlink(archive: archive, entry: shown)
            default: throw ArchiveError.notRegularFile(archive: archive, entry: shown, mode: mode)
            }
        }
        let msDOSDirectory: UInt32 = 0x10
        if raw.externalAttributes & msDOSDirectory != 0, !name.isDirectory {
            throw ArchiveError.notRegularFile(archive: archive, entry: shown, mode: raw.externalAttributes)
        }
    }

    /// Sizes that cannot be true are refused before reading; the real sizes are counted later.
    private static func checkDeclaredSizes(
        _ raw: CentralDirectory.Entry, name: EntryName.Checked, shown: String, archive: String
    ) throws {
        if raw.method == stored, raw.compressedSize != raw.uncompressedSize {
            throw ArchiveError.corrupt(
                archive: archive, entry: shown,
                message: "stored entry declares \(raw.uncompressedSize) bytes but holds \(raw.compressedSize)")
        }
        if name.isDirectory, raw.uncompressedSize != 0 || raw.compressedSize > 2 {
            throw ArchiveError.corrupt(archive: archive, entry: shown, message: "folder entry with data")
        }
    }
}

/// Finds names that would land on the same file: exact duplicates, names that differ only in case
/// or normalisation, and a file whose path is also a folder (`a` and `a/b`).
struct CollisionTracker {
    let archive: String
    private var files: [String: String] = [:]  // collision key → name shown
    private var folders: [String: String] = [:]  // collision key → name that made it a folder
    private var explicitFolders: Set<String> = []

    init(archive: String) { self.archive = archive }

    mutating func claim(_ name: EntryName.Checked, shown: String) throws {
        let key = EntryName.collisionKey(name.path)
        if let existing = files[key] { throw duplicate(shown, existing) }
        if name.isDirectory {
            if explicitFolders.contains(key) { throw duplicate(shown, folders[key] ?? shown) }
            explicitFolders.insert(key)
            folders[key] = folders[key] ?? shown
        } else {
            if let existing = folders[key] { throw duplicate(shown, existing) }
            files[key] = shown
        }
        var parent = key
        while let slash = parent.lastIndex(of: "/") {
            parent = String(parent[..<slash])
            if let existing = files[parent] { throw duplicate(shown, existing) }
            if folders[parent] != nil { break }  // its parents were claimed with it
            folders[parent] = shown
        }
    }

    private func duplicate(_ entry: String, _ existing: String) -> ArchiveError {
        .duplicateEntry(archive: archive, entry: entry, existing: existing)
    }
}
