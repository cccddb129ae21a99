import PDFSupport
import TequioModel

/// A `Figure` painted with cairo: the same shapes the other formats draw, the hatch as lines clipped to
/// the box, every text set by pango in the table text's font. Tagged as one /Figure element whose
/// text alternative is the figure's description (`PDFCanvas.figure`).
struct PDFFigure {
    let engine: TextEngine
    /// The table text's run, whose font the figure's texts use.
    let text: RunStyle

    func draw(_ d: Figure, x: Double, y: Double, on canvas: PDFCanvas) {
        canvas.figure(alternative: d.title.isEmpty ? d.description : "\(d.title). \(d.description)") {
            for shape in d.shapes { draw(shape, of: d, x: x, y: y, on: canvas) }
        }
    }

    private func draw(_ shape: Figure.Shape, of d: Figure, x: Double, y: Double, on canvas: PDFCanvas) {
        switch shape {
        case .rect(let rx, let ry, let width, let height, let fill, let stroke):
            if case .hatched(let colour) = fill {
                canvas.hatch(x: x + rx, y: y + ry, width: width, height: height, colour: RGB(hex: colour.hex), spacing: 3, lineWidth: 0.6)
            }
            canvas.rectangle(x: x + rx, y: y + ry, width: width, height: height, fill: solid(fill), stroke: stroke.map(rgb), lineWidth: stroke?.width ?? 0)
        case .line(let x1, let y1, let x2, let y2, let stroke):
            canvas.line(from: (x + x1, y + y1), to: (x + x2, y + y2), width: stroke.width, colour: rgb(stroke))
        case .dot(let cx, let cy, let r, let fill, let stroke):
            canvas.circle(x: x + cx, y: y + cy, radius: r, fill: solid(fill), stroke: rgb(stroke), lineWidth: stroke.width)
        case .diamond(let cx, let cy, let size, let fill, let stroke):
            let r = size / 2
            let corners = [(x + cx, y + cy - r), (x + cx + r, y + cy), (x + cx, y + cy + r), (x + cx - r, y + cy)]
            canvas.polygon(corners, fill: solid(fill), stroke: rgb(stroke), lineWidth: stroke.width)
        case .text(let tx, let ty, let width, let height, let lines, let style):
            var run = text
            run.font.size = style.size
            run.font.bold = style.bold
            run.colour = RGB(hex: d.textColour.hex)
            let align: TextAlignment = style.alignment == .start ? .start : style.alignment == .center ? .center : .end
            var top = y + Figure.firstLineTop(y: ty, height: height, lines: lines.count, style: style)
            for line in lines {
                let block = TextBlock(engine, runs: [TextRun(line, run)], width: width, alignment: align)
                let lineHeight = block.lines.first?.height ?? style.lineHeight
                canvas.draw(block, x: x + tx, y: top + (style.lineHeight - lineHeight) / 2)
                top += style.lineHeight
            }
        }
    }

    private func rgb(_ stroke: Figure.Stroke) -> RGB { RGB(hex: stroke.colour.hex) }

    private func solid(_ paint: Figure.Paint) -> RGB? {
        switch paint {
        case .solid(let colour): RGB(hex: colour.hex)
        case .hatched, .none: nil
        }
    }
}
