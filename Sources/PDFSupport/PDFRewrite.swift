import CQPDF
import Foundation

/// Rewrites a PDF through libqpdf, in memory: the result has a sound cross-reference table (cairo
/// 1.16 writes a damaged one when a page has links, and duplicated keys for colour emoji), compressed
/// object streams and an /ID computed from the content, so the same input gives the same bytes.
public enum PDFRewrite {
    /// - Parameters:
    ///   - language: the document's language (BCP 47), written as the catalogue's /Lang.
    ///   - removingInfo: document information keys to drop (`CreationDate`) when no value is known:
    ///     cairo writes the clock time for a date it was not given.
    public static func rewrite(_ pdf: Data, language: String, removingInfo: [String] = []) throws -> Data {
        let q = try QPDFSession()
        try q.read(pdf)
        if !language.isEmpty {
            let root = qpdf_get_root(q.data)
            qpdf_oh_replace_key(q.data, root, "/Lang", qpdf_oh_new_unicode_string(q.data, language))
        }
        if !removingInfo.isEmpty {
            let trailer = qpdf_get_trailer(q.data)
            if qpdf_oh_has_key(q.data, trailer, "/Info") != 0 {
                let info = qpdf_oh_get_key(q.data, trailer, "/Info")
                for key in removingInfo { qpdf_oh_remove_key(q.data, info, "/\(key)") }
            }
        }
        try q.check(qpdf_init_write_memory(q.data), "preparing to write")
        qpdf_set_deterministic_ID(q.data, 1)
        qpdf_set_object_stream_mode(q.data, qpdf_o_generate)
        qpdf_set_compress_streams(q.data, 1)
        try q.check(qpdf_write(q.data), "writing the PDF")
        guard let buffer = qpdf_get_buffer(q.data) else { throw PDFError("qpdf: no output") }
        return Data(bytes: buffer, count: Int(qpdf_get_buffer_length(q.data)))
    }
}
