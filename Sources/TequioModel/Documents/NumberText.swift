extension Double {
    /// `10.5` → `"10.5"`, `9.0` → `"9"`: stable number text for styles and for the branding's messages.
    public var compact: String {
        if self == rounded() { return String(Int(self)) }
        return String((self * 100).rounded() / 100)
    }
}
