import CLibZip

/// Decompresses one entry through libzip, counting the bytes it really produces.
///
/// Declared sizes are never trusted: the entry cap, the total cap and the compression ratio are
/// checked on the running count after every chunk, so a lying or exploding entry is stopped
/// within one chunk of the cap. libzip checks the CRC when the entry ends.
struct EntryStream {
    let archive: ZipArchive
    let limits: ArchiveLimits
    /// Bytes produced by all entries read so far.
    private(set) var totalBytes = 0

    private static let chunkSize = 64 << 10

    init(archive: ZipArchive, limits: ArchiveLimits) {
        self.archive = archive
        self.limits = limits
    }

    /// Reads `entry`, handing each chunk to `sink`.
    mutating func read(_ entry: EntryPolicy.Entry, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        let name = entry.displayName
        let file = try archive.check(zip_fopen_index(archive.pointer, UInt64(entry.index), 0), entry: name)
        defer { zip_fclose(file) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { buffer.deallocate() }

        let ratioLimit = Int(clamping: entry.compressedSize).multipliedReportingOverflow(by: limits.maxCompressionRatio)
        var count = 0
        while true {
            let read = zip_fread(file, buffer.baseAddress, UInt64(Self.chunkSize))
            let produced = Int(
                try LibZip.check(read, zip_file_get_error(file), archive: archive.displayPath, entry: name))
            if produced == 0 { break }
            count += produced
            totalBytes += produced
            if count > limits.maxEntryBytes {
                throw ArchiveError.tooLarge(archive: archive.displayPath, entry: name, limit: limits.maxEntryBytes)
            }
            if totalBytes > limits.maxTotalBytes {
                throw ArchiveError.totalTooLarge(archive: archive.displayPath, entry: name, limit: limits.maxTotalBytes)
            }
            if count > limits.ratioCheckThreshold, !ratioLimit.overflow, count > ratioLimit.partialValue {
                throw ArchiveError.suspiciousRatio(
                    archive: archive.displayPath, entry: name, limit: limits.maxCompressionRatio)
            }
            try sink(UnsafeRawBufferPointer(rebasing: buffer[..<produced]))
        }
        guard UInt64(count) == entry.declaredSize else {
            throw ArchiveError.corrupt(
                archive: archive.displayPath, entry: name,
                message: "entry declares \(entry.declaredSize) bytes but holds \(count)")
        }
    }
}
