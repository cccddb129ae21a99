import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// Header matching: letter case, accents, question and exclamation marks, repeated spaces and a
/// trailing `*`, `:` or `.` do not matter.
enum HeaderKey {
    static func fold(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        s.removeAll { "¿?¡!".contains($0) }
        s = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = s.last, last == "*" || last == ":" || last == "." {
            s.removeLast()
            s = s.trimmingCharacters(in: .whitespaces)
        }
        return s
    }
}

/// Reading a sheet's cells: the header's columns, members and sectors, a cell's text (formulas,
/// error values, characters XML cannot store) and the table-name options.
extension SheetImport {
    func matchColumn(_ key: String) -> (MatrixDefinition.Column, [String])? {
        for column in definition.columns {
            if HeaderKey.fold(column.id) == key { return (column, []) }
            let languages = column.label.values.filter { HeaderKey.fold($0.value) == key }.map(\.key)
            if !languages.isEmpty { return (column, languages) }
        }
        return nil
    }

    /// The short-title column ("Título breve", "Short title", or `title`).
    func matchTitle(_ key: String) -> Bool {
        key == "title" || SheetStrings.all(importer.catalogue).contains { HeaderKey.fold($0.shortTitle) == key }
    }

    /// A row's short title on one line; over the limit it is an error, and without the row's problem
    /// it is left out with a warning.
    mutating func title(at address: CellAddress, hasProblem: Bool, language: String) -> String {
        let text = value(at: address).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return "" }
        guard hasProblem else {
            warning(
                ImportDiagnosticID.ignoredCells,
                "\(place(address)): the title \(Self.quoted(text)) has no problem beside it and was not imported", row: address.row)
            return ""
        }
        let limit = CompletedMatrix.Row.maxTitleLength
        if text.count > limit {
            let label = SheetStrings(importer.catalogue, language: language).shortTitle
            error(
                ImportDiagnosticID.tooLong,
                "\(place(address)): '\(label)' has \(text.count) characters, over the maximum of \(limit); a title names the problem in a few words",
                row: address.row)
        }
        return text
    }

    func matchMember(_ key: String) -> MemberField? {
        for s in SheetStrings.all(importer.catalogue) {
            if HeaderKey.fold(s.memberName) == key { return .name }
            if HeaderKey.fold(s.memberSector) == key { return .sector }
            if HeaderKey.fold(s.memberRole) == key { return .role }
        }
        switch key {
        case "member-name", "member": return .name
        case "member-sector": return .sector
        case "member-role", "role": return .role
        default: return nil
        }
    }

    mutating func member(
        row: Int, nameColumn: Int, memberAt: [MemberField: Int], strings: SheetStrings
    ) -> CompletedMatrix.Member? {
        let nameAddress = CellAddress(row: row, column: nameColumn)
        let name = value(at: nameAddress).trimmingCharacters(in: .whitespacesAndNewlines)
        let sectorAddress = memberAt[.sector].map { CellAddress(row: row, column: $0) }
        let sectorText = sectorAddress.map { value(at: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let role = memberAt[.role].map { value(at: CellAddress(row: row, column: $0)) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty {
            if !sectorText.isEmpty || !role.isEmpty {
                warning(ImportDiagnosticID.memberWithoutName, "\(place(nameAddress)): a member without a name was left out", row: row)
            }
            return nil
        }
        var sector = CompletedMatrix.Sector.other
        if let found = matchSector(sectorText) {
            sector = found
        } else if let sectorAddress {
            let choices = strings.sectors.map { "'\($0)'" }.joined(separator: ", ")
            warning(
                ImportDiagnosticID.unknownSector,
                sectorText.isEmpty
                    ? "\(place(sectorAddress)): no sector for \(Self.quoted(name)); recorded as '\(strings.sectorLabel(.other))' (choose one of \(choices))"
                    : "\(place(sectorAddress)): \(Self.quoted(sectorText)) is not a sector; recorded as '\(strings.sectorLabel(.other))' (choose one of \(choices))",
                row: row)
        }
        return CompletedMatrix.Member(name: name, sector: sector, role: role.isEmpty ? nil : role)
    }

    func matchSector(_ text: String) -> CompletedMatrix.Sector? {
        let key = HeaderKey.fold(text)
        guard !key.isEmpty else { return nil }
        for sector in CompletedMatrix.Sector.allCases {
            if key == sector.rawValue { return sector }
            for s in SheetStrings.all(importer.catalogue) where HeaderKey.fold(s.sectorLabel(sector)) == key { return sector }
        }
        return nil
    }

    /// The value of a command-line option given as table text, cleaned like a cell, with a warning.
    mutating func option(_ raw: String, _ name: String) -> String {
        let clean = CellText(raw)
        if clean.changed {
            warning(ImportDiagnosticID.removedCharacters, "\(name): \(clean.account); the text was imported as \(Self.quoted(clean.text))", row: nil)
        }
        if clean.text.utf8.count > MatrixImporter.maxTextBytes {
            error(ImportDiagnosticID.tooLong, "\(name): over \(ByteCount.text(MatrixImporter.maxTextBytes)) of text", row: nil)
            return ""
        }
        return clean.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of a cell that is read: line breaks as `\n`; a formula gives its stored value, with a
    /// warning; an error value or a formula without a stored value is an error.
    mutating func value(at address: CellAddress) -> String {
        guard let cell = sheet.cells[address] else { return "" }
        if cell.kind == .error {
            error(
                ImportDiagnosticID.errorValue,
                "\(place(address)): the cell shows the error \(Self.quoted(cell.text, 20)); correct it in the spreadsheet", row: address.row)
            return ""
        }
        if let formula = cell.formula {
            guard cell.hasCachedValue else {
                error(
                    ImportDiagnosticID.formulaWithoutValue,
                    "\(place(address)): the formula \(Self.quoted(formula, 40)) has no stored value (formulas are never evaluated); open and save the file in Excel or LibreOffice, or type the text instead",
                    row: address.row)
                return ""
            }
            warning(
                ImportDiagnosticID.formula,
                "\(place(address)): the formula \(Self.quoted(formula, 40)) was not evaluated; its stored value \(Self.quoted(cell.text)) was imported",
                row: address.row)
        }
        let text = cell.text.utf8.contains(0x0D)
            ? cell.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : cell.text
        let clean = CellText(text)
        if clean.changed {
            warning(
                ImportDiagnosticID.removedCharacters,
                "\(place(address)): \(clean.account); the text was imported as \(Self.quoted(clean.text))", row: address.row)
        }
        if clean.text.utf8.count > MatrixImporter.maxTextBytes {
            // What the completed-matrix reader accepts in one text node (matrix cells, names, roles).
            error(
                ImportDiagnosticID.tooLong,
                "\(place(address)): the cell holds \(ByteCount.text(clean.text.utf8.count)) of text, over the limit of \(ByteCount.text(MatrixImporter.maxTextBytes)) for one cell; shorten it and import again",
                row: address.row)
        }
        return clean.text
    }
}
