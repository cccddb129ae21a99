import TequioModel

/// Where everything sits in a blank matrix workbook: shared by the XLSX and ODS writers and by the
/// importer, so that what one writes the other finds.
///
/// A table sheet (`Mesa 1`, `Mesa 2`, … or `Table 1`, … in English):
///
/// ```
///      A                 B            C            D     …   (matrix columns)  title          spacer  members
///  1   Mesa de trabajo   [name]       Municipio    [municipality]   hint
///  2   Problemas y …     ¿Quién se …  ¿Quién …     …                Título breve    |  Integrante  Sector  Cargo o institución
///  3…  one row per problem                                                           |  one row per member
/// ```
///
/// The short title (optional, `title` of the completed matrix's row) follows the matrix columns, so
/// that they keep the letters a blank matrix printed before it had it (A to F).
///
/// Rows 1–2 are frozen and repeat on every printed page. The help of each column is a comment on its
/// header cell. A `Ayuda`/`Help` sheet lists the columns, and a protected `tequio` sheet identifies
/// the module, its version, the matrix and the language, so an import can verify them.
public struct WorkbookLayout: Sendable {
    public let module: Module
    public let matrix: MatrixDefinition
    public let language: String
    /// How many table sheets the blank workbook has (more can be added by copying one).
    public let tables: Int
    /// The workbook's words, in `language`.
    public let strings: SheetStrings

    public init(module: Module, matrix: MatrixDefinition, language: String, tables: Int, catalogue: StringCatalogue) {
        self.module = module
        self.matrix = matrix
        self.language = language
        self.tables = max(1, tables)
        self.strings = SheetStrings(catalogue, language: language)
    }

    // MARK: Positions (0-based)

    /// Row 1: table name and municipality.
    public static let identityRow = 0
    /// Row 2: the matrix and member headers.
    public static let headerRow = 1
    /// Row 3: the first row people write in.
    public static let firstDataRow = 2
    /// Rows formatted (borders, wrapping, validation) in the blank sheet; rows below still import.
    public static let formattedRows = 60
    /// Member rows prepared with the sector list.
    public static let memberRows = 15

    /// `A1` label, `B1` value, `C1` label, `D1` value.
    public static let tableNameLabel = CellAddress(row: 0, column: 0)
    public static let tableNameCell = CellAddress(row: 0, column: 1)
    public static let municipalityLabel = CellAddress(row: 0, column: 2)
    public static let municipalityCell = CellAddress(row: 0, column: 3)

    public var matrixColumnCount: Int { matrix.columns.count }
    /// The problem's short title, after the matrix columns.
    public var titleColumn: Int { matrix.columns.count }
    /// The narrow empty column between the matrix and the members.
    public var spacerColumn: Int { matrix.columns.count + 1 }
    /// Member name, sector and role columns.
    public var memberNameColumn: Int { matrix.columns.count + 2 }
    public var memberSectorColumn: Int { matrix.columns.count + 3 }
    public var memberRoleColumn: Int { matrix.columns.count + 4 }
    public var lastColumn: Int { memberRoleColumn }

    /// The hint in row 1, after the identity cells (only when the matrix is wide enough).
    public var hintCell: CellAddress? { matrix.columns.count >= 5 ? CellAddress(row: 0, column: 4) : nil }

    // MARK: Texts

    public func label(_ column: MatrixDefinition.Column) -> String {
        column.label.resolved(language, fallbacks: module.languages) ?? column.id
    }

    public func help(_ column: MatrixDefinition.Column) -> String {
        let help = column.help.resolved(language, fallbacks: module.languages) ?? ""
        var facts: [String] = []
        if column.required { facts.append(strings.required) }
        if let max = column.maxLength { facts.append(strings.maximum(max)) }
        let suffix = facts.isEmpty ? "" : "(\(facts.joined(separator: " · ")))"
        return [help, suffix].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The title column's comment: what a short title is, and its limit.
    public var titleHelp: String {
        "\(strings.titleHelp)\n(\(strings.maximum(CompletedMatrix.Row.maxTitleLength)))"
    }

    public var tableSheetNames: [String] { (1...tables).map { strings.tableSheetName($0) } }

    public var matrixTitle: String {
        matrix.title.resolved(language, fallbacks: module.languages) ?? matrix.id
    }

    public var moduleTitle: String {
        module.metadata.title.resolved(language, fallbacks: module.languages) ?? module.id
    }

    /// Column widths in characters: wide enough to read a paragraph, narrow enough to see three at once.
    public func matrixColumnWidth(_ column: MatrixDefinition.Column) -> Double {
        let max = column.maxLength ?? 1000
        return max >= 1500 ? 44 : 36
    }

    public static let titleWidth = 24.0
    public static let memberNameWidth = 28.0
    public static let memberSectorWidth = 18.0
    public static let memberRoleWidth = 32.0
    public static let spacerWidth = 3.0

    /// Rows of the metadata sheet: key in column A, value in column B, from row `metadataFirstRow`.
    public var metadata: [(key: String, value: String)] {
        [
            (MetadataKey.format, MetadataKey.formatValue),
            (MetadataKey.module, module.id),
            (MetadataKey.moduleVersion, module.version),
            (MetadataKey.matrix, matrix.id),
            (MetadataKey.language, language),
        ]
    }

    public static let metadataSheetName = "tequio"
    /// Row of the first key (after a line of explanation and a blank row).
    public static let metadataFirstRow = 2
}

/// Keys of the metadata sheet.
public enum MetadataKey {
    public static let format = "format"
    public static let formatValue = "tequio-blank-matrix-1"
    public static let module = "module"
    public static let moduleVersion = "module-version"
    public static let matrix = "matrix"
    public static let language = "language"
}
