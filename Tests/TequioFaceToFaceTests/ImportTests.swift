import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioFaceToFace
@testable import TequioReaders

/// The importer on spreadsheets made in code: what it accepts, and the message for each problem.
final class ImportTests: XCTestCase {
    let labels = [
        "Problemas y prioridades de reforma", "¿Quién se beneficia del problema?", "¿Quién resulta afectado?",
        "Acciones que debe realizar el gobierno", "Acciones que debe realizar la sociedad civil", "Resultados esperados",
    ]

    /// A filled table sheet in the blank workbook's layout, with its `tequio` sheet.
    func workbook(
        version: String = "1.0.0", header: [String]? = nil, rows: [[String]], members: [[String]] = [],
        edit: (inout Sheet) -> Void = { _ in }
    ) -> SpreadsheetDocument {
        var sheet = Sheet(name: "Mesa 1")
        func put(_ r: Int, _ c: Int, _ text: String) {
            if !text.isEmpty { sheet.cells[CellAddress(row: r, column: c)] = SheetCell(text: text) }
        }
        put(0, 0, "Mesa de trabajo")
        put(0, 1, "Mesa 1 · Ixtlán")
        put(0, 2, "Municipio")
        put(0, 3, "Ixtlán de Juárez")
        for (c, label) in (header ?? labels).enumerated() { put(1, c, label) }
        put(1, 6, "Título breve")
        for (c, label) in ["Integrante", "Sector", "Cargo o institución"].enumerated() { put(1, 8 + c, label) }
        for (r, row) in rows.enumerated() { for (c, text) in row.enumerated() { put(2 + r, c, text) } }
        for (r, member) in members.enumerated() { for (c, text) in member.enumerated() { put(2 + r, 8 + c, text) } }
        edit(&sheet)
        var meta = Sheet(name: "tequio")
        for (r, (key, value)) in [("format", "tequio-blank-matrix-1"), ("module", "oaxaca-agua"), ("module-version", version),
                                  ("matrix", "plan"), ("language", "es")].enumerated() {
            meta.cells[CellAddress(row: 2 + r, column: 0)] = SheetCell(text: key)
            meta.cells[CellAddress(row: 2 + r, column: 1)] = SheetCell(text: value)
        }
        return SpreadsheetDocument(kind: .xlsx, path: "plan.xlsx", sheets: [sheet, Sheet(name: "Mesa 2"), meta])
    }

    func run(_ document: SpreadsheetDocument) throws -> ([MatrixImporter.Imported], [Diagnostic]) {
        let importer = MatrixImporter(module: try Fixture.module(), timestamp: "2026-11-29T09:00:00Z", catalogue: Fixture.catalogue)
        let result = importer.importDocument(document)
        return (result.matrices, result.diagnostics)
    }

    let full = ["Tandeo sin calendario", "Piperos", "Colonias", "Publicar", "Vigilar", "Calendario publicado"]

