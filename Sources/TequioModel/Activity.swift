/// Something participants do: work at their tables, discuss, present in plenary.
public struct Activity: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case workingTable = "working-table", discussion, plenary, individual
    }
    public var id: String
    public var kind: Kind
    public var minutes: Int?
    /// The matrix the working tables fill in during this activity.
    public var matrix: String?
    public var title: LocalizedText
    public var instructions: LocalizedRichText
    public init(
        id: String, kind: Kind, minutes: Int? = nil, matrix: String? = nil, title: LocalizedText,
        instructions: LocalizedRichText
    ) {
        self.id = id
        self.kind = kind
        self.minutes = minutes
        self.matrix = matrix
        self.title = title
        self.instructions = instructions
    }
}
