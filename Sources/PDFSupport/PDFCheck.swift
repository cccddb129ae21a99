import CQPDF
import Foundation

/// What libqpdf finds in a PDF: every page's size, the catalogue's language, and the damage `qpdf
/// --check` would report (in-process: no program is run).
public struct PDFCheck: Sendable {
    /// Each page's media box, width and height in points.
    public var pageSizes: [(width: Double, height: Double)]
    public var language: String?
    /// Each link annotation: its page and the page its destination is on (from 1; 0 when it has none).
    public var links: [(page: Int, target: Int)]
    /// The text alternative (/Alt) of each /Figure element of the structure tree, in order ("" for none).
    public var figureAlternatives: [String] = []
    /// qpdf's warnings and errors; empty for a sound file.
    public var problems: [String]

    /// Reads the file as `qpdf --check` does: every object, and every page's content streams decoded and
    /// parsed (the tests' check; `PDFReadBack` is the output stage's).
    public init(_ pdf: Data) {
        do {
            let q = try QPDFSession()
            try q.read(pdf)
            let d = q.data
            try q.check(qpdf_check_pdf(d), "checking the PDF")
            var sizes: [(width: Double, height: Double)] = []
            let count = max(0, Int(qpdf_get_num_pages(d)))
            let ids = (0..<count).map { qpdf_oh_get_object_id(d, qpdf_get_page_n(d, $0)) }
            var links: [(page: Int, target: Int)] = []
            for i in 0..<count {
                let annotations = qpdf_oh_get_key(d, qpdf_get_page_n(d, i), "/Annots")
                guard qpdf_oh_is_array(d, annotations) != 0 else { continue }
                for n in 0..<max(0, qpdf_oh_get_array_n_items(d, annotations)) {
                    let a = qpdf_oh_get_array_item(d, annotations, n)
                    guard let subtype = qpdf_oh_get_name(d, qpdf_oh_get_key(d, a, "/Subtype")), String(cString: subtype) == "/Link" else { continue }
                    let destination = qpdf_oh_get_key(d, a, "/Dest")
                    let id = qpdf_oh_get_array_n_items(d, destination) > 0 ? qpdf_oh_get_object_id(d, qpdf_oh_get_array_item(d, destination, 0)) : -1
                    links.append((i + 1, (ids.firstIndex(of: id) ?? -1) + 1))
                }
            }
            for i in 0..<count {
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
            self.init(pageSizes: sizes, language: language, links: links, problems: q.warnings())
            if qpdf_oh_has_key(d, root, "/StructTreeRoot") != 0 {
                figureAlternatives = Self.figures(under: qpdf_oh_get_key(d, qpdf_oh_get_key(d, root, "/StructTreeRoot"), "/K"), d)
            }
        } catch {
            self.init(pageSizes: [], language: nil, links: [], problems: ["\(error)"])
        }
    }

    /// The /Figure elements under a structure element's /K, depth first.
    private static func figures(under kids: qpdf_oh, _ d: qpdf_data?, depth: Int = 0) -> [String] {
        guard depth < 64 else { return [] }
        if qpdf_oh_is_array(d, kids) != 0 {
            return (0..<max(0, qpdf_oh_get_array_n_items(d, kids))).flatMap { figures(under: qpdf_oh_get_array_item(d, kids, $0), d, depth: depth + 1) }
        }
        guard qpdf_oh_is_dictionary(d, kids) != 0 else { return [] }
        var result: [String] = []
        if let s = qpdf_oh_get_name(d, qpdf_oh_get_key(d, kids, "/S")), String(cString: s) == "/Figure" {
            let alt = qpdf_oh_has_key(d, kids, "/Alt") != 0 ? qpdf_oh_get_utf8_value(d, qpdf_oh_get_key(d, kids, "/Alt")).map { String(cString: $0) } : nil
            result.append(alt ?? "")
        }
        return result + figures(under: qpdf_oh_get_key(d, kids, "/K"), d, depth: depth + 1)
    }

    init(pageSizes: [(width: Double, height: Double)], language: String?, links: [(page: Int, target: Int)], problems: [String]) {
        self.pageSizes = pageSizes
        self.language = language
        self.links = links
        self.problems = problems
    }
}
