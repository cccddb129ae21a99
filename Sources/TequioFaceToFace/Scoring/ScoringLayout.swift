import TequioModel

/// Where everything sits in a scoring workbook: shared by the writers (`ScoringWorkbook`) and by the
/// import (`ScoreImporter`), so that what one writes the other finds.
///
/// A plan sheet (`Plan 1`, `Plan 2`… in compendium order), columns A criterion, B weight, C the
/// answers, D justifications and notes, E the criterion's guidance:
///
/// ```
///  1  Plan 1 · Mesa 1 · Santa Lucía del Camino
///  2  Mesa de trabajo | name          3  Municipio | …          4  Borrador | 2
///  5  the scale (1 Insuficiente · …)  6  how to fill in the sheet
///  8  Conflicto de interés                  | Sí / No | Nota
///  9  the question                          | [Sí/No] | [note]
/// 11  Requisitos de elegibilidad            | Sí / No            (when the rubric has gates)
/// 12… one row per gate                      | [Sí/No]
///  …  Criterio | Peso | Puntaje (1–5) | Justificación | Guía
///  …  one row per criterion | 20 % | [scale] | [justification] | guidance
/// ```
///
/// The rows of gates and criteria follow the order of the `tequio` sheet's `gate` and `criterion`
/// rows, which the import reads back: the rows are fixed by the workbook itself, not by the module
/// (whose rubric is compared with the workbook's, criterion by criterion).
public struct ScoringLayout: Sendable, Equatable {
    public let gateCount: Int
    public let criterionCount: Int

    public init(gateCount: Int, criterionCount: Int) {
        self.gateCount = gateCount
        self.criterionCount = criterionCount
    }

    // MARK: Columns (0-based)

    public static let labelColumn = 0
    public static let weightColumn = 1
    public static let answerColumn = 2
    public static let textColumn = 3
    public static let guidanceColumn = 4

    // MARK: Rows (0-based)

    public static let titleRow = 0
    public static let tableRow = 1
    public static let municipalityRow = 2
    public static let draftRow = 3
    public static let scaleRow = 4
    public static let hintRow = 5
    public static let conflictHeaderRow = 7
    public static let conflictRow = 8
    static let gatesHeaderRow = 10

    /// The conflict-of-interest answer (Sí/No) and its note.
    public static let conflictCell = CellAddress(row: conflictRow, column: answerColumn)
    public static let conflictNoteCell = CellAddress(row: conflictRow, column: textColumn)

    public var gatesHeaderRow: Int? { gateCount > 0 ? Self.gatesHeaderRow : nil }

    /// The answer (Sí/No) of the gate at `index`.
    public func gateCell(_ index: Int) -> CellAddress {
        CellAddress(row: Self.gatesHeaderRow + 1 + index, column: Self.answerColumn)
    }

    public var criteriaHeaderRow: Int { gateCount > 0 ? Self.gatesHeaderRow + gateCount + 2 : Self.gatesHeaderRow }

    public func criterionRow(_ index: Int) -> Int { criteriaHeaderRow + 1 + index }
    public func scoreCell(_ index: Int) -> CellAddress { CellAddress(row: criterionRow(index), column: Self.answerColumn) }
    public func justificationCell(_ index: Int) -> CellAddress { CellAddress(row: criterionRow(index), column: Self.textColumn) }

    public var lastRow: Int { criterionRow(criterionCount - 1) }

    // MARK: The `tequio` sheet

    /// The metadata sheet's name, as in the blank matrix workbook: the import tells the two apart by
    /// its `format` row.
    public static let metadataSheetName = WorkbookLayout.metadataSheetName
    /// Row of the first key (after a line of explanation and a blank row).
    public static let metadataFirstRow = WorkbookLayout.metadataFirstRow
}

/// Keys of a scoring workbook's `tequio` sheet: one per row in column A, values in B, C, D…
///
/// ```
/// format          tequio-scoring-workbook-1
/// module          oaxaca-agua
/// module-version  1.0.0
/// rubric          seleccion-planes
/// evaluator       Ana Pérez
/// round           Ronda 1
/// language        es
/// criterion       criterio-coordinacion | w20;s1-5;j1,2,5     (one row per criterion, in sheet order)
/// gate            requisito-dos-sectores                       (one row per gate, in sheet order)
/// plan            Plan 1 | oaxaca-agua-mesa-1-… | Mesa 1 · … | 2   (sheet, plan id, table, draft)
/// ```
public enum ScoringKey {
    public static let format = MetadataKey.format
    public static let formatValue = "tequio-scoring-workbook-1"
    public static let module = MetadataKey.module
    public static let moduleVersion = MetadataKey.moduleVersion
    public static let rubric = "rubric"
    public static let evaluator = "evaluator"
    public static let round = "round"
    public static let language = MetadataKey.language
    public static let criterion = "criterion"
    public static let gate = "gate"
    public static let plan = "plan"
}
