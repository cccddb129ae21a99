import Foundation
import TequioModel
import XMLSupport

/// Builds a `Module` from a schema-valid, include-expanded tree and checks what the schema cannot.
///
/// Here: the module, its metadata, glossary and matrices, ids, references and files. Units and their
/// blocks are in `ModuleBuilder+Units.swift`, the event in `ModuleBuilder+Event.swift`, datasets and charts in `ModuleBuilder+Data.swift`,
/// localized and rich text in `ModuleBuilder+Text.swift`.
struct ModuleBuilder {
    let files: ModuleFiles
    let limits: XMLParseLimits
    var diagnostics: [Diagnostic] = []
    var languages: [String] = []
    /// Files named by the module, relative to its folder.
    var referencedFiles: [String] { Array(referenced).sorted() }

    private var referenced: Set<String> = []
    /// Where each referenced file is first named.
    private var referenceLocations: [String: SourceLocation] = [:]
    /// Where each id is declared (ids are unique across the module).
    private(set) var ids: [String: SourceLocation] = [:]
    fileprivate var termReferences: [(id: String, location: SourceLocation)] = []
    var matrixReferences: [(id: String, location: SourceLocation)] = []
    var missing = MissingTranslations()

    init(files: ModuleFiles, limits: XMLParseLimits) {
        self.files = files
        self.limits = limits
    }

    mutating func build(_ root: XMLElement) -> Module {
        languages = Self.uniqueTokens(root.attribute("languages") ?? "es")
        registerID(root)
        let metadataElement = root.element(named: "metadata")
        let metadata = metadataElement.map { buildMetadata($0) } ?? Metadata(title: .init())
        var glossary: [GlossaryTerm] = []
        var matrices: [MatrixDefinition] = []
        var units: [ModuleUnit] = []
        var rubric: Rubric?
        for e in root.elements {
            switch e.name {
            case "glossary": glossary += e.elements(named: "term").map { buildTerm($0) }
            case "matrix": if let m = buildMatrix(e) { matrices.append(m) }
            case "rubric": rubric = buildRubric(e)
            case "unit": units.append(buildUnit(e))
            default: break
            }
        }
        var module = Module(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", languages: languages,
            metadata: metadata, glossary: glossary, matrices: matrices, units: units)
        module.rubric = rubric
        if let event = metadataElement?.element(named: "event") {
            module.metadata.event = buildEvent(event, units: units)
        }
        collectRichTextReferences(root)
        checkReferences(module)
        diagnostics += missing.warnings(languages: languages)
        return module
    }

    // MARK: Metadata, glossary, matrices

    private mutating func buildMetadata(_ e: XMLElement) -> Metadata {
        let duration = e.element(named: "duration")
        return Metadata(
            title: text(e, "title", what: "module title"),
            subtitle: optionalText(e, "subtitle", what: "module subtitle"),
            program: optionalText(e, "program", what: "program name"),
            summary: text(e, "summary", what: "module summary", paragraphs: true),
            authors: e.elements(named: "author").map {
                Author(name: $0.attribute("name") ?? "", affiliation: $0.attribute("affiliation"), email: $0.attribute("email"))
            },
            license: e.element(named: "license")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            deliveryModes: Self.uniqueTokens(e.element(named: "delivery")?.attribute("modes") ?? "").compactMap(DeliveryMode.init(rawValue:)),
            durationDays: duration?.attribute("days").flatMap { Int($0) },
            durationHours: duration?.attribute("hours").flatMap { Double($0) })
    }

    private mutating func buildTerm(_ e: XMLElement) -> GlossaryTerm {
        registerID(e)
        let id = e.attribute("id") ?? ""
        return GlossaryTerm(
            id: id, label: text(e, "label", what: "label of term '\(id)'"),
            definition: rich(e, "definition", what: "definition of term '\(id)'"))
    }

