import CQPDF
import Foundation

/// A libqpdf session, freed in deinit: the one place that reads libqpdf's error codes. Warnings (a
/// damaged table that qpdf repairs) are kept, not printed; errors throw.
final class QPDFSession {
    private(set) var data: qpdf_data?
    /// The bytes being read: libqpdf reads objects from them lazily, for as long as the session lives,
    /// so they are a copy the session owns (a `Data`'s bytes are only valid inside `withUnsafeBytes`).
    private var input: UnsafeMutableRawBufferPointer?

    init() throws {
        guard let d = qpdf_init() else { throw PDFError("qpdf: cannot start") }
        data = d
        qpdf_silence_errors(d)
        qpdf_set_suppress_warnings(d, 1)
    }

    deinit {
        qpdf_cleanup(&data)
        input?.deallocate()
    }

    /// Reads a PDF from memory.
    func read(_ pdf: Data) throws {
        precondition(input == nil, "one PDF per session")
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, pdf.count), alignment: 1)
        input = bytes
        pdf.copyBytes(to: bytes)
        let code = qpdf_read_memory(data, "document.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(pdf.count), nil)
        try check(code, "reading the PDF")
    }

    func check(_ code: QPDF_ERROR_CODE, _ doing: String) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(data) != 0 else { return }
        let message = qpdf_has_error(data) != 0 ? String(cString: qpdf_get_error_full_text(data, qpdf_get_error(data))) : "unknown error"
        throw PDFError("qpdf: \(doing): \(message)")
    }

    /// The warnings so far, in qpdf's words; reading them empties the list.
    func warnings() -> [String] {
        var result: [String] = []
        while qpdf_more_warnings(data) != 0 { result.append(String(cString: qpdf_get_error_full_text(data, qpdf_next_warning(data)))) }
        return result
    }
}
