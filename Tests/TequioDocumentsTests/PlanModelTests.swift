import Foundation
import TequioModel
import XCTest

@testable import TequioDocuments

/// The action-plan model: how cells become paragraphs and numbered actions, dates, ordering.
final class PlanModelTests: XCTestCase {
    func testActionsAreOnePerLineWithoutTheParticipantsMarkers() {
        let cell = """
            1. Publicar el calendario.
            2) Registrar las válvulas.
              - Abrir una línea de quejas.
            • Presentar el acuerdo en cabildo.
            3.- Publicar el padrón.
            (4) Instalar medidores.
            a) Capacitar al personal.

            2012 será el año del agua.
            -sin espacio
            """
        XCTAssertEqual(
            PlanText.actions(cell),
            [
                "Publicar el calendario.", "Registrar las válvulas.", "Abrir una línea de quejas.",
                "Presentar el acuerdo en cabildo.", "Publicar el padrón.", "Instalar medidores.", "Capacitar al personal.",
                "2012 será el año del agua.", "-sin espacio",
            ])
    }

    func testLinesSplitOnEveryKindOfLineBreakAndDropBlankOnes() {
        XCTAssertEqual(PlanText.lines("a\r\nb\rc\u{2028}d\n\n  \n e "), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(PlanText.lines("   "), [])
    }

    func testShortTitleIsTheFirstSentenceCutAtAWord() {
        XCTAssertEqual(PlanText.shortTitle("Las tarifas no se publican. Nadie sabe cómo se calculan."), "Las tarifas no se publican")
        XCTAssertEqual(PlanText.shortTitle("¿Quién controla las pipas? Nadie."), "¿Quién controla las pipas?")
        let long = String(repeating: "palabra ", count: 30)
        let title = PlanText.shortTitle(long, limit: 40)
        XCTAssertTrue(title.hasSuffix("…"))
        XCTAssertLessThanOrEqual(title.count, 41)
    }

    func testTimestampsAreNormalisedToUTCWhateverTheMachineZone() {
        XCTAssertEqual(Timestamp(iso: "2012-01-20T09:15:00-06:00")?.iso, "2012-01-20T15:15:00Z")
        XCTAssertEqual(Timestamp(iso: "2011-12-31T23:30:00.250+01:00")?.iso, "2011-12-31T22:30:00Z")
        XCTAssertEqual(Timestamp(iso: "2012-03-14T16:05:31")?.iso, "2012-03-14T16:05:31Z")
        XCTAssertEqual(Timestamp(iso: "2012-02-29T00:00:00Z")?.calendarDate, CalendarDate(year: 2012, month: 2, day: 29))
        XCTAssertNil(Timestamp(iso: "yesterday"))
        XCTAssertNil(Timestamp(iso: "2012-13-01T00:00:00Z"))
        let ides = CalendarDate(year: 2012, month: 3, day: 14)
        XCTAssertEqual(DocumentStrings(Fixtures.catalogue, language: "es").longDate(ides), "14 de marzo de 2012")
        XCTAssertEqual(DocumentStrings(Fixtures.catalogue, language: "es-MX").longDate(ides), "14 de marzo de 2012")
        XCTAssertEqual(DocumentStrings(Fixtures.catalogue, language: "en").longDate(ides), "14 March 2012")
        XCTAssertEqual(DocumentStrings(Fixtures.catalogue, language: "fr").longDate(ides), "14 March 2012", "English for a language without words")
    }

    func testPlanTakesLabelsFromTheModuleInTheMatrixLanguage() throws {
        let plan = try Fixtures.smallPlan
        XCTAssertEqual(plan.language, "es")
        XCTAssertEqual(plan.columns.map(\.label).first, "Problemas y prioridades de reforma")
        XCTAssertEqual(plan.matrixTitle, "Matriz de reforma del plan de acción municipal")
        XCTAssertEqual(plan.title, "Plan de acción: Mesa 9 · Prueba")
        XCTAssertEqual(plan.baseName, "oaxaca-agua-mesa-9-prueba")
        XCTAssertEqual(plan.memberGroups.map(\.label), ["Gobierno", "Sociedad civil"])
        XCTAssertEqual(plan.modified?.iso, "2012-01-20T15:15:00Z")
        XCTAssertEqual(plan.problems.count, 1)
        let problem = plan.problems[0]
        XCTAssertEqual(problem.heading, "Problema 1: Las tarifas no se publican")
        XCTAssertEqual(problem.parts.map(\.heading), [
            "Quién se beneficia del problema", "Quién resulta afectado", "Acciones del gobierno",
            "Acciones de la sociedad civil", "Resultados esperados",
        ])
        XCTAssertEqual(problem.parts[2].items, ["Publicar la tarifa en la ventanilla.", "Entregar recibos con desglose."])
        XCTAssertEqual(problem.parts[2].kind, .numbered)
        XCTAssertEqual(problem.parts[1].kind, .bullets)
        XCTAssertEqual(plan.governmentActionCount, 2)
        XCTAssertEqual(plan.civilSocietyActionCount, 1)

        let english = try XCTUnwrap(try Fixtures.examplePlans.first { $0.language == "en" })
        XCTAssertEqual(english.columns.first?.label, "Problems and reform priorities")
        XCTAssertEqual(english.strings.governmentActions, "Government actions")
    }

    func testCompendiumOrdersTablesWithSpanishCollation() throws {
        let base = try Fixtures.smallPlan
        func plan(_ name: String) -> ActionPlan {
            var p = base
            p.tableName = name
            return p
        }
        let names = ["Mesa 10 · Costa", "Ñuu Savi", "Nochixtlán", "Mesa 2 · Valles", "Ángeles", "Oaxaca", "mesa 1", "Zaachila", "Llano Verde", "Luvina"]
        let sorted = Compendium.sorted(names.map(plan)).map(\.tableName)
        XCTAssertEqual(sorted, ["Ángeles", "Llano Verde", "Luvina", "mesa 1", "Mesa 2 · Valles", "Mesa 10 · Costa", "Nochixtlán", "Ñuu Savi", "Oaxaca", "Zaachila"])
        let c = Compendium(plans: names.map(plan), module: Fixtures.module, catalogue: Fixtures.catalogue)
        XCTAssertEqual(c.totalProblems, 10)
        XCTAssertEqual(c.totalGovernmentActions, 20)
    }

    func testBrandingComesFromTheTemplateFolderAndBadValuesNameTheFile() throws {
        let b = Fixtures.branding
        XCTAssertEqual(b.paper, .letter)
        XCTAssertEqual(b.colours.primary.hex, "1F4E79")
        XCTAssertEqual(b.logo?.pngSize?.width, 480)
        var tree = FileTree()
        tree.add("branding.json", text: #"{"colours": {"text": "blue"}}"#)
        XCTAssertThrowsError(try Branding.load(tree, folder: "mine")) { error in
            XCTAssertTrue("\(error)".hasPrefix("mine/branding.json:"), "\(error)")
        }
        tree.add("branding.json", text: #"{"logo": {"png": "missing.png"}}"#)
        XCTAssertThrowsError(try Branding.load(tree, folder: "mine"))
    }
}
