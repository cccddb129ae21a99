/// Writes the intended DOS time into every header of an archive libzip has just written.
///
/// libzip 1.7.3 stores the value given to `zip_file_set_dostime` as a `time_t` made with `mktime`
/// (local time) and turns it back with `localtime` when it writes. A wall-clock time that does not
/// exist in the local zone (inside a daylight-saving gap, such as 2021-03-14 02:30 in New York)
/// comes back an hour later, so the bytes would depend on `TZ`. This pass rewrites the four time
/// and date bytes of each central and local header where they differ, in the archive bytes in
/// memory (the writer never writes an archive to disk before it is final).
enum DOSTimeFix {
    static func apply(_ time: DOSDateTime, to archive: inout MemoryBytes) throws {
        let displayPath = archive.displayPath
        let directory = try CentralDirectory.read(archive, archive: displayPath)
        let fields = [
            UInt8(time.time & 0xFF), UInt8(time.time >> 8), UInt8(time.date & 0xFF), UInt8(time.date >> 8),
        ]
        for entry in directory.entries where entry.dosTime != time.time || entry.dosDate != time.date {
            let local = try archive.read(count: 4, at: entry.localHeaderOffset)
            guard local.u32(0) == CentralDirectory.localHeaderSignature else {
                throw ArchiveError.corrupt(
                    archive: displayPath, entry: String(decoding: entry.name, as: UTF8.self),
                    message: "local header not found")
            }
            try archive.write(fields, at: entry.recordOffset + 12)
            try archive.write(fields, at: entry.localHeaderOffset + 10)
        }
    }
}
