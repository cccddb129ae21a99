import Foundation
import TequioDocuments
import TequioModel
import TequioReaders
import TequioWriters

/// `tequio build --target print`: the printed workshop kit, `<id>-<version>-print.zip`.
///
/// For each language of the module, one language per piece, PDF files a print shop takes as they are
/// (fonts embedded, paper size set, pages numbered): `handbook-<lang>.pdf` (participant handbook),
/// `facilitator-guide-<lang>.pdf`, `matrix-<matrix>-<lang>.pdf` (the blank matrix on A3 or Tabloid
/// landscape) and `sign-up-<lang>.pdf` (one page per working table). Each piece is a `DocumentLayout`
/// written by the documents' `PDFWriter`, in the look of `templates/documents/branding.json`.
/// `index.html` lists them; `spreadsheets/` has the blank matrices as XLSX and ODS.
public struct PrintKitWriter: TargetWriter {
    public let options: FaceToFaceOptions

    public init(options: FaceToFaceOptions = .init()) { self.options = options }

    /// A piece to write: its file, its layout and the paper it goes on.
    struct Piece: Sendable {
        let file: String
        let title: String
        let layout: DocumentLayout
        let paper: Branding.Paper
    }

    public func render(_ input: BuildInput) throws -> FileTree {
        let module = input.module
        let branding = try Self.branding(input)
        var pieces: [Piece] = []
        var documents: [(language: String, title: String, items: [KitIndexPage.Document])] = []
        for language in module.languages {
            let context = PrintContext(
                module: module, language: language, options: options, catalogue: input.catalogue, assets: input.assets, date: input.date)
            let s = context.strings
            let handouts: Branding.Paper = options.paper == .a4 ? .a4 : .letter
            var mine = [
                Piece(file: "handbook-\(language).pdf", title: s.handbook, layout: HandbookLayout(context: context).layout(), paper: handouts),
                Piece(
                    file: "facilitator-guide-\(language).pdf", title: s.facilitatorGuide, layout: FacilitatorGuideLayout(context: context).layout(),
                    paper: handouts),
            ]
            for matrix in module.matrices {
                let sheet = BlankMatrixLayout(context: context, matrix: matrix)
                mine.append(
                    Piece(
                        file: "matrix-\(matrix.id)-\(language).pdf", title: "\(s.blankMatrix): \(sheet.title)", layout: sheet.layout(),
                        paper: sheet.paper))
            }
            mine.append(Piece(file: "sign-up-\(language).pdf", title: s.signUpSheet, layout: SignUpLayout(context: context).layout(), paper: handouts))
            let paperNames: [Branding.Paper: String] = [.a4: "A4", .letter: "Letter", .a3: "A3", .tabloid: options.paper.largeName]
            documents.append((language, context.title, mine.map { .init(title: $0.title, file: $0.file, paper: paperNames[$0.paper] ?? "") }))
            pieces += mine
        }
        let generator = input.generator
        let written = pieces.concurrentMap { piece -> Result<Data, Error> in
            var look = branding
            look.paper = piece.paper
            if piece.paper == .a3 || piece.paper == .tabloid { look.fonts.tableSize = Self.largeSheetTableSize }
            return Result {
                let pdf = try PDFWriter(branding: look, generator: generator).render(piece.layout)
                try PDFVerification.verify(pdf, displayPath: piece.file)
                return pdf
            }
        }
        var tree = FileTree()
        for (piece, result) in zip(pieces, written) { tree[piece.file] = try result.get() }
        var spreadsheets: [String] = []
        for (name, data) in try BlankSpreadsheets.render(module, options: options, date: input.date, catalogue: input.catalogue) {
            tree["spreadsheets/\(name)"] = data
            spreadsheets.append("spreadsheets/\(name)")
        }
        let main = PrintContext(module: module, language: module.mainLanguage, options: options, catalogue: input.catalogue, date: input.date)
        tree.add("index.html", text: KitIndexPage(context: main, documents: documents, spreadsheets: spreadsheets.sorted()).render())
        return tree
    }

    /// Points of the text in the large sheet's table, read at arm's length on a table.
    static let largeSheetTableSize = 10.5

    /// The look of the plans (`templates/documents/branding.json` and its logo), or Tequio's own when
    /// the templates have none.
    static func branding(_ input: BuildInput) throws -> Branding {
        let files = input.templateFiles(under: "documents")
        guard files[Branding.fileName] != nil else { return .standard }
        return try Branding.load(FileTree(files), folder: "documents")
    }
}
