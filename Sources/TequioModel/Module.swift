/// A course module: metadata, glossary, matrices and ordered units.
///
/// Built by the module reader from `module.xml`; rendered by every writer. The JSON encoding of this
/// value (see `docs/player-data.md`) is what the web player reads.
public struct Module: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    /// Declared languages, the main one first.
    public var languages: [String]
    public var metadata: Metadata
    public var glossary: [GlossaryTerm]
    public var matrices: [MatrixDefinition]
    public var units: [ModuleUnit]
    /// How the donor committee scores the plans (`<rubric>`); the player does not carry it.
    public var rubric: Rubric? = nil

    enum CodingKeys: String, CodingKey { case id, version, languages, metadata, glossary, matrices, units }

    public init(
        id: String, version: String, languages: [String], metadata: Metadata, glossary: [GlossaryTerm] = [],
        matrices: [MatrixDefinition] = [], units: [ModuleUnit] = []
    ) {
        self.id = id
        self.version = version
        self.languages = languages
        self.metadata = metadata
        self.glossary = glossary
        self.matrices = matrices
        self.units = units
    }

    public var mainLanguage: String { languages.first ?? "es" }

    /// The matrix the working tables fill in: the first one declared.
    public var primaryMatrix: MatrixDefinition? { matrices.first }

    public func matrix(id: String) -> MatrixDefinition? { matrices.first { $0.id == id } }
}

public struct Metadata: Sendable, Equatable, Codable {
    public var title: LocalizedText
    public var subtitle: LocalizedText?
    public var program: LocalizedText?
    public var summary: LocalizedText
    public var authors: [Author]
    public var license: String
    public var deliveryModes: [DeliveryMode]
    public var durationDays: Int?
    public var durationHours: Double?
    public var event: Event?

    public init(
        title: LocalizedText, subtitle: LocalizedText? = nil, program: LocalizedText? = nil,
        summary: LocalizedText = .init(), authors: [Author] = [], license: String = "",
        deliveryModes: [DeliveryMode] = [], durationDays: Int? = nil, durationHours: Double? = nil,
        event: Event? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.program = program
        self.summary = summary
        self.authors = authors
        self.license = license
        self.deliveryModes = deliveryModes
        self.durationDays = durationDays
        self.durationHours = durationHours
        self.event = event
    }
}

public struct Author: Sendable, Equatable, Codable {
    public var name: String
    public var affiliation: String?
    public var email: String?
    public init(name: String, affiliation: String? = nil, email: String? = nil) {
        self.name = name
        self.affiliation = affiliation
        self.email = email
    }
}

public enum DeliveryMode: String, Sendable, Equatable, Codable, CaseIterable {
    case virtual
    case faceToFace = "face-to-face"
    case blended
}

public struct GlossaryTerm: Sendable, Equatable, Codable {
    public var id: String
    public var label: LocalizedText
    public var definition: LocalizedRichText
    public init(id: String, label: LocalizedText, definition: LocalizedRichText) {
        self.id = id
        self.label = label
        self.definition = definition
    }
}

public struct ModuleUnit: Sendable, Equatable, Codable {
    public var id: String
    public var day: Int?
    public var minutes: Int?
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var blocks: [UnitBlock]
    public init(
        id: String, day: Int? = nil, minutes: Int? = nil, title: LocalizedText, summary: LocalizedText? = nil,
        blocks: [UnitBlock] = []
    ) {
        self.id = id
        self.day = day
        self.minutes = minutes
        self.title = title
        self.summary = summary
        self.blocks = blocks
    }
}

/// One item of a unit. JSON: `{"kind":"presentation","presentation":{…}}` and likewise for
/// `caseStudy`, `finding`, `activity`.
public enum UnitBlock: Sendable, Equatable, Codable {
    case presentation(Presentation)
    case caseStudy(CaseStudy)
    case finding(DiagnosticFinding)
    case activity(Activity)

    private enum Key: String, CodingKey { case kind, presentation, caseStudy, finding, activity }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .presentation(let v):
            try c.encode("presentation", forKey: .kind)
            try c.encode(v, forKey: .presentation)
        case .caseStudy(let v):
            try c.encode("caseStudy", forKey: .kind)
            try c.encode(v, forKey: .caseStudy)
        case .finding(let v):
            try c.encode("finding", forKey: .kind)
            try c.encode(v, forKey: .finding)
        case .activity(let v):
            try c.encode("activity", forKey: .kind)
            try c.encode(v, forKey: .activity)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "presentation": self = .presentation(try c.decode(Presentation.self, forKey: .presentation))
        case "caseStudy": self = .caseStudy(try c.decode(CaseStudy.self, forKey: .caseStudy))
        case "finding": self = .finding(try c.decode(DiagnosticFinding.self, forKey: .finding))
        case "activity": self = .activity(try c.decode(Activity.self, forKey: .activity))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown block \(other)")
        }
    }

    public var id: String {
        switch self {
        case .presentation(let v): v.id
        case .caseStudy(let v): v.id
        case .finding(let v): v.id
        case .activity(let v): v.id
        }
    }
}
