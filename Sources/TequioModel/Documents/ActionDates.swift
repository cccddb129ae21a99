/// A month of a year: the deadline an action names ("antes de junio de 2012", "by June 2012").
public struct MonthOfYear: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (a: MonthOfYear, b: MonthOfYear) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// The months actions name, for a plan's first and last deadline.
///
/// Completed matrices have no date fields: the matrix's help asks for "a deadline where possible", and
/// tables write it in the action ("(área de agua, marzo de 2012)"). A month name of the plan's language
/// followed by a year counts, with `de`/`del`/`of` or a day between them ("junio de 2012", "June 2012",
/// "1 de marzo de 2012", "March 1, 2012"); a year alone ("la ley de ingresos 2013") or a quarter does not.
public enum ActionDates {
    /// Every month named with its year in `lines`, in order of appearance.
    /// - Parameter monthNames: month names, January first, twelve per language.
    public static func mentioned(in lines: [String], monthNames: [String]) -> [MonthOfYear] {
        let months = Dictionary(monthNames.enumerated().map { ($0.element.lowercased(), $0.offset % 12 + 1) }, uniquingKeysWith: { a, _ in a })
        var result: [MonthOfYear] = []
        for line in lines {
            let words = self.words(line.lowercased())
            for (i, word) in words.enumerated() {
                guard let month = months[word] else { continue }
                var j = i + 1
                if j < words.count, ["de", "del", "of"].contains(words[j]) { j += 1 }
                if j + 1 < words.count, words[j].count <= 2, Int(words[j]) != nil { j += 1 }
                if j < words.count, words[j].count == 4, let year = Int(words[j]), (1900...2200).contains(year) {
                    result.append(MonthOfYear(year: year, month: month))
                }
            }
        }
        return result
    }

    /// The earliest and the latest month named, or nil when no action names one.
    public static func span(_ lines: [String], monthNames: [String]) -> (first: MonthOfYear, last: MonthOfYear)? {
        let found = mentioned(in: lines, monthNames: monthNames)
        guard let first = found.min(), let last = found.max() else { return nil }
        return (first, last)
    }

    /// Runs of letters or of digits (a day's comma and other punctuation separate words). Read by
    /// Unicode scalar, not by `Character` (a plan's every action is read): a combining mark belongs
    /// to the letter before it, as in the character they make together.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var digits = false
        func flush() {
            if !current.isEmpty { result.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter: Bool
            if scalar.isASCII {
                isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            } else if isMark(scalar) {
                // Part of the character before it: kept with a letter, and a digit with a mark is no digit.
                if digits, !current.isEmpty {
                    current.removeLast()
                    flush()
                } else if !current.isEmpty {
                    current.append(scalar)
                }
                continue
            } else {
                isLetter = scalar.properties.isAlphabetic
            }
            if isLetter || isDigit {
                if !current.isEmpty && digits != isDigit { flush() }
                current.append(scalar)
                digits = isDigit
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
