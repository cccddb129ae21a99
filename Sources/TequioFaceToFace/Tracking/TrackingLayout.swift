import TequioModel

/// Where everything sits in a tracking workbook's plan sheet: shared by the writer
/// (`TrackingWorkbook`) and the import (`TrackingImporter`), so that what one writes the other finds.
///
/// Three tables one under the other, each with a title row, a header row and one row per item, the
/// item's id in column A (locked):
///
/// ```
///  1  Plan 1 · Mesa 1 · Santa Lucía del Camino
///  2  (B) Mesa de trabajo | (C) name      3  Municipio | name      4  how to fill in the sheet
///  6  Compromisos
///  7  Id | N.º | Compromiso | Dependencia responsable | Actores de apoyo | Inicio | Fin | Presupuesto | Moneda | Fuente
///  8… c1 | 1   | title      | [text]                  | [text]           | [date] | [date] | [number] | [MXN] | [text]
///     Hitos
///     Id | Responsable | Hito | Inicio previsto | Fin previsto | Fecha del avance | Estado | % | Inicio real | Fin real | Qué se hizo | Evidencia
///     c1-g1 | 1 · Gobierno | text | [date] | [date] | [date] | [list] | [0–100] | [date] | [date] | [text] | [links]
///     Indicadores
///     Id | Compromiso | Resultado esperado | Unidad | Línea base | Meta | Sentido | Fecha de la medición | Valor | Qué se hizo | Evidencia
///     c1-r1 | 1 | text | [text] | [number] | [number] | [list] | [date] | [number] | [text] | [links]
/// ```
///
/// The first row and the number of rows of each table are written in the `tequio` sheet's `plan` row,
/// which the import reads back: the rows are fixed by the workbook, not by the tracking file (whose
/// ids are compared with the workbook's, row by row).
public struct TrackingLayout: Sendable, Equatable {
    public var commitmentCount: Int
    public var milestoneCount: Int
    public var indicatorCount: Int

    public init(commitmentCount: Int, milestoneCount: Int, indicatorCount: Int) {
        self.commitmentCount = commitmentCount
        self.milestoneCount = milestoneCount
        self.indicatorCount = indicatorCount
    }

    public static let titleRow = 0
    public static let tableRow = 1
    public static let municipalityRow = 2
    public static let hintRow = 3
    public static let idColumn = 0

    /// The first item row (0-based) of each table: its title is two rows above, its header one.
    public var firstCommitmentRow: Int { 7 }
    public var firstMilestoneRow: Int { firstCommitmentRow + commitmentCount + 3 }
    public var firstIndicatorRow: Int { firstMilestoneRow + milestoneCount + 3 }

    /// Columns of a commitment row.
    public enum CommitmentColumn: Int, CaseIterable, Sendable {
        case id, number, title, leadAgency, supportingActors, start, due, budget, currency, fundingSource
    }

    /// Columns of a milestone row.
    public enum MilestoneColumn: Int, CaseIterable, Sendable {
        case id, owner, text, plannedStart, plannedDue, date, status, percent, started, completed, narrative, evidence
    }

    /// Columns of an indicator row.
    public enum IndicatorColumn: Int, CaseIterable, Sendable {
        case id, commitment, text, unit, baseline, target, direction, date, value, narrative, evidence
    }

    /// Column widths, in characters, shared by the three tables.
    static let widths: [Double] = [8, 16, 46, 16, 14, 14, 14, 12, 14, 14, 40, 32]

    public static let metadataSheetName = WorkbookLayout.metadataSheetName
    public static let metadataFirstRow = WorkbookLayout.metadataFirstRow
}

/// Keys of a tracking workbook's `tequio` sheet: one per row in column A, values from column B.
///
/// ```
/// format          tequio-tracking-workbook-1
/// module          oaxaca-agua
/// module-version  1.0.0
/// language        es
/// plan            Plan 1 | <plan id> | seguimiento-<plan id>.xml | 8 | 4 | 15 | 28 | 46 | 12
///                 (sheet, plan, tracking file, first row and count of commitments, milestones and
///                  indicators, rows 1-based)
/// ```
public enum TrackingKey {
    public static let format = MetadataKey.format
    public static let formatValue = "tequio-tracking-workbook-1"
    public static let module = MetadataKey.module
    public static let moduleVersion = MetadataKey.moduleVersion
    public static let language = MetadataKey.language
    public static let plan = "plan"
}
