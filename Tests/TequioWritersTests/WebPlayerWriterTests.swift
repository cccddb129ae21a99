import Foundation
import TequioModel
import XCTest

@testable import TequioReaders
@testable import TequioWriters

final class WebPlayerWriterTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The example module, its media and the real templates, as `tequio build` loads them.
    static func exampleInput() throws -> BuildInput {
        let result = ModuleReader(schemas: SchemaSet(directory: packageRoot.appendingPathComponent("schemas")))
            .read(packageRoot.appendingPathComponent("modules/oaxaca-agua"))
        let module = try XCTUnwrap(result.module)
        var assets = FileTree()
        for file in result.mediaFiles {
            assets[file] = try Data(contentsOf: result.directory!.appendingPathComponent(file))
        }
        var templates = FileTree()
        let templatesRoot = packageRoot.appendingPathComponent("templates")
        let walker = FileManager.default.enumerator(at: templatesRoot, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where !url.hasDirectoryPath {
            let path = url.path.replacingOccurrences(of: templatesRoot.path + "/", with: "")
            templates[path] = try Data(contentsOf: url)
        }
        return try BuildInput(
            module: module, assets: assets, templates: templates, generator: "tequio test",
            date: Date(timeIntervalSince1970: 315_532_800))
    }

    func testBundleHasIndexAtTheRootAndOnlyRelativeLinks() throws {
        let tree = try WebPlayerWriter().render(Self.exampleInput())
        XCTAssertNotNil(tree["index.html"])
        XCTAssertNotNil(tree["player/player.js"])
        XCTAssertNotNil(tree["player/player.css"])
        XCTAssertNotNil(tree["player/module-data.js"])
        XCTAssertNotNil(tree["content/data/encuesta-usuarios.csv"])
        XCTAssertTrue(tree.sortedPaths.allSatisfy { !$0.hasPrefix("player/index") })
        let html = String(decoding: tree["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<html lang=\"es\""), "main language first")
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        XCTAssertFalse(html.contains("{{"), "every placeholder filled")
        for text in tree.files.values.map({ String(decoding: $0, as: UTF8.self) }) {
            XCTAssertFalse(text.contains("http://") && text.contains("<script src=\"http"), "no network scripts")
            XCTAssertFalse(text.contains("src=\"/"), "no absolute paths")
        }
        XCTAssertFalse(html.contains("<script>"), "no inline script")
        XCTAssertFalse(html.contains("<style"), "no inline style")
        XCTAssertFalse(html.contains("style=\""), "no style attributes")
    }

    func testModuleDataIsJSONThatCannotCloseTheScript() throws {
        var module = try Self.exampleInput().module
        module.metadata.title["es"] = "</script><script>alert(1)</script>\u{2028}"
        let script = try ModuleDataScript.render(module, generator: "g")
        XCTAssertFalse(script.contains("</script>"))
        XCTAssertFalse(script.contains("\u{2028}"))
        XCTAssertTrue(script.hasPrefix("window.TEQUIO_DATA = {"))
        let json = script.dropFirst("window.TEQUIO_DATA = ".count).dropLast(2)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let decoded = try JSONDecoder().decode(Module.self, from: JSONSerialization.data(withJSONObject: object!["module"]!))
        XCTAssertNotNil(module.rubric)
        module.rubric = nil  // the committee's rubric stays out of the participants' player
        XCTAssertEqual(decoded, module, "the player reads exactly the model")
    }

    func testRenderingIsDeterministic() throws {
        let input = try Self.exampleInput()
        XCTAssertEqual(try WebPlayerWriter().render(input), try WebPlayerWriter().render(input))
    }

    func testHTMLTextEscapesEverythingSpecial() {
        XCTAssertEqual(HTMLText.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    func testSlugsAreASCIIFileNames() {
        XCTAssertEqual(Slug.make("Mesa 3 · Valles Centrales"), "mesa-3-valles-centrales")
        XCTAssertEqual(Slug.make("Santa Lucía del Camino"), "santa-lucia-del-camino")
        XCTAssertEqual(Slug.make("💧"), "mesa")
    }

    func testCompletedMatrixWriterOutputReadsBackIdentically() throws {
        let matrix = CompletedMatrix(
            moduleID: "oaxaca-agua", moduleVersion: "1.0.0", matrixID: "plan", language: "es", draft: 2,
            created: "2026-11-28T10:00:00Z", modified: "2026-11-29T09:00:00Z", tableName: "Mesa <1> & \"2\"",
            municipality: "Villa de Zaachila",
            members: [.init(name: "Rosa Martínez", sector: .government, role: "Directora")],
            rows: [.init(cells: ["problem": "Línea 1\nLínea 2 💧 <script>", "government-actions": "1. Publicar\n2. Auditar\u{1}"])],
            notes: [.init(question: "q1", text: "nota")])
        let data = try CompletedMatrixWriter.data(matrix, columnOrder: ["problem", "government-actions"])
        let reader = CompletedMatrixReader(schemas: SchemaSet(directory: Self.packageRoot.appendingPathComponent("schemas")))
        let (located, diagnostics) = reader.read(data, path: "m.xml")
        XCTAssertEqual(diagnostics, [])
        var expected = matrix
        expected.rows[0].cells["government-actions"] = "1. Publicar\n2. Auditar"  // U+0001 cannot be in XML
        XCTAssertEqual(located?.matrix, expected)
        XCTAssertEqual(CompletedMatrixWriter.fileName(matrix), "oaxaca-agua-mesa-1-2-2026-11-29.xml")
    }
}

final class SourceCompactorTests: XCTestCase {
    func testLinesLoseIndentationCommentsAndBlankLinesButNotTemplateLiterals() {
        let js = """
            /* header
               comment */
            (() => {
                // a comment
                const s = `a|b
              keep  this
            c`.split('\\n');

                const url = 'http://x'; // trailing comment stays
            })();
            """
        let out = String(decoding: SourceCompactor.compactLines(Data(js.utf8), isJS: true), as: UTF8.self)
        XCTAssertEqual(out, "(() => {\nconst s = `a|b\n  keep  this\nc`.split('\\n');\nconst url = 'http://x'; // trailing comment stays\n})();\n")
        let minified = String(decoding: SourceCompactor.compact(Data(js.utf8), path: "p.js"), as: UTF8.self)
        XCTAssertEqual(minified, "(()=>{const s=`a|b\n  keep  this\nc`.split('\\n');const url='http://x';})();\n")
    }

    func testAScriptTheMinifierCannotReadLosesOnlyIndentationAndComments() {
        let js = "  // note\n  const s = 'open;\n"
        XCTAssertEqual(String(decoding: SourceCompactor.compact(Data(js.utf8), path: "p.js"), as: UTF8.self), "const s = 'open;\n")
    }

    func testCSSLosesCommentsAndTheSpacesThatSeparateNothingAndOtherFilesStayAsTheyAre() {
        let css = "/* c */\nbody {\n  margin: 0;\n}\n"
        XCTAssertEqual(String(decoding: SourceCompactor.compact(Data(css.utf8), path: "p.css"), as: UTF8.self), "body{margin:0}\n")
        XCTAssertEqual(SourceCompactor.compact(Data("  x\n".utf8), path: "a.html"), Data("  x\n".utf8))
    }

    func testCSSKeepsTheSpacesThatMeanSomething() {
        let css = """
            .top :focus-visible, .a > b { outline: 3px solid #0b3d6e; } /* a comment */
            @media (min-width: 40em) and (max-width: 60em) {
              .x::before { content: " ( a ;  b ) "; width: calc(100% - 2rem); }
              .y:not(:empty) { font: 1rem/1.5 system-ui, "Segoe UI"; margin: 0 !important; }
            }
            .q::after { content: 'it\\'s  {x}'; }
            """
        XCTAssertEqual(
            SourceCompactor.minifyCSS(css),
            ".top :focus-visible,.a>b{outline:3px solid #0b3d6e}@media (min-width:40em) and (max-width:60em){"
                + ".x::before{content:\" ( a ;  b ) \";width:calc(100% - 2rem)}"
                + ".y:not(:empty){font:1rem/1.5 system-ui,\"Segoe UI\";margin:0 !important}}"
                + ".q::after{content:'it\\'s  {x}'}\n")
    }
}
