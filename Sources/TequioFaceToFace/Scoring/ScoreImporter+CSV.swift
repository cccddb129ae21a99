import Foundation
import TequioModel
import TequioReaders

/// A score CSV (`ScoreCSV`): its lines grouped by evaluator and round, each group one score sheet.
/// Every line names its module, version and rubric (checked as a workbook's `tequio` sheet is), each
/// criterion line its fingerprint; each plan's answers then pass `scorePlan`, as a plan sheet's do.
/// Every problem names `file.csv:line:column`.
extension ScoreImporter {
    func importCSV(_ document: SpreadsheetDocument) -> ([Imported], [Diagnostic]) {
        guard let sheet = document.sheets.first else { return ([], []) }
        var reading = ScoreCSVReading(importer: self, sheet: sheet, file: document.path)
        guard let rubric = reading.start() else { return ([], reading.diagnostics) }
        reading.readLines(rubric)
        if reading.groups.isEmpty && !reading.diagnostics.hasErrors {
            reading.diagnostics.append(
                .error(ImportDiagnosticID.nothingToImport, "no line of scores under the header", at: SourceLocation(file: document.path, line: 1)))
        }
        var imported: [Imported] = []
        for group in reading.groups {
            let header = Header(
                rubric: rubric, evaluator: group.evaluator.text, evaluatorLocation: group.evaluator.location, round: group.round,
                language: group.language.text)
            reading.diagnostics += addedCriteria(rubric, seen: group.criteria, since: "this template was made", at: group.start)
            let plans = group.plans.map { scorePlan(reading.answers($0, group: group, rubric: rubric), header: header, into: &reading.diagnostics) }
            let sheet = ScoreSheet(
                moduleID: module.id, moduleVersion: module.version, rubricID: rubric.id, criteria: rubric.criteria.map { ($0.id, rubric.fingerprint($0)) },
                evaluator: header.evaluator, round: header.round, language: header.language, submitted: submitted, plans: plans)
            imported.append(Imported(sheet: sheet, file: document.path, evaluatorLocation: header.evaluatorLocation))
        }
        return (reading.diagnostics.hasErrors ? [] : imported, reading.diagnostics)
    }
}

/// One pass over a score CSV's lines: the header's columns, then each line checked and filed under its
/// evaluator and round, and under its plan.
struct ScoreCSVReading {
    typealias Column = ScoreCSV.Column
    typealias Located = ScoreImporter.Located
    typealias Line = [Column: Located]

    struct Plan {
        var id: Located
        var table: String
        var draft: Located
        var conflict: Line?
        var gates: [String: Line] = [:]
        var criteria: [String: Line] = [:]
        /// The line of each item, to name the first of two.
        var items: [String: Int] = [:]
    }

    struct Group {
        var evaluator: Located
        var round: String
        var language: Located
        /// The group's first line.
        var start: SourceLocation
        var plans: [Plan] = []
        var planIndex: [String: Int] = [:]
        /// The criteria some line names.
        var criteria: Set<String> = []
    }

    let importer: ScoreImporter
    let sheet: Sheet
    let file: String
    var diagnostics: [Diagnostic] = []
    var groups: [Group] = []
    private var columns: [Column: Int] = [:]
    private var groupIndex: [String: Int] = [:]
    /// Module, version and rubric already checked, and whether they are this module's (each is named once).
    private var identities: [[String]: Bool] = [:]
    /// Each criterion's fingerprints checked, and whether they are the rubric's now (each is named once).
    private var fingerprints: [[String]: Bool] = [:]
    /// Items that are neither the conflict, a gate nor a criterion, and ids that are not plans (each is named once).
    private var unknownItems: Set<String> = []
    private var unknownPlans: Set<String> = []
    /// A required value missing: the first line that lacks it, and on how many lines.
    private var empty: [Column: (Located, Int)] = [:]

    init(importer: ScoreImporter, sheet: Sheet, file: String) {
        self.importer = importer
        self.sheet = sheet
        self.file = file
    }

    private mutating func error(_ id: any DiagnosticIdentifier, _ message: String, at location: SourceLocation) {
        diagnostics.append(.error(id, message, at: location))
    }

