import Foundation

/// How `ArchiveWriter` writes an archive.
///
/// Everything that could vary between runs is fixed here, so the same tree gives the same bytes.
public struct ArchiveOptions: Sendable, Equatable {
    /// The modification time written for every entry, as a UTC wall-clock time in DOS format
    /// (2-second resolution, clamped to 1980–2107).
    ///
    /// `nil` (the default) means `SOURCE_DATE_EPOCH` when that variable is set, else
    /// 1980-01-01 00:00:00. The time zone of the machine never matters.
    public var timestamp: Date?

    /// An entry written first and stored uncompressed, such as `mimetype` for EPUB, ODT and ODS.
    ///
    /// Writing fails with `ArchiveError.missingFirstEntry` when the tree has no such file.
    public var firstEntry: String?

    /// Test hook: make the data source of this entry fail while libzip writes the archive.
    var failWhileReading: String?

    /// Options with the given timestamp (`nil`: from the environment) and first entry.
    public init(timestamp: Date? = nil, firstEntry: String? = nil) {
        self.timestamp = timestamp
        self.firstEntry = firstEntry
    }

    /// 1980-01-01 00:00:00 UTC, the earliest time a zip header can hold.
    public static let earliestTimestamp = Date(timeIntervalSince1970: 315_532_800)

    /// The time from `SOURCE_DATE_EPOCH` (whole seconds since 1970), or `earliestTimestamp` when the
    /// variable is unset or empty.
    ///
    /// - Throws: `ArchiveError.invalidSourceDateEpoch` when it is set to anything else.
    public static func timestampFromEnvironment() throws -> Date {
        guard let raw = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), !raw.isEmpty else {
            return earliestTimestamp
        }
        guard raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Int64(raw) else {
            throw ArchiveError.invalidSourceDateEpoch(value: raw)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `timestamp`, or the one from the environment.
    func resolvedTimestamp() throws -> Date {
        try timestamp ?? Self.timestampFromEnvironment()
    }
}
