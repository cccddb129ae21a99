import TequioModel

/// The fixed words of an action-plan document ("Página", "Contenido", "Acciones del gobierno"…), in
/// Spanish or English.
///
/// Column labels and the introduction come from the module; only the document's own furniture is here.
/// Any language other than Spanish gets the English strings.
public struct DocumentStrings: Sendable, Equatable {
    public let language: String
    public let actionPlan: String
    public let compendium: String
    public let contents: String
    public let summary: String
    public let introduction: String
    public let problemsAndActions: String
    public let problem: String
    public let members: String
    public let workingTable: String
    public let municipality: String
    public let draft: String
    public let date: String
    public let problems: String
    public let governmentActions: String
    public let civilSocietyActions: String
    public let beneficiaries: String
    public let affected: String
    public let expectedResults: String
    public let total: String
    public let plans: String
    public let noMembers: String
    public let noRows: String
    /// "Página {page} de {pages}": the words around the two numbers.
    public let pagePrefix: String
    public let pageSeparator: String
    public let months: [String]
    public let sectors: [CompletedMatrix.Sector: String]

    public static let spanish = DocumentStrings(
        language: "es", actionPlan: "Plan de acción", compendium: "Compendio de planes de acción",
        contents: "Contenido", summary: "Resumen de los planes", introduction: "Introducción",
        problemsAndActions: "Problemas y acciones", problem: "Problema", members: "Integrantes de la mesa",
        workingTable: "Mesa de trabajo", municipality: "Municipio", draft: "Borrador", date: "Fecha",
        problems: "Problemas", governmentActions: "Acciones del gobierno",
        civilSocietyActions: "Acciones de la sociedad civil", beneficiaries: "Quién se beneficia del problema",
        affected: "Quién resulta afectado", expectedResults: "Resultados esperados", total: "Total",
        plans: "planes de acción", noMembers: "La mesa no registró integrantes.",
        noRows: "La matriz no tiene filas.", pagePrefix: "Página ", pageSeparator: " de ",
        months: [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre",
        ],
        sectors: [
            .government: "Gobierno", .civilSociety: "Sociedad civil", .privateSector: "Sector privado",
            .other: "Otros",
        ])

    public static let english = DocumentStrings(
        language: "en", actionPlan: "Action plan", compendium: "Compendium of action plans",
        contents: "Contents", summary: "Summary of the plans", introduction: "Introduction",
        problemsAndActions: "Problems and actions", problem: "Problem", members: "Members of the table",
        workingTable: "Working table", municipality: "Municipality", draft: "Draft", date: "Date",
        problems: "Problems", governmentActions: "Government actions",
        civilSocietyActions: "Civil-society actions", beneficiaries: "Who benefits from the problem",
        affected: "Who is affected", expectedResults: "Expected results", total: "Total",
        plans: "action plans", noMembers: "The table recorded no members.",
        noRows: "The matrix has no rows.", pagePrefix: "Page ", pageSeparator: " of ",
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
        sectors: [
            .government: "Government", .civilSociety: "Civil society", .privateSector: "Private sector",
            .other: "Other",
        ])

    /// The strings for a language tag: Spanish for `es`, `es-MX`…, English otherwise.
    public static func forLanguage(_ tag: String) -> DocumentStrings {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return primary == "es" ? .spanish : .english
    }

    public func sector(_ s: CompletedMatrix.Sector) -> String { sectors[s] ?? s.rawValue }

    /// `14 de marzo de 2012` / `14 March 2012`, from a calendar date in UTC.
    public func longDate(_ date: CalendarDate?) -> String {
        guard let date else { return "" }
        let month = months[max(0, min(11, date.month - 1))]
        return language == "es" ? "\(date.day) de \(month) de \(date.year)" : "\(date.day) \(month) \(date.year)"
    }
}
