import PDFSupport
import TequioModel

/// A layout's drawing measured for its page: a chart, a picture at its printed size, or lines to write
/// on under their label (a question, "My notes"). Never split across pages.
enum PDFDrawing {
    /// A chart and its text alternative (its title).
    case chart(PDFChart, alternative: String)
    /// A picture at its printed size and its text alternative.
    case picture(PNGImage, width: Double, height: Double, alternative: String)
    case lines(count: Int, width: Double, colour: RGB, label: TextBlock?)

    /// Points between two lines to write on: room for handwriting (7.8 mm).
    static let lineSpacing = 22.0
    /// The most of a page's text height a picture may take.
    static let tallestPicture = 0.6

    var width: Double {
        switch self {
        case .chart(let c, _): c.width
        case .picture(_, let width, _, _): width
        case .lines(_, let width, _, _): width
        }
    }

    var height: Double {
        switch self {
        case .chart(let c, _): c.height
        case .picture(_, _, let height, _): height
        case .lines(let count, _, _, let label): (label?.height ?? 0) + Double(count) * Self.lineSpacing + 1
        }
    }

    /// Draws it with its top left corner at (`x`, `y`): a chart or a picture tagged as a /Figure with its
    /// text alternative, the label of lines to write on as a paragraph.
    func draw(on canvas: PDFCanvas, x: Double, y: Double) {
        switch self {
        case .chart(let c, let alternative): canvas.figure(alternative: alternative) { c.draw(on: canvas, x: x, y: y) }
        case .picture(let image, let width, let height, let alternative):
            canvas.figure(alternative: alternative) { canvas.draw(image, x: x, y: y, width: width, height: height) }
        case .lines(let count, let width, let colour, let label):
            if let label { canvas.tagged("P") { canvas.draw(label, x: x, y: y) } }
            for n in 1...max(1, count) {
                let ly = y + (label?.height ?? 0) + Double(n) * Self.lineSpacing
                canvas.line(from: (x, ly), to: (x + width, ly), width: 0.6, colour: colour)
            }
        }
    }

    /// A picture as wide as `width`, or narrower when that would make it taller than `tallest`.
    static func picture(_ image: PNGImage, width: Double, tallest: Double, alternative: String) -> PDFDrawing {
        var w = width
        var h = w * Double(image.height) / Double(image.width)
        if h > tallest {
            h = tallest
            w = h * Double(image.width) / Double(image.height)
        }
        return .picture(image, width: w, height: h, alternative: alternative)
    }
}
