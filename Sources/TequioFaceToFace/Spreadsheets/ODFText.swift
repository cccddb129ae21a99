import Foundation
import XMLSupport

/// Writing text into ODF paragraphs. ODF collapses white space, so a space at the start of a
/// paragraph or after another space is written as `text:s`, and a tab as `text:tab`.
enum ODFText {
    static func paragraph(_ w: XMLWriter, _ line: String) {
        w.start("text:p")
        var run = ""
        var extraSpaces = 0
        var afterSpace = true
        func flushSpaces() {
            guard extraSpaces > 0 else { return }
            w.text(run)
            run = ""
            w.element("text:s", ["text:c": extraSpaces > 1 ? String(extraSpaces) : nil])
            extraSpaces = 0
        }
        for ch in line where ch != "\r" {
            switch ch {
            case " ":
                if afterSpace { extraSpaces += 1 } else { run.append(" ") }
                afterSpace = true
            case "\t":
                flushSpaces()
                w.text(run)
                run = ""
                w.element("text:tab")
                afterSpace = true
            default:
                flushSpaces()
                run.append(ch)
                afterSpace = false
            }
        }
        flushSpaces()
        w.text(run)
        w.end()
    }
}