    private mutating func buildMatrix(_ e: XMLElement) -> MatrixDefinition? {
        registerID(e)
        let id = e.attribute("id") ?? ""
        var matrix: MatrixDefinition
        if let preset = e.attribute("preset") {
            guard let p = MatrixDefinition.preset(preset, id: id) else {
                diagnostics.append(
                    .error(
                        ModuleDiagnosticID.unknownPreset,
                        "unknown matrix preset '\(preset)' (known: \(MatrixDefinition.presetNames.joined(separator: ", ")))",
                        at: e.location))
                return nil
            }
            matrix = p
            if !e.elements(named: "title").isEmpty { matrix.title = text(e, "title", what: "title of matrix '\(id)'") }
        } else {
            matrix = MatrixDefinition(id: id, title: text(e, "title", what: "title of matrix '\(id)'"), columns: [])
        }
        var seen: [String: SourceLocation] = [:]
        for c in e.elements(named: "column") {
            let cid = c.attribute("id") ?? ""
            if let first = seen[cid] {
                diagnostics.append(
                    Diagnostic(
                        .error, ModuleDiagnosticID.duplicateColumn, "column '\(cid)' is declared twice in matrix '\(id)'", at: c.location,
                        notes: [.init(location: first, message: "first declared here")]))
                continue
            }
            seen[cid] = c.location
            let column = MatrixDefinition.Column(
                id: cid, label: text(c, "label", what: "label of column '\(cid)'"),
                help: optionalText(c, "help", what: "help of column '\(cid)'") ?? .init(),
                required: c.attribute("required") == "true" || c.attribute("required") == "1",
                maxLength: c.attribute("max-length").flatMap { Int($0) })
            if let index = matrix.columns.firstIndex(where: { $0.id == cid }) {
                matrix.columns[index] = column  // a preset column redefined by the module
            } else {
                matrix.columns.append(column)
            }
        }
        return matrix
    }

    // MARK: Ids, references, files

    mutating func registerID(_ e: XMLElement) {
        guard let id = e.attribute("id") else { return }
        if let first = ids[id] {
            diagnostics.append(
                Diagnostic(
                    .error, ModuleDiagnosticID.duplicateID, "duplicate id '\(id)'", at: e.location,
                    notes: [.init(location: first, message: "'\(id)' first used here")]))
        } else {
            ids[id] = e.location
        }
    }

    private mutating func checkReferences(_ module: Module) {
        let terms = Set(module.glossary.map(\.id))
        for (id, location) in termReferences where !terms.contains(id) {
            diagnostics.append(.error(ModuleDiagnosticID.unknownTerm, "no glossary term with id '\(id)'", at: location))
        }
        let matrices = Set(module.matrices.map(\.id))
        for (id, location) in matrixReferences where !matrices.contains(id) {
            diagnostics.append(.error(ModuleDiagnosticID.unknownMatrix, "no matrix with id '\(id)'", at: location))
        }
    }

    @discardableResult
    mutating func checkFile(_ reference: String, at location: SourceLocation, what: String) -> URL? {
        switch files.resolve(reference) {
        case .success(let url):
            let path = files.relativePath(of: url)
            // Windows, macOS, zips opened there and e-book readers see names that differ only in
            // letter case or accent encoding as one file. (Swift's == already equates the encodings.)
            let twin = referenced.first { $0 == path ? !$0.utf8.elementsEqual(path.utf8) : $0.lowercased() == path.lowercased() }
            if let other = twin {
                var d = Diagnostic.error(
                    ModuleDiagnosticID.fileName,
                    "'\(path)' and '\(other)' are two files whose names differ only in letter case or in how accents are encoded: Windows, macOS and e-book readers take them for one file; rename one of them",
                    at: location)
                if let first = referenceLocations[other] { d.notes.append(.init(location: first, message: "'\(other)' is named here")) }
                diagnostics.append(d)
            } else if referenced.insert(path).inserted {
                referenceLocations[path] = location
            }
            return url
        case .failure(let problem):
            diagnostics.append(problem.diagnostic(at: location, what: what))
            return nil
        }
    }
}

extension ModuleBuilder {
    /// Glossary references and images inside rich text, found in one pass over the tree.
    mutating func collectRichTextReferences(_ root: XMLElement) {
        for e in root.elements {
            if e.name == "term", let ref = e.attribute("ref") { termReferences.append((ref, e.location)) }
            if e.name == "img", let src = e.attribute("src") { checkFile(src, at: e.location, what: "image") }
            collectRichTextReferences(e)
        }
    }
}
