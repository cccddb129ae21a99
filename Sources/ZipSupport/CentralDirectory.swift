/// The central directory of a zip file as its bytes say it, read without libzip.
///
/// libzip turns a NUL in an entry name into a space, so the raw names, attributes and flags the
/// safe reader checks come from here; the writer uses the offsets to set the DOS times (see
/// `DOSTimeFix`, on the archive bytes in memory). Every read is bounds-checked: the input is untrusted.
struct CentralDirectory {
    /// One central directory record.
    struct Entry {
        var name: [UInt8]
        var versionMadeBy: UInt16
        var flags: UInt16
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var externalAttributes: UInt32
        var localHeaderOffset: UInt64
        /// Where this record starts in the file.
        var recordOffset: UInt64

        /// The "made by" host system (3 is Unix, 0 is MS-DOS).
        var hostSystem: UInt8 { UInt8(versionMadeBy >> 8) }
    }

    var entries: [Entry]

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let recordSignature: UInt32 = 0x0201_4B50
    static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Reads the directory of `file`. With `maxEntries`, the count in the end record is checked
    /// before the directory itself is read.
    static func read(
        _ file: some RandomAccessBytes, archive: String, maxEntries: Int? = nil
    ) throws -> CentralDirectory {
        func corrupt(_ message: String) -> ArchiveError { .corrupt(archive: archive, entry: nil, message: message) }

        let fileSize = try file.size()
        guard fileSize >= 22 else { throw corrupt("not a zip archive (too short)") }
        let tailStart = fileSize - min(fileSize, 22 + 0xFFFF)
        let tail = try file.read(count: Int(fileSize - tailStart), at: tailStart)

        // The end record is the last signature whose comment reaches exactly to the end of the file.
        var endIndex: Int?
        for index in stride(from: tail.count - 22, through: 0, by: -1)
        where tail.u32(index) == endSignature && index + 22 + Int(tail.u16(index + 20)) == tail.count {
            endIndex = index
            break
        }
        guard let end = endIndex else { throw corrupt("no end of central directory record") }
        let endOffset = tailStart + UInt64(end)
        guard tail.u16(end + 4) == 0, tail.u16(end + 6) == 0, tail.u16(end + 8) == tail.u16(end + 10) else {
            throw corrupt("multi-disk archives are not supported")
        }
        var count = UInt64(tail.u16(end + 10))
        var size = UInt64(tail.u32(end + 12))
        var offset = UInt64(tail.u32(end + 16))
        var directoryLimit = endOffset

        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            guard endOffset >= 20 else { throw corrupt("missing zip64 end record locator") }
            let locator = try file.read(count: 20, at: endOffset - 20)
            guard locator.u32(0) == zip64LocatorSignature else { throw corrupt("missing zip64 end record locator") }
            let zip64EndOffset = locator.u64(8)
            guard zip64EndOffset <= endOffset - 20, endOffset - 20 - zip64EndOffset >= 56 else {
                throw corrupt("zip64 end record out of range")
            }
            let record = try file.read(count: 56, at: zip64EndOffset)
            guard record.u32(0) == zip64EndSignature else { throw corrupt("bad zip64 end record") }
            count = record.u64(32)
            size = record.u64(40)
            offset = record.u64(48)
            directoryLimit = zip64EndOffset
        }

        if let maxEntries, count > UInt64(maxEntries) {
            throw ArchiveError.tooManyEntries(
                archive: archive, count: Int(clamping: count), limit: maxEntries)
        }
        guard offset <= directoryLimit, size == directoryLimit - offset else {
            throw corrupt("central directory is not where the end record says")
        }
        guard count <= size / 46 || count == 0 else { throw corrupt("central directory too small for its entries") }

        let bytes = try file.read(count: Int(size), at: offset)
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= bytes.count, bytes.u32(position) == recordSignature else {
                throw corrupt("bad central directory record")
            }
            let nameLength = Int(bytes.u16(position + 28))
            let extraLength = Int(bytes.u16(position + 30))
            let commentLength = Int(bytes.u16(position + 32))
            let recordEnd = position + 46 + nameLength + extraLength + commentLength
            guard recordEnd <= bytes.count else { throw corrupt("central directory record out of range") }
            var entry = Entry(
                name: Array(bytes[(position + 46)..<(position + 46 + nameLength)]),
                versionMadeBy: bytes.u16(position + 4),
                flags: bytes.u16(position + 8),
                method: bytes.u16(position + 10),
                dosTime: bytes.u16(position + 12),
                dosDate: bytes.u16(position + 14),
                compressedSize: UInt64(bytes.u32(position + 20)),
                uncompressedSize: UInt64(bytes.u32(position + 24)),
                externalAttributes: bytes.u32(position + 38),
                localHeaderOffset: UInt64(bytes.u32(position + 42)),
                recordOffset: offset + UInt64(position))
            let extraStart = position + 46 + nameLength
            try applyZip64Extra(bytes[extraStart..<(extraStart + extraLength)], to: &entry, corrupt)
            entries.append(entry)
            position = recordEnd
        }
        guard position == bytes.count else { throw corrupt("central directory has trailing bytes") }
        return CentralDirectory(entries: entries)
    }

    /// Replaces 0xFFFFFFFF sizes and offset with the 64-bit values of the zip64 extra field (id 1).
    private static func applyZip64Extra(
        _ extra: ArraySlice<UInt8>, to entry: inout Entry, _ corrupt: (String) -> ArchiveError
    ) throws {
        let extra = Array(extra)
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.u16(position)
            let length = Int(extra.u16(position + 2))
            guard position + 4 + length <= extra.count else { throw corrupt("extra field out of range") }
            if id == 1 {
                var field = position + 4
                func next() throws -> UInt64 {
                    guard field + 8 <= position + 4 + length else { throw corrupt("short zip64 extra field") }
                    defer { field += 8 }
                    return extra.u64(field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
            }
            position += 4 + length
        }
    }
}

extension Array where Element == UInt8 {
    /// Little-endian integers at `index`; callers check the bounds first.
    func u16(_ index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }
    func u32(_ index: Int) -> UInt32 { UInt32(u16(index)) | UInt32(u16(index + 2)) << 16 }
    func u64(_ index: Int) -> UInt64 { UInt64(u32(index)) | UInt64(u32(index + 4)) << 32 }
}
