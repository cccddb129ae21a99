import Foundation
import TequioModel
import TequioReaders

/// Reads the answer cells of one plan sheet of a tracking workbook, each as what it should hold (a date,
/// a status, a percentage, a number, links), and names the file, sheet and cell of every problem.
struct TrackingCells {
    let sheet: Sheet
    let file: String
    let words: TrackingWords
    private(set) var diagnostics: [Diagnostic] = []

    init(sheet: Sheet, file: String, words: TrackingWords) {
        self.sheet = sheet
        self.file = file
        self.words = words
    }

    func at(_ cell: CellAddress) -> SourceLocation { SourceLocation(file: "\(file):\(sheet.name)!\(cell)") }

    mutating func error(_ id: TrackDiagnosticID, _ message: String, _ cell: CellAddress) {
        diagnostics.append(.error(id, message, at: at(cell)))
    }

    /// The cell's text, trimmed; characters XML cannot hold are removed with a warning.
    mutating func text(_ cell: CellAddress) -> String {
        let clean = CellText(sheet[cell])
        if clean.changed { diagnostics.append(.warning(ImportDiagnosticID.removedCharacters, "\(clean.account)", at: at(cell))) }
        return clean.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `2025-03-31` from a date cell (ODS), a day number (XLSX keeps dates as numbers of days since
    /// 1899-12-30) or a text written that way; empty when the cell is; nil (and an error) otherwise.
    mutating func date(_ cell: CellAddress, _ what: String) -> String? {
        let stored = sheet.cells[cell]
        if let day = stored?.date, let date = CalendarDate(iso: day) { return date.iso }
        let raw = text(cell)
        guard !raw.isEmpty else { return "" }
        if stored?.kind == .number, let serial = Double(raw), serial >= 1, serial < 2_958_466 {
            return CalendarDate(dayNumber: Int(serial.rounded(.down)) - 25_569).iso
        }
        if let date = CalendarDate(iso: raw) { return date.iso }
        error(.badDate, "'\(CellText.printable(raw))' is not a date (\(what)): choose a date, or write it as 2025-03-31", cell)
        return nil
    }

    /// A status of the scale, in any language Tequio speaks; nil when empty or not one (with an error).
    mutating func status(_ cell: CellAddress) -> (TrackedPlan.Status?, ok: Bool) {
        let raw = text(cell)
        guard !raw.isEmpty else { return (nil, true) }
        guard let status = words.statuses[TrackingWords.fold(raw)] else {
            error(.notAStatus, "'\(CellText.printable(raw))' is not a status: choose one from the list (\(words.statusList))", cell)
            return (nil, false)
        }
        return (status, true)
    }

    mutating func direction(_ cell: CellAddress) -> (TrackedPlan.Direction?, ok: Bool) {
        let raw = text(cell)
        guard !raw.isEmpty else { return (nil, true) }
        guard let direction = words.directions[TrackingWords.fold(raw)] else {
            error(.notADirection, "'\(CellText.printable(raw))' is not a direction: choose one from the list (\(words.directionList))", cell)
            return (nil, false)
        }
        return (direction, true)
    }

    /// A whole percentage from 0 to 100 (`40`, `40.0`, `40 %`).
    mutating func percent(_ cell: CellAddress) -> (Int?, ok: Bool) {
        let raw = text(cell)
        guard !raw.isEmpty else { return (nil, true) }
        let digits = raw.hasSuffix("%") ? String(raw.dropLast()).trimmingCharacters(in: .whitespaces) : raw
        guard let value = Double(digits), value == value.rounded(), (0...100).contains(value) else {
            error(.notANumber, "'\(CellText.printable(raw))' is not a percentage: write a whole number from 0 to 100", cell)
            return (nil, false)
        }
        return (Int(value), true)
    }

    /// A number as the tracking format writes it (`1500`, `0.25`, `-3`); `1,5` is read as 1.5. Empty
    /// when the cell is; nil (and an error) otherwise.
    mutating func number(_ cell: CellAddress, _ what: String, allowNegative: Bool = true) -> String? {
        let raw = text(cell)
        guard !raw.isEmpty else { return "" }
        let plain = raw.contains(".") ? raw : raw.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(plain), value.isFinite, abs(value) < 1e15, allowNegative || value >= 0 else {
            error(.notANumber, "'\(CellText.printable(raw))' is not a number (\(what))", cell)
            return nil
        }
        return Self.canonical(value)
    }

    /// `1500`, `0.25`: at most six decimals, no trailing zeros.
    static func canonical(_ value: Double) -> String {
        if value == value.rounded() { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Links separated by spaces or lines; each must be an http or https address.
    mutating func links(_ cell: CellAddress) -> [String]? {
        let raw = text(cell)
        let links = raw.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let bad = links.first(where: { $0.range(of: #"^https?://[^\s<>"]+$"#, options: [.regularExpression, .caseInsensitive]) == nil }) {
            let shown = links.count == 1 ? bad : "\(bad)' in '\(raw)"
            error(.badLink, "'\(CellText.printable(shown))' is not a web address: evidence is given as links starting with https:// or http://, separated by spaces", cell)
            return nil
        }
        return links
    }

    /// An ISO 4217 currency code (`MXN`, `USD`), in capitals.
    mutating func currency(_ cell: CellAddress) -> String? {
        let raw = text(cell).uppercased()
        guard raw.isEmpty || raw.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil else {
            error(.badCurrency, "'\(CellText.printable(raw))' is not a currency code: write three letters such as MXN or USD", cell)
            return nil
        }
        return raw
    }
}

/// Statuses and directions in every language of the catalogue (and as the format writes them), folded
/// for case and accents.
struct TrackingWords: Sendable {
    let statuses: [String: TrackedPlan.Status]
    let directions: [String: TrackedPlan.Direction]
    let statusList: String
    let directionList: String

    init(_ catalogue: StringCatalogue, language: String) {
        var statuses: [String: TrackedPlan.Status] = [:]
        var directions: [String: TrackedPlan.Direction] = [:]
        for tag in catalogue.languages {
            let s = TrackingStrings(catalogue, language: tag)
            for status in TrackedPlan.Status.allCases { statuses[Self.fold(s.status(status))] = status }
            for direction in TrackedPlan.Direction.allCases { directions[Self.fold(s.direction(direction))] = direction }
        }
        for status in TrackedPlan.Status.allCases { statuses[Self.fold(status.rawValue)] = status }
        for direction in TrackedPlan.Direction.allCases { directions[Self.fold(direction.rawValue)] = direction }
        self.statuses = statuses
        self.directions = directions
        let s = TrackingStrings(catalogue, language: language)
        statusList = TrackedPlan.Status.allCases.map(s.status).joined(separator: ", ")
        directionList = TrackedPlan.Direction.allCases.map(s.direction).joined(separator: ", ")
    }

    static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
