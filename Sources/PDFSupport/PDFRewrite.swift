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
        let q = try Handle()
        try pdf.withUnsafeBytes { bytes in
            let base = bytes.bindMemory(to: CChar.self).baseAddress
            try q.check(qpdf_read_memory(q.data, "document.pdf", base, UInt64(bytes.count), nil), "reading the PDF cairo wrote")
        }
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

    /// A libqpdf session, freed in deinit. Warnings (a damaged table that qpdf repairs) are expected
    /// and not printed; errors throw.
    private final class Handle {
        var data: qpdf_data?

        init() throws {
            guard let d = qpdf_init() else { throw PDFError("qpdf: cannot start") }
            data = d
            qpdf_silence_errors(d)
            qpdf_set_suppress_warnings(d, 1)
        }

        deinit { qpdf_cleanup(&data) }

        func check(_ code: QPDF_ERROR_CODE, _ doing: String) throws {
            guard code & QPDF_ERRORS != 0 || qpdf_has_error(data) != 0 else { return }
            let message = qpdf_has_error(data) != 0 ? String(cString: qpdf_get_error_full_text(data, qpdf_get_error(data))) : "unknown error"
            throw PDFError("qpdf: \(doing): \(message)")
        }
    }
}
