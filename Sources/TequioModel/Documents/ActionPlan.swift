/// One working table's action plan: a completed matrix read together with its module, in the matrix's
/// language, ready for any document writer.
///
/// Built by `ActionPlan.init(matrix:module:catalogue:source:)`, which never fails: the caller has already checked
/// the matrix against the module (`CompletedMatrixValidation`). Cells of columns the module does not
/// know are left out.
public struct ActionPlan: Sendable, Equatable {
    /// What a column means to the document: the six columns of the Action Learning preset are
    /// recognised by id; any other column is `.other`.
    public enum Role: Sendable, Equatable {
        case problem, beneficiaries, affected, governmentActions, civilSocietyActions, expectedResults, other

        public init(columnID: String) {
            switch columnID {
            case "problem": self = .problem
            case "beneficiaries": self = .beneficiaries
            case "affected": self = .affected
            case "government-actions": self = .governmentActions
            case "civil-society-actions": self = .civilSocietyActions
            case "expected-results": self = .expectedResults
            default: self = columnID.hasSuffix("-actions") || columnID == "actions" ? .governmentActions : .other
            }
        }

        /// Columns whose lines are actions, numbered in documents.
        public var isActions: Bool { self == .governmentActions || self == .civilSocietyActions }
    }

    public struct Column: Sendable, Equatable {
        public var id: String
        /// The module's label in the plan's language (the matrix header).
        public var label: String
        /// The heading of this column's part in each problem section.
        public var heading: String
        public var role: Role
        /// Relative width in the matrix table.
        public var weight: Double
    }

    public struct MemberGroup: Sendable, Equatable {
        public var sector: CompletedMatrix.Sector
        public var label: String
        public var members: [CompletedMatrix.Member]
    }

    /// One row of the matrix, cells in column order.
    public struct Row: Sendable, Equatable {
        /// Per column: the cell's lines (actions without the participant's markers).
        public var cells: [[String]]
    }

    /// A problem section: one non-empty row of the matrix.
    public struct Problem: Sendable, Equatable {
        public var number: Int
        /// The short title the table gave the row, or "".
        public var title: String
        /// "Problema 1: Calendario de tandeo", or "Problema 1" for a row without a title.
        public var heading: String
        /// The paragraphs of the problem column.
        public var statement: [String]
        public var parts: [Part]
    }

