import TequioModel
import TequioWriters

/// The documents' side of the plan model (TequioModel): the file names of plans' and compendiums'
/// documents.
extension ActionPlan {
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
    /// `<module>-compendium`
    public var baseName: String { "\(Slug.make(moduleID, fallback: "module"))-compendium" }
}
