import TequioModel

/// The words of the blank workbooks, from the string catalogue (`sheet.` keys and the `common.` words
/// they share with the other outputs); the import recognises them in every language of the catalogue.
public struct SheetStrings: Sendable {
    let strings: LocalizedStrings

    public init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
    }

    /// The words of every language of `catalogue`, for the import to recognise whichever it meets.
    public static func all(_ catalogue: StringCatalogue) -> [SheetStrings] {
        catalogue.languages.map { SheetStrings(catalogue, language: $0) }
    }

    public var tableName: String { strings("common.workingTable") }
    public var municipality: String { strings("common.municipality") }
    public var memberName: String { strings("sheet.member") }
    public var memberSector: String { strings("common.sector") }
    public var memberRole: String { strings("common.position") }
    public var hint: String { strings("sheet.hint") }
    /// "Título breve": the column of each problem's short title.
    public var shortTitle: String { strings("sheet.shortTitle") }
    public var titleHelp: String { strings("sheet.shortTitleHelp") }
    public var helpSheetName: String { strings("common.help") }
    public var helpIntro: String { strings("sheet.helpIntro") }
    public var helpColumn: String { strings("sheet.helpColumn") }
    public var helpText: String { strings("sheet.helpText") }
    public var helpRequired: String { strings("sheet.helpRequired") }
    public var helpMaximum: String { strings("sheet.helpMaximum") }
    public var yes: String { strings("sheet.yes") }
    public var no: String { strings("sheet.no") }
    public var required: String { strings("common.required") }
    public var metadataNote: String { strings("sheet.metadataNote") }
    public var tooLongTitle: String { strings("sheet.tooLongTitle") }
    public var sectorTitle: String { strings("common.sector") }
    public var sectorMessage: String { strings("sheet.sectorMessage") }

    public func tableSheetName(_ n: Int) -> String { strings("common.tableN", String(n)) }
    public func maximum(_ n: Int) -> String { strings("sheet.maxCharacters", String(n)) }
    public func tooLong(_ n: Int) -> String { strings("sheet.tooLong", String(n)) }

    /// Sector labels in `CompletedMatrix.Sector.allCases` order.
    public var sectors: [String] { CompletedMatrix.Sector.allCases.map(sectorLabel) }

    public func sectorLabel(_ sector: CompletedMatrix.Sector) -> String { strings.sector(sector) }
}