    public struct Part: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case paragraphs, bullets, numbered }
        public var heading: String
        public var kind: Kind
        public var items: [String]
    }

    /// The language the table wrote in (the matrix's `xml:lang`).
    public var language: String
    /// The fixed words of the plan and its documents: in its language, or in the compendium's.
    public var strings: DocumentStrings
    public var moduleID: String
    public var moduleVersion: String
    public var programTitle: String
    public var moduleTitle: String
    public var matrixTitle: String
    /// The id of the module's matrix the plan fills in.
    public var matrixID: String
    /// The completed matrix the plan was made from, as it was read.
    public var draftMatrix: CompletedMatrix
    public var tableName: String
    public var municipality: String
    public var draft: Int
    public var created: Timestamp?
    public var modified: Timestamp?
    public var memberGroups: [MemberGroup]
    public var introduction: [String]
    public var columns: [Column]
    public var rows: [Row]
    public var problems: [Problem]
    public var governmentActionCount: Int
    public var civilSocietyActionCount: Int
    /// Lines of the expected-results column, over all rows.
    public var expectedResultCount: Int
    /// The earliest and the latest month the actions name (`ActionDates`); nil when none names one.
    public var firstDeadline: MonthOfYear?
    public var lastDeadline: MonthOfYear?
    /// The bodies the actions name as responsible (`ActionResponsibles`), as the table wrote them.
    public var responsibles: [String]
    /// The workshop (the module's `<event>`) in the words' language.
    public var event: EventText
    /// The file the matrix came from, for messages.
    public var source: String

    /// - Parameter wordsLanguage: the language of the plan's fixed words and of the module's texts
    ///   (labels, titles, introduction) when not the matrix's own: a compendium's chapters speak its
    ///   language, while what the table wrote stays as written.
    public init(matrix m: CompletedMatrix, module: Module, catalogue: StringCatalogue, source: String = "", wordsLanguage: String? = nil) {
        let lang = wordsLanguage ?? m.language
        let fallbacks = [module.mainLanguage] + module.languages + ["es", "en"]
        func text(_ t: LocalizedText?) -> String { t?.resolved(lang, fallbacks: fallbacks)?.trimmingWhitespace() ?? "" }
        let strings = DocumentStrings(catalogue, language: lang)
        self.language = m.language
        self.strings = strings
        self.source = source
        moduleID = module.id
        moduleVersion = module.version
        programTitle = text(module.metadata.program)
        moduleTitle = text(module.metadata.title)
        let definition = module.matrix(id: m.matrixID) ?? module.primaryMatrix
            ?? MatrixDefinition.preset("action-learning", id: m.matrixID)!
        matrixTitle = text(definition.title)
        matrixID = m.matrixID
        draftMatrix = m
        tableName = m.tableName.trimmingWhitespace()
        municipality = m.municipality.trimmingWhitespace()
        draft = m.draft
        created = Timestamp(iso: m.created)
        modified = Timestamp(iso: m.modified) ?? created

        memberGroups = CompletedMatrix.Sector.allCases.compactMap { sector in
            let members = m.members.filter { $0.sector == sector && !$0.name.trimmingWhitespace().isEmpty }
            return members.isEmpty ? nil : MemberGroup(sector: sector, label: strings.sector(sector), members: members)
        }
        introduction = PlanText.paragraphs(text(module.metadata.summary))
        event = EventText(module.metadata.event, text: text)

        columns = definition.columns.map { c in
            let role = Role(columnID: c.id)
            let label = c.label.resolved(lang, fallbacks: fallbacks) ?? c.id
            let heading: String
            switch role {
            case .beneficiaries: heading = strings.beneficiaries
            case .affected: heading = strings.affected
            case .governmentActions where c.id == "government-actions": heading = strings.governmentActions
            case .civilSocietyActions: heading = strings.civilSocietyActions
            case .expectedResults: heading = strings.expectedResults
            default: heading = label
            }
            let weight = Double(c.maxLength ?? 1000).squareRoot()
            return Column(id: c.id, label: label, heading: heading, role: role, weight: weight)
        }
        let columns = self.columns
        let nonEmpty = m.rows.filter { !$0.isEmpty }
        let titles = nonEmpty.map(\.titleText)
        rows = nonEmpty.map { row in
            Row(cells: columns.map { c in c.role.isActions ? PlanText.actions(row[c.id]) : PlanText.lines(row[c.id]) })
        }
        let problemColumn = columns.firstIndex { $0.role == .problem } ?? 0
        var problems: [Problem] = []
        var government = 0
        var civil = 0
        var results = 0
        var actions: [String] = []
        for (index, row) in rows.enumerated() {
            let number = index + 1
            let statement = columns.isEmpty ? [] : row.cells[problemColumn]
            let title = titles[index]
            var parts: [Part] = []
            for (ci, c) in columns.enumerated() where ci != problemColumn {
                let items = row.cells[ci]
                guard !items.isEmpty else { continue }
                let kind: Part.Kind = c.role.isActions ? .numbered : (items.count > 1 ? .bullets : .paragraphs)
                parts.append(Part(heading: c.heading, kind: kind, items: items))
                if c.role == .governmentActions && c.id == "government-actions" { government += items.count }
                if c.role == .civilSocietyActions { civil += items.count }
                if c.role == .expectedResults { results += items.count }
                if c.role.isActions { actions += items }
            }
            problems.append(
                Problem(
                    number: number, title: title,
                    heading: title.isEmpty ? strings.problemN(number) : "\(strings.problemN(number)): \(title)",
                    statement: statement, parts: parts))
        }
        self.problems = problems
        governmentActionCount = government
        civilSocietyActionCount = civil
        expectedResultCount = results
        // Month names of the table's language, and of the words' when they differ.
        var months = DocumentStrings(catalogue, language: m.language).monthNames
        if lang != m.language { months += strings.monthNames }
        let deadlines = ActionDates.span(actions, monthNames: months)
        firstDeadline = deadlines?.first
        lastDeadline = deadlines?.last
        responsibles = ActionResponsibles.named(in: actions, monthNames: months)
    }

    /// "Plan de acción: Mesa 1 · Santa Lucía del Camino"
    public var title: String {
        tableName.isEmpty ? strings.actionPlan : "\(strings.actionPlan): \(tableName)"
    }

    /// The table's name, or the municipality when the table has none.
    public var displayName: String {
        !tableName.isEmpty ? tableName : !municipality.isEmpty ? municipality : strings.workingTable
    }

    public var problemCount: Int { problems.count }
}

extension PlanText {
    /// Paragraphs of a text: blocks separated by blank lines, each block's lines joined with spaces.
    public static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var block: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty {
                if !block.isEmpty { result.append(block.joined(separator: " ")) }
                block = []
            } else {
                block.append(line)
            }
        }
        if !block.isEmpty { result.append(block.joined(separator: " ")) }
        return result
    }
}
