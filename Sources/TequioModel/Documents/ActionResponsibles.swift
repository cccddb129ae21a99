/// Who the actions say will carry them out, for a plan's summary.
///
/// The matrix's help asks for each action "with who is responsible and a deadline where possible", and
/// tables write both in a parenthesis that ends the action: "(área de agua, a partir de febrero de
/// 2012)", "(tesorería y área de agua, junio de 2012)", "(asociación civil de usuarios)". Each part of
/// that parenthesis between commas or semicolons that names no date (no digit, no month name, no word
/// that opens a time such as "desde", "antes", "by") and reads as a name (at most eight words) is a
/// responsible body, as the table wrote it.
public enum ActionResponsibles {
    /// First words that make a part a time ("desde la siguiente obra", "a partir de la firma", "before the
    /// vote"), in the languages the plans are written in.
    static let timeWords: Set<String> = [
        "a", "al", "antes", "cada", "desde", "después", "durante", "en", "hasta", "tras",
        "after", "at", "before", "by", "during", "each", "every", "from", "in", "starting", "until", "within",
    ]

    /// The bodies named in `actions`, in order of first appearance, each once (compared without case).
    /// - Parameter monthNames: month names of the plan's languages, so that "(octubre)" is no body.
    public static func named(in actions: [String], monthNames: [String]) -> [String] {
        let months = Set(monthNames.map { $0.lowercased() })
        var seen: Set<String> = []
        var result: [String] = []
        for action in actions {
            guard let inside = closingParenthesis(action) else { continue }
            for part in inside.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let body = String(part).trimmingWhitespace()
                let key = body.lowercased()
                // Digits are words of their own (`ActionDates.words`): a part with one names a date.
                let words = ActionDates.words(key)
                guard let first = words.first, !timeWords.contains(first), words.count <= 8,
                    !words.contains(where: { months.contains($0) || $0.utf8.first.map { (0x30...0x39).contains($0) } == true })
                else { continue }
                if seen.insert(key).inserted { result.append(body) }
            }
        }
        return result
    }

    /// The text of the parenthesis that ends `action` (a final full stop allowed), or nil.
    static func closingParenthesis(_ action: String) -> Substring? {
        var text = Substring(action.trimmingWhitespace())
        if text.hasSuffix(".") { text = text.dropLast() }
        guard text.hasSuffix(")") else { return nil }
        text = text.dropLast()
        var depth = 0
        for index in text.indices.reversed() {
            switch text[index] {
            case ")": depth += 1
            case "(" where depth == 0: return text[text.index(after: index)...]
            case "(": depth -= 1
            default: continue
            }
        }
        return nil
    }
}
