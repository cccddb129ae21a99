import Foundation

extension Double {
    /// `10.5` → `"10.5"`, `9.0` → `"9"`: stable number text for styles and for the branding's messages.
    public var compact: String {
        if self == rounded() { return String(Int(self)) }
        return String((self * 100).rounded() / 100)
    }

    /// `12.5`, `3`: whole numbers without decimals, others with one (a chart's values, a rubric's weights,
    /// hours), a dot whatever the locale.
    public var oneDecimal: String { self == rounded() ? String(Int(self)) : String(format: "%.1f", locale: nil, self) }
}
