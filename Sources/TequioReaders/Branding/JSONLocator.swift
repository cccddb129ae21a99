import Foundation

/// Where things are in a JSON text. `JSONDecoder` names a bad value by its key path only, so the
/// branding errors find the line and column here, to point at the value in `branding.json`.
enum JSONLocator {
    struct Position: Equatable, Sendable, CustomStringConvertible {
        /// 1-based line.
        var line: Int
        /// 1-based column, in Unicode scalars.
        var column: Int

        var description: String { "\(line):\(column)" }
    }

    /// The position of the value at `path` (object keys; array indices as decimal numbers), or nil when
    /// it is not there or the text is not valid JSON. With a repeated key, the last one counts.
    static func position(of path: [String], in data: Data) -> Position? {
        var scanner = Scanner(Array(data))
        guard let offset = try? scanner.document(path[...]) else { return nil }
        return scanner.position(at: offset)
    }

    /// Where a text that is not valid JSON goes wrong, or nil when the scanner finds nothing wrong.
    static func syntaxError(in data: Data) -> Position? {
        var scanner = Scanner(Array(data))
        do {
            _ = try scanner.document([][...])
            return nil
        } catch {
            return scanner.position(at: error.offset)
        }
    }

    private struct Failure: Error {
        let offset: Int
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        func position(at offset: Int) -> Position {
            var line = 1
            var column = 1
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            for b in bytes[start..<max(start, min(offset, bytes.count))] {
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return Position(line: line, column: column)
        }

        mutating func document(_ path: ArraySlice<String>) throws(Failure) -> Int? {
            let found = try value(path)
            skipSpace()
            guard i == bytes.count else { throw Failure(offset: i) }
            return found
        }

        private mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        private mutating func expect(_ byte: UInt8) throws(Failure) {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { throw Failure(offset: i) }
            i += 1
        }

        /// Skips one value; returns the offset of the value at `path` inside it (nil path: not looking).
        private mutating func value(_ path: ArraySlice<String>?) throws(Failure) -> Int? {
            skipSpace()
            guard i < bytes.count else { throw Failure(offset: i) }
            var found = path?.isEmpty == true ? i : nil
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return found
                }
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    let inner = path.flatMap { !$0.isEmpty && $0.first == key ? $0.dropFirst() : nil }
                    if let f = try value(inner) { found = f }
                    skipSpace()
                    guard i < bytes.count else { throw Failure(offset: i) }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    return found
                }
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return found
                }
                var index = 0
                while true {
                    let inner = path.flatMap { !$0.isEmpty && $0.first == String(index) ? $0.dropFirst() : nil }
                    if let f = try value(inner) { found = f }
                    index += 1
                    skipSpace()
                    guard i < bytes.count else { throw Failure(offset: i) }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    return found
                }
            case UInt8(ascii: "\""):
                _ = try string()
                return found
            default:
                let start = i
                while i < bytes.count, !" \t\r\n,]}:".utf8.contains(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                guard ["true", "false", "null"].contains(word) || Double(word) != nil else { throw Failure(offset: start) }
                return found
            }
        }

        /// A string token, decoded (escapes other than `\uXXXX` pairs are enough for key names).
        private mutating func string() throws(Failure) -> String {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i) }
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { throw Failure(offset: i) }
                    let e = bytes[i + 1]
                    let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                    if let s = simple[e] {
                        out.append(s)
                        i += 2
                    } else if e == UInt8(ascii: "u"), i + 6 <= bytes.count,
                        let v = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16)
                    {
                        out += Array(String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}").utf8)
                        i += 6
                    } else {
                        throw Failure(offset: i)
                    }
                case 0..<0x20:
                    throw Failure(offset: i)
                default:
                    out.append(b)
                    i += 1
                }
            }
            throw Failure(offset: i)
        }
    }
}
