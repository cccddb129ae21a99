import CQPDF
import Foundation

/// What libqpdf finds in a PDF: every page's size, the catalogue's language, and the damage `qpdf
/// --check` would report (in-process: no program is run).
public struct PDFCheck: Sendable {
    /// Each page's media box, width and height in points.
    public var pageSizes: [(width: Double, height: Double)]
    public var language: String?
    /// qpdf's warnings and errors; empty for a sound file.
    public var problems: [String]

    public init(_ pdf: Data) {
        do {
            let q = try QPDFSession()
            try q.read(pdf)
            try q.check(qpdf_check_pdf(q.data), "checking the PDF")
            let d = q.data
            var sizes: [(width: Double, height: Double)] = []
            for i in 0..<max(0, Int(qpdf_get_num_pages(d))) {
                let box = qpdf_oh_get_key(d, qpdf_get_page_n(d, i), "/MediaBox")
                guard qpdf_oh_get_array_n_items(d, box) == 4 else { continue }
                let v = (0..<4).map { qpdf_oh_get_numeric_value(d, qpdf_oh_get_array_item(d, box, Int32($0))) }
                sizes.append((abs(v[2] - v[0]), abs(v[3] - v[1])))
            }
            let root = qpdf_get_root(d)
            var language: String?
            if qpdf_oh_has_key(d, root, "/Lang") != 0, let text = qpdf_oh_get_utf8_value(d, qpdf_oh_get_key(d, root, "/Lang")) {
                language = String(cString: text)
            }
            self.init(pageSizes: sizes, language: language, problems: q.warnings())
        } catch {
            self.init(pageSizes: [], language: nil, problems: ["\(error)"])
        }
    }

    init(pageSizes: [(width: Double, height: Double)], language: String?, problems: [String]) {
        self.pageSizes = pageSizes
        self.language = language
        self.problems = problems
    }
}
