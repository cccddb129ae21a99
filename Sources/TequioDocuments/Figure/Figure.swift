/// A small vector picture of a layout (a progress bar, a timeline, a status chart), independent of
/// format: rectangles, lines, diamonds and one-line texts in points from the top left. HTML shows it as
/// inline SVG (`FigureSVG`), ODT as native drawing shapes (`FigureODF`), DOCX as a VML group
/// (`FigureVML`); Markdown and PDF give its `description`, which every format also carries as the
/// picture's text alternative.
///
/// Fills are five greys, so a chart reads the same printed in black and white; what a grey means is
/// always also written in words (a legend, a label).
public struct Figure: Sendable, Equatable {
    public enum Ink: String, Sendable, Equatable, CaseIterable {
        case white, light, medium, dark, black

        /// `#rrggbb`
        public var hex: String {
            switch self {
            case .white: "#ffffff"
            case .light: "#d9d9d9"
            case .medium: "#a6a6a6"
            case .dark: "#595959"
            case .black: "#000000"
            }
        }
    }

    public enum Anchor: String, Sendable, Equatable, CaseIterable { case start, middle, end }

    public enum Shape: Sendable, Equatable {
        /// A box: filled when `fill` is set, outlined (0.75 pt) when `stroke` is.
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Ink?, stroke: Ink?)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, ink: Ink, width: Double)
        /// A milestone marker centred on (`x`, `y`), `size` across.
        case diamond(x: Double, y: Double, size: Double, fill: Ink)
        /// One line of text in the box from (`x`, `y`), `width` wide and `size × 1.4` high, placed at its
        /// `anchor`.
        case text(x: Double, y: Double, width: Double, text: String, size: Double, bold: Bool, anchor: Anchor)
    }

    public var width: Double
    public var height: Double
    /// What the picture shows, in words.
    public var description: String
    public var shapes: [Shape]

    public init(width: Double, height: Double, description: String, shapes: [Shape]) {
        self.width = width
        self.height = height
        self.description = description
        self.shapes = shapes
    }

    /// The font sizes, weights and anchors of the drawing's texts (for the styles a format declares).
    public var textStyles: Set<TextStyle> {
        Set(shapes.compactMap { if case .text(_, _, _, _, let size, let bold, let anchor) = $0 { TextStyle(size: size, bold: bold, anchor: anchor) } else { nil } })
    }

    public struct TextStyle: Sendable, Hashable, Comparable {
        public var size: Double
        public var bold: Bool
        public var anchor: Anchor

        /// `tqd-8-b-start`: the name of the style in formats that name their styles.
        public var name: String { "tqd-\(DrawingNumber.text(size))-\(bold ? "b" : "r")-\(anchor.rawValue)" }

        public static func < (a: TextStyle, b: TextStyle) -> Bool { a.name < b.name }
    }
}

/// Lengths as the drawing formats write them: at most two decimals, no trailing zeros.
enum DrawingNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
