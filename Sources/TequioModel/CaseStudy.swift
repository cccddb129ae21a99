/// A case study: context, narrative, key facts, discussion questions and sources.
public struct CaseStudy: Sendable, Equatable, Codable {
    public struct Question: Sendable, Equatable, Codable {
        public var id: String
        public var text: LocalizedText
        public init(id: String, text: LocalizedText) {
            self.id = id
            self.text = text
        }
    }

    public struct Source: Sendable, Equatable, Codable {
        public var href: String?
        public var text: LocalizedText
        public init(href: String? = nil, text: LocalizedText) {
            self.href = href
            self.text = text
        }
    }

    public var id: String
    public var title: LocalizedText
    public var place: LocalizedText?
    public var context: LocalizedRichText
    public var narrative: LocalizedRichText
    public var keyFacts: [LocalizedText]
    public var questions: [Question]
    public var sources: [Source]

    public init(
        id: String, title: LocalizedText, place: LocalizedText? = nil, context: LocalizedRichText,
        narrative: LocalizedRichText, keyFacts: [LocalizedText] = [], questions: [Question] = [],
        sources: [Source] = []
    ) {
        self.id = id
        self.title = title
        self.place = place
        self.context = context
        self.narrative = narrative
        self.keyFacts = keyFacts
        self.questions = questions
        self.sources = sources
    }
}
