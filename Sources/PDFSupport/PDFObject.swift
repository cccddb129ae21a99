import TequioModel

/// A PDF object (ISO 32000-1 §7.3) as the rewrite needs it: numbers, booleans, strings and names are
/// kept as the bytes they were read as, so what is not changed is written back as it was.
indirect enum PDFObject: Equatable, Sendable {
    case null
    /// A number or a boolean, as written (`612`, `0.5`, `true`).
    case token([UInt8])
    /// A name without its slash, still escaped (`Type`, `A#20B`).
    case name([UInt8])
    /// A string with its delimiters, as written: `(Título)` or `<FEFF00…>`.
    case string([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(Int)

    static func name(_ text: String) -> PDFObject { .name(Array(text.utf8)) }
    static func integer(_ value: Int) -> PDFObject { .token(Array(String(value).utf8)) }
    static let `true` = PDFObject.token(Array("true".utf8))

    /// A number with at most two decimals and a dot whatever the locale (`612`, `-3.5`).
    static func real(_ value: Double) -> PDFObject { .token(Array(DecimalText.upToTwoPlaces(value).utf8)) }

    /// A text string: ASCII as a literal string (parentheses and backslashes escaped), anything else as
    /// UTF-16BE with a byte-order mark, in hexadecimal.
    static func text(_ value: String) -> PDFObject {
        if value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var bytes: [UInt8] = [UInt8(ascii: "(")]
            for byte in value.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: ")"))
            return .string(bytes)
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = Array("<FEFF".utf8)
        for unit in value.utf16 {
            for shift in [12, 8, 4, 0] { bytes.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        bytes.append(UInt8(ascii: ">"))
        return .string(bytes)
    }

    var dictionary: PDFDictionary? {
        if case .dictionary(let d) = self { return d }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var reference: Int? {
        if case .reference(let n) = self { return n }
        return nil
    }

    var integer: Int? {
        if case .token(let bytes) = self { return Int(String(decoding: bytes, as: UTF8.self)) }
        return nil
    }

    var number: Double? {
        if case .token(let bytes) = self { return Double(String(decoding: bytes, as: UTF8.self)) }
        return nil
    }

    /// Calls `body` with every object number this object refers to, however deep.
    func forEachReference(_ body: (Int) -> Void) {
        switch self {
        case .reference(let n): body(n)
        case .array(let items): for item in items { item.forEachReference(body) }
        case .dictionary(let d): for entry in d.entries { entry.value.forEachReference(body) }
        default: break
        }
    }

    /// The object in PDF syntax, compact: a space only where two tokens would otherwise run together.
    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .token(let bytes), .string(let bytes): out.append(contentsOf: bytes)
        case .name(let bytes):
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: bytes)
        case .reference(let n):
            out.append(contentsOf: String(n).utf8)
            out.append(contentsOf: " 0 R".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 && item.startsWithRegularCharacter && items[i - 1].endsWithRegularCharacter { out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let d):
            out.append(contentsOf: "<<".utf8)
            for entry in d.entries {
                out.append(UInt8(ascii: "/"))
                out.append(contentsOf: entry.key)
                if entry.value.startsWithRegularCharacter { out.append(UInt8(ascii: " ")) }
                entry.value.write(to: &out)
            }
            out.append(contentsOf: ">>".utf8)
        }
    }

    /// Whether the written object begins with a character that runs into a name or number before it.
    private var startsWithRegularCharacter: Bool {
        switch self {
        case .null, .token, .reference: true
        case .name, .string, .array, .dictionary: false
        }
    }

    /// Whether the written object ends with a character that runs into a number after it.
    private var endsWithRegularCharacter: Bool {
        switch self {
        case .null, .token, .reference, .name: true
        case .string, .array, .dictionary: false
        }
    }
}

/// A dictionary's entries in the order they were read. A key read twice keeps its last value, as
/// readers do (cairo 1.16 writes some keys twice for colour emoji).
struct PDFDictionary: Equatable, Sendable {
    private(set) var entries: [(key: [UInt8], value: PDFObject)] = []

    init() {}

    init(_ entries: [(String, PDFObject)]) {
        for (key, value) in entries { self[key] = value }
    }

    subscript(key: String) -> PDFObject? {
        get { self[Array(key.utf8)] }
        set { self[Array(key.utf8)] = newValue }
    }

    subscript(key: [UInt8]) -> PDFObject? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
