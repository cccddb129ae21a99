import Foundation
import XCTest

@testable import PDFSupport

/// The direct engine (HarfBuzz and Tequio's own PDF writing) against pango and cairo: the same lines,
/// the text left to pango that it does not lay out, and a file libqpdf reads whole.
extension GlyphRun {
    /// The text each glyph stands for.
    var texts: [String] { segments.flatMap { s in s.range.map { s.word.text($0) } } }
}

final class DirectEngineTests: XCTestCase {
    let sans = RunStyle(font: FontSpec(family: "Arial", size: 8.5), colour: .black)

    static let paragraphs = [
        "2. Pedir a la CEA que la firma del comité de agua sea requisito en el acta de entrega-recepción.",
        "Contratos de drenaje 2009-2011 publicados antes de junio de 2012; Avisos: \"VA\" y 'AT', LTA Yo.",
        "El calendario de tandeo no se publica y cambia sin aviso. En varias colonias el agua llega una o dos días por semana.",
        "Contraloría-social y palabra corta\nsegunda línea — con raya y consecuencias —correcciones, 3/4 partes",
        "Programa de las Naciones Unidas para el Desarrollo (https://www.undp.org/es/mexico); Water Integrity Network (https://www.waterintegritynetwork.net/).",
    ]

    /// Lines broken where pango breaks them, as long and at the same heights (kerning around spaces
    /// included), at several widths and line spacings.
    func testLinesAreThoseOfPango() throws {
        let pango = try TextEngine(language: "es")
        let direct = try TextEngine(language: "es", direct: true)
        var bold = sans
        bold.font.bold = true
        for text in Self.paragraphs {
            for width in [60.0, 125.58, 200, 453.25] {
                for spacing in [0.0, 1.2] {
                    let runs = [TextRun("Título: ", bold), TextRun(text, sans)]
                    let p = TextBlock(pango, runs: runs, width: width, lineSpacing: spacing)
                    let d = TextBlock(direct, runs: runs, width: width, lineSpacing: spacing)
                    guard case .shaped = d.content else { return XCTFail("not laid out directly: \(text)") }
                    XCTAssertEqual(d.lines.count, p.lines.count, "\(text) at \(width)")
                    for (a, b) in zip(d.lines, p.lines) {
                        XCTAssertEqual(a.width, b.width, accuracy: 0.02, "\(text) at \(width)")
                        XCTAssertEqual(a.baseline, b.baseline, accuracy: 0.02)
                        XCTAssertEqual(a.top, b.top, accuracy: 0.02)
                        XCTAssertEqual(a.height, b.height, accuracy: 0.02)
                    }
                }
            }
        }
        XCTAssertFalse(direct.needsPango)
    }

    /// A word wider than the line is cut between letters, every line within the width (pango cuts
    /// such a word a letter earlier at times: the lines may differ).
    func testAWordWiderThanTheLineIsCutBetweenLetters() throws {
        let engine = try TextEngine(language: "es", direct: true)
        let word = "Supercalifragilisticoespialidoso-y-aún-más-largo-que-la-línea"
        let block = TextBlock(engine, runs: [TextRun(word + " corta", sans)], width: 60)
        guard case .shaped(let lines) = block.content else { return XCTFail("not laid out directly") }
        XCTAssertGreaterThan(lines.count, 3)
        for line in block.lines { XCTAssertLessThanOrEqual(line.width, 60.001) }
        XCTAssertEqual(lines.flatMap { $0.runs.flatMap(\.texts) }.joined(), word + " corta")
    }

    func testCentredAndEndAlignedLinesStartWherePangoStartsThem() throws {
        let pango = try TextEngine(language: "es")
        let direct = try TextEngine(language: "es", direct: true)
        for alignment in [TextAlignment.center, .end] {
            let p = TextBlock(pango, runs: [TextRun(Self.paragraphs[2], sans)], width: 180, alignment: alignment)
            let d = TextBlock(direct, runs: [TextRun(Self.paragraphs[2], sans)], width: 180, alignment: alignment)
            XCTAssertEqual(d.lines.count, p.lines.count)
            for (a, b) in zip(d.lines, p.lines) { XCTAssertEqual(a.x, b.x, accuracy: 0.02, "\(alignment)") }
        }
    }

    /// Right-to-left text, emoji, tabs, combining marks and a missing glyph are pango's: the engine says
    /// so, and the block is pango's.
    func testWhatTheDirectEngineDoesNotLayOutIsLeftToPango() throws {
        for text in ["مرحبا بالعالم", "Agua 💧 limpia", "a\tb", "e\u{301}", "Ω≈ ꝏ"] {
            let engine = try TextEngine(language: "es", direct: true)
            let block = TextBlock(engine, runs: [TextRun(text, sans)], width: 200)
            XCTAssertTrue(engine.needsPango, text)
            guard case .pango = block.content else { return XCTFail("laid out directly: \(text)") }
        }
        let engine = try TextEngine(language: "es", direct: true)
        _ = TextBlock(engine, runs: [TextRun("Año, acción, pingüino: 12 %, 3 € — ¿sí?", sans)], width: 200)
        XCTAssertFalse(engine.needsPango)
    }

