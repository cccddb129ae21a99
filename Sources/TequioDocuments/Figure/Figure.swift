import TequioModel

/// A vector picture of a layout, independent of format: the decision record's chart of totals
/// (`ChartGeometry`), a progress report's bars, timelines and status charts (`TrackingCharts`). Boxes,
/// lines, dots, diamonds and boxes of text, in points from the top left corner.
///
/// Every format draws it with its own vector shapes, one small emitter each: inline SVG in HTML
/// (`FigureSVG`), a DrawingML group in DOCX (`DocxBody+Figure`), ODF drawing shapes in ODT
/// (`OdtBody+Figure`), cairo in PDF (`PDFFigure`). Markdown, which has no drawing, gives its
/// `description`, which every other format carries as the picture's text alternative.
public struct Figure: Sendable, Equatable {
    public enum Paint: Sendable, Equatable, Hashable {
        case none
        case solid(Branding.Colour)
        /// Diagonal lines of the colour on white: tells a fill apart by pattern, not by colour alone.
        case hatched(Branding.Colour)
    }

    public struct Stroke: Sendable, Equatable, Hashable {
        public var colour: Branding.Colour
        public var width: Double

        public init(_ colour: Branding.Colour, width: Double) {
            self.colour = colour
            self.width = width
        }
    }

    public enum Alignment: Sendable, Equatable, Hashable, CaseIterable { case start, center, end }

    /// How a text of the figure is set.
    public struct TextStyle: Sendable, Hashable {
        public var size: Double
        public var bold: Bool
        public var alignment: Alignment

        public init(size: Double, bold: Bool = false, alignment: Alignment = .start) {
            self.size = size
            self.bold = bold
            self.alignment = alignment
        }

        /// Baseline to baseline.
        public var lineHeight: Double { size * 1.25 }
    }

    public enum Shape: Sendable, Equatable {
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Paint, stroke: Stroke?)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: Stroke)
        /// A circle centred on (`x`, `y`).
        case dot(x: Double, y: Double, radius: Double, fill: Paint, stroke: Stroke)
        /// A milestone marker centred on (`x`, `y`), `size` across.
        case diamond(x: Double, y: Double, size: Double, fill: Paint, stroke: Stroke)
        /// Lines of text in a box, one line a line, the block of lines centred vertically.
        case text(x: Double, y: Double, width: Double, height: Double, lines: [String], style: TextStyle)
    }

    public var width: Double
    public var height: Double
    /// The figure's name (SVG `title`, the drawing's title in DOCX and ODT); empty for none.
    public var title: String
    /// What the figure shows, in words: its text alternative in every format.
    public var description: String
    public var shapes: [Shape]
    public var textColour: Branding.Colour

    public init(width: Double, height: Double, title: String = "", description: String, shapes: [Shape], textColour: Branding.Colour = .black) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self.shapes = shapes
        self.textColour = textColour
    }

    /// The figure at `factor` times its size (a figure wider than a page's text is scaled to it).
    public func scaled(by factor: Double) -> Figure {
        var copy = self
        copy.width *= factor
        copy.height *= factor
        copy.shapes = shapes.map { shape in
            func s(_ stroke: Stroke) -> Stroke { Stroke(stroke.colour, width: stroke.width * factor) }
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke):
                return .rect(x: x * factor, y: y * factor, width: w * factor, height: h * factor, fill: fill, stroke: stroke.map(s))
            case .line(let x1, let y1, let x2, let y2, let stroke):
                return .line(x1: x1 * factor, y1: y1 * factor, x2: x2 * factor, y2: y2 * factor, stroke: s(stroke))
            case .dot(let x, let y, let r, let fill, let stroke):
                return .dot(x: x * factor, y: y * factor, radius: r * factor, fill: fill, stroke: s(stroke))
            case .diamond(let x, let y, let size, let fill, let stroke):
                return .diamond(x: x * factor, y: y * factor, size: size * factor, fill: fill, stroke: s(stroke))
            case .text(let x, let y, let w, let h, let lines, var style):
                style.size *= factor
                return .text(x: x * factor, y: y * factor, width: w * factor, height: h * factor, lines: lines, style: style)
            }
        }
        return copy
    }

    /// The figure, smaller when it is wider than `width` points.
    public func fitted(toWidth width: Double) -> Figure { self.width > width ? scaled(by: width / self.width) : self }

    /// Where the first line of a text box's block of lines has its top: the block centred in the box.
    public static func firstLineTop(y: Double, height: Double, lines: Int, style: TextStyle) -> Double {
        y + (height - Double(lines) * style.lineHeight) / 2
    }

    /// Every paint, stroke and text style (with its figure's text colour) the figures use, in a fixed
    /// order (for formats that declare their styles apart from the shapes).
    static func styles(of figures: [Figure]) -> (graphics: [GraphicStyle], texts: [(style: TextStyle, colour: Branding.Colour)]) {
        var graphics: [GraphicStyle] = []
        var texts: [(style: TextStyle, colour: Branding.Colour)] = []
        for figure in figures {
            for shape in figure.shapes {
                let style: GraphicStyle
                switch shape {
                case .rect(_, _, _, _, let fill, let stroke): style = GraphicStyle(fill: fill, stroke: stroke)
                case .line(_, _, _, _, let stroke): style = GraphicStyle(fill: .none, stroke: stroke)
                case .dot(_, _, _, let fill, let stroke), .diamond(_, _, _, let fill, let stroke): style = GraphicStyle(fill: fill, stroke: stroke)
                case .text(_, _, _, _, _, let text):
                    if !texts.contains(where: { $0.style == text && $0.colour == figure.textColour }) { texts.append((text, figure.textColour)) }
                    continue
                }
                if !graphics.contains(style) { graphics.append(style) }
            }
        }
        return (graphics, texts)
    }

    /// A shape's fill and outline.
    struct GraphicStyle: Hashable {
        var fill: Paint
        var stroke: Stroke?
    }
}
