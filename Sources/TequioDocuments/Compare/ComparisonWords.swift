import TequioModel

/// The fixed words of a comparison (its summary, legend, the words screen readers say for changes and
/// the word in its file name), from the string catalogue's `document.compare.` keys.
struct ComparisonWords: Sendable {
    let strings: LocalizedStrings

    init(_ plan: ActionPlan) { strings = plan.strings.strings }
    init(strings: LocalizedStrings) { self.strings = strings }

    /// What one step changed, for its line of the summary.
    struct Step {
        var rows: RevisedRecords.StepCounts
        var members: RevisedRecords.StepCounts
        var detailsChanged: Bool
    }

    var inserted: String { strings("document.compare.inserted") }
    var deleted: String { strings("document.compare.deleted") }
    var legend: String { strings("document.compare.legend") }
    var fileWord: String { strings("document.compare.fileWord") }
    var changeWords: DocumentLayout.ChangeWords { DocumentLayout.ChangeWords(inserted: inserted, deleted: deleted) }

    /// Said of a plan that has no earlier draft in the folder it is compared with.
    func newPlan(_ folder: String) -> String { strings("document.compare.newPlan", folder) }

    func summaryTitle(_ draft: Int) -> String { strings("document.compare.summaryTitle", String(draft)) }

    func comparisonOf(_ drafts: [Int]) -> String {
        strings("document.compare.comparisonOf", drafts.map(String.init).joined(separator: " → "))
    }

    /// "Borrador 3 (Mesa 1, 22 de noviembre de 2012): filas: 2 cambiadas, 1 agregadas, 0 eliminadas,
    /// 1 movidas; palabras: 35 insertadas, 12 eliminadas."
    func stepLine(_ step: Step, draft: Int, author: String, date: String) -> String {
        let r = step.rows, m = step.members
        var line = strings(
            "document.compare.step", String(draft), date.isEmpty ? author : "\(author), \(date)", String(r.changed),
            String(r.added), String(r.removed), String(r.moved))
        if !m.isEmpty { line += strings("document.compare.stepMembers", String(m.added), String(m.removed), String(m.changed)) }
        if step.detailsChanged { line += strings("document.compare.stepDetails") }
        return line + strings("document.compare.stepWords", String(r.wordsInserted), String(r.wordsDeleted))
    }
}

extension DocumentLayout.ChangeWords {
    /// The words for changes in a document of these strings' language (a compendium with changes).
    init(_ strings: DocumentStrings) {
        let words = ComparisonWords(strings: strings.strings)
        self.init(inserted: words.inserted, deleted: words.deleted)
    }
}