    /// The header's columns, each required one once; the module's rubric.
    mutating func start() -> Rubric? {
        columns = ScoreCSV.header(sheet)
        for (index, column) in ScoreCSV.headerNames(sheet) where columns[column] != index {
            error(
                ImportDiagnosticID.duplicateColumn, "the column '\(column.rawValue)' appears twice in the header",
                at: sheet.location(CellAddress(row: 0, column: index), file: file))
        }
        let missing = Column.allCases.filter { $0.isRequired && columns[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            error(
                ImportDiagnosticID.missingColumn,
                "the score CSV has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")): its first line names the columns \(Column.allCases.map(\.rawValue).joined(separator: ",")) (language, table and label may be left out)",
                at: SourceLocation(file: file, line: sheet.lines[0] ?? 1))
        }
        guard let rubric = importer.module.rubric else {
            error(ReviewDiagnosticID.noRubric, "module '\(importer.module.id)' has no <rubric> to check the scores against", at: SourceLocation(file: file, line: 1))
            return nil
        }
        return diagnostics.hasErrors ? nil : rubric
    }

    mutating func readLines(_ rubric: Rubric) {
        for row in sheet.lines.keys.sorted() where row > 0 {
            var line: Line = [:]
            // In the file's order, so that warnings come in the same order on every run.
            for (column, index) in columns.sorted(by: { $0.value < $1.value }) where column != .label {
                let address = CellAddress(row: row, column: index)
                let location = sheet.location(address, file: file)
                let raw = CSVWriter.unescape(sheet[address])
                line[column] = Located(text: ScoreImporter.clean(raw, at: location, into: &diagnostics), location: location)
            }
            guard line.values.contains(where: { !$0.text.isEmpty }) else { continue }
            read(line, row: row, rubric: rubric)
        }
        for (column, (first, count)) in empty.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let others = count == 1 ? "" : count == 2 ? " (nor does 1 other line)" : " (nor do \(count - 1) other lines)"
            error(
                ReviewDiagnosticID.malformedCSVLine,
                "this line gives no \(column.rawValue)\(others): every line names its module, version, rubric, round, evaluator, plan, draft and item, as the template of `tequio review sheets` does",
                at: first.location)
        }
    }

    private mutating func read(_ line: Line, row: Int, rubric: Rubric) {
        func value(_ column: Column) -> Located { line[column] ?? Located(text: "", location: SourceLocation(file: file, line: sheet.lines[row] ?? 0)) }
        var complete = true
        for column in [Column.module, .version, .rubric, .round, .evaluator, .plan, .draft, .item] where value(column).text.isEmpty {
            empty[column] = (empty[column]?.0 ?? value(column), (empty[column]?.1 ?? 0) + 1)
            complete = false
        }
        guard complete, isThisModule(value(.module), value(.version), value(.rubric)) else { return }
        let language = line[.language].flatMap { $0.text.isEmpty ? nil : $0 } ?? Located(text: importer.module.mainLanguage, location: value(.evaluator).location)
        guard ScoreImporter.isLanguageTag(language.text) else {
            error(ReviewDiagnosticID.malformedCSVLine, "'\(language.text)' is not a language tag", at: language.location)
            return
        }
        let evaluator = value(.evaluator)
        let key = "\(evaluator.text)\u{0}\(value(.round).text)"
        if groupIndex[key] == nil {
            groupIndex[key] = groups.count
            groups.append(Group(evaluator: evaluator, round: value(.round).text, language: language, start: SourceLocation(file: file, line: sheet.lines[row] ?? 0)))
        }
        let g = groupIndex[key]!
        if language.text != groups[g].language.text {
            error(
                ReviewDiagnosticID.malformedCSVLine,
                "this line is in language '\(language.text)', the other lines of \(evaluator.text) for '\(groups[g].round)' in '\(groups[g].language.text)'",
                at: language.location)
        }
        guard let p = plan(value(.plan), table: value(.table), draft: value(.draft), group: g) else { return }
        place(line, item: value(.item), plan: p, group: g, rubric: rubric)
    }

    /// Reported once for each module, version and rubric the file names.
    private mutating func isThisModule(_ module: Located, _ version: Located, _ rubric: Located) -> Bool {
        let key = [module.text, version.text, rubric.text]
        if let known = identities[key] { return known }
        let ok = importer.checkIdentity(module: module, version: version, rubric: rubric, this: "this file", into: &diagnostics) != nil
        identities[key] = ok
        return ok
    }

    /// The index of the plan in the group, made on its first line; nil when its id or draft is wrong.
    private mutating func plan(_ id: Located, table: Located, draft: Located, group g: Int) -> Int? {
        guard let p = groups[g].planIndex[id.text] else {
            guard importer.isPlanID(id.text) else {
                if unknownPlans.insert(id.text).inserted { error(ReviewDiagnosticID.unknownPlan, importer.notAPlan(id.text), at: id.location) }
                return nil
            }
            guard let number = ScoreImporter.integer(draft.text), number >= 1 else {
                error(ReviewDiagnosticID.malformedCSVLine, "'\(draft.text)' is not a draft number", at: draft.location)
                return nil
            }
            groups[g].planIndex[id.text] = groups[g].plans.count
            groups[g].plans.append(Plan(id: id, table: table.text.isEmpty ? id.text : table.text, draft: Located(text: String(number), location: draft.location)))
            return groups[g].plans.count - 1
        }
        let first = groups[g].plans[p]
        if ScoreImporter.integer(draft.text).map(String.init) != first.draft.text {
            error(
                ReviewDiagnosticID.malformedCSVLine,
                "plan '\(id.text)' is on draft '\(draft.text)' here but on draft \(first.draft.text) on line \(first.draft.location.line): its lines must give one draft",
                at: draft.location)
        }
        if !table.text.isEmpty && table.text != first.table {
            error(
                ReviewDiagnosticID.malformedCSVLine, "plan '\(id.text)' is table '\(table.text)' here but '\(first.table)' on line \(first.id.location.line)",
                at: table.location)
        }
        return p
    }

    /// Files the line as the plan's conflict declaration, a gate or a criterion, once each.
    private mutating func place(_ line: Line, item: Located, plan p: Int, group g: Int, rubric: Rubric) {
        let itemLine = item.location.line
        if let earlier = groups[g].plans[p].items[item.text] {
            error(
                ReviewDiagnosticID.malformedCSVLine,
                "plan '\(groups[g].plans[p].id.text)' has a second '\(item.text)' line for \(groups[g].evaluator.text) (the first is line \(earlier)): keep one",
                at: item.location)
            return
        }
        groups[g].plans[p].items[item.text] = itemLine
        if item.text.lowercased() == ScoreCSV.conflictItem {
            groups[g].plans[p].conflict = line
        } else if rubric.gates.contains(where: { $0.id == item.text }) {
            groups[g].plans[p].gates[item.text] = line
            if let ignored = line[.justification], !ignored.text.isEmpty {
                diagnostics.append(
                    .warning(
                        ImportDiagnosticID.ignoredCells, "the justification of gate '\(item.text)' was not imported: a gate is answered Sí or No only",
                        at: ignored.location))
            }
        } else if rubric.criterion(item.text) != nil {
            groups[g].criteria.insert(item.text)
            let fingerprint = line[.fingerprint] ?? Located(text: "", location: item.location)
            guard !fingerprint.text.isEmpty else {
                error(
                    ReviewDiagnosticID.malformedCSVLine,
                    "criterion '\(item.text)' has no fingerprint: copy it from the template of `tequio review sheets` (it shows which rubric the score was given with)",
                    at: fingerprint.location)
                return
            }
            let key = [item.text, fingerprint.text]
            let current = fingerprints[key] ?? importer.checkCriterion(item, fingerprint: fingerprint, rubric: rubric, since: "this template was made", into: &diagnostics)
            fingerprints[key] = current
            if current { groups[g].plans[p].criteria[item.text] = line }
        } else if unknownItems.insert(item.text).inserted {
            let filled = !(line[.fingerprint]?.text.isEmpty ?? true)
            error(
                filled ? ReviewDiagnosticID.unknownCriterion : ReviewDiagnosticID.unknownGate,
                "the rubric '\(rubric.id)' has no \(filled ? "criterion" : "gate or criterion") '\(item.text)' (an item is '\(ScoreCSV.conflictItem)', a gate or a criterion of the rubric)",
                at: item.location)
        }
    }

    /// A plan's lines as the answers `scorePlan` checks: a criterion without a line has an empty score
    /// (unless no line of the group names it: then the rubric gained it since, `addedCriteria`).
    func answers(_ plan: Plan, group: Group, rubric: Rubric) -> ScoreImporter.PlanAnswers {
        let none = Located(text: "", location: plan.id.location)
        var answers = ScoreImporter.PlanAnswers(
            id: plan.id.text, table: plan.table, draft: Int(plan.draft.text) ?? 1, conflict: plan.conflict?[.answer] ?? none,
            conflictNote: plan.conflict?[.justification]?.text ?? "",
            conflictPlace: plan.conflict.map { "line \($0[.answer]?.location.line ?? 0)" } ?? "item '\(ScoreCSV.conflictItem)'")
        answers.gates = rubric.gates.compactMap { gate in plan.gates[gate.id].map { (gate.id, $0[.answer] ?? none) } }
        answers.criteria = rubric.criteria.compactMap { criterion in
            guard let line = plan.criteria[criterion.id] else {
                // A line refused already (another fingerprint) is not also a missing score.
                return group.criteria.contains(criterion.id) && plan.items[criterion.id] == nil ? (criterion.id, none, none) : nil
            }
            return (criterion.id, line[.answer] ?? none, line[.justification] ?? none)
        }
        return answers
    }
}
