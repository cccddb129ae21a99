#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one POSIX file descriptor and closes it in `deinit`; the reads and writes check every call.
final class FileDescriptor {
    let fd: Int32
    /// The path as shown in errors.
    let displayPath: String

    init(path: String, flags: Int32, mode: mode_t = 0o644, displayPath: String? = nil) throws {
        self.displayPath = displayPath ?? path
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Self.error(self.displayPath, "cannot open") }
        self.fd = fd
    }

    /// Takes ownership of an open descriptor.
    init(adopting fd: Int32, displayPath: String) {
        self.fd = fd
        self.displayPath = displayPath
    }

    deinit { close(fd) }

    /// The file size in bytes.
    func size() throws -> UInt64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.error(displayPath, "cannot stat") }
        return UInt64(info.st_size)
    }

    /// Exactly `count` bytes at `offset`; fewer than that (end of file) is an error.
    func read(count: Int, at offset: UInt64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw n == 0
                    ? ArchiveError.io(path: displayPath, message: "unexpected end of file")
                    : Self.error(displayPath, "cannot read")
            }
            done += n
        }
        return bytes
    }

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: [UInt8], at offset: UInt64) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes {
                pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Self.error(displayPath, "cannot write") }
            done += n
        }
    }

    /// Appends all of `buffer` at the current position.
    func append(_ buffer: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < buffer.count {
            let n = posixWrite(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Self.error(displayPath, "cannot write") }
            done += n
        }
    }

    /// An `.io` error with the text of the current `errno`.
    static func error(_ path: String, _ what: String) -> ArchiveError {
        .io(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// `write(2)`, named apart from `FileDescriptor.write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
