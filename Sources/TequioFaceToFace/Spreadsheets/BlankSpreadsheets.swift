import Foundation
import TequioModel
import TequioWriters

/// Options shared by the face-to-face writers.
public struct FaceToFaceOptions: Sendable, Equatable {
    /// Paper for handouts (A4 or Letter); the blank matrix goes on the large size of the same series.
    public var paper: PaperSize
    /// Table sheets in each blank workbook, and sign-up pages in the kit.
    public var tables: Int

    public init(paper: PaperSize = .a4, tables: Int = 8) {
        self.paper = paper
        self.tables = max(1, min(tables, 50))
    }
}

/// The blank matrices of a module as spreadsheets: for each matrix and each language of the module,
/// `<id>-<version>-<matrix>-<lang>.xlsx` and `.ods`.
public enum BlankSpreadsheets {
    /// File name → bytes.
    public static func render(_ module: Module, options: FaceToFaceOptions, date: Date, catalogue: StringCatalogue) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for matrix in module.matrices {
            for language in module.languages {
                let layout = WorkbookLayout(
                    module: module, matrix: matrix, language: language, tables: options.tables, catalogue: catalogue)
                let book = BlankWorkbook(layout: layout)
                let stem = fileStem(module, matrix: matrix, language: language)
                files["\(stem).xlsx"] = try XLSXWriter(workbook: book, paper: options.paper).data(date: date)
                files["\(stem).ods"] = try ODSWriter(workbook: book, paper: options.paper).data(date: date)
            }
        }
        return files
    }

    public static func fileStem(_ module: Module, matrix: MatrixDefinition, language: String) -> String {
        "\(module.id)-\(module.version)-\(matrix.id)-\(language)"
    }

    /// The parts of the XLSX package (for conformance tests).
    public static func xlsxParts(
        _ module: Module, matrix: MatrixDefinition, language: String, options: FaceToFaceOptions = .init(), catalogue: StringCatalogue
    ) throws -> FileTree {
        let layout = WorkbookLayout(module: module, matrix: matrix, language: language, tables: options.tables, catalogue: catalogue)
        return try XLSXWriter(workbook: BlankWorkbook(layout: layout), paper: options.paper).files()
    }

    /// The parts of the ODS package (for conformance tests).
    public static func odsParts(
        _ module: Module, matrix: MatrixDefinition, language: String, options: FaceToFaceOptions = .init(), catalogue: StringCatalogue
    ) throws -> FileTree {
        let layout = WorkbookLayout(module: module, matrix: matrix, language: language, tables: options.tables, catalogue: catalogue)
        return try ODSWriter(workbook: BlankWorkbook(layout: layout), paper: options.paper).files()
    }
}

/// `tequio build --target sheets`: the blank spreadsheets alone, in `<id>-<version>-sheets.zip`.
public struct SpreadsheetsWriter: TargetWriter {
    public let options: FaceToFaceOptions

    public init(options: FaceToFaceOptions = .init()) { self.options = options }

    public func render(_ input: BuildInput) throws -> FileTree {
        guard !input.module.matrices.isEmpty else {
            throw WriterError.unsupported("module '\(input.module.id)' declares no matrix: there is no blank spreadsheet to write")
        }
        var tree = FileTree()
        for (name, data) in try BlankSpreadsheets.render(input.module, options: options, date: input.date, catalogue: input.catalogue) { tree[name] = data }
        return tree
    }
}
