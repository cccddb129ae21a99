/// Text as cairo and pango take it. cairo refuses a whole string with a noncharacter in it (U+FFFE,
/// U+FDD0…): "input string not valid UTF-8"; pango draws control characters as boxes. Both are dropped
/// (a matrix cannot hold them, but a layout can be made in code); tabs and line breaks stay.
public enum CairoText {
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter { !isDropped($0) })
        return String(result)
    }

    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && s != "\t" && s != "\n") || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }
}
