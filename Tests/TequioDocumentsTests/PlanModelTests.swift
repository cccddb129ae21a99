import Foundation
import XCTest

@testable import TequioDocuments
@testable import TequioModel

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

    func testAProblemIsHeadedByItsTitleOrByItsNumberAlone() throws {
        var matrix = try Fixtures.matrix(Fixtures.testsFolder.appendingPathComponent("Fixtures/small-matrix.xml"))
        XCTAssertEqual(ActionPlan(matrix: matrix, module: Fixtures.module, catalogue: Fixtures.catalogue).problems[0].heading, "Problema 1")
        matrix.rows[0].title = "  Tarifas\n ocultas "
        let plan = ActionPlan(matrix: matrix, module: Fixtures.module, catalogue: Fixtures.catalogue)
        XCTAssertEqual(plan.problems[0].heading, "Problema 1: Tarifas ocultas")
        let labelled = PlanLayout.matrixTable(plan, labelled: true).rows[0][0]
        XCTAssertEqual(labelled.first?.runs.first, LayoutText.Run("Problema 1: Tarifas ocultas", strong: true))
        XCTAssertEqual(PlanLayout.matrixTable(plan).rows[0][0].map(\.plain), ["Las tarifas no se publican. Nadie sabe cómo se calculan."])
    }

    func testDeadlinesAreTheMonthsTheActionsName() {
        let es = DocumentStrings(Fixtures.catalogue, language: "es").monthNames
        let en = DocumentStrings(Fixtures.catalogue, language: "en").monthNames
        let actions = [
            "Publicar el calendario (área de agua, a partir de febrero de 2012).", "Presentar la propuesta de ley de ingresos 2013 al cabildo.",
            "Acuerdo de cabildo antes del 1 de junio de 2012", "Informe en Octubre 2012; revisión en marzo.",
        ]
        XCTAssertEqual(
            ActionDates.mentioned(in: actions, monthNames: es),
            [MonthOfYear(year: 2012, month: 2), MonthOfYear(year: 2012, month: 6), MonthOfYear(year: 2012, month: 10)])
        XCTAssertEqual(
            ActionDates.mentioned(in: ["Meters installed by March 1, 2013 and audited in May 2013", "in June, then 2013"], monthNames: en),
            [MonthOfYear(year: 2013, month: 3), MonthOfYear(year: 2013, month: 5)])
        XCTAssertNil(ActionDates.span(["Sin fechas, cuanto antes."], monthNames: es))
        // Words as characters make them: an accent, composed or not, stays in its word; a digit with a
        // mark is no digit.
        XCTAssertEqual(ActionDates.words("1 de marzo,2012; año\u{301}s ano\u{303}s 20123\u{301}4 Ω-x"), ["1", "de", "marzo", "2012", "año\u{301}s", "ano\u{303}s", "2012", "4", "Ω", "x"])
        XCTAssertEqual(ActionDates.mentioned(in: ["febrero de 2012\u{301}", "fe\u{301}brero de 2013"], monthNames: ["enero", "febrero"]), [])
        let s = DocumentStrings(Fixtures.catalogue, language: "es")
        XCTAssertEqual(s.monthSpan(MonthOfYear(year: 2012, month: 2), MonthOfYear(year: 2012, month: 10)), "de febrero de 2012 a octubre de 2012")
        XCTAssertEqual(s.shortMonthSpan(MonthOfYear(year: 2012, month: 2), MonthOfYear(year: 2012, month: 10)), "02/2012 – 10/2012")
        XCTAssertEqual(
            DocumentStrings(Fixtures.catalogue, language: "en").dateSpan(CalendarDate(year: 2011, month: 12, day: 8), CalendarDate(year: 2011, month: 12, day: 9)),
            "8 to 9 December 2011")
        XCTAssertEqual(s.dateSpan(CalendarDate(year: 2011, month: 11, day: 30), CalendarDate(year: 2011, month: 12, day: 1)), "del 30 de noviembre de 2011 al 1 de diciembre de 2011")
    }

    func testResponsibleBodiesAreThePartsOfTheClosingParenthesisThatNameNoTime() {
        let es = DocumentStrings(Fixtures.catalogue, language: "es").monthNames
        let actions = [
            "Publicar el calendario (área de agua, a partir de febrero de 2012).",
            "Rediseñar el recibo (tesorería y área de agua; junio de 2012)",
            "Revisar los tableros (Asociación civil de usuarios)",
            "Vigilar la obra (ver (anexo) técnico, desde la siguiente obra)",
            "Informar (ÁREA DE AGUA, octubre)",
            "Sin paréntesis al final (tesorería) y más texto",
            "Sin fecha ni responsable ()",
            "Un paréntesis muy largo (esto es una frase entera que explica algo y no nombra a nadie en particular)",
        ]
        XCTAssertEqual(
            ActionResponsibles.named(in: actions, monthNames: es),
            ["área de agua", "tesorería y área de agua", "Asociación civil de usuarios", "ver (anexo) técnico"])
        XCTAssertEqual(ActionResponsibles.named(in: ["Meters installed (utility, by March 1, 2013)", "Audit (billing department, every quarter)"], monthNames: es), ["utility", "billing department"])
        XCTAssertEqual(ActionResponsibles.named(in: ["Sin fechas, cuanto antes."], monthNames: es), [])
    }

    func testThePlanSummaryCountsResultsAndDeadlinesAndTheCoverNamesTheWorkshop() throws {
        let plan = try XCTUnwrap(try Fixtures.examplePlans.first { $0.tableName.hasPrefix("Mesa 1") })
        XCTAssertEqual(plan.expectedResultCount, 11)
        XCTAssertEqual(plan.firstDeadline, MonthOfYear(year: 2012, month: 2))
        XCTAssertEqual(plan.lastDeadline, MonthOfYear(year: 2012, month: 10))
        XCTAssertEqual(PlanLayout.summaryFields(plan).map { "\($0.label): \($0.value)" }, [
            "Problemas: 4", "Acciones del gobierno: 13", "Acciones de la sociedad civil: 12", "Resultados esperados: 11",
            "Plazos indicados en las acciones: de febrero de 2012 a octubre de 2012",
            "Responsables nombrados en las acciones: área de agua; regiduría de agua; regidor de agua; tesorería y área de agua; tesorería; cabildo; asociación civil de usuarios; comités de colonia y cámara de comercio; obras públicas",
            "Integrantes por sector: Gobierno (2), Sociedad civil (2), Sector privado (2)", "Borrador: n.º 3 del 14 de marzo de 2012",
        ])
        XCTAssertEqual(plan.event.place, "Oaxaca de Juárez, Oaxaca, México")
        XCTAssertEqual(plan.event.donors.count, 3)
        let cover = PlanLayout.layout(plan).blocks.compactMap { block -> String? in
            if case .field(let label, let value) = block { return "\(label): \(value.plain)" } else { return nil }
        }
        XCTAssertTrue(cover.contains("Taller: del 8 al 9 de diciembre de 2011"), "\(cover)")
        XCTAssertTrue(cover.contains("Organizan: Gobierno del Estado de Oaxaca, Banco Mundial"), "\(cover)")
    }

    func testACompendiumSpeaksItsLanguageInEveryChapterAndKeepsWhatTheTablesWrote() throws {
        let c = Compendium(plans: try Fixtures.examplePlans, module: Fixtures.module, catalogue: Fixtures.catalogue)
        let english = try XCTUnwrap(c.plans.first { $0.language == "en" })
        XCTAssertEqual(english.strings.governmentActions, "Acciones del gobierno")
        XCTAssertEqual(english.columns.first?.label, "Problemas y prioridades de reforma")
        XCTAssertEqual(english.problems[0].heading, "Problema 1: Unbilled water and unpaid bills")
        XCTAssertEqual(english.memberGroups.first?.label, "Gobierno")
        XCTAssertEqual(english.firstDeadline, MonthOfYear(year: 2012, month: 7), "month names of the table's language")
        let text = PlanLayout.layout(c).blocks.map { "\($0)" }.joined(separator: "\n")
        for word in ["Government actions", "Expected results", "Who benefits", "Problem 1", "Members"] {
            XCTAssertFalse(text.contains(word), word)
        }
        for layout in ContentLayout.allCases {
            let chapter = PlanLayout.chapter(english, number: 4, content: layout)
            let tables = chapter.filter { if case .table = $0 { true } else { false } }.count
            let headings = chapter.filter { if case .heading(2, _, _) = $0 { true } else { false } }.count
            XCTAssertEqual(tables, layout == .narrative ? 0 : 1, "\(layout)")
            XCTAssertEqual(headings, (layout == .narrative ? 0 : 1) + (layout == .matrix ? 0 : 4), "\(layout): the matrix's heading and the problems'")
            XCTAssertEqual(chapter.first, .orientation(layout == .narrative ? .portrait : .landscape))
        }
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
        XCTAssertEqual(problem.heading, "Problema 1", "no title: the number alone, never a sentence cut short")
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
