import Foundation
import XCTest

@testable import PDFSupport

/// The C wrappers on their own: text measured and drawn, pages, outline, links, metadata, the rewrite.
final class PDFSupportTests: XCTestCase {
    let body = RunStyle(font: FontSpec(family: "DejaVu Sans", size: 10), colour: .black)

    func testATextBlockWrapsToItsWidthAndMeasuresItsLines() throws {
        let engine = try TextEngine(language: "es")
        let text = String(repeating: "palabra ", count: 60)
        let wide = TextBlock(engine, runs: [TextRun(text, body)], width: 500)
        let narrow = TextBlock(engine, runs: [TextRun(text, body)], width: 100)
        XCTAssertGreaterThan(narrow.lines.count, wide.lines.count)
        XCTAssertEqual(narrow.height, narrow.lines.last!.bottom, accuracy: 0.001)
        for (a, b) in zip(narrow.lines, narrow.lines.dropFirst()) { XCTAssertEqual(a.bottom, b.top, accuracy: 0.001) }
        XCTAssertGreaterThan(narrow.lines[0].baseline, 0)
        XCTAssertLessThanOrEqual(narrow.extent(ofLine: 0).width, 100.01)
    }

    func testAnEmptyBlockHasOneLine() throws {
        let block = TextBlock(try TextEngine(language: "es"), runs: [], width: 100)
        XCTAssertEqual(block.lines.count, 1)
    }

    func testArialIsFoundThroughFontconfig() throws {
        let family = try TextEngine(language: "es").resolvedFamily(FontSpec(family: "Arial", size: 10))
        XCTAssertNotNil(family)
        XCTAssertNotEqual(family, "")
    }

    func testADamagedPNGIsRefused() {
        XCTAssertThrowsError(try PNGImage(png: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])))
    }

    /// cairo 1.16 could not write a page whose tagged figure began with a painted image.
    func testAPictureAloneInATaggedFigureIsWritten() throws {
        let media = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../modules/oaxaca-agua/media/fases-es.png")
        let image = try PNGImage(png: try Data(contentsOf: media))
        let canvas = try CairoCanvas(width: 595, height: 842)
        canvas.beginPage(width: 595, height: 842)
        canvas.figure(alternative: "Tres fases") { canvas.draw(image, x: 65.2, y: 65.2, width: 464.9, height: 238.5) }
        canvas.endPage()
        let check = PDFCheck(try PDFRewrite.rewrite(try canvas.finish(), language: "es", figureAlternatives: canvas.figureAlternatives))
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.figureAlternatives, ["Tres fases"])
    }

    func testNotAPDFIsRefusedByTheRewrite() {
        XCTAssertThrowsError(try PDFRewrite.rewrite(Data("hello".utf8), language: "es"))
    }

    func testADocumentWithLinksAndOutlineIsRewrittenReproducibly() throws {
        func make() throws -> Data {
            let engine = try TextEngine(language: "es")
            let canvas = try CairoCanvas(width: 612, height: 792)
            var metadata = PDFMetadata()
            metadata.title = "Título"
            metadata.created = "2012-03-14T16:05:31Z"
            metadata.modified = "2012-03-15T10:00:00Z"
            canvas.setMetadata(metadata)
            for page in 1...2 {
                canvas.beginPage(width: page == 1 ? 612 : 792, height: page == 1 ? 792 : 612)
                let text = "Página \(page): agua الشفافية في قطاع المياه שקיפות במים"
                canvas.draw(TextBlock(engine, runs: [TextRun(text, body)], width: 300), x: 72, y: 72)
                canvas.fill(x: 72, y: 120, width: 100, height: 10, colour: RGB(hex: "1F4E79"))
                canvas.line(from: (72, 140), to: (300, 140), width: 0.5, colour: .black)
                canvas.dot(x: 80, y: 150, radius: 0.6, colour: .black)
                canvas.addOutline(parent: 0, title: "Página \(page)", page: page, y: 72)
                if page == 1 { canvas.link(x: 72, y: 72, width: 200, height: 12, page: 2, targetY: 72) }
                canvas.endPage()
            }
            return try PDFRewrite.rewrite(try canvas.finish(), language: "es-MX")
        }
        let first = try make()
        XCTAssertTrue(first.starts(with: Data("%PDF-".utf8)))
        XCTAssertEqual(first, try make())
        XCTAssertEqual(PDFCheck(first).language, "es-MX")
        XCTAssertEqual(PDFCheck(first).problems, [])
    }
}


final class PDFCheckTests: XCTestCase {
    func testASoundPDFHasItsPagesAndLanguage() throws {
        let canvas = try CairoCanvas(width: 612, height: 792)
        for size in [(612.0, 792.0), (792.0, 612.0)] {
            canvas.beginPage(width: size.0, height: size.1)
            canvas.fill(x: 10, y: 10, width: 10, height: 10, colour: .black)
            canvas.endPage()
        }
        let check = PDFCheck(try PDFRewrite.rewrite(try canvas.finish(), language: "es"))
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.pageSizes.map(\.width), [612, 792])
        XCTAssertEqual(check.pageSizes.map(\.height), [792, 612])
        XCTAssertEqual(check.language, "es")
    }

    func testLinksGoToTheirPagesAndTheFileIsSound() throws {
        let engine = try TextEngine(language: "es")
        let canvas = try CairoCanvas(width: 612, height: 792)
        for page in 1...4 {
            canvas.beginPage(width: page == 3 ? 792 : 612, height: page == 3 ? 612 : 792)
            canvas.draw(TextBlock(engine, runs: [TextRun("Página \(page)", RunStyle(font: FontSpec(family: "DejaVu Sans", size: 10), colour: .black))], width: 300), x: 72, y: 72)
            if page == 1 {
                for target in 2...4 { canvas.link(x: 72, y: 72 + Double(target) * 14, width: 100, height: 12, page: target, targetY: 72) }
            }
            if page == 4 { canvas.link(x: 72, y: 72, width: 100, height: 12, page: 1, targetY: 72) }
            canvas.addOutline(parent: 0, title: "Página \(page)", page: page, y: 72)
            canvas.endPage()
        }
        XCTAssertEqual(canvas.links.map(\.page), [1, 1, 1, 4])
        let check = PDFCheck(try PDFRewrite.rewrite(try canvas.finish(), language: "es", links: canvas.links))
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.links.map(\.page), [1, 1, 1, 4])
        XCTAssertEqual(check.links.map(\.target), [2, 3, 4, 1])
    }

    func testALinkToAPageThatDoesNotExistIsRefused() throws {
        let canvas = try CairoCanvas(width: 612, height: 792)
        canvas.beginPage(width: 612, height: 792)
        canvas.link(x: 0, y: 0, width: 10, height: 10, page: 2, targetY: 0)
        canvas.endPage()
        XCTAssertThrowsError(try PDFRewrite.rewrite(try canvas.finish(), language: "es", links: canvas.links))
    }

    func testGarbageIsAProblem() {
        XCTAssertFalse(PDFCheck(Data("%PDF-1.5 nothing".utf8)).problems.isEmpty)
        XCTAssertEqual(PDFCheck(Data("%PDF-1.5 nothing".utf8)).pageSizes.count, 0)
    }
}
