import CPangoCairo

/// A failure of cairo, pango or libqpdf, with the library's own words.
public struct PDFError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// The one place that turns cairo's status codes into `PDFError`.
enum Cairo {
    /// Throws when `status` is not success, naming what was being done.
    static func check(_ status: cairo_status_t, _ doing: @autoclosure () -> String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw PDFError("cairo: \(doing()): \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Colours as cairo and pango take them: red, green and blue from 0 to 1.
public struct RGB: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `1F4E79` (six hexadecimal digits); black when the text is not one.
    public init(hex: String) {
        let value = UInt32(hex, radix: 16) ?? 0
        self.init(
            red: Double(value >> 16 & 0xFF) / 255, green: Double(value >> 8 & 0xFF) / 255, blue: Double(value & 0xFF) / 255)
    }

    public static let black = RGB(red: 0, green: 0, blue: 0)
}
