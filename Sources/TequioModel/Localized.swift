/// A text given once per language, keyed by language tag (`es`, `en`).
///
/// Encodes as a JSON object `{"es": "…", "en": "…"}`.
public struct Localized<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    public subscript(language: String) -> Value? {
        get { values[language] }
        set { values[language] = newValue }
    }

    public var languages: Set<String> { Set(values.keys) }
    public var isEmpty: Bool { values.isEmpty }

    /// The value in `language`, else in the first of `fallbacks` that has one.
    public func resolved(_ language: String, fallbacks: [String] = []) -> Value? {
        if let value = values[language] { return value }
        for fallback in fallbacks { if let value = values[fallback] { return value } }
        return values.keys.sorted().first.flatMap { values[$0] }
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: Value].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

public typealias LocalizedText = Localized<String>
public typealias LocalizedRichText = Localized<[Block]>
