/// A page's content stream (ISO 32000-1 §8–9) as bytes: operators and numbers written directly, numbers
/// with at most two decimals (a hundredth of a point) and a dot whatever the locale.
struct ContentStream {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(16_384) }

    mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A number and a space.
    mutating func number(_ value: Double) {
        var v = (value * 100).rounded()
        if v == 0 { v = 0 }  // no "-0"
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            v = -v
        }
        let hundredths = Int(v)
        integer(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
        bytes.append(0x20)
    }

    mutating func numbers(_ values: Double...) {
        for v in values { number(v) }
    }

    private mutating func integer(_ value: Int) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A glyph id as the two bytes of its Identity-H code, inside a literal string: half the length of
    /// hexadecimal digits. The bytes that end or escape a string, and ends of line (which a reader
    /// would read as a line feed), are escaped.
    mutating func glyph(_ id: UInt32) {
        stringByte(UInt8((id >> 8) & 0xFF))
        stringByte(UInt8(id & 0xFF))
    }

    private mutating func stringByte(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case 0x0D:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "r"))
        case 0x0A:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "n"))
        default: bytes.append(byte)
        }
    }

    mutating func colour(_ c: RGB, stroke: Bool) {
        numbers(c.red, c.green, c.blue)
        text(stroke ? "RG\n" : "rg\n")
    }
}