    /// Every shape, text with a background, underline and strike-through, an image with transparency,
    /// tags across two pages, links and an outline: libqpdf finds nothing wrong, and the bytes are the
    /// same twice.
    func testADirectFileIsSoundTaggedAndReproducible() throws {
        let media = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../modules/oaxaca-agua/media/fases-es.png")
        let image = try PNGImage(png: try Data(contentsOf: media))
        func make() throws -> Data {
            let engine = try TextEngine(language: "es", direct: true)
            let canvas = DirectCanvas(width: 612, height: 792, language: "es")
            var m = PDFMetadata()
            m.title = "Título"
            m.created = "2012-03-14T16:05:31-06:00"
            canvas.setMetadata(m)
            var marked = sans
            marked.background = RGB(hex: "FFF2CC")
            marked.underline = true
            var struck = sans
            struck.strikethrough = true
            struck.letterSpacing = 0.5
            canvas.beginPage(width: 612, height: 792)
            canvas.beginTag("Table")
            canvas.tagged("P") { canvas.draw(TextBlock(engine, runs: [TextRun("Añadido ", marked), TextRun("quitado", struck)], width: 300), x: 72, y: 72) }
            canvas.rectangle(x: 72, y: 100, width: 50, height: 20, fill: RGB(hex: "1F4E79"), stroke: .black, lineWidth: 1)
            canvas.hatch(x: 130, y: 100, width: 50, height: 20, colour: .black, spacing: 4, lineWidth: 0.5)
            canvas.circle(x: 200, y: 110, radius: 8, fill: nil, stroke: .black, lineWidth: 1)
            canvas.polygon([(220, 100), (240, 110), (220, 120)], fill: .black, stroke: nil, lineWidth: 0)
            canvas.sector(centre: (280, 110), radius: 10, from: 0, to: 2, colour: RGB(hex: "C00000"))
            canvas.polyline([(300, 100), (320, 120), (340, 100)], width: 1, colour: .black)
            canvas.line(from: (72, 130), to: (540, 130), width: 0.5, colour: .black)
            canvas.dot(x: 80, y: 140, radius: 1, colour: .black)
            canvas.link(x: 72, y: 72, width: 100, height: 12, page: 2, targetY: 100)
            canvas.endPage()
            canvas.beginPage(width: 792, height: 612)
            canvas.tagged("P") { canvas.draw(TextBlock(engine, runs: [TextRun("Segunda página", sans)], width: 300), x: 72, y: 72) }
            canvas.endTag("Table")
            canvas.figure(alternative: "Tres fases") { canvas.draw(image, x: 72, y: 100, width: 300, height: 154) }
            canvas.draw(TextBlock(engine, runs: [TextRun("Página 2 de 2", sans)], width: 300), x: 72, y: 580)
            let top = canvas.addOutline(parent: 0, title: "Uno", page: 1, y: 72, open: true)
            canvas.addOutline(parent: top, title: "Dos · acción", page: 2, y: 72)
            canvas.endPage()
            XCTAssertFalse(engine.needsPango)
            return try canvas.finish()
        }
        let pdf = try make()
        XCTAssertEqual(pdf, try make())
        let check = PDFCheck(pdf)
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(PDFReadBack(pdf).problems, [])
        XCTAssertEqual(PDFReadBack(pdf).pageCount, 2)
        XCTAssertEqual(check.pageSizes.map(\.width), [612, 792])
        XCTAssertEqual(check.language, "es")
        XCTAssertEqual(check.links.map(\.target), [2])
        XCTAssertEqual(check.figureAlternatives, ["Tres fases"])
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-1.5"))
        XCTAssertFalse(text.contains("cairo"))
    }

    func testNumbersAndDatesAreWrittenAsPDFWantsThem() {
        var s = ContentStream()
        s.numbers(0, -0.004, 12.5, 612, -3.456, 0.1)
        XCTAssertEqual(String(decoding: s.bytes, as: UTF8.self), "0 0 12.5 612 -3.46 0.1 ")
        XCTAssertEqual(DirectCanvas.pdfDate("2012-03-14T16:05:31Z"), "D:20120314160531Z")
        XCTAssertEqual(DirectCanvas.pdfDate("2012-03-14T16:05:31.250-06:00"), "D:20120314160531-06'00'")
        XCTAssertNil(DirectCanvas.pdfDate("14/03/2012"))
    }
}
