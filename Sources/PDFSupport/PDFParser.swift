/// Reads PDF objects from bytes (ISO 32000-1 §7.2–7.3): the syntax cairo writes and the rewrite
/// writes back. Any error is a `PDFError` naming the byte offset.
struct PDFParser {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The object at the current position.
    mutating func object() throws -> PDFObject {
        skipSpace()
        guard position < bytes.count else { throw error("an object") }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            position += 1
            return .name(regularRun())
        case UInt8(ascii: "("): return .string(try literalString())
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "<") { return .dictionary(try dictionary()) }
            return .string(try hexString())
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFObject] = []
            while true {
                skipSpace()
                guard position < bytes.count else { throw error("the end of an array") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                items.append(try object())
            }
        default:
            let start = position
            let word = bytes[regularRunRange()]
            guard !word.isEmpty else { throw error("an object", at: start) }
            if word.elementsEqual(Self.null) { return .null }
            guard Self.isNumber(word) || word.elementsEqual(Self.true) || word.elementsEqual(Self.false) else { throw error("an object", at: start) }
            // `12 0 R`: an integer followed by a generation and R is a reference.
            if Self.isInteger(word), let reference = try reference(after: word) { return reference }
            return .token(Array(word))
        }
    }

    /// Reads past the object at the current position, checking its syntax as `object()` does without
    /// making it, and calls `reference` with each object number it refers to.
    mutating func skipObject(_ reference: (Int) -> Void, depth: Int = 0) throws {
        guard depth < 64 else { throw error("an object nested less deeply") }
        skipSpace()
        guard position < bytes.count else { throw error("an object") }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            position += 1
            _ = regularRunRange()
        case UInt8(ascii: "("): _ = try literalString()
        case UInt8(ascii: "<"):
            guard peek(1) == UInt8(ascii: "<") else {
                _ = try hexString()
                return
            }
            position += 2
            while try nextKey() != nil { try skipObject(reference, depth: depth + 1) }
        case UInt8(ascii: "["):
            position += 1
            while true {
                skipSpace()
                guard position < bytes.count else { throw error("the end of an array") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return
                }
                try skipObject(reference, depth: depth + 1)
            }
        default:
            let start = position
            let word = bytes[regularRunRange()]
            guard !word.isEmpty else { throw error("an object", at: start) }
            if word.elementsEqual(Self.null) { return }
            guard Self.isNumber(word) || word.elementsEqual(Self.true) || word.elementsEqual(Self.false) else { throw error("an object", at: start) }
            if Self.isInteger(word), case .reference(let n)? = try self.reference(after: word) { reference(n) }
        }
    }

    /// `<< /Key value … >>`.
    mutating func dictionary() throws -> PDFDictionary {
        position += 2
        var result = PDFDictionary()
        while let key = try nextKey() { result[Array(bytes[key])] = try object() }
        return result
    }

    /// The next key of the dictionary being read, or nil at its end (`>>`, then read past).
    private mutating func nextKey() throws -> Range<Int>? {
        skipSpace()
        guard position < bytes.count else { throw error("the end of a dictionary") }
        if bytes[position] == UInt8(ascii: ">") {
            guard peek(1) == UInt8(ascii: ">") else { throw error("'>>'") }
            position += 2
            return nil
        }
        guard bytes[position] == UInt8(ascii: "/") else { throw error("a name as a dictionary key") }
        position += 1
        return regularRunRange()
    }

    /// `N G obj`, returning N.
    mutating func objectHeader() throws -> Int {
        skipSpace()
        let start = position
        guard let number = Self.integer(bytes[regularRunRange()]) else { throw error("an object number", at: start) }
        skipSpace()
        guard bytes[regularRunRange()].elementsEqual("0".utf8) else { throw error("generation 0", at: start) }
        try keyword("obj")
        return number
    }

    /// Skips white space and comments, then reads `word` or throws.
    mutating func keyword(_ word: String) throws {
        skipSpace()
        let start = position
        guard bytes[regularRunRange()].elementsEqual(word.utf8) else { throw error("'\(word)'", at: start) }
    }

    /// Whether `word` comes next (after white space and comments); reads it if so.
    mutating func skip(_ word: String) -> Bool {
        let saved = position
        skipSpace()
        if bytes[regularRunRange()].elementsEqual(word.utf8) { return true }
        position = saved
        return false
    }

    mutating func skipSpace() {
        while position < bytes.count {
            let b = bytes[position]
            if Self.isSpace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    func error(_ expected: String, at offset: Int? = nil) -> PDFError {
        PDFError("PDF syntax: expected \(expected) at byte \(offset ?? position)")
    }

    // MARK: - Tokens

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    /// The regular characters from the current position (a name, number or keyword).
    private mutating func regularRun() -> [UInt8] { Array(bytes[regularRunRange()]) }

    /// Where the regular characters from the current position are (read without a copy).
    private mutating func regularRunRange() -> Range<Int> {
        let start = position
        while position < bytes.count && !Self.isSpace(bytes[position]) && !Self.isDelimiter(bytes[position]) { position += 1 }
        return start..<position
    }

    private mutating func reference(after number: ArraySlice<UInt8>) throws -> PDFObject? {
        let saved = position
        skipSpace()
        let generation = bytes[regularRunRange()]
        if Self.isInteger(generation) {
            skipSpace()
            let r = regularRunRange()
            if r.count == 1 && bytes[r.lowerBound] == UInt8(ascii: "R") {
                guard generation.elementsEqual("0".utf8), let n = Self.integer(number) else { throw error("generation 0", at: saved) }
                return .reference(n)
            }
        }
        position = saved
        return nil
    }

    /// Decimal digits as a number; nil for anything else or too many digits.
    private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for d in digits {
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(d - UInt8(ascii: "0"))
        }
        return value
    }

    /// `( … )` with balanced parentheses and backslash escapes, delimiters included.
    private mutating func literalString() throws -> [UInt8] {
        let start = position
        var depth = 0
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\\"): position += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return Array(bytes[start..<position]) }
            default: break
            }
        }
        throw error("the end of a string", at: start)
    }

    /// `< … >`, delimiters included.
    private mutating func hexString() throws -> [UInt8] {
        let start = position
        position += 1
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: ">") { return Array(bytes[start..<position]) }
            guard Self.isSpace(b) || Self.isHexDigit(b) else { throw error("a hexadecimal digit", at: position - 1) }
        }
        throw error("the end of a string", at: start)
    }

    private static let null = Array("null".utf8)
    private static let `true` = Array("true".utf8)
    private static let `false` = Array("false".utf8)

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }

    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }

    private static func isInteger(_ word: ArraySlice<UInt8>) -> Bool {
        !word.isEmpty && word.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func isNumber(_ word: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        var dots = 0
        for (i, b) in word.enumerated() {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
            } else if b == UInt8(ascii: ".") {
                dots += 1
            } else if !(i == 0 && (b == UInt8(ascii: "+") || b == UInt8(ascii: "-"))) {
                return false
            }
        }
        return digits > 0 && dots <= 1
    }
}