    func testAFilledSheetBecomesACompletedMatrix() throws {
        let (matrices, diagnostics) = try run(
            workbook(
                rows: [full + ["  Tandeo\n sin aviso "], [], ["=HYPERLINK(\"x\")", "", "", "+52 951", "- uno\r\n- dos", "@todos"]],
                members: [["Rosa", "gobierno", "Regidora"], ["Mario", "Civil society", ""], ["Ana", "Academia", ""]]))
        XCTAssertEqual(matrices.count, 1)
        let m = try XCTUnwrap(matrices.first?.matrix)
        XCTAssertEqual(m.tableName, "Mesa 1 · Ixtlán")
        XCTAssertEqual(m.municipality, "Ixtlán de Juárez")
        XCTAssertEqual(m.rows.count, 2, "the empty row is skipped")
        XCTAssertEqual(m.rows[1]["problem"], "=HYPERLINK(\"x\")")
        XCTAssertEqual(m.rows.map(\.title), ["Tandeo sin aviso", nil], "the short title, on one line")
        XCTAssertEqual(m.rows[1]["civil-society-actions"], "- uno\n- dos")
        XCTAssertEqual(m.members.map(\.sector), [.government, .civilSociety, .other])
        XCTAssertEqual(m.members[0].role, "Regidora")
        XCTAssertEqual(diagnostics.filter { $0.severity == .warning }.count, 1, "\(diagnostics.map(\.formatted))")
        XCTAssertTrue(diagnostics.contains { $0.message == "sheet 'Mesa 1': cell J5: 'Academia' is not a sector; recorded as 'Otro' (choose one of 'Gobierno', 'Sociedad civil', 'Sector privado', 'Otro')" })
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testAShortTitleIsCheckedLikeACell() throws {
        let long = String(repeating: "calendario ", count: 15)
        var (matrices, diagnostics) = try run(workbook(rows: [full + [long]]))
        XCTAssertTrue(matrices.isEmpty)
        XCTAssertTrue(
            diagnostics.contains { $0.identifier == ImportDiagnosticID.tooLong.rawValue && $0.message.hasPrefix("sheet 'Mesa 1': cell G3: 'Título breve' has 164 characters, over the maximum of 150") },
            "\(diagnostics.map(\.formatted))")
        (matrices, diagnostics) = try run(workbook(rows: [full, ["", "", "", "", "", "", "Sin problema"]]))
        XCTAssertEqual(matrices.first?.matrix.rows.count, 1)
        XCTAssertTrue(diagnostics.contains { $0.message == "sheet 'Mesa 1': cell G4: the title 'Sin problema' has no problem beside it and was not imported" })
    }

    func testEachProblemNamesTheSheetAndCell() throws {
        let cases: [(SpreadsheetDocument, String, String)] = [
            (workbook(version: "0.9.0", rows: [full]), ImportDiagnosticID.wrongVersion.rawValue,
             "sheet 'tequio': cell B5: this spreadsheet was made for version 0.9.0 of 'oaxaca-agua'"),
            (workbook(header: ["Problemas y prioridades de reforma", "Quién gana"] + Array(labels.dropFirst(2)), rows: [full]),
             ImportDiagnosticID.unknownColumn.rawValue, "sheet 'Mesa 1': cell B2: 'Quién gana' is not a column of matrix 'plan'"),
            (workbook(header: Array(labels.dropLast()), rows: [full]), ImportDiagnosticID.missingColumn.rawValue,
             "sheet 'Mesa 1': row 2: column 'Resultados esperados' is missing (it belongs in cell F2)"),
            (workbook(rows: [full]) { $0.merges = [CellRange(a1: "C3:D4")!] }, ImportDiagnosticID.mergedCells.rawValue,
             "sheet 'Mesa 1': cells C3:D4 are merged"),
            (workbook(rows: [full]) { $0.cells[CellAddress(a1: "C3")!] = SheetCell(text: "", formula: "=A3", hasCachedValue: false) },
             ImportDiagnosticID.formulaWithoutValue.rawValue, "sheet 'Mesa 1': cell C3: the formula '=A3' has no stored value"),
            (workbook(rows: [full]) { $0.cells[CellAddress(a1: "C3")!] = SheetCell(text: "#REF!", kind: .error) },
             ImportDiagnosticID.errorValue.rawValue, "sheet 'Mesa 1': cell C3: the cell shows the error '#REF!'"),
            (workbook(rows: [["x", "y", String(repeating: "ñ", count: 1001), "a", "b", "c"]]), ImportDiagnosticID.tooLong.rawValue,
             "sheet 'Mesa 1': cell C3: '¿Quién resulta afectado?' has 1001 characters, over the maximum of 1000"),
        ]
        for (document, identifier, message) in cases {
            let (matrices, diagnostics) = try run(document)
            XCTAssertTrue(matrices.isEmpty)
            let error = diagnostics.first { $0.severity == .error }
            XCTAssertEqual(error?.identifier, identifier, "\(diagnostics.map(\.formatted))")
            XCTAssertTrue(error?.message.hasPrefix(message) == true, "\(error?.message ?? "none")\nexpected: \(message)")
            XCTAssertEqual(error?.location?.file, "plan.xlsx")
        }
    }

    func testAFormulaWithAStoredValueIsImportedWithAWarning() throws {
        let (matrices, diagnostics) = try run(
            workbook(rows: [full]) { $0.cells[CellAddress(a1: "B3")!] = SheetCell(text: "Piperos", formula: "=\"Pipe\"&\"ros\"") })
        XCTAssertEqual(matrices.first?.matrix.rows.first?["beneficiaries"], "Piperos")
        XCTAssertTrue(diagnostics.contains { $0.identifier == ImportDiagnosticID.formula.rawValue && $0.message.hasPrefix("sheet 'Mesa 1': cell B3:") })
    }

    func testCSVWithBOMSemicolonsQuotesAndEnglishLabels() throws {
        let text = "\u{FEFF}Problems and reform priorities;Who benefits from the problem?;who is affected;Actions the government must take;Actions civil society must take;Expected results\r\n"
            + "\"Línea 1\r\nLínea 2 \"\"citada\"\"\";a;b;c;d;e\r\n;;;;;\r\n=SUM(1);+1;-1;@x;d;e\r\n"
        let document = try CSVReader(data: Data(text.utf8), path: "mesa.csv", sheetName: "mesa").read()
        let (matrices, diagnostics) = try run(document)
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
        let m = try XCTUnwrap(matrices.first?.matrix)
        XCTAssertEqual(m.language, "en")
        XCTAssertEqual(m.tableName, "mesa")
        XCTAssertEqual(m.rows.map { $0["problem"] }, ["Línea 1\nLínea 2 \"citada\"", "=SUM(1)"])
        XCTAssertEqual(m.rows[1]["beneficiaries"], "+1")
    }

    func testAnUnknownCSVHeaderGivesTheLine() throws {
        let document = try CSVReader(data: Data("problem,notes\nx,y\n".utf8), path: "m.csv", sheetName: "m").read()
        let (_, diagnostics) = try run(document)
        XCTAssertTrue(diagnostics.contains { $0.formatted.hasPrefix("m.csv:1: error: cell B1: 'notes' is not a column of matrix 'plan'") },
                      "\(diagnostics.map(\.formatted))")
    }

    // MARK: Issue 10: never alter a participant's text in silence, never write what check refuses

    let header = "problem,beneficiaries,affected,government-actions,civil-society-actions,expected-results\n"

    func csv(_ text: String, _ name: String = "m.csv") throws -> SpreadsheetDocument {
        try CSVReader(data: Data(text.utf8), path: name, sheetName: "m").read()
    }

    func testControlCharactersInACSVCellAreNamedInAWarning() throws {
        let (matrices, diagnostics) = try run(try csv(header + "Pro\u{0}blema\u{1}\u{B}dos\u{1F}\u{FFFE},b,c,d,e,f\n"))
        XCTAssertEqual(matrices.first?.matrix.rows.first?["problem"], "Problema\ndos", "a vertical tab becomes a line break")
        let warning = try XCTUnwrap(diagnostics.first { $0.identifier == ImportDiagnosticID.removedCharacters.rawValue })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(
            warning.formatted,
            "m.csv:2: warning: cell A2: 4 invisible control characters that a matrix file cannot store were removed (U+0000 (NUL), U+0001, U+001F, U+FFFE (not a character)); 1 vertical tab or form feed became a line break; the text was imported as 'Problema⏎dos' [import.removed-characters]")
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testControlCharactersFromAnXLSXEscapeAreNamedWithSheetAndCell() throws {
        // `_x0001_` in SpreadsheetML is how Excel stores U+0001: the reader decodes it, the importer says so.
        let stream = WorksheetStream(name: "Mesa 1", sharedStrings: [])
        let part = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Vigilar_x0001_ _x0000_</t></is></c></row></sheetData></worksheet>"#
        XCTAssertEqual(SafeXMLParser.stream(Data(part.utf8), path: "sheet1.xml", to: stream), [])
        let cell = try XCTUnwrap(stream.sheet.cells[CellAddress(a1: "A1")!])
        XCTAssertEqual(cell.text, "Vigilar\u{1} \u{0}")
        let (matrices, diagnostics) = try run(workbook(rows: [full]) { $0.cells[CellAddress(a1: "E3")!] = cell })
        XCTAssertEqual(matrices.first?.matrix.rows.first?["civil-society-actions"], "Vigilar ")
        XCTAssertTrue(
            diagnostics.contains {
                $0.identifier == ImportDiagnosticID.removedCharacters.rawValue
                    && $0.message.hasPrefix("sheet 'Mesa 1': cell E3: 2 invisible control characters that a matrix file cannot store were removed (U+0001, U+0000 (NUL))")
            }, "\(diagnostics.map(\.formatted))")
    }

    func testACellOfControlCharactersOnlyIsEmptyAndARequiredOneIsAnError() throws {
        let (matrices, diagnostics) = try run(try csv(header + "\u{0}\u{0},b,c,d,e,f\n"))
        XCTAssertTrue(matrices.isEmpty)
        XCTAssertTrue(diagnostics.contains { $0.formatted.hasPrefix("m.csv:2: error: cell A2: the required column 'Problemas y prioridades de reforma' is empty in this row") },
                      "\(diagnostics.map(\.formatted))")
    }

    func testAShortCSVRowIsRefusedNamingEachEmptyRequiredCell() throws {
        let (matrices, diagnostics) = try run(try csv(header + "x,y,z\n"))
        XCTAssertTrue(matrices.isEmpty)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.identifier), Array(repeating: ImportDiagnosticID.missingRequired.rawValue, count: 3))
        XCTAssertEqual(
            errors.first?.formatted,
            "m.csv:2: error: cell D2: the required column 'Acciones que debe realizar el gobierno' is empty in this row (line 2 has 3 fields, the header 6: are separators missing?); fill it in, or delete the row's other cells if the row is not meant to be imported [import.missing-required]")
        XCTAssertEqual(errors.map { $0.message.prefix(8) }, ["cell D2:", "cell E2:", "cell F2:"])
    }

