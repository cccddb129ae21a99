import CLibZip
import Foundation

/// A libzip data source that reads straight from a `Data` value, with no copy made up front.
///
/// libzip reads sources during `zip_close`, not when an entry is added, so the bytes must outlive
/// the call: the source keeps its `Data` (a reference to the tree's storage, not a copy) in a
/// retained box passed to libzip as user data, and the box is released on `ZIP_SOURCE_FREE`.
final class DataSource {
    private let data: Data
    private var offset = 0
    private var reads = 0
    private let failOnSecondRead: Bool
    fileprivate let error: UnsafeMutablePointer<zip_error_t>

    private init(data: Data, failOnSecondRead: Bool) {
        self.data = data
        self.failOnSecondRead = failOnSecondRead
        error = .allocate(capacity: 1)
        zip_error_init(error)
    }

    deinit {
        zip_error_fini(error)
        error.deallocate()
    }

    /// A new `zip_source_t *` for `data`, owned by the caller until `zip_file_add` succeeds.
    ///
    /// `failOnSecondRead` is a test hook: the source reports a read error after handing out its
    /// first chunk, so libzip fails in the middle of writing the archive.
    static func make(
        _ data: Data, in archive: ZipArchive, entry: String, failOnSecondRead: Bool = false
    ) throws -> OpaquePointer {
        let box = Unmanaged.passRetained(DataSource(data: data, failOnSecondRead: failOnSecondRead))
        guard let source = zip_source_function(archive.pointer, dataSourceCallback, box.toOpaque()) else {
            box.release()  // libzip never saw the box, so it will never send ZIP_SOURCE_FREE
            return try archive.check(nil as OpaquePointer?, entry: entry)
        }
        return source
    }

    fileprivate func read(into buffer: UnsafeMutableRawPointer, length: Int) -> Int64 {
        reads += 1
        if failOnSecondRead, reads > 1 {
            zip_error_set(error, ZIP_ER_READ, EIO)
            return -1
        }
        let count = min(length, data.count - offset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { bytes in
            buffer.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return Int64(count)
    }

    fileprivate func seek(_ arguments: UnsafeMutableRawPointer?, length: UInt64) -> Int64 {
        let position = zip_source_seek_compute_offset(
            UInt64(offset), UInt64(data.count), arguments, length, error)
        guard position >= 0 else { return -1 }
        offset = Int(position)
        return 0
    }

    fileprivate func stat(_ arguments: UnsafeMutableRawPointer?, length: UInt64) -> Int64 {
        guard let arguments, length >= UInt64(MemoryLayout<zip_stat_t>.size) else {
            zip_error_set(error, ZIP_ER_INVAL, 0)
            return -1
        }
        let stat = arguments.assumingMemoryBound(to: zip_stat_t.self)
        stat.pointee.size = UInt64(data.count)
        stat.pointee.valid |= UInt64(ZIP_STAT_SIZE)
        return Int64(MemoryLayout<zip_stat_t>.size)
    }

    fileprivate func rewind() -> Int64 {
        offset = 0
        reads = 0
        return 0
    }

    fileprivate var position: Int64 { Int64(offset) }
}

/// The commands `dataSourceCallback` answers: readable and seekable.
private let supportedCommands: Int64 = [
    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
    ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
].reduce(0) { $0 | (Int64(1) << Int64($1.rawValue)) }

/// The C callback libzip calls for every operation on a `DataSource`.
private func dataSourceCallback(
    _ userdata: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?, _ length: UInt64,
    _ command: zip_source_cmd_t
) -> Int64 {
    guard let userdata else { return -1 }
    let box = Unmanaged<DataSource>.fromOpaque(userdata)
    let source = box.takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_OPEN: return source.rewind()
    case ZIP_SOURCE_READ:
        guard let data else { return -1 }
        return source.read(into: data, length: Int(min(length, UInt64(Int.max))))
    case ZIP_SOURCE_CLOSE: return 0
    case ZIP_SOURCE_STAT: return source.stat(data, length: length)
    case ZIP_SOURCE_ERROR: return zip_error_to_data(source.error, data, length)
    case ZIP_SOURCE_SEEK: return source.seek(data, length: length)
    case ZIP_SOURCE_TELL: return source.position
    case ZIP_SOURCE_SUPPORTS: return supportedCommands
    case ZIP_SOURCE_FREE:
        box.release()
        return 0
    default:
        zip_error_set(source.error, ZIP_ER_OPNOTSUPP, 0)
        return -1
    }
}
