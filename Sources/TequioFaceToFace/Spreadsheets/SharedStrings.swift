import Foundation
import TequioModel
import XMLSupport

/// The shared string table, in order of first use.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]
    private(set) var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let i = indices[text] { return i }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    func part() throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("sst", ["xmlns": XLSXWriter.main, "count": String(uses), "uniqueCount": String(strings.count)])
        for s in strings {
            w.start("si")
            XLSXWriter.text(w, s)
            w.end()
        }
        w.endFull()
        return try w.finish()
    }
}
