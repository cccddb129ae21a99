import TequioModel
import TequioWriters

/// The documents' side of the plan model (TequioModel): the fixed words plans are built with and
/// written in, and the file names of their documents.
extension ActionPlan {
    /// `matrix` read with `module`, in the words of `DocumentStrings` for the matrix's language.
    public init(matrix m: CompletedMatrix, module: Module, source: String = "") {
        self.init(matrix: m, module: module, source: source, words: DocumentStrings.forLanguage(m.language).planWords)
    }

    /// The fixed words of this plan's documents.
    public var strings: DocumentStrings { DocumentStrings.forLanguage(language) }

    /// `<module>-<table slug>`: the file name of this plan's documents, without extension.
    public var baseName: String {
        "\(Slug.make(moduleID, fallback: "module"))-\(slug)"
    }

    /// A slug from the table name, else the municipality, else the source file's name.
    public var slug: String {
        for candidate in [tableName, municipality] {
            let s = Slug.make(candidate, fallback: "")
            if !s.isEmpty { return s }
        }
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let stem = file.hasSuffix(".xml") ? String(file.dropLast(4)) : file
        return Slug.make(stem, fallback: "plan")
    }
}

extension Compendium {
    /// The fixed words of the cover, contents and summary.
    public var strings: DocumentStrings { DocumentStrings.forLanguage(language) }

    public var title: String { strings.compendium }

    /// `<module>-compendium`
    public var baseName: String { "\(Slug.make(moduleID, fallback: "module"))-compendium" }
}

extension DocumentStrings {
    /// The words the plan model is built with.
    var planWords: ActionPlan.Words {
        ActionPlan.Words(
            actionPlan: actionPlan, workingTable: workingTable, problem: problem, beneficiaries: beneficiaries, affected: affected,
            governmentActions: governmentActions, civilSocietyActions: civilSocietyActions, expectedResults: expectedResults,
            sectors: sectors)
    }
}
