import Foundation

/// Text from a branding file shown in a message: control, format and separator characters as
/// `\u{…}`, at most 60 characters, in single quotes. Nothing that reaches the terminal can move the
/// cursor, change colours or reverse the line.
public enum BrandingText {
    public static func shown(_ text: String) -> String {
        "'\(printable(text, limit: 60))'"
    }

    /// `text` with control, format and separator characters as `\u{…}`, cut after `limit` characters.
    public static func printable(_ text: String, limit: Int = .max) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
