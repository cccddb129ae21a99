import CLibDeflate
import Foundation

/// DEFLATE in the zlib format (the /FlateDecode filter), with libdeflate: the one place that calls it.
/// Compresses what Tequio writes, and decompresses what `PDFReadBack` reads back.
///
/// A compressor holds about a megabyte of tables: they are kept in a pool and reused, one per thread
/// compressing at a time, rather than made for each stream.
enum Deflate {
    /// Level 4 of libdeflate's 12: on the plans' streams, 40 % less time than its default (6, which
    /// makes files the size zlib's default makes, in half zlib's time) for files 6 % larger.
    static let level: Int32 = 4

    private static let pool = Pool()

    private final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [OpaquePointer] = []

        func take() throws -> OpaquePointer {
            if let c = lock.withLock({ idle.popLast() }) { return c }
            guard let c = libdeflate_alloc_compressor(Deflate.level) else { throw PDFError("libdeflate: no memory for a compressor") }
            return c
        }

        func give(_ c: OpaquePointer) { lock.withLock { idle.append(c) } }
    }

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        let compressor = try pool.take()
        defer { pool.give(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, input.count)
        var written = 0
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            written = input.withUnsafeBytes { libdeflate_zlib_compress(compressor, $0.baseAddress, $0.count, out.baseAddress, bound) }
            count = written
        }
        // The bound is the worst case: 0 (no room) cannot happen unless libdeflate is broken.
        guard written > 0 else { throw PDFError("libdeflate: compressing \(input.count) bytes failed") }
        return output
    }

    /// The data of a /FlateDecode stream; throws when it is damaged or would be larger than `limit` bytes.
    static func decompress(_ input: ArraySlice<UInt8>, limit: Int = 256 << 20) throws -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else { throw PDFError("libdeflate: no memory for a decompressor") }
        defer { libdeflate_free_decompressor(decompressor) }
        // libdeflate decompresses whole buffers: the output's size is guessed, and doubled until it fits.
        var capacity = max(4_096, input.count * 4)
        while true {
            var written = 0
            var result = LIBDEFLATE_SUCCESS
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                result = input.withUnsafeBytes { libdeflate_zlib_decompress(decompressor, $0.baseAddress, $0.count, out.baseAddress, capacity, &written) }
                count = result == LIBDEFLATE_SUCCESS ? written : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return output
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit: capacity = min(limit, capacity * 2)
            case LIBDEFLATE_INSUFFICIENT_SPACE: throw PDFError("a compressed stream larger than \(limit) bytes")
            default: throw PDFError("a damaged compressed stream")
            }
        }
    }
}
