/// Relative paths of a bundle written as URI references (`href`, `src`): each segment percent-encoded
/// except RFC 3986 unreserved characters, so names with spaces, accents or emoji
/// (`media/fases año 🌊.png`) still resolve in browsers, e-readers and LMS manifests.
public enum RelativeURI {
    public static func reference(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
                }
            }
            return out
        }.joined(separator: "/")
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
