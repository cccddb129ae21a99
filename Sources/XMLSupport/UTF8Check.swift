import Foundation

/// Strict UTF-8 validation with the position of the first bad byte.
public enum UTF8Check {
    public struct BadByte: Sendable {
        public let byte: UInt8
        /// 1-based line and column (in Unicode scalars) of the byte.
        public let line: Int
        public let column: Int
    }

    public static func firstInvalidByte(in data: Data) -> BadByte? {
        data.withUnsafeBytes { raw -> BadByte? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            var line = 1
            var lineStart = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0A {
                        line += 1
                        lineStart = i + 1
                    }
                    i += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch b {
                case 0xC2...0xDF: (length, scalar, minimum) = (2, UInt32(b & 0x1F), 0x80)
                case 0xE0...0xEF: (length, scalar, minimum) = (3, UInt32(b & 0x0F), 0x800)
                case 0xF0...0xF4: (length, scalar, minimum) = (4, UInt32(b & 0x07), 0x10000)
                default: return BadByte(byte: b, line: line, column: column(bytes, lineStart, i))
                }
                guard i + length <= n else { return BadByte(byte: b, line: line, column: column(bytes, lineStart, i)) }
                for k in 1..<length {
                    let c = bytes[i + k]
                    guard c & 0xC0 == 0x80 else { return BadByte(byte: b, line: line, column: column(bytes, lineStart, i)) }
                    scalar = (scalar << 6) | UInt32(c & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return BadByte(byte: b, line: line, column: column(bytes, lineStart, i))
                }
                minimum = 0
                i += length
            }
            return nil
        }
    }

    private static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ at: Int) -> Int {
        var n = 1
        var i = start
        while i < at {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}
