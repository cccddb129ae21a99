import TequioModel

/// The fixed words of the printed kit, from the string catalogue (`print.` keys and the `common.` words
/// the kit shares with the other outputs).
struct PrintStrings: Sendable {
    let strings: LocalizedStrings

    init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
    }

    // Documents of the kit
    var handbook: String { strings("print.handbook") }
    var facilitatorGuide: String { strings("print.facilitatorGuide") }
    var blankMatrix: String { strings("print.blankMatrix") }
    var signUpSheet: String { strings("print.signUpSheet") }
    var kitTitle: String { strings("print.kitTitle") }
    var kitIntro: String { strings("print.kitIntro") }
    func kitPrinting(large paper: String) -> String { strings("print.kitPrinting", paper) }
    var spreadsheets: String { strings("print.spreadsheets") }
    var spreadsheetsIntro: String { strings("print.spreadsheetsIntro") }

    // Units, times and kinds of block
    var contents: String { strings("common.contents") }
    func unitN(_ n: Int) -> String { strings("common.unitN", String(n)) }
    func dayN(_ n: Int) -> String { strings("common.dayN", String(n)) }
    func minutesN(_ n: Int) -> String { strings("common.minutesN", String(n)) }
    var minutesColumn: String { strings("print.minutesColumn") }
    func hoursN(_ hours: String) -> String { strings("print.hoursN", hours) }
    func daysN(_ n: Int) -> String { strings.plural(n, one: "common.daysOne", other: "common.daysN", String(n)) }
    var duration: String { strings("common.duration") }
    var presentation: String { strings("common.block.presentation") }
    var caseStudy: String { strings("common.block.caseStudy") }
    var finding: String { strings("common.block.finding") }

    func activityKind(_ kind: Activity.Kind) -> String {
        kind == .individual ? strings("print.individualWork") : strings.activityKind(kind)
    }

    func findingKind(_ kind: DiagnosticFinding.Kind) -> String {
        kind == .focusGroup ? strings("print.focusGroups") : strings.findingKind(kind)
    }

    // The handbook
    var glossary: String { strings("common.glossary") }
    var myNotes: String { strings("print.myNotes") }
    var context: String { strings("common.context") }
    var narrative: String { strings("common.narrative") }
    var keyFacts: String { strings("common.keyFacts") }
    var questions: String { strings("common.questions") }
    var sources: String { strings("common.sources") }
    var source: String { strings("common.source") }
    var data: String { strings("print.data") }
    var presentedBy: String { strings("print.presentedBy") }
    var about: String { strings("common.about") }
    var authors: String { strings("common.authors") }
    var module: String { strings("print.module") }

    // The facilitator guide
    var agenda: String { strings("print.agenda") }
    var agendaNote: String { strings("print.agendaNote") }
    func agendaWithoutBreaks(start: String) -> String { strings("print.agendaWithoutBreaks", start) }
    var time: String { strings("print.time") }
    var content: String { strings("print.content") }
    var speakerNotes: String { strings("print.speakerNotes") }
    func slideN(_ n: Int) -> String { strings("print.slideN", String(n)) }
    var discussionPrompts: String { strings("print.discussionPrompts") }
    var instructions: String { strings("common.instructions") }
    var tableSetup: String { strings("print.tableSetup") }
    var materials: String { strings("print.materials") }
    var column: String { strings("print.column") }
    var help: String { strings("common.help") }
    var afterWorkshop: String { strings("print.afterWorkshop") }
    var afterWorkshopText: String { strings("print.afterWorkshopText") }

    /// The steps of setting up the tables, naming the large paper.
    func tableSetupSteps(large paper: String) -> [String] {
        [
            strings("print.tableSetupStep1", paper), strings("print.tableSetupStep2", paper),
            strings("print.tableSetupStep3", paper), strings("print.tableSetupStep4", paper),
        ]
    }

    /// What each table needs, naming the large paper.
    func materialsList(large paper: String) -> [String] {
        [
            strings("print.materialsItem1", paper), strings("print.materialsItem2", paper), strings("print.materialsItem3", paper),
            strings("print.materialsItem4", paper), strings("print.materialsItem5", paper),
        ]
    }

    // The blank matrix and the sign-up sheets
    var table: String { strings("print.table") }
    func tableN(_ n: Int) -> String { strings("common.tableN", String(n)) }
    var municipality: String { strings("common.municipality") }
    var members: String { strings("common.members") }
    var required: String { strings("common.required") }
    var matrixFooter: String { strings("print.matrixFooter") }
    var signUpIntro: String { strings("print.signUpIntro") }
    var roles: [String] { [strings("print.role.moderator"), strings("print.role.rapporteur"), strings("print.role.timekeeper")] }
    var name: String { strings("common.name") }
    var sector: String { strings("common.sector") }
    var position: String { strings("common.position") }
    var contact: String { strings("print.contact") }
    var signature: String { strings("print.signature") }
    var privacyTitle: String { strings("print.privacyTitle") }
    /// The notice, naming who keeps the sign-up sheets.
    func privacyNotice(keeper: String) -> String { strings("print.privacyNotice", keeper) }
    var privacyKeeper: String { strings("print.privacyKeeper") }
    var sectors: [String] { CompletedMatrix.Sector.allCases.map(strings.sector) }

    // The event
    var place: String { strings("print.place") }
    var dates: String { strings("print.dates") }
    var date: String { strings("print.date") }
    var organisers: String { strings("print.organisers") }
    var donors: String { strings("print.donors") }

    func breakName(_ kind: Event.Break.Kind) -> String {
        switch kind {
        case .coffee: strings("print.break.coffee")
        case .lunch: strings("print.break.lunch")
        case .break: strings("print.break.break")
        }
    }

    /// `A, B y C`.
    func list(_ items: [String]) -> String { strings.list(items) }
}
