import CZlib

/// zlib's deflate and inflate (the /FlateDecode filter): the one place that reads zlib's return codes.
enum Deflate {
    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let code = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { CZlib.compress2(out.baseAddress, &length, $0.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION) }
        }
        guard code == Z_OK else { throw PDFError("zlib: compressing (code \(code))") }
        output.removeSubrange(Int(length)...)
        return output
    }

    /// The bytes `input` inflates to, refused beyond `limit` bytes.
    static func decompress(_ input: ArraySlice<UInt8>, limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw PDFError("zlib: cannot start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        let code: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let code = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if code == Z_STREAM_END { return Z_OK }
                if code != Z_OK || output.count > limit { return code == Z_OK ? Z_BUF_ERROR : code }
            }
        }
        guard code == Z_OK else { throw PDFError("zlib: inflating (code \(code))") }
        return output
    }
}
