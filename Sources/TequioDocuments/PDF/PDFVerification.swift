import Foundation
import PDFSupport
import TequioModel

/// The output stage's check of a PDF that `assemble` is about to put in place: it is read back as a
/// viewer finds its objects (`PDFReadBack`: the cross-reference stream, every object, reference and
/// stream length, the page tree). A finding is a bug in Tequio. The tests check every file with libqpdf,
/// as `qpdf --check` does.
public enum PDFVerification {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let problems: [String]
        public var description: String {
            "\(path) did not pass its own checks (a bug in Tequio; the previous file was kept):"
                + problems.prefix(10).map { "\n  \($0)" }.joined()
        }
    }

    /// Throws `Failure` when the staged file is not a sound PDF with at least one page.
    public static func verify(_ staged: URL, displayPath: String) throws {
        try verify(try Data(contentsOf: staged), displayPath: displayPath)
    }

    /// Throws `Failure` when `pdf` is not a sound PDF with at least one page.
    public static func verify(_ pdf: Data, displayPath: String) throws {
        let check = PDFReadBack(pdf)
        if !check.problems.isEmpty { throw Failure(path: displayPath, problems: check.problems) }
    }
}
