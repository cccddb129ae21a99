import TequioModel

/// Why an archive could not be written or was refused.
///
/// Every case names the archive and, where there is one, the offending entry, so a message reads
/// `book.xlsx: entry '../evil.txt': unsafe name (parent directory)`. Entry names are shown with control
/// characters escaped (`\u{0}`), so printing an error never prints raw bytes from an untrusted file.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An entry name that could escape the target folder or cannot be a relative path.
    case unsafeName(archive: String, entry: String, reason: UnsafeNameReason)
    /// Two entries with the same path (also when they differ only in letter case or Unicode
    /// normalisation), or a file whose path is also used as a folder.
    case duplicateEntry(archive: String, entry: String, existing: String)
    /// An entry whose Unix mode marks it as a symbolic link.
    case symlink(archive: String, entry: String)
    /// An entry whose attributes mark it as something other than a regular file or a folder
    /// (device, FIFO, socket, or a folder attribute on a name without a trailing `/`).
    case notRegularFile(archive: String, entry: String, mode: UInt32)
    /// An encrypted entry: untrusted archives are never decrypted.
    case encrypted(archive: String, entry: String)
    /// A compression method other than stored (0) or deflate (8).
    case unsupportedCompression(archive: String, entry: String, method: Int)
    /// More entries than `ArchiveLimits.maxEntries`.
    case tooManyEntries(archive: String, count: Int, limit: Int)
    /// An entry larger than `ArchiveLimits.maxEntryBytes` (declared or counted while reading).
    case tooLarge(archive: String, entry: String, limit: Int)
    /// The entries together exceed `ArchiveLimits.maxTotalBytes`; `entry` is the one that crossed it.
    case totalTooLarge(archive: String, entry: String, limit: Int)
    /// An entry that expands more than `ArchiveLimits.maxCompressionRatio` times (a zip bomb).
    case suspiciousRatio(archive: String, entry: String, limit: Int)
    /// A damaged or inconsistent archive: bad CRC, sizes that lie, broken central directory.
    case corrupt(archive: String, entry: String?, message: String)
    /// `ArchiveOptions.firstEntry` names a file the tree does not contain.
    case missingFirstEntry(archive: String, entry: String)
    /// `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
    case invalidSourceDateEpoch(value: String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)

    /// The diagnostic identifier of the problem, such as `zip.unsafe-name`.
    public var diagnosticID: ZipDiagnosticID {
        switch self {
        case .unsafeName: .unsafeName
        case .duplicateEntry: .duplicateEntry
        case .symlink: .symlink
        case .notRegularFile: .notRegularFile
        case .encrypted: .encrypted
        case .unsupportedCompression: .unsupportedCompression
        case .tooManyEntries: .tooManyEntries
        case .tooLarge: .entryTooLarge
        case .totalTooLarge: .totalTooLarge
        case .suspiciousRatio: .suspiciousRatio
        case .corrupt: .corrupt
        case .missingFirstEntry: .missingFirstEntry
        case .invalidSourceDateEpoch: .invalidSourceDateEpoch
        case .io: .io
        }
    }

    /// `diagnosticID` as written in diagnostics.
    public var identifier: String { diagnosticID.rawValue }

    /// The file the problem is about: the archive, or the path that could not be read or written.
    public var path: String? {
        switch self {
        case .unsafeName(let archive, _, _), .duplicateEntry(let archive, _, _), .symlink(let archive, _),
            .notRegularFile(let archive, _, _), .encrypted(let archive, _),
            .unsupportedCompression(let archive, _, _), .tooManyEntries(let archive, _, _),
            .tooLarge(let archive, _, _), .totalTooLarge(let archive, _, _),
            .suspiciousRatio(let archive, _, _), .corrupt(let archive, _, _),
            .missingFirstEntry(let archive, _):
            archive
        case .io(let path, _): path
        case .invalidSourceDateEpoch: nil
        }
    }

    /// The offending entry, when the problem is about one.
    public var entry: String? {
        switch self {
        case .unsafeName(_, let entry, _), .duplicateEntry(_, let entry, _), .symlink(_, let entry),
            .notRegularFile(_, let entry, _), .encrypted(_, let entry),
            .unsupportedCompression(_, let entry, _), .tooLarge(_, let entry, _),
            .totalTooLarge(_, let entry, _), .suspiciousRatio(_, let entry, _),
            .missingFirstEntry(_, let entry):
            entry
        case .corrupt(_, let entry, _): entry
        case .tooManyEntries, .invalidSourceDateEpoch, .io: nil
        }
    }

    /// The message without the path: lowercase, no trailing period.
    public var message: String {
        let subject = entry.map { "entry '\($0)': " } ?? ""
        switch self {
        case .unsafeName(_, _, let reason): return "\(subject)unsafe name (\(reason.rawValue))"
        case .duplicateEntry(_, _, let existing): return "\(subject)duplicate of '\(existing)'"
        case .symlink: return "\(subject)symbolic link"
        case .notRegularFile(_, _, let mode):
            return "\(subject)not a regular file (mode \(String(mode, radix: 8)))"
        case .encrypted: return "\(subject)encrypted"
        case .unsupportedCompression(_, _, let method):
            return "\(subject)unsupported compression method \(method)"
        case .tooManyEntries(_, let count, let limit):
            return "too many entries (\(count), limit \(limit))"
        case .tooLarge(_, _, let limit): return "\(subject)larger than \(limit) bytes"
        case .totalTooLarge(_, _, let limit):
            return "\(subject)entries together larger than \(limit) bytes"
        case .suspiciousRatio(_, _, let limit):
            return "\(subject)expands more than \(limit) times (zip bomb?)"
        case .corrupt(_, _, let message): return "\(subject)corrupt archive: \(message)"
        case .missingFirstEntry: return "\(subject)first entry is missing from the file tree"
        case .invalidSourceDateEpoch(let value):
            return "SOURCE_DATE_EPOCH '\(EntryName.display(value))' is not a whole number of seconds"
        case .io(_, let message): return message
        }
    }

    /// `path: message`, for example `book.xlsx: entry '../evil.txt': unsafe name (parent directory)`.
    public var description: String {
        guard let path else { return message }
        return "\(path): \(message)"
    }

    /// The error as an error diagnostic located at the archive (or file) path.
    public var diagnostic: Diagnostic {
        .error(diagnosticID, message, at: path.map { SourceLocation(file: $0) })
    }
}

/// Why an entry name was refused.
public enum UnsafeNameReason: String, Sendable, Equatable, CaseIterable {
    case emptyName = "empty name"
    case notUTF8 = "not valid UTF-8"
    case controlCharacter = "control character"
    case absolutePath = "absolute path"
    case backslash = "backslash"
    case driveLetter = "drive letter"
    case parentDirectory = "parent directory"
    case currentDirectory = "'.' segment"
    case emptySegment = "empty segment"
}
