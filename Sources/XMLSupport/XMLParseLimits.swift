/// Caps checked before and while parsing untrusted XML.
public struct XMLParseLimits: Sendable {
    /// Largest file accepted, checked before parsing.
    public var maxFileBytes: Int
    /// Largest single text node, in UTF-8 bytes.
    public var maxTextBytes: Int
    /// Deepest element nesting.
    public var maxDepth: Int

    public init(maxFileBytes: Int = 32 << 20, maxTextBytes: Int = 4 << 20, maxDepth: Int = 200) {
        self.maxFileBytes = maxFileBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
    }
}
