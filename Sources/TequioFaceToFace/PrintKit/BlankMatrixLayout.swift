import TequioDocuments
import TequioModel

/// The blank matrix on one large landscape sheet (A3, or Tabloid with Letter paper): boxes for the
/// table, municipality and members, then the matrix with each column's help under its label (no
/// web-form limits: paper has none) and five tall rows to write in, one per problem (tables choose
/// three to five). The two columns of actions are the widest: they are where a table writes most.
struct BlankMatrixLayout {
    let context: PrintContext
    let matrix: MatrixDefinition

    static let rows = 5

    /// The sheet: the double of the handouts' paper.
    var paper: Branding.Paper { context.options.paper == .a4 ? .a3 : .tabloid }
    /// Points of a row to write in: five of them fill the sheet under the header.
    var rowHeight: Double { paper == .a3 ? 104 : 94 }

    var title: String { context.text(matrix.title).isEmpty ? matrix.id : context.text(matrix.title) }

    func layout() -> DocumentLayout {
        let s = context.strings
        let fields = DocumentLayout.Table(
            kind: .summary, caption: s.members, header: [s.table, s.municipality, s.members], weights: [1, 1.5, 4.5],
            rows: [[[], [], []]], rowHeights: [30])
        let help = matrix.columns.map { column in
            [LayoutText(context.text(column.help) + (column.required ? " (\(s.required))" : ""))]
        }
        let blank = Array(repeating: matrix.columns.map { _ in [LayoutText]() }, count: Self.rows)
        let table = DocumentLayout.Table(
            kind: .matrix, caption: title, header: matrix.columns.map { context.text($0.label) }, weights: matrix.columns.map(Self.weight),
            rows: [help] + blank, rowHeights: [0] + Array(repeating: rowHeight, count: Self.rows))
        let blocks: [DocumentLayout.Block] = [
            .orientation(.landscape), .title(title), .table(fields), .table(table),
            .paragraph(LayoutText("\(s.matrixFooter) · \(context.module.id) \(context.module.version) · \(matrix.id)")),
        ]
        return context.layout("\(s.blankMatrix) · \(title)", blocks: blocks, hasCover: false)
    }

    /// Relative widths: the actions widest, then the problem, then the rest.
    static func weight(_ column: MatrixDefinition.Column) -> Double {
        let role = ActionPlan.Role(columnID: column.id)
        if role.isActions { return 1.6 }
        return role == .problem ? 1.25 : 1
    }
}

/// One sign-up page per working table: the event's date and place, boxes for the municipality and the
/// three roles, a row per member with the fields of the spreadsheet (name, sector, position), an
/// optional contact and a signature, and a short privacy notice: what the data is for, who keeps it,
/// how to have it removed.
struct SignUpLayout {
    let context: PrintContext

    /// Rows for members: a table has six to ten people.
    static let rows = 10
    static let rowHeight = 34.0

    func layout() -> DocumentLayout {
        let s = context.strings
        var blocks: [DocumentLayout.Block] = []
        // Two boxes a line, each name whole: a box, a space and the name cannot be parted.
        let boxes = s.sectors.map { "☐\u{00A0}" + $0.replacingOccurrences(of: " ", with: "\u{00A0}") }
        let sectors = stride(from: 0, to: boxes.count, by: 2).map { boxes[$0..<min($0 + 2, boxes.count)].joined(separator: "   ") }.joined(separator: "\n")
        let roles = DocumentLayout.Table(
            kind: .summary, caption: s.municipality, header: [s.municipality] + s.roles, weights: [1.6, 1, 1, 1], rows: [[[], [], [], []]],
            rowHeights: [28])
        let header = ["#", s.name, s.sector, s.position, s.contact, s.signature]
        let members = DocumentLayout.Table(
            kind: .summary, caption: s.signUpSheet, header: header, weights: [0.4, 1.8, 2.4, 1.6, 1.4, 1],
            rows: (1...Self.rows).map { [[LayoutText(String($0))], [], [LayoutText(sectors)], [], [], []] }, numericColumns: [0],
            rowHeights: Array(repeating: Self.rowHeight, count: Self.rows))
        for table in 1...context.options.tables {
            if table > 1 { blocks.append(.pageBreak) }
            blocks += [.title(s.tableN(table)), .subtitle(LayoutText(s.signUpSheet))]
            if let dates = context.eventDates { blocks.append(.field(label: s.date, value: LayoutText(dates))) }
            if let place = context.module.metadata.event?.place { blocks.append(.field(label: s.place, value: LayoutText(context.text(place)))) }
            blocks += [.table(roles), .paragraph(LayoutText(s.signUpIntro)), .table(members)]
            blocks += [.groupLabel(LayoutText(s.privacyTitle)), .paragraph(LayoutText(s.privacyNotice(keeper: context.keepers)))]
        }
        return context.layout(s.signUpSheet, blocks: blocks, hasCover: false)
    }
}
