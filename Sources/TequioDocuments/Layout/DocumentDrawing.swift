import Foundation

extension DocumentLayout {
    /// Something drawn rather than typed: a chart, a picture, lines to write on. The PDF draws it
    /// (charts as vector graphics); the other formats show its `text` as a paragraph instead.
    public struct Drawing: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case chart(Chart)
            /// A PNG picture, as wide as the text unless that would make it taller than most of a page.
            case picture(png: Data)
            /// Ruled lines to write on by hand.
            case writingLines(Int)
        }

        public var kind: Kind
        /// What a format that cannot draw it shows: the picture's text alternative, the chart's title
        /// (empty for lines to write on).
        public var text: String

        public init(_ kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// A chart drawn from numbers: bars (grouped or stacked), a line per series, or a pie of the
    /// first series. Labels are in the document's language.
    public struct Chart: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case bars, stackedBars, line, pie }

        public var kind: Kind
        public var categories: [String]
        /// The series' names, in the legend's order.
        public var series: [String]
        /// Per category, one value per series.
        public var values: [[Double]]

        public init(kind: Kind, categories: [String], series: [String], values: [[Double]]) {
            self.kind = kind
            self.categories = categories
            self.series = series
            self.values = values
        }
    }
}
