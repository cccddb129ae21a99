/// An expert presentation: who speaks, their slides, speaker notes and optional media.
public struct Presentation: Sendable, Equatable, Codable {
    public var id: String
    public var title: LocalizedText
    public var experts: [Expert]
    public var slides: [Slide]
    public var media: Media?
    public init(id: String, title: LocalizedText, experts: [Expert], slides: [Slide], media: Media? = nil) {
        self.id = id
        self.title = title
        self.experts = experts
        self.slides = slides
        self.media = media
    }
}

public struct Expert: Sendable, Equatable, Codable {
    public var name: String
    /// ISO 3166 alpha-2 code.
    public var country: String?
    public var photo: String?
    public var role: LocalizedText
    public var affiliation: LocalizedText
    public var bio: LocalizedRichText
    public init(
        name: String, country: String? = nil, photo: String? = nil, role: LocalizedText = .init(),
        affiliation: LocalizedText = .init(), bio: LocalizedRichText = .init()
    ) {
        self.name = name
        self.country = country
        self.photo = photo
        self.role = role
        self.affiliation = affiliation
        self.bio = bio
    }
}

public struct Slide: Sendable, Equatable, Codable {
    public var id: String
    public var title: LocalizedText
    public var content: LocalizedRichText
    public var notes: LocalizedRichText?
    public init(id: String, title: LocalizedText, content: LocalizedRichText, notes: LocalizedRichText? = nil) {
        self.id = id
        self.title = title
        self.content = content
        self.notes = notes
    }
}

public struct Media: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable { case video, audio, pdf }
    public var kind: Kind
    public var src: String
    public var title: LocalizedText?
    /// WebVTT files by language.
    public var captions: [String: String]
    public var transcript: LocalizedRichText?
    public init(
        kind: Kind, src: String, title: LocalizedText? = nil, captions: [String: String] = [:],
        transcript: LocalizedRichText? = nil
    ) {
        self.kind = kind
        self.src = src
        self.title = title
        self.captions = captions
        self.transcript = transcript
    }
}
