import Foundation

extension SchemaExplainer.Vocabulary {
    /// The module format's words: where each element is documented, and the identifiers of bad paths.
    public static let module = SchemaExplainer.Vocabulary(
        documentation: { element in
            let section: String
            switch element {
            case "module", "metadata", "author", "license", "delivery", "duration", "subtitle", "program": section = "overview"
            case "unit": section = "units"
            case "presentation", "expert", "slide", "media", "captions", "transcript", "notes", "role", "bio": section = "presentations"
            case "case-study", "place", "context", "narrative", "key-facts", "fact", "questions", "question", "sources": section = "case-studies"
            case "finding", "dataset", "chart", "attribution", "description", "value": section = "diagnostic-findings"
            case "activity", "instructions": section = "activities"
            case "matrix", "column", "help": section = "the-reform-matrix"
            case "glossary", "definition": section = "glossary"
            case "include": section = "splitting-a-module"
            case "content", "p", "ul", "ol", "li", "quote", "img", "em", "strong", "a", "br", "term": section = "rich-text"
            default: return nil
            }
            return "docs/module-format.md#\(section)"
        },
        attributeNoun: { element, attribute in
            switch (element, attribute) {
            case ("module", "id"): return "the module's id, which is also the name of its folder, such as oaxaca-agua"
            case ("module", "version"): return "the module's version, such as 1.0.0"
            case ("module", "languages"): return "the module's languages separated by spaces, the main one first, such as \"es en\""
            case ("module", "format"): return "always 1"
            case ("term", "ref"): return "the id of a term of the glossary"
            case ("activity", "matrix"): return "the id of a matrix"
            case ("chart", "category"): return "the id of the dataset column that names the bars or slices"
            case ("chart", "values"): return "the ids of the dataset's number columns to draw, separated by spaces"
            case ("include", "href"): return "the file to include, relative to this file, such as units/02-diagnostico.xml"
            case ("img", "src"), ("media", "src"): return "the file, relative to the module folder, such as media/foto.png"
            case ("dataset", "src"): return "the CSV file, relative to the module folder, such as data/encuesta.csv"
            case ("value", "text"): return "a cell of the column as the CSV writes it, such as Istmo"
            case ("captions", "src"): return "the WebVTT captions file, relative to the module folder, such as media/video.es.vtt"
            case (_, "id"): return "an id of lowercase letters, digits and hyphens, unique in the module, such as u2-diagnostico"
            default: return nil
            }
        },
        identifierForValue: { element, attribute, define, value in
            guard define == "path.value" else { return nil }
            let leaves = value.hasPrefix("/") || value.contains("\\") || value.split(separator: "/").contains("..")
                || value.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
            if !leaves { return ModuleDiagnosticID.fileName }
            return element == "include" ? ModuleDiagnosticID.includeOutside : ModuleDiagnosticID.fileOutsideModule
        })
}
