import CLibZip

/// Which entries `ArchiveWriter` deflates and how hard.
enum CompressionPolicy {
    /// Deflate level for everything that is not already compressed: 6, zlib's and Info-ZIP's default.
    /// Level 9 took twice the time on the XML of office documents for 1–2% smaller files, and the
    /// documents command writes hundreds of them. Changing it changes the bytes of every archive.
    static let deflateLevel: UInt32 = 6

    /// Extensions of formats that are already compressed: deflating them again costs time and
    /// saves nothing, so they are stored.
    static let storedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp",
        "mp4", "m4a", "webm", "mp3", "ogg", "oga", "ogv",
        "pdf", "zip", "gz", "woff", "woff2",
        "docx", "xlsx", "odt", "ods", "epub",
    ]

    /// True when `path` names an already-compressed format (by its extension, ignoring case).
    static func isAlreadyCompressed(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return storedExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The libzip method and level for an entry.
    static func method(for path: String, forceStored: Bool) -> (method: Int32, level: UInt32) {
        forceStored || isAlreadyCompressed(path)
            ? (Int32(ZIP_CM_STORE), 0) : (Int32(ZIP_CM_DEFLATE), deflateLevel)
    }
}
