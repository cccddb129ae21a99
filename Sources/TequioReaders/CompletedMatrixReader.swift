import Foundation
import TequioModel
import XMLSupport

/// Reads completed-matrix files (`docs/completed-matrix-format.md`): parsed safely, validated against
/// `schemas/tequio-completed-matrix-1.rng`, then turned into a `CompletedMatrix`.
public struct CompletedMatrixReader: Sendable {
    public static let namespace = "urn:tequio:completed-matrix:1"

    public let schemas: SchemaSet
    public var limits: XMLParseLimits

    public init(schemas: SchemaSet, limits: XMLParseLimits = .init(maxFileBytes: 16 << 20)) {
        self.schemas = schemas
        self.limits = limits
    }

    /// A matrix with the source location of its parts, for diagnostics.
    public struct Located: Sendable {
        public var matrix: CompletedMatrix
        public var path: String
        public var rootLocation: SourceLocation
        /// Per row: its location and each cell's location by column id.
        public var rowLocations: [SourceLocation]
        public var cellLocations: [[String: SourceLocation]]
        /// Cells repeated in a row: (row index, column, location).
        public var duplicateCells: [(row: Int, column: String, location: SourceLocation)]
    }

    public func read(_ url: URL) -> (Located?, [Diagnostic]) {
        let display = DisplayPath.of(url)
        return interpret(SafeXMLParser.parseFile(url, displayPath: display, limits: limits))
    }

    public func read(_ data: Data, path: String) -> (Located?, [Diagnostic]) {
        interpret(SafeXMLParser.parse(data, path: path, limits: limits))
    }

