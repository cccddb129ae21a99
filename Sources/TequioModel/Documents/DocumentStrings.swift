/// The fixed words of an action-plan document ("Página", "Contenido", "Acciones del gobierno"…), from
/// the string catalogue (`document.` keys and the `common.` words documents share with other outputs).
///
/// Column labels and the introduction come from the module; only the document's own furniture is here.
public struct DocumentStrings: Sendable, Equatable {
    /// The catalogue in the document's language, for words only one part of the documents uses (the
    /// comparison's `document.compare.` keys).
    public let strings: LocalizedStrings

    public init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
    }

    public var actionPlan: String { strings("document.actionPlan") }
    public var compendium: String { strings("document.compendium") }
    public var contents: String { strings("common.contents") }
    public var summary: String { strings("document.summary") }
    public var introduction: String { strings("document.introduction") }
    public var problemsAndActions: String { strings("document.problemsAndActions") }
    /// "Problema 3"
    public func problemN(_ n: Int) -> String { strings("document.problemN", String(n)) }
    public var members: String { strings("document.tableMembers") }
    public var workingTable: String { strings("common.workingTable") }
    public var municipality: String { strings("common.municipality") }
    public var draft: String { strings("document.draft") }
    public var date: String { strings("document.date") }
    public var problems: String { strings("document.problems") }
    public var governmentActions: String { strings("document.governmentActions") }
    public var civilSocietyActions: String { strings("document.civilSocietyActions") }
    public var beneficiaries: String { strings("document.beneficiaries") }
    public var affected: String { strings("document.affected") }
    public var expectedResults: String { strings("document.expectedResults") }
    public var total: String { strings("document.total") }
    /// "12 planes de acción"
    public func plansN(_ n: Int) -> String { strings.plural(n, one: "document.plansOne", other: "document.plansN", String(n)) }
    public var noMembers: String { strings("document.noMembers") }
    public var noRows: String { strings("document.noRows") }

    // The plan's summary, the cover's event, the next steps and the approval block.
    public var planSummary: String { strings("document.planSummary") }
    public var deadlines: String { strings("document.deadlines") }
    public var deadlinesShort: String { strings("document.deadlinesShort") }
    public var noDeadlines: String { strings("document.noDeadlines") }
    public var membersBySector: String { strings("document.membersBySector") }
    public var responsibles: String { strings("document.responsibles") }
    public var noResponsibles: String { strings("document.noResponsibles") }
    /// "Gobierno (2)"
    public func sectorCount(_ sector: String, _ n: Int) -> String { strings("document.sectorCount", sector, String(n)) }
    /// "3, 14 de marzo de 2012"
    public func draftAndDate(_ draft: Int, _ date: String) -> String {
        date.isEmpty ? String(draft) : strings("document.draftAndDate", String(draft), date)
    }
    public var place: String { strings("document.place") }
    public var workshop: String { strings("document.workshop") }
    public var organisers: String { strings("document.organisers") }
    public var donors: String { strings("document.donors") }
    public var nextSteps: String { strings("document.nextSteps") }
    public var nextStepsPlan: String { strings("document.nextStepsPlan") }
    public var presentedBy: String { strings("document.presentedBy") }
    public var presentationDate: String { strings("document.presentationDate") }
    public var nextReview: String { strings("document.nextReview") }
    public var committeeMeeting: String { strings("document.committeeMeeting") }
    /// What the committee does with the compendium, in order; `rubric` names the module's criteria.
    public func committeeSteps(rubric: String) -> [String] {
        [
            rubric.isEmpty ? strings("document.committeeScore") : strings("document.committeeScoreRubric", rubric),
            strings("document.committeeMeet"), strings("document.committeeFeedback"), strings("document.committeeDecide"),
        ]
    }
    public var approval: String { strings("document.approval") }
    /// "… aprueban este borrador del plan de acción en Oaxaca de Juárez, el ____."
    public func approvalPlan(place: String, date: String) -> String { strings("document.approvalPlan", place, date) }
    public var approvalCommittee: String { strings("document.approvalCommittee") }
    public func approvalCommitteeText(_ plans: Int, place: String, date: String) -> String {
        strings.plural(plans, one: "document.approvalCommitteeTextOne", other: "document.approvalCommitteeText", String(plans), place, date)
    }
    public var name: String { strings("document.name") }
    public var position: String { strings("common.position") }
    public var signature: String { strings("document.signature") }

    /// "marzo de 2012" / "March 2012"
    public func monthYear(_ m: MonthOfYear) -> String { strings("document.monthYear", monthName(m.month), String(m.year)) }

    /// "de febrero de 2012 a octubre de 2012", or the one month when both are the same.
    public func monthSpan(_ first: MonthOfYear, _ last: MonthOfYear) -> String {
        first == last ? monthYear(first) : strings("document.monthSpan", monthYear(first), monthYear(last))
    }

    /// "del 8 al 9 de diciembre de 2011": the first day alone when both are in the same month, one date
    /// when they are the same day.
    public func dateSpan(_ start: CalendarDate, _ end: CalendarDate) -> String {
        if start == end { return longDate(start) }
        let sameMonth = start.year == end.year && start.month == end.month
        return strings("document.dateSpan", sameMonth ? String(start.day) : longDate(start), longDate(end))
    }

    /// "14/03/2012" / "2012-03-14": a date in a table's narrow column.
    public func shortDate(_ date: CalendarDate) -> String {
        strings("document.shortDate", Self.twoDigits(date.day), Self.twoDigits(date.month), String(date.year))
    }

    /// "02/2012 – 10/2012" / "2012-02 – 2012-10", or the one month when both are the same.
    public func shortMonthSpan(_ first: MonthOfYear, _ last: MonthOfYear) -> String {
        func month(_ m: MonthOfYear) -> String { strings("document.shortMonth", Self.twoDigits(m.month), String(m.year)) }
        return first == last ? month(first) : strings("document.shortSpan", month(first), month(last))
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The twelve month names, January first: what `ActionDates` looks for in actions.
    public var monthNames: [String] { (1...12).map(monthName) }

    /// "Página {0} de {1}" cut at its two numbers, which the formats write as fields: the words before
    /// the page number and those between it and the page count (a text after the count is not shown).
    public var pagePrefix: String { pageNumberParts.prefix }
    public var pageSeparator: String { pageNumberParts.separator }

    private var pageNumberParts: (prefix: String, separator: String) {
        let template = strings("document.pageNumber")
        let (prefix, rest) = Self.split(template, at: "{0}")
        return (prefix, Self.split(rest, at: "{1}").before)
    }

    private static func split(_ text: String, at marker: String) -> (before: String, after: String) {
        guard let range = text.range(of: marker) else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    public func sector(_ s: CompletedMatrix.Sector) -> String {
        s == .other ? strings("document.sector.other") : strings.sector(s)
    }

    /// `14 de marzo de 2012` / `14 March 2012`, from a calendar date in UTC.
    public func longDate(_ date: CalendarDate?) -> String {
        guard let date else { return "" }
        return strings("document.longDate", String(date.day), monthName(date.month), String(date.year))
    }

    private func monthName(_ month: Int) -> String {
        switch month {
        case ...1: strings("document.month.01")
        case 2: strings("document.month.02")
        case 3: strings("document.month.03")
        case 4: strings("document.month.04")
        case 5: strings("document.month.05")
        case 6: strings("document.month.06")
        case 7: strings("document.month.07")
        case 8: strings("document.month.08")
        case 9: strings("document.month.09")
        case 10: strings("document.month.10")
        case 11: strings("document.month.11")
        default: strings("document.month.12")
        }
    }
}
