import TequioModel

/// The text of one paragraph of a layout: plain, or with tracked changes when the document shows what
/// changed between drafts (`tequio compare`), as pandoc's inlines carry insertions and deletions.
///
/// A run inserted by one draft and deleted by a later one carries both marks. `paragraphMark` is the
/// change to the end of this paragraph: a paragraph mark inserted joins the next paragraph when the
/// change is rejected, one deleted joins it when the change is accepted (WordprocessingML's
/// paragraph-mark revisions).
public struct LayoutText: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// Who made a change, and when: a draft's table (or the `--author` given) and the draft's time.
    public struct Change: Sendable, Hashable {
        public var author: String
        public var date: Timestamp?
        /// The text only moved, with its row.
        public var isMove: Bool

        public init(author: String, date: Timestamp?, isMove: Bool = false) {
            self.author = author
            self.date = date
            self.isMove = isMove
        }
    }

    /// What happened to a run or a paragraph mark.
    public struct Marks: Sendable, Hashable {
        public var inserted: Change?
        public var deleted: Change?

        public init(inserted: Change? = nil, deleted: Change? = nil) {
            self.inserted = inserted
            self.deleted = deleted
        }

        public var isEmpty: Bool { inserted == nil && deleted == nil }
        /// In the text once every change is accepted.
        public var isCurrent: Bool { deleted == nil }
        /// In the text once every change is rejected.
        public var isOriginal: Bool { inserted == nil }
    }

    public struct Run: Sendable, Equatable {
        public var text: String
        public var marks: Marks
        /// Bold: a label the layout puts before participant text (a problem's heading in a matrix cell).
        public var strong: Bool

        public init(_ text: String, marks: Marks = Marks(), strong: Bool = false) {
            self.text = text
            self.marks = marks
            self.strong = strong
        }
    }

    public var runs: [Run]
    public var paragraphMark: Marks

    public init(_ text: String) {
        runs = text.isEmpty ? [] : [Run(text)]
        paragraphMark = Marks()
    }

    public init(runs: [Run], paragraphMark: Marks = Marks()) {
        self.runs = runs.filter { !$0.text.isEmpty }
        self.paragraphMark = paragraphMark
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Every run's text, deleted ones included: what sizes and directions are judged on.
    public var plain: String { runs.map(\.text).joined() }
    /// The text once every change is accepted.
    public var current: String { runs.filter(\.marks.isCurrent).map(\.text).joined() }
    /// The text once every change is rejected.
    public var original: String { runs.filter(\.marks.isOriginal).map(\.text).joined() }
    public var hasChanges: Bool { !paragraphMark.isEmpty || runs.contains { !$0.marks.isEmpty } }
    public var isEmpty: Bool { runs.isEmpty }
    public var description: String { plain }
}

extension Array where Element == LayoutText {
    /// Plain paragraphs, one text each.
    public init(plain texts: [String]) { self = texts.map { LayoutText($0) } }
}
