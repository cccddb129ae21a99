import Foundation
import TequioModel
import TequioWriters

/// `tequio build --target print`: the printable workshop kit, `<id>-<version>-print.zip`.
///
/// For each language of the module: `handbook-<lang>.html` (participant handbook),
/// `facilitator-guide-<lang>.html`, `matrix-<matrix>-<lang>.html` (the blank matrix on A3 or Tabloid
/// landscape) and `sign-up-<lang>.html` (one page per working table). All share `print.css`
/// (`templates/print/print.css`) and set their own `@page` size, so they print correctly from any
/// browser. `index.html` lists them; `media/` has the images they use; `spreadsheets/` has the
/// blank matrices as XLSX and ODS.
public struct PrintKitWriter: TargetWriter {
    public let options: FaceToFaceOptions

    public init(options: FaceToFaceOptions = .init()) { self.options = options }

    public func render(_ input: BuildInput) throws -> FileTree {
        let module = input.module
        var tree = FileTree()
        tree.add("print.css", text: try input.template("print/print.css"))
        var images = Set<String>()
        var documents: [(String, [(String, String)])] = []
        for language in module.languages {
            let base = PrintContext(module: module, language: language, options: options, catalogue: input.catalogue)
            let s = base.strings
            var items: [(String, String)] = []

            var handbook = HandbookPage(context: base)
            tree.add("handbook-\(language).html", text: handbook.render())
            images.formUnion(handbook.context.images)
            items.append((s.handbook, "handbook-\(language).html"))

            var guide = FacilitatorGuidePage(context: base)
            tree.add("facilitator-guide-\(language).html", text: guide.render())
            images.formUnion(guide.context.images)
            items.append((s.facilitatorGuide, "facilitator-guide-\(language).html"))

            for matrix in module.matrices {
                var page = BlankMatrixPage(context: base, matrix: matrix)
                let file = "matrix-\(matrix.id)-\(language).html"
                tree.add(file, text: page.render())
                let title = base.text(matrix.title).isEmpty ? matrix.id : base.text(matrix.title)
                items.append(("\(s.blankMatrix) (\(options.paper.largeName)): \(title)", file))
            }

            var signUp = SignUpSheetPage(context: base)
            tree.add("sign-up-\(language).html", text: signUp.render())
            items.append((s.signUpSheet, "sign-up-\(language).html"))
            documents.append((language, items))
        }
        for src in images.sorted() {
            // Only files the module shipped; anything else was already reported by the module reader.
            if let data = input.assets[src], FileTree.isSafeRelativePath(src) { tree[src] = data }
        }
        var spreadsheets: [String] = []
        for (name, data) in try BlankSpreadsheets.render(module, options: options, date: input.date, catalogue: input.catalogue) {
            tree["spreadsheets/\(name)"] = data
            spreadsheets.append("spreadsheets/\(name)")
        }
        tree.add(
            "index.html",
            text: KitIndexPage(
                module: module, options: options, catalogue: input.catalogue, documents: documents,
                spreadsheets: spreadsheets.sorted()
            ).render())
        return tree
    }
}
