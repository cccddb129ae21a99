import TequioModel

/// The fixed words of a comparison: its summary, legend and the words screen readers say for changes,
/// in Spanish or English (any other language gets English, as `DocumentStrings` does).
struct ComparisonWords: Sendable {
    let inserted: String
    let deleted: String
    let legend: String
    private let language: String

    /// What one step changed, for its line of the summary.
    struct Step {
        var rows: RevisedRecords.StepCounts
        var members: RevisedRecords.StepCounts
        var detailsChanged: Bool
    }

    var changeWords: DocumentLayout.ChangeWords { DocumentLayout.ChangeWords(inserted: inserted, deleted: deleted) }

    static func forLanguage(_ tag: String) -> ComparisonWords {
        let spanish = tag.split(separator: "-").first.map { $0.lowercased() } == "es"
        return spanish
            ? ComparisonWords(
                inserted: "inserción", deleted: "eliminación",
                legend: "Cómo leer los cambios: el texto agregado está subrayado y el eliminado, tachado; cada cambio lleva la mesa y la fecha del borrador que lo hizo.",
                language: "es")
            : ComparisonWords(
                inserted: "insertion", deleted: "deletion",
                legend: "How to read the changes: added text is underlined and removed text struck through; each change carries the table and date of the draft that made it.",
                language: "en")
    }

    /// Said of a plan that has no earlier draft in the folder it is compared with.
    func newPlan(_ folder: String) -> String {
        language == "es"
            ? "Plan nuevo: no hay un borrador anterior de esta mesa en \(folder)."
            : "New plan: there is no earlier draft of this table in \(folder)."
    }

    func summaryTitle(_ draft: Int) -> String {
        language == "es" ? "Cambios desde el borrador \(draft)" : "Changes since draft \(draft)"
    }

    func comparisonOf(_ drafts: [Int]) -> String {
        let list = drafts.map(String.init).joined(separator: " → ")
        return language == "es" ? "Comparación de los borradores \(list)" : "Comparison of drafts \(list)"
    }

    /// "Borrador 3 (Mesa 1, 22 de noviembre de 2012): 2 filas cambiadas, 1 agregada, 0 eliminadas,
    /// 1 movida; 35 palabras insertadas y 12 eliminadas."
    func stepLine(_ step: Step, draft: Int, author: String, date: String) -> String {
        let r = step.rows
        let who = date.isEmpty ? author : "\(author), \(date)"
        if language == "es" {
            var line = "Borrador \(draft) (\(who)): filas: \(r.changed) cambiadas, \(r.added) agregadas, \(r.removed) eliminadas, \(r.moved) movidas"
            if !step.members.isEmpty { line += "; integrantes: \(step.members.added) agregados, \(step.members.removed) retirados, \(step.members.changed) cambiados" }
            if step.detailsChanged { line += "; cambió el nombre de la mesa o el municipio" }
            return line + "; palabras: \(r.wordsInserted) insertadas, \(r.wordsDeleted) eliminadas."
        }
        var line = "Draft \(draft) (\(who)): rows: \(r.changed) changed, \(r.added) added, \(r.removed) removed, \(r.moved) moved"
        if !step.members.isEmpty { line += "; members: \(step.members.added) added, \(step.members.removed) removed, \(step.members.changed) changed" }
        if step.detailsChanged { line += "; the table's name or municipality changed" }
        return line + "; words: \(r.wordsInserted) inserted, \(r.wordsDeleted) deleted."
    }
}
