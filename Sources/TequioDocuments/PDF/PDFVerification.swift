import Foundation
import PDFSupport
import TequioModel

/// The output stage's check of a PDF that `assemble` is about to put in place: libqpdf, another PDF
/// reader than the one that wrote it, reads every object and the page tree, in-process (users need no
/// qpdf program). A finding is a bug in Tequio. The tests check the files as `qpdf --check` does.
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
        let check = PDFCheck(pdf, depth: .structure)
        var problems = check.problems
        if problems.isEmpty && check.pageSizes.isEmpty { problems.append("the PDF has no pages") }
        if !problems.isEmpty { throw Failure(path: displayPath, problems: problems) }
    }
}
