import PDFSupport
import TequioModel

/// A chart's drawing painted with cairo: the same shapes the other formats draw, the hatch as lines
/// clipped to the bar, every text set by pango in the table text's font at the drawing's size.
struct PDFChartDrawing {
    let engine: TextEngine
    /// The table text's run, whose font the chart's texts use.
    let text: RunStyle

    func draw(_ d: ChartDrawing, x: Double, y: Double, on canvas: PDFCanvas) {
        var style = text
        style.font.size = d.fontSize
        style.font.bold = false
        style.colour = RGB(hex: d.textColour.hex)
        for shape in d.shapes {
            switch shape {
            case .rect(let rx, let ry, let width, let height, let fill, let stroke):
                if case .hatched(let colour) = fill {
                    canvas.hatch(x: x + rx, y: y + ry, width: width, height: height, colour: RGB(hex: colour.hex), spacing: 3, lineWidth: 0.6)
                    canvas.rectangle(x: x + rx, y: y + ry, width: width, height: height, fill: nil, stroke: stroke.map(rgb), lineWidth: stroke?.width ?? 0)
                } else {
                    canvas.rectangle(
                        x: x + rx, y: y + ry, width: width, height: height, fill: solid(fill), stroke: stroke.map(rgb), lineWidth: stroke?.width ?? 0)
                }
            case .line(let x1, let y1, let x2, let y2, let stroke):
                canvas.line(from: (x + x1, y + y1), to: (x + x2, y + y2), width: stroke.width, colour: rgb(stroke))
            case .dot(let cx, let cy, let r, let fill, let stroke):
                canvas.circle(x: x + cx, y: y + cy, radius: r, fill: solid(fill), stroke: rgb(stroke), lineWidth: stroke.width)
            case .text(let tx, let ty, let width, let height, let lines, let alignment):
                let align: TextAlignment = alignment == .start ? .start : alignment == .center ? .center : .end
                var top = y + ty + (height - Double(lines.count) * ChartGeometry.lineHeight) / 2
                for line in lines {
                    let block = TextBlock(engine, runs: [TextRun(line, style)], width: width, alignment: align)
                    let lineHeight = block.lines.first?.height ?? ChartGeometry.lineHeight
                    canvas.draw(block, x: x + tx, y: top + (ChartGeometry.lineHeight - lineHeight) / 2)
                    top += ChartGeometry.lineHeight
                }
            }
        }
    }

    private func rgb(_ stroke: ChartDrawing.Stroke) -> RGB { RGB(hex: stroke.colour.hex) }

    private func solid(_ paint: ChartDrawing.Paint) -> RGB? {
        switch paint {
        case .solid(let colour): RGB(hex: colour.hex)
        case .hatched, .none: nil
        }
    }
}
