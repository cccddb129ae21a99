import TequioModel

extension DocumentLayout {
    /// A horizontal bar chart of one value per item, with the range of the figures each value sums up
    /// and the figures themselves as points: the decision record's totals with each evaluator's spread.
    ///
    /// What it shows is decided here once; `ChartGeometry` places it and one small emitter per format
    /// draws it (SVG in HTML, DrawingML shapes in DOCX, ODF shapes in ODT, cairo in PDF). Markdown,
    /// which has no drawing, lists each bar's sentence of the text alternative instead. Fills differ by
    /// pattern and tone, not by colour alone, so the chart reads in grey and in print.
    public struct SpreadChart: Sendable, Equatable {
        public enum Fill: Sendable, Equatable { case solid, hatched, light }

        public struct Bar: Sendable, Equatable {
            public var label: String
            public var value: Double
            /// The value as the chart writes it beside the bar.
            public var valueText: String
            /// The lowest and highest of the figures the value sums up (nil: no range drawn).
            public var range: ClosedRange<Double>?
            /// The figures themselves (each evaluator's total).
            public var points: [Double]
            public var fill: Fill
            /// The bar in words, for the text alternative ("Mesa 1: 4.57 (de 4.40 a 4.80), Avanza.").
            public var summary: String

            public init(
                label: String, value: Double, valueText: String, range: ClosedRange<Double>?, points: [Double], fill: Fill, summary: String = ""
            ) {
                self.label = label
                self.value = value
                self.valueText = valueText
                self.range = range
                self.points = points
                self.fill = fill
                self.summary = summary
            }
        }

        public struct LegendEntry: Sendable, Equatable {
            public enum Symbol: Sendable, Equatable { case bar(Fill), range, point }
            public var symbol: Symbol
            public var text: String

            public init(_ symbol: Symbol, _ text: String) {
                self.symbol = symbol
                self.text = text
            }
        }

        /// The chart's name (SVG `title`, the drawing's title in DOCX and ODT).
        public var title: String
        /// What the chart shows, before each bar's summary in its text alternative.
        public var description: String
        /// The scale the values are on: bars start at its lower end.
        public var scale: ClosedRange<Double>
        /// The words under the scale's numbers.
        public var axisTitle: String
        public var bars: [Bar]
        public var legend: [LegendEntry]

        public init(title: String, description: String, scale: ClosedRange<Double>, axisTitle: String, bars: [Bar], legend: [LegendEntry]) {
            self.title = title
            self.description = description
            self.scale = scale
            self.axisTitle = axisTitle
            self.bars = bars
            self.legend = legend
        }

        /// What assistive technology reads: the description, then every bar in words.
        public var alternativeText: String { ([description] + bars.map(\.summary).filter { !$0.isEmpty }).joined(separator: " ") }
    }
}
