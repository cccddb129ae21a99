/// Bytes read by offset: an open file (`FileDescriptor`) or an archive held in memory (`MemoryBytes`).
///
/// `CentralDirectory` reads through this, so the reader checks files on disk and the writer fixes the
/// archives it has just made in memory with the same code.
protocol RandomAccessBytes {
    /// The size in bytes.
    func size() throws -> UInt64
    /// Exactly `count` bytes at `offset`; fewer than that (end of data) is an error.
    func read(count: Int, at offset: UInt64) throws -> [UInt8]
}

extension FileDescriptor: RandomAccessBytes {}

/// An archive in memory, read and patched by offset.
struct MemoryBytes: RandomAccessBytes {
    var bytes: [UInt8]
    /// The archive as shown in errors.
    let displayPath: String

    func size() throws -> UInt64 { UInt64(bytes.count) }

    func read(count: Int, at offset: UInt64) throws -> [UInt8] {
        guard count >= 0, offset <= UInt64(bytes.count), UInt64(count) <= UInt64(bytes.count) - offset else {
            throw ArchiveError.io(path: displayPath, message: "unexpected end of file")
        }
        let start = Int(offset)
        return Array(bytes[start..<(start + count)])
    }

    /// Overwrites `fields.count` bytes at `offset`, which must lie inside the data.
    mutating func write(_ fields: [UInt8], at offset: UInt64) throws {
        guard offset <= UInt64(bytes.count), UInt64(fields.count) <= UInt64(bytes.count) - offset else {
            throw ArchiveError.io(path: displayPath, message: "unexpected end of file")
        }
        bytes.replaceSubrange(Int(offset)..<(Int(offset) + fields.count), with: fields)
    }
}
