import CLibZip

/// Owns one open libzip archive (`zip_t *`) and discards it in `deinit` unless it was closed.
final class ZipArchive {
    /// The archive path as shown in errors.
    let displayPath: String
    private var handle: OpaquePointer?

    /// Opens `path` with libzip `flags` (`ZIP_CREATE`, `ZIP_RDONLY`, `ZIP_CHECKCONS`, ...).
    init(path: String, flags: Int32, displayPath: String) throws {
        _ = Self.libzipStatics
        self.displayPath = displayPath
        var code: Int32 = 0
        guard let handle = zip_open(path, flags, &code) else {
            throw LibZip.openError(code: code, archive: displayPath)
        }
        self.handle = handle
    }

    /// Opens an archive on a libzip source, such as an in-memory buffer. On success the archive holds
    /// one reference to `source` (call `zip_source_keep` first to use the source after `close()`);
    /// on failure the caller still owns it.
    init(source: OpaquePointer, flags: Int32, displayPath: String) throws {
        _ = Self.libzipStatics
        self.displayPath = displayPath
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let handle = zip_open_from_source(source, flags, &error) else {
            throw LibZip.archiveError(&error, archive: displayPath, entry: nil)
        }
        self.handle = handle
    }

    /// libzip 1.7 sets two static bitmaps on its first `zip_open_from_source` (which `zip_open` calls),
    /// the "writable" one last: a second thread opening at that moment reads the first set and the
    /// second unset, takes the source for read-only, and fails with "read-only archive". One open
    /// here, run once for the process by Swift's thread-safe `static let`, sets both before any other.
    private static let libzipStatics: Void = {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else { return }
        if let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) {
            zip_discard(archive)
        } else {
            zip_source_free(source)
        }
    }()

    deinit {
        if let handle { zip_discard(handle) }
    }

    /// The `zip_t *`, valid until `close()` succeeds.
    var pointer: OpaquePointer {
        guard let handle else { preconditionFailure("zip archive used after close") }
        return handle
    }

    /// Checks the result of a libzip call on this archive (see `LibZip.check`).
    @discardableResult
    func check<T: BinaryInteger>(_ result: T, entry: String? = nil) throws -> T {
        try LibZip.check(result, zip_get_error(pointer), archive: displayPath, entry: entry)
    }

    /// Checks a pointer returned by a libzip call on this archive.
    func check<Pointer>(_ result: Pointer?, entry: String? = nil) throws -> Pointer {
        try LibZip.check(result, zip_get_error(pointer), archive: displayPath, entry: entry)
    }

    /// Writes the archive (libzip reads every source now) and releases the handle. On failure the
    /// handle stays open and `deinit` discards it.
    func close() throws {
        try check(zip_close(pointer))
        handle = nil
    }
}
