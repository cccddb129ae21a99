import CLibZip

/// The one place that checks what libzip returns and turns its failures into `ArchiveError`.
///
/// Every libzip call in this module goes through `check`: a negative number or a null pointer means
/// failure, and the `zip_error_t` the call filled in says why.
enum LibZip {
    /// Returns `result` when it is not negative; otherwise throws the failure recorded in `error`.
    @discardableResult
    static func check<T: BinaryInteger>(
        _ result: T, _ error: @autoclosure () -> UnsafeMutablePointer<zip_error_t>?,
        archive: String, entry: String? = nil
    ) throws -> T {
        guard result < 0 else { return result }
        throw archiveError(error(), archive: archive, entry: entry)
    }

    /// Returns `result` when it is not null; otherwise throws the failure recorded in `error`.
    static func check<Pointer>(
        _ result: Pointer?, _ error: @autoclosure () -> UnsafeMutablePointer<zip_error_t>?,
        archive: String, entry: String? = nil
    ) throws -> Pointer {
        guard let result else { throw archiveError(error(), archive: archive, entry: entry) }
        return result
    }

    /// The error for the code `zip_open` reports (it has no archive to hold a `zip_error_t`).
    static func openError(code: Int32, archive: String) -> ArchiveError {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return archiveError(&error, archive: archive, entry: nil)
    }

    /// Maps a libzip error to the matching `ArchiveError` case.
    static func archiveError(
        _ error: UnsafeMutablePointer<zip_error_t>?, archive: String, entry: String?
    ) -> ArchiveError {
        guard let error else { return .corrupt(archive: archive, entry: entry, message: "unknown libzip error") }
        let message = lowercasedFirst(String(cString: zip_error_strerror(error)))
        switch zip_error_code_zip(error) {
        case ZIP_ER_CRC:
            return .corrupt(archive: archive, entry: entry, message: "CRC mismatch")
        case ZIP_ER_ENCRNOTSUPP, ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD:
            guard let entry else { return .corrupt(archive: archive, entry: nil, message: message) }
            return .encrypted(archive: archive, entry: entry)
        case ZIP_ER_NOZIP, ZIP_ER_INCONS, ZIP_ER_EOF, ZIP_ER_ZLIB, ZIP_ER_COMPRESSED_DATA,
            ZIP_ER_MULTIDISK, ZIP_ER_COMPNOTSUPP, ZIP_ER_CHANGED, ZIP_ER_DELETED:
            return .corrupt(archive: archive, entry: entry, message: message)
        default:
            return .io(path: archive, message: entry.map { "entry '\($0)': \(message)" } ?? message)
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