    func testTextOutsideTheTableIsNamedInAWarning() throws {
        let (matrices, diagnostics) = try run(try csv(header + "a,b,c,d,e,f,nota al margen,otra\n"))
        XCTAssertEqual(matrices.count, 1)
        XCTAssertTrue(
            diagnostics.contains {
                $0.formatted == "m.csv:2: warning: 2 cells outside the table's columns were not imported: G2 'nota al margen', H2 'otra'; move the text into a column of the matrix if it belongs to the plan [import.ignored-cells]"
            }, "\(diagnostics.map(\.formatted))")
    }

    func testTooManyRowsInAWorkbookSheetIsAnError() throws {
        let (matrices, diagnostics) = try run(
            workbook(rows: []) { sheet in
                for r in 0...MatrixImporter.maxRows { for (c, t) in self.full.enumerated() { sheet.cells[CellAddress(row: 2 + r, column: c)] = SheetCell(text: t) } }
            })
        XCTAssertTrue(matrices.isEmpty)
        XCTAssertEqual(diagnostics.first { $0.severity == .error }?.identifier, ImportDiagnosticID.tooManyRows.rawValue)
    }

    func testAHiddenSheetOfAPlainWorkbookIsNamedInAWarning() throws {
        var visible = Sheet(name: "Mesa 1")
        var hidden = Sheet(name: "Mesa oculta", hidden: true)
        for (c, label) in labels.enumerated() {
            visible.cells[CellAddress(row: 0, column: c)] = SheetCell(text: label)
            hidden.cells[CellAddress(row: 0, column: c)] = SheetCell(text: label)
        }
        for (c, t) in full.enumerated() {
            visible.cells[CellAddress(row: 1, column: c)] = SheetCell(text: t)
            hidden.cells[CellAddress(row: 1, column: c)] = SheetCell(text: t)
        }
        let (matrices, diagnostics) = try run(SpreadsheetDocument(kind: .xlsx, path: "plan.xlsx", sheets: [visible, hidden]))
        XCTAssertEqual(matrices.map(\.sheet), ["Mesa 1"])
        XCTAssertTrue(
            diagnostics.contains { $0.formatted.hasPrefix("plan.xlsx: warning: sheet 'Mesa oculta' is hidden and was not imported") },
            "\(diagnostics.map(\.formatted))")
    }

    func testMessagesShowInvisibleCharactersByName() {
        XCTAssertEqual(CellText.printable("a\u{1B}[31mb\u{0}\n"), "a⟨U+001B (escape)⟩[31mb⟨U+0000 (NUL)⟩⏎")
    }

    func testAnODSRowWithSpacesTabsAndBreaksReadsBackExactly() throws {
        // Our ODS paragraph writer and the reader agree on ODF's white-space rules.
        let w = XMLWriterProbe.paragraphs(" two  spaces\tand a tab ")
        XCTAssertEqual(w, " two  spaces\tand a tab ")
    }
}

/// Writes a paragraph with `ODFText` and reads it back with `ODSReader.paragraphText`.
enum XMLWriterProbe {
    static func paragraphs(_ text: String) -> String {
        let w = XMLWriter()
        w.start("text:p-holder", ["xmlns:text": ODSReader.textNS])
        ODFText.paragraph(w, text)
        w.end()
        let data = (try? w.finish()) ?? Data()
        guard let doc = SafeXMLParser.parse(data, path: "p.xml").document else { return "<unparsable>" }
        return ODSReader.paragraphText(doc.root.elements[0])
    }
}
