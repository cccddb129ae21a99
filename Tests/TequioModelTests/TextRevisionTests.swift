import TequioModel
import XCTest

final class TextRevisionTests: XCTestCase {
    func testTokensGiveTheTextBackAndKeepSpanishPunctuationApart() {
        let text = "¿Quién publica el calendario de tandeo?\r\nNadie, según l'Agencia socio-económica."
        let tokens = TextTokens.tokens(text)
        XCTAssertEqual(tokens.joined(), text)
        XCTAssertEqual(Array(tokens.prefix(3)), ["¿", "Quién", " "])
        XCTAssertTrue(tokens.contains("tandeo"))
        XCTAssertTrue(tokens.contains("?"))
        XCTAssertTrue(tokens.contains("\r\n"))
        XCTAssertTrue(tokens.contains("l'Agencia"))
        XCTAssertTrue(tokens.contains("socio-económica"))
        XCTAssertEqual(TextTokens.foldedWords("Información PÚBLICA"), ["informacion", "publica"])
    }

    func testAnAddedPhraseIsOneInsertion() {
        var text = RevisedText("El calendario de tandeo no se publica.")
        text.revise(to: "El calendario de tandeo no se publica en internet.", step: 1)
        XCTAssertEqual(
            text.segments,
            [
                .init(text: "El calendario de tandeo no se publica"),
                .init(text: " en internet", inserted: Revision(step: 1)),
                .init(text: "."),
            ])
        XCTAssertEqual(text.wordCounts(step: 1).inserted, 2)
        XCTAssertEqual(text.wordCounts(step: 1).deleted, 0)
    }

    func testAReplacedPhraseReadsOldThenNew() {
        var text = RevisedText("Publicar el padrón de usuarios cada mes.")
        text.revise(to: "Difundir la lista de tomas cada mes.", step: 1)
        XCTAssertEqual(
            text.segments,
            [
                .init(text: "Publicar el padrón", deleted: Revision(step: 1)),
                .init(text: "Difundir la lista", inserted: Revision(step: 1)),
                .init(text: " de "),
                .init(text: "usuarios", deleted: Revision(step: 1)),
                .init(text: "tomas", inserted: Revision(step: 1)),
                .init(text: " cada mes."),
            ])
    }

    func testSeveralStepsNestAndAcceptOrRejectGivesNewestOrOldest() {
        var text = RevisedText("Crear un comité ciudadano.")
        text.revise(to: "Crear un comité ciudadano de vigilancia.", step: 1)
        text.revise(to: "Crear un consejo ciudadano de vigilancia del agua.", step: 2)
        XCTAssertEqual(text.current, "Crear un consejo ciudadano de vigilancia del agua.")
        XCTAssertEqual(text.original, "Crear un comité ciudadano.")
        XCTAssertTrue(text.segments.contains(.init(text: "comité", deleted: Revision(step: 2))))
        XCTAssertTrue(text.segments.contains(.init(text: " del agua", inserted: Revision(step: 2))))
        // Words added by step 1 and removed by step 2 are in neither text but still shown.
        text.revise(to: "Crear un consejo ciudadano del agua.", step: 3)
        XCTAssertTrue(text.segments.contains { $0.inserted == Revision(step: 1) && $0.deleted == Revision(step: 3) })
        XCTAssertEqual(text.current, "Crear un consejo ciudadano del agua.")
        XCTAssertEqual(text.original, "Crear un comité ciudadano.")
    }

    func testLineBreaksAreParagraphMarks() {
        var text = RevisedText("Publicar tarifas\nAbrir una ventanilla")
        text.revise(to: "Publicar tarifas\nCapacitar al personal\nAbrir una ventanilla", step: 1)
        XCTAssertEqual(
            text.segments,
            [
                .init(text: "Publicar tarifas\n"),
                .init(text: "Capacitar al personal\n", inserted: Revision(step: 1)),
                .init(text: "Abrir una ventanilla"),
            ])
    }
}
