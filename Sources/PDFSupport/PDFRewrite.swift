import CQPDF
import Foundation

/// Rewrites a PDF through libqpdf, in memory: adds the catalogue's language, the tagged-PDF declaration
/// and the link annotations
/// (cairo 1.16's own lose their destination and damage the cross-reference table), repairs what cairo
/// gets wrong (duplicated keys for colour emoji), and writes compressed object streams and an /ID
/// computed from the content, so the same input gives the same bytes.
public enum PDFRewrite {
    /// - Parameters:
    ///   - language: the document's language (BCP 47), written as the catalogue's /Lang.
    ///   - removingInfo: document information keys to drop (`CreationDate`) when no value is known:
    ///     cairo writes the clock time for a date it was not given.
    ///   - links: link annotations to add (`PDFCanvas.links`).
    public static func rewrite(_ pdf: Data, language: String, removingInfo: [String] = [], links: [PDFLink] = []) throws -> Data {
        let q = try QPDFSession()
        try q.read(pdf)
        if !language.isEmpty {
            let root = qpdf_get_root(q.data)
            qpdf_oh_replace_key(q.data, root, "/Lang", qpdf_oh_new_unicode_string(q.data, language))
        }
        markTagged(q)
        if !removingInfo.isEmpty {
            let trailer = qpdf_get_trailer(q.data)
            if qpdf_oh_has_key(q.data, trailer, "/Info") != 0 {
                let info = qpdf_oh_get_key(q.data, trailer, "/Info")
                for key in removingInfo { qpdf_oh_remove_key(q.data, info, "/\(key)") }
            }
        }
        try addLinks(links, q)
        try q.check(qpdf_init_write_memory(q.data), "preparing to write")
        qpdf_set_deterministic_ID(q.data, 1)
        qpdf_set_object_stream_mode(q.data, qpdf_o_generate)
        qpdf_set_compress_streams(q.data, 1)
        try q.check(qpdf_write(q.data), "writing the PDF")
        guard let buffer = qpdf_get_buffer(q.data) else { throw PDFError("qpdf: no output") }
        return Data(bytes: buffer, count: Int(qpdf_get_buffer_length(q.data)))
    }

    /// Declares the document tagged (/MarkInfo /Marked true) when cairo wrote a structure tree, and puts
    /// the tree's elements under one /Document element. Cairo 1.16 writes the elements and the marked
    /// content but neither of these, which readers expect (and it drops a tag spanning pages).
    private static func markTagged(_ q: QPDFSession) {
        let d = q.data
        let root = qpdf_get_root(d)
        guard qpdf_oh_has_key(d, root, "/StructTreeRoot") != 0 else { return }
        let info = qpdf_oh_new_dictionary(d)
        qpdf_oh_replace_key(d, info, "/Marked", qpdf_oh_new_bool(d, 1))
        qpdf_oh_replace_key(d, root, "/MarkInfo", info)
        let tree = qpdf_oh_get_key(d, root, "/StructTreeRoot")
        let kids = qpdf_oh_get_key(d, tree, "/K")
        guard qpdf_oh_is_array(d, kids) != 0 else { return }
        let document = qpdf_oh_new_dictionary(d)
        qpdf_oh_replace_key(d, document, "/Type", qpdf_oh_new_name(d, "/StructElem"))
        qpdf_oh_replace_key(d, document, "/S", qpdf_oh_new_name(d, "/Document"))
        qpdf_oh_replace_key(d, document, "/P", tree)
        qpdf_oh_replace_key(d, document, "/K", kids)
        let element = qpdf_make_indirect_object(d, document)
        for i in 0..<qpdf_oh_get_array_n_items(d, kids) {
            let kid = qpdf_oh_get_array_item(d, kids, i)
            if qpdf_oh_is_dictionary(d, kid) != 0 { qpdf_oh_replace_key(d, kid, "/P", element) }
        }
        qpdf_oh_replace_key(d, tree, "/K", element)
    }

    /// Each link as a /Link annotation of its page (no border) with an /XYZ destination: the target
    /// page, the left edge, the target's height, the zoom unchanged.
    private static func addLinks(_ links: [PDFLink], _ q: QPDFSession) throws {
        guard !links.isEmpty else { return }
        let d = q.data
        let count = Int(qpdf_get_num_pages(d))
        func height(_ page: qpdf_oh) -> Double {
            let box = qpdf_oh_get_key(d, page, "/MediaBox")
            guard qpdf_oh_get_array_n_items(d, box) == 4 else { return 0 }
            return qpdf_oh_get_numeric_value(d, qpdf_oh_get_array_item(d, box, 3)) - qpdf_oh_get_numeric_value(d, qpdf_oh_get_array_item(d, box, 1))
        }
        func numbers(_ values: [Double]) -> qpdf_oh {
            let array = qpdf_oh_new_array(d)
            for v in values { qpdf_oh_append_item(d, array, qpdf_oh_new_real_from_double(d, v, 2)) }
            return array
        }
        for link in links {
            guard (1...count).contains(link.page), (1...count).contains(link.targetPage) else {
                throw PDFError("qpdf: a link from page \(link.page) to page \(link.targetPage) of \(count)")
            }
            let page = qpdf_get_page_n(d, link.page - 1)
            let target = qpdf_get_page_n(d, link.targetPage - 1)
            let h = height(page)
            let annotation = qpdf_oh_new_dictionary(d)
            qpdf_oh_replace_key(d, annotation, "/Type", qpdf_oh_new_name(d, "/Annot"))
            qpdf_oh_replace_key(d, annotation, "/Subtype", qpdf_oh_new_name(d, "/Link"))
            qpdf_oh_replace_key(d, annotation, "/Rect", numbers([link.x, h - link.y - link.height, link.x + link.width, h - link.y]))
            qpdf_oh_replace_key(d, annotation, "/Border", numbers([0, 0, 0]))
            let destination = qpdf_oh_new_array(d)
            qpdf_oh_append_item(d, destination, target)
            qpdf_oh_append_item(d, destination, qpdf_oh_new_name(d, "/XYZ"))
            qpdf_oh_append_item(d, destination, qpdf_oh_new_integer(d, 0))
            qpdf_oh_append_item(d, destination, qpdf_oh_new_real_from_double(d, height(target) - link.targetY, 2))
            qpdf_oh_append_item(d, destination, qpdf_oh_new_null(d))
            qpdf_oh_replace_key(d, annotation, "/Dest", destination)
            if qpdf_oh_has_key(d, page, "/Annots") == 0 { qpdf_oh_replace_key(d, page, "/Annots", qpdf_oh_new_array(d)) }
            qpdf_oh_append_item(d, qpdf_oh_get_key(d, page, "/Annots"), qpdf_make_indirect_object(d, annotation))
        }
        try q.check(QPDF_SUCCESS, "adding the links")
    }
}