    private func interpret(_ parsed: XMLParseResult) -> (Located?, [Diagnostic]) {
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document else { return (nil, diagnostics) }
        let root = document.root!
        guard root.namespace == Self.namespace, root.name == "completed-matrix" else {
            diagnostics.append(
                .error(
                    MatrixDiagnosticID.notAMatrix,
                    "root element is '\(root.name)' in namespace '\(root.namespace ?? "")', expected 'completed-matrix' in '\(Self.namespace)'",
                    at: root.location))
            return (nil, diagnostics)
        }
        do {
            let schemaDiagnostics = try schemas.relaxNG(SchemaSet.completedMatrix).validate(document)
            diagnostics += (try? schemas.explainer(SchemaSet.completedMatrix))?.explain(schemaDiagnostics, root: root, path: document.path)
                ?? schemaDiagnostics
        } catch {
            diagnostics.append(.error(TequioDiagnosticID.schemaMissing, "\(error)", at: nil))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        let table = root.element(named: "table")
        let members = (root.element(named: "members")?.elements(named: "member") ?? []).map {
            CompletedMatrix.Member(
                name: $0.element(named: "name")?.text ?? "",
                sector: CompletedMatrix.Sector(rawValue: $0.attribute("sector") ?? "") ?? .other,
                role: $0.element(named: "role")?.text)
        }
        var rows: [CompletedMatrix.Row] = []
        var rowLocations: [SourceLocation] = []
        var cellLocations: [[String: SourceLocation]] = []
        var duplicates: [(Int, String, SourceLocation)] = []
        for (index, r) in (root.element(named: "rows")?.elements(named: "row") ?? []).enumerated() {
            var cells: [String: String] = [:]
            var locations: [String: SourceLocation] = [:]
            for c in r.elements(named: "cell") {
                let column = c.attribute("column") ?? ""
                if locations[column] != nil {
                    duplicates.append((index, column, c.location))
                    continue
                }
                let text = c.text
                cells[column] = text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
                locations[column] = c.location
            }
            var alternatives: [String: [CompletedMatrix.Alternative]] = [:]
            for a in r.elements(named: "alternative") {
                alternatives[a.attribute("column") ?? "", default: []].append(.init(source: a.attribute("source") ?? "", text: a.text))
            }
            let notes = r.elements(named: "review-note").map {
                CompletedMatrix.ReviewNote(
                    column: $0.attribute("column") ?? "", kind: .init(rawValue: $0.attribute("kind") ?? "") ?? .comment,
                    author: $0.attribute("author") ?? "", date: $0.attribute("date") ?? "",
                    status: .init(rawValue: $0.attribute("status") ?? "") ?? .open, text: $0.text)
            }
            rows.append(CompletedMatrix.Row(cells: cells, title: r.attribute("title"), alternatives: alternatives, reviewNotes: notes))
            rowLocations.append(r.location)
            cellLocations.append(locations)
        }
        let notes = (root.element(named: "notes")?.elements(named: "note") ?? []).map {
            CompletedMatrix.Note(question: $0.attribute("question") ?? "", text: $0.text)
        }
        var matrix = CompletedMatrix(
            moduleID: root.attribute("module") ?? "", moduleVersion: root.attribute("module-version") ?? "",
            matrixID: root.attribute("matrix") ?? "", language: root.language ?? "es",
            draft: Int(root.attribute("draft") ?? "1") ?? 1, created: root.attribute("created") ?? "",
            modified: root.attribute("modified") ?? "", tableName: table?.element(named: "name")?.text ?? "",
            municipality: table?.element(named: "municipality")?.text ?? "", members: members, rows: rows, notes: notes)
        matrix.mergedFrom = root.element(named: "merged-from")?.elements(named: "source").map(\.text) ?? []
        return (
            Located(
                matrix: matrix, path: document.path, rootLocation: root.location, rowLocations: rowLocations,
                cellLocations: cellLocations, duplicateCells: duplicates), diagnostics
        )
    }
}

/// Checks a completed matrix against the module it claims to belong to.
public enum CompletedMatrixValidation {
    public static func check(_ located: CompletedMatrixReader.Located, against module: Module) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let m = located.matrix
        let at = located.rootLocation
        if m.moduleID != module.id {
            diagnostics.append(.error(MatrixDiagnosticID.wrongModule, "matrix belongs to module '\(m.moduleID)', not '\(module.id)'", at: at))
            return diagnostics
        }
        if m.moduleVersion != module.version {
            diagnostics.append(
                .error(MatrixDiagnosticID.wrongVersion, "matrix was made for version \(m.moduleVersion) of '\(module.id)', but the module is version \(module.version)", at: at))
        }
        guard let definition = module.matrix(id: m.matrixID) else {
            diagnostics.append(
                .error(
                    MatrixDiagnosticID.unknownMatrix,
                    "module '\(module.id)' has no matrix '\(m.matrixID)' (it has: \(module.matrices.map(\.id).joined(separator: ", ")))", at: at))
            return diagnostics
        }
        for duplicate in located.duplicateCells {
            diagnostics.append(
                .error(MatrixDiagnosticID.duplicateCell, "row \(duplicate.row + 1) has column '\(duplicate.column)' twice", at: duplicate.location))
        }
        let language = m.language
        for (index, row) in m.rows.enumerated() {
            let locations = located.cellLocations[index]
            for (column, text) in row.cells.sorted(by: { $0.key < $1.key }) {
                let location = locations[column] ?? located.rowLocations[index]
                guard let c = definition.column(column) else {
                    diagnostics.append(
                        .error(
                            MatrixDiagnosticID.unknownColumn,
                            "row \(index + 1) has a cell for column '\(column)', which matrix '\(definition.id)' does not have (columns: \(definition.columns.map(\.id).joined(separator: ", ")))",
                            at: location))
                    continue
                }
                if let max = c.maxLength, text.count > max {
                    diagnostics.append(
                        .error(
                            MatrixDiagnosticID.tooLong,
                            "row \(index + 1), '\(c.label.resolved(language) ?? c.id)': \(text.count) characters, over the maximum of \(max)",
                            at: location))
                }
            }
            if row.titleText.count > CompletedMatrix.Row.maxTitleLength {
                diagnostics.append(
                    .error(
                        MatrixDiagnosticID.tooLong,
                        "row \(index + 1)'s title: \(row.titleText.count) characters, over the maximum of \(CompletedMatrix.Row.maxTitleLength); a title names the problem in a few words",
                        at: located.rowLocations[index]))
            }
            let annotated = Set(row.alternatives.keys).union(row.reviewNotes.map(\.column))
            for column in annotated.sorted() where definition.column(column) == nil {
                diagnostics.append(
                    .error(
                        MatrixDiagnosticID.unknownColumn,
                        "row \(index + 1) has a note or an alternative text for column '\(column)', which matrix '\(definition.id)' does not have",
                        at: located.rowLocations[index]))
            }
            guard !row.isEmpty else { continue }
            for c in definition.columns where c.required && row[c.id].allSatisfy(\.isWhitespace) {
                diagnostics.append(
                    .error(
                        MatrixDiagnosticID.missingRequired, "row \(index + 1) has no text in the required column '\(c.label.resolved(language) ?? c.id)'",
                        at: located.rowLocations[index]))
            }
        }
        return diagnostics
    }
}
