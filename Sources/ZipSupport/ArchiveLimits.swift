/// Caps that `SafeArchiveReader` enforces on an untrusted archive.
///
/// Sizes are counted from the bytes actually decompressed, never taken from the archive's headers.
public struct ArchiveLimits: Sendable, Equatable {
    /// The most entries (files and folders) an archive may list.
    public var maxEntries: Int
    /// The most bytes all entries may decompress to together.
    public var maxTotalBytes: Int
    /// The most bytes one entry may decompress to.
    public var maxEntryBytes: Int
    /// The most an entry may expand (uncompressed ÷ compressed), checked once the entry has produced
    /// more than `ratioCheckThreshold` bytes so that small, highly compressible files still pass.
    public var maxCompressionRatio: Int
    /// Entries up to this many bytes are never refused for their compression ratio.
    public var ratioCheckThreshold: Int

    /// The defaults suit spreadsheets and course bundles: 10 000 entries, 512 MiB in total,
    /// 256 MiB per entry, 200:1 for entries over 1 MiB.
    public init(
        maxEntries: Int = 10_000,
        maxTotalBytes: Int = 512 << 20,
        maxEntryBytes: Int = 256 << 20,
        maxCompressionRatio: Int = 200,
        ratioCheckThreshold: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxTotalBytes = maxTotalBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
    }
}
