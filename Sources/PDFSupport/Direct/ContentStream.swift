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

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// A glyph id as four hexadecimal digits (a two-byte code of the Identity-H encoding).
    mutating func glyph(_ id: UInt32) {
        for shift in [12, 8, 4, 0] as [UInt32] { bytes.append(Self.hexDigits[Int((id >> shift) & 0xF)]) }
    }

    mutating func colour(_ c: RGB, stroke: Bool) {
        numbers(c.red, c.green, c.blue)
        text(stroke ? "RG\n" : "rg\n")
    }
}
