import CZlib

/// zlib's deflate (the /FlateDecode filter): the one place that reads zlib's return codes.
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
}
