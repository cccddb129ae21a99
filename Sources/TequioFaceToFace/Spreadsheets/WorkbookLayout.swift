import TequioModel

/// Where everything sits in a blank matrix workbook: shared by the XLSX and ODS writers and by the
/// importer, so that what one writes the other finds.
///
/// A table sheet (`Mesa 1`, `Mesa 2`, … or `Table 1`, … in English):
///
/// ```
///      A                 B            C            D     …   (matrix columns)   spacer  members
///  1   Mesa de trabajo   [name]       Municipio    [municipality]   hint
///  2   Problemas y …     ¿Quién se …  ¿Quién …     …                 |  Integrante  Sector  Cargo o institución
///  3…  one row per problem                                           |  one row per member
/// ```
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

    public init(module: Module, matrix: MatrixDefinition, language: String, tables: Int) {
        self.module = module
        self.matrix = matrix
        self.language = language
        self.tables = max(1, tables)
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
    /// The narrow empty column between the matrix and the members.
    public var spacerColumn: Int { matrix.columns.count }
    /// Member name, sector and role columns.
    public var memberNameColumn: Int { matrix.columns.count + 1 }
    public var memberSectorColumn: Int { matrix.columns.count + 2 }
    public var memberRoleColumn: Int { matrix.columns.count + 3 }
    public var lastColumn: Int { memberRoleColumn }

    /// The hint in row 1, after the identity cells (only when the matrix is wide enough).
    public var hintCell: CellAddress? { matrix.columns.count >= 5 ? CellAddress(row: 0, column: 4) : nil }

    // MARK: Texts

    public var strings: SheetStrings { SheetStrings.for(language) }

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

/// The words of the workbook in one language (Spanish and English; other languages use English).
public struct SheetStrings: Sendable {
    public let language: String
    public let tableName: String
    public let municipality: String
    public let memberName: String
    public let memberSector: String
    public let memberRole: String
    public let hint: String
    public let helpSheetName: String
    public let helpIntro: String
    public let helpColumn: String
    public let helpText: String
    public let helpRequired: String
    public let helpMaximum: String
    public let yes: String
    public let no: String
    public let required: String
    public let metadataNote: String
    public let tooLongTitle: String
    public let sectorTitle: String
    public let sectorMessage: String
    let tableSheetPrefix: String
    let maximumFormat: String
    let tooLongFormat: String
    /// Sector labels in `CompletedMatrix.Sector.allCases` order.
    public let sectors: [String]

    public func tableSheetName(_ n: Int) -> String { "\(tableSheetPrefix) \(n)" }
    public func maximum(_ n: Int) -> String { maximumFormat.replacingOccurrences(of: "%d", with: String(n)) }
    public func tooLong(_ n: Int) -> String { tooLongFormat.replacingOccurrences(of: "%d", with: String(n)) }

    public func sectorLabel(_ sector: CompletedMatrix.Sector) -> String {
        sectors[CompletedMatrix.Sector.allCases.firstIndex(of: sector)!]
    }

    public static let spanish = SheetStrings(
        language: "es", tableName: "Mesa de trabajo", municipality: "Municipio", memberName: "Integrante",
        memberSector: "Sector", memberRole: "Cargo o institución",
        hint: "Una fila por problema; las acciones, una por línea (Alt+Intro en Excel, Ctrl+Intro en LibreOffice). La ayuda de cada columna está en el comentario de su encabezado.",
        helpSheetName: "Ayuda",
        helpIntro: "Cada mesa llena su propia hoja (Mesa 1, Mesa 2…). Para otra mesa, copie una hoja. No cambie los encabezados ni la hoja «tequio»: la importación los comprueba.",
        helpColumn: "Columna", helpText: "Qué escribir", helpRequired: "Obligatoria", helpMaximum: "Máximo de caracteres",
        yes: "Sí", no: "No", required: "obligatoria",
        metadataNote: "Hoja generada por Tequio para identificar el módulo. No la modifique.",
        tooLongTitle: "Texto demasiado largo", sectorTitle: "Sector", sectorMessage: "Elija un sector de la lista.",
        tableSheetPrefix: "Mesa", maximumFormat: "máximo %d caracteres",
        tooLongFormat: "Esta columna admite como máximo %d caracteres.",
        sectors: ["Gobierno", "Sociedad civil", "Sector privado", "Otro"])

    public static let english = SheetStrings(
        language: "en", tableName: "Working table", municipality: "Municipality", memberName: "Member",
        memberSector: "Sector", memberRole: "Position or organisation",
        hint: "One row per problem; actions one per line (Alt+Enter in Excel, Ctrl+Enter in LibreOffice). Each column's help is in the comment on its header.",
        helpSheetName: "Help",
        helpIntro: "Each table fills in its own sheet (Table 1, Table 2…). For another table, copy a sheet. Do not change the headers or the “tequio” sheet: the import checks them.",
        helpColumn: "Column", helpText: "What to write", helpRequired: "Required", helpMaximum: "Maximum characters",
        yes: "Yes", no: "No", required: "required",
        metadataNote: "Sheet written by Tequio to identify the module. Do not change it.",
        tooLongTitle: "Text too long", sectorTitle: "Sector", sectorMessage: "Choose a sector from the list.",
        tableSheetPrefix: "Table", maximumFormat: "at most %d characters",
        tooLongFormat: "This column takes at most %d characters.",
        sectors: ["Government", "Civil society", "Private sector", "Other"])

    public static let all = [spanish, english]

    public static func `for`(_ language: String) -> SheetStrings {
        let base = language.split(separator: "-").first.map(String.init)?.lowercased() ?? language
        return all.first { $0.language == base } ?? english
    }
}
