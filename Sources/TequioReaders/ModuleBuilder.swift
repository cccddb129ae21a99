import Foundation
import TequioModel
import XMLSupport

/// Builds a `Module` from a schema-valid, include-expanded tree and checks what the schema cannot.
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
    private var matrixReferences: [(id: String, location: SourceLocation)] = []
    private var missing = MissingTranslations()

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
        for e in root.elements {
            switch e.name {
            case "glossary": glossary += e.elements(named: "term").map { buildTerm($0) }
            case "matrix": if let m = buildMatrix(e) { matrices.append(m) }
            case "unit": units.append(buildUnit(e))
            default: break
            }
        }
        let module = Module(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", languages: languages,
            metadata: metadata, glossary: glossary, matrices: matrices, units: units)
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

    // MARK: Units and their blocks

    private mutating func buildUnit(_ e: XMLElement) -> ModuleUnit {
        registerID(e)
        let id = e.attribute("id") ?? ""
        var blocks: [UnitBlock] = []
        for b in e.elements {
            switch b.name {
            case "presentation": blocks.append(.presentation(buildPresentation(b)))
            case "case-study": blocks.append(.caseStudy(buildCaseStudy(b)))
            case "finding": blocks.append(.finding(buildFinding(b)))
            case "activity": blocks.append(.activity(buildActivity(b)))
            default: break
            }
        }
        return ModuleUnit(
            id: id, day: e.attribute("day").flatMap { Int($0) }, minutes: e.attribute("minutes").flatMap { Int($0) },
            title: text(e, "title", what: "title of unit '\(id)'"),
            summary: optionalText(e, "summary", what: "summary of unit '\(id)'", paragraphs: true), blocks: blocks)
    }

    private mutating func buildPresentation(_ e: XMLElement) -> Presentation {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let experts = e.elements(named: "expert").map { x -> Expert in
            let name = x.attribute("name") ?? ""
            let photo = x.attribute("photo")
            if let photo { checkFile(photo, at: x.location, what: "photo") }
            return Expert(
                name: name, country: x.attribute("country"), photo: photo,
                role: text(x, "role", what: "role of expert '\(name)'"),
                affiliation: optionalText(x, "affiliation", what: "affiliation of expert '\(name)'") ?? .init(),
                bio: rich(x, "bio", what: "biography of expert '\(name)'", required: false))
        }
        let slides = e.elements(named: "slide").map { s -> Slide in
            registerID(s)
            let sid = s.attribute("id") ?? ""
            return Slide(
                id: sid, title: text(s, "title", what: "title of slide '\(sid)'"),
                content: rich(s, "content", what: "content of slide '\(sid)'"),
                notes: s.elements(named: "notes").isEmpty ? nil : rich(s, "notes", what: "speaker notes of slide '\(sid)'"))
        }
        return Presentation(
            id: id, title: text(e, "title", what: "title of presentation '\(id)'"), experts: experts, slides: slides,
            media: e.element(named: "media").map { buildMedia($0, owner: id) })
    }

    private mutating func buildMedia(_ e: XMLElement, owner: String) -> Media {
        let src = e.attribute("src") ?? ""
        checkFile(src, at: e.location, what: "media file")
        let kind = Media.Kind(rawValue: e.attribute("kind") ?? "") ?? .video
        var captions: [String: String] = [:]
        for c in e.elements(named: "captions") {
            if let lang = c.language, let csrc = c.attribute("src") {
                checkFile(csrc, at: c.location, what: "captions file")
                captions[lang] = csrc
            }
        }
        let transcript = e.elements(named: "transcript").isEmpty ? nil : rich(e, "transcript", what: "transcript of the media of '\(owner)'", required: false)
        if kind != .pdf {
            let covered = Set(captions.keys).union(transcript?.languages ?? [])
            let uncovered = languages.filter { !covered.contains($0) }
            if !uncovered.isEmpty {
                diagnostics.append(
                    .warning(
                        ModuleDiagnosticID.mediaWithoutCaptions,
                        "\(kind.rawValue) '\(src)' has no captions or transcript in \(uncovered.map { "'\($0)'" }.joined(separator: ", "))",
                        at: e.location))
            }
        }
        return Media(
            kind: kind, src: src, title: optionalText(e, "title", what: "title of the media of '\(owner)'"), captions: captions,
            transcript: transcript)
    }

    private mutating func buildCaseStudy(_ e: XMLElement) -> CaseStudy {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let facts = (e.element(named: "key-facts")?.elements(named: "fact") ?? []).enumerated().map { i, f in
            text(f, "text", what: "key fact \(i + 1) of case study '\(id)'")
        }
        let questions = (e.element(named: "questions")?.elements(named: "question") ?? []).map { q -> CaseStudy.Question in
            registerID(q)
            let qid = q.attribute("id") ?? ""
            return CaseStudy.Question(id: qid, text: text(q, "text", what: "question '\(qid)'"))
        }
        if questions.isEmpty {
            diagnostics.append(.warning(ModuleDiagnosticID.noQuestions, "case study '\(id)' has no discussion questions", at: e.location))
        }
        let sources = (e.element(named: "sources")?.elements(named: "source") ?? []).enumerated().map { i, s in
            CaseStudy.Source(href: s.attribute("href"), text: text(s, "text", what: "source \(i + 1) of case study '\(id)'"))
        }
        return CaseStudy(
            id: id, title: text(e, "title", what: "title of case study '\(id)'"),
            place: optionalText(e, "place", what: "place of case study '\(id)'"),
            context: rich(e, "context", what: "context of case study '\(id)'"),
            narrative: rich(e, "narrative", what: "narrative of case study '\(id)'"), keyFacts: facts, questions: questions,
            sources: sources)
    }

    private mutating func buildFinding(_ e: XMLElement) -> DiagnosticFinding {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let dataset = e.element(named: "dataset").flatMap { buildDataset($0) }
        let charts = e.elements(named: "chart").map { c -> Chart in
            let chart = Chart(
                type: Chart.Kind(rawValue: c.attribute("type") ?? "") ?? .bar, category: c.attribute("category") ?? "",
                values: Self.uniqueTokens(c.attribute("values") ?? ""),
                title: text(c, "title", what: "title of a chart of finding '\(id)'"),
                description: optionalText(c, "description", what: "description of a chart of finding '\(id)'"))
            checkChart(chart, declared: e.element(named: "dataset"), at: c.location)
            return chart
        }
        let quotes = e.elements(named: "quote").enumerated().map { i, q in
            Quote(
                text: text(q, "text", what: "quote \(i + 1) of finding '\(id)'"),
                attribution: optionalText(q, "attribution", what: "attribution of quote \(i + 1) of finding '\(id)'"))
        }
        return DiagnosticFinding(
            id: id, kind: DiagnosticFinding.Kind(rawValue: e.attribute("kind") ?? "") ?? .study,
            title: text(e, "title", what: "title of finding '\(id)'"), summary: rich(e, "summary", what: "summary of finding '\(id)'"),
            dataset: dataset, charts: charts, quotes: quotes,
            source: e.element(named: "source").map { text($0, "text", what: "source of finding '\(id)'") })
    }

    private mutating func buildActivity(_ e: XMLElement) -> Activity {
        registerID(e)
        let id = e.attribute("id") ?? ""
        if let matrix = e.attribute("matrix") { matrixReferences.append((matrix, e.location)) }
        return Activity(
            id: id, kind: Activity.Kind(rawValue: e.attribute("kind") ?? "") ?? .discussion,
            minutes: e.attribute("minutes").flatMap { Int($0) }, matrix: e.attribute("matrix"),
            title: text(e, "title", what: "title of activity '\(id)'"),
            instructions: rich(e, "instructions", what: "instructions of activity '\(id)'"))
    }

    // MARK: Datasets and charts

    private mutating func buildDataset(_ e: XMLElement) -> Dataset? {
        let src = e.attribute("src") ?? ""
        let columns = e.elements(named: "column").map {
            Dataset.Column(
                id: $0.attribute("id") ?? "", type: Dataset.Column.Kind(rawValue: $0.attribute("type") ?? "") ?? .text,
                label: text($0, "label", what: "label of data column '\($0.attribute("id") ?? "")'"))
        }
        guard let url = checkFile(src, at: e.location, what: "data file") else { return nil }
        let csvPath = DisplayPath.of(url)
        let table: CSVTable
        do throws(CSVTable.ReadError) {
            table = try CSVTable.read(contentsOf: url, options: CSVTable.Options(maxBytes: limits.maxFileBytes))
        } catch {
            switch error {
            case .tooLarge, .unreadable, .tooManyRecords:
                diagnostics.append(.error(ModuleDiagnosticID.io, "cannot read data file '\(src)' (missing or over the size limit)", at: e.location))
            case .utf16, .notUTF8:
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "data file is not valid UTF-8", at: SourceLocation(file: csvPath)))
            case .unclosedQuote(let line):
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "quoted field is never closed", at: SourceLocation(file: csvPath, line: line, column: 1)))
            case .quoteInUnquotedField(let line, let column), .textAfterClosingQuote(let line, let column):
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "unexpected quote in a field", at: SourceLocation(file: csvPath, line: line, column: column)))
            }
            return nil
        }
        // Blank lines are not records of a data file.
        let records = table.records.filter { !$0.isBlank }
        guard let header = records.first else {
            diagnostics.append(.error(ModuleDiagnosticID.csvHeader, "data file is empty: expected a header row", at: SourceLocation(file: csvPath, line: 1, column: 1)))
            return nil
        }
        let declared = columns.map(\.id)
        let found = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found == declared else {
            diagnostics.append(
                Diagnostic(
                    .error, ModuleDiagnosticID.csvHeader,
                    "header row is '\(found.joined(separator: ","))' but the module declares the columns '\(declared.joined(separator: ","))'",
                    at: SourceLocation(file: csvPath, line: header.line, column: 1),
                    notes: [.init(location: e.location, message: "columns declared here")]))
            return nil
        }
        var rows: [[String]] = []
        var ok = true
        for record in records.dropFirst() {
            guard record.fieldCount == columns.count else {
                diagnostics.append(
                    .error(
                        ModuleDiagnosticID.csvRowLength, "row has \(record.fieldCount) fields, expected \(columns.count)",
                        at: SourceLocation(file: csvPath, line: record.line, column: 1)))
                ok = false
                continue
            }
            let fields = record.fields
            for (i, column) in columns.enumerated() where column.type == .number {
                let cell = fields[i].trimmingCharacters(in: .whitespaces)
                if !cell.isEmpty && Double(cell) == nil {
                    diagnostics.append(
                        .error(
                            ModuleDiagnosticID.csvNotNumber, "'\(cell)' in column '\(column.id)' is not a number (use '.' for decimals)",
                            at: SourceLocation(file: csvPath, line: record.line, column: 1)))
                    ok = false
                }
            }
            rows.append(fields)
        }
        return ok ? Dataset(src: src, columns: columns, rows: rows) : nil
    }

    private mutating func checkChart(_ chart: Chart, declared: XMLElement?, at location: SourceLocation) {
        guard let declared else {
            diagnostics.append(.error(ModuleDiagnosticID.chartWithoutData, "a chart needs a dataset in its finding", at: location))
            return
        }
        let columns = declared.elements(named: "column")
        let ids = columns.compactMap { $0.attribute("id") }
        for name in [chart.category] + chart.values where !ids.contains(name) {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.unknownChartColumn,
                    "chart names column '\(name)', which the dataset does not declare (declared: \(ids.joined(separator: ", ")))",
                    at: location))
        }
        for name in chart.values {
            if let c = columns.first(where: { $0.attribute("id") == name }), c.attribute("type") != "number" {
                diagnostics.append(.error(ModuleDiagnosticID.chartNotNumeric, "chart value column '\(name)' must have type=\"number\"", at: location))
            }
        }
    }

    // MARK: Ids, references, files

    private mutating func registerID(_ e: XMLElement) {
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
    fileprivate mutating func checkFile(_ reference: String, at location: SourceLocation, what: String) -> URL? {
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

    // MARK: Text

    /// The variants of the localized element `name` under `parent`.
    private mutating func text(_ parent: XMLElement, _ name: String, what: String, paragraphs: Bool = false) -> LocalizedText {
        var result = LocalizedText()
        for e in parent.elements(named: name) {
            guard let lang = variantLanguage(e, what: what, seen: result.languages) else { continue }
            let value = paragraphs ? Self.normalizedParagraphs(e.text) : Self.normalizedLine(e.text)
            if value.isEmpty {
                diagnostics.append(.error(ModuleDiagnosticID.emptyText, "\(what) is empty (\(lang))", at: e.location))
            }
            result[lang] = value
        }
        recordMissing(result.languages, what: what, at: parent.element(named: name)?.location ?? parent.location)
        return result
    }

    private mutating func optionalText(_ parent: XMLElement, _ name: String, what: String, paragraphs: Bool = false) -> LocalizedText? {
        parent.elements(named: name).isEmpty ? nil : text(parent, name, what: what, paragraphs: paragraphs)
    }

    private mutating func rich(_ parent: XMLElement, _ name: String, what: String, required: Bool = true) -> LocalizedRichText {
        var result = LocalizedRichText()
        let variants = parent.elements(named: name)
        for e in variants {
            guard let lang = variantLanguage(e, what: what, seen: result.languages) else { continue }
            let blocks = Self.blocks(e)
            if !blocks.contains(where: \.hasContent) && required {
                diagnostics.append(.error(ModuleDiagnosticID.emptyText, "\(what) is empty (\(lang))", at: e.location))
            }
            result[lang] = blocks
        }
        if !variants.isEmpty || required {
            recordMissing(result.languages, what: what, at: variants.first?.location ?? parent.location)
        }
        return result
    }

    private mutating func variantLanguage(_ e: XMLElement, what: String, seen: Set<String>) -> String? {
        let lang = e.language ?? languages.first ?? "es"
        if seen.contains(lang) {
            diagnostics.append(.error(ModuleDiagnosticID.duplicateLanguage, "\(what) is given twice in '\(lang)'", at: e.location))
            return nil
        }
        if !languages.contains(lang) {
            diagnostics.append(
                .warning(
                    ModuleDiagnosticID.missingTranslation,
                    "\(what) is in '\(lang)', which the module does not declare (languages: \(languages.joined(separator: " ")))",
                    at: e.location))
        }
        return lang
    }

    private mutating func recordMissing(_ present: Set<String>, what: String, at location: SourceLocation) {
        for lang in languages where !present.contains(lang) { missing.add(lang, what: what, at: location) }
    }

    /// Rich text blocks; text and inline elements outside a block become a paragraph.
    private static func blocks(_ container: XMLElement) -> [Block] {
        var result: [Block] = []
        var loose: [XMLNode] = []
        for child in container.children {
            if case .element(let e) = child, blockNames.contains(e.name) {
                let paragraph = inlines(loose)
                if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
                loose = []
                result.append(block(e))
            } else {
                loose.append(child)
            }
        }
        let paragraph = inlines(loose)
        if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
        return result
    }

    static let blockNames: Set<String> = ["p", "ul", "ol", "quote", "img"]

    private static func block(_ e: XMLElement) -> Block {
        switch e.name {
        case "ul", "ol":
            let items = e.elements(named: "li").map { li -> [Block] in
                li.elements.contains { ModuleBuilder.blockNames.contains($0.name) } ? blocks(li) : [.paragraph(inlines(li.children))]
            }
            return e.name == "ul" ? .unorderedList(items) : .orderedList(items)
        case "quote":
            return .quote(blocks(e), cite: e.attribute("cite"))
        case "img":
            return .image(src: e.attribute("src") ?? "", alt: e.attribute("alt") ?? "", caption: e.attribute("caption"))
        default:
            return .paragraph(inlines(e.children))
        }
    }

    /// Inline content with whitespace collapsed as HTML does.
    private static func inlines(_ nodes: [XMLNode]) -> [Inline] {
        var result = rawInlines(nodes)
        if case .text(let s)? = result.first {
            let t = String(s.drop { $0 == " " })
            if t.isEmpty { result.removeFirst() } else { result[0] = .text(t) }
        }
        if case .text(let s)? = result.last {
            var t = s
            while t.hasSuffix(" ") { t.removeLast() }
            if t.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(t) }
        }
        return result
    }

    private static func rawInlines(_ nodes: [XMLNode]) -> [Inline] {
        nodes.compactMap { node -> Inline? in
            switch node {
            case .text(let s):
                let collapsed = Self.collapseWhitespace(s)
                return collapsed.isEmpty ? nil : .text(collapsed)
            case .element(let e):
                switch e.name {
                case "em": return .emphasis(rawInlines(e.children))
                case "strong": return .strong(rawInlines(e.children))
                case "a": return .link(href: e.attribute("href") ?? "", rawInlines(e.children))
                case "term": return .term(ref: e.attribute("ref") ?? "", rawInlines(e.children))
                case "br": return .lineBreak
                default: return .text(Self.collapseWhitespace(e.text))
                }
            }
        }
    }

    /// Runs of XML whitespace (space, tab, CR, LF) become one space; works on UTF-8 bytes because it
    /// runs over every text of a module.
    static func collapseWhitespace(_ s: String) -> String {
        var previousWasSpace = false
        var needsWork = false
        for b in s.utf8 {
            let isSpace = b == 0x20
            if b == 0x0A || b == 0x09 || b == 0x0D || (isSpace && previousWasSpace) {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        guard needsWork else { return s }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var lastWasSpace = false
        var changed = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if lastWasSpace || b != 0x20 { changed = true }
                if !lastWasSpace { bytes.append(0x20) }
                lastWasSpace = true
            } else {
                bytes.append(b)
                lastWasSpace = false
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : s
    }

    static func normalizedLine(_ s: String) -> String {
        let collapsed = collapseWhitespace(s)
        guard collapsed.utf8.first == 0x20 || collapsed.utf8.last == 0x20 else { return collapsed }
        return collapsed.trimmingCharacters(in: .whitespaces)
    }

    /// Paragraphs separated by blank lines, each collapsed to one line.
    static func normalizedParagraphs(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: "")
            .components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .split(separator: "", omittingEmptySubsequences: true)
            .map { normalizedLine($0.joined(separator: " ")) }
            .joined(separator: "\n\n")
    }

    static func uniqueTokens(_ s: String) -> [String] {
        var seen: Set<String> = []
        return s.split(whereSeparator: \.isWhitespace).map(String.init).filter { seen.insert($0).inserted }
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

/// Texts missing in a declared language, reported as one warning per language.
struct MissingTranslations {
    private var items: [String: [(what: String, location: SourceLocation)]] = [:]

    mutating func add(_ language: String, what: String, at location: SourceLocation) {
        items[language, default: []].append((what, location))
    }

    func warnings(languages: [String]) -> [Diagnostic] {
        languages.compactMap { lang in
            guard let list = items[lang], let first = list.first else { return nil }
            let count = list.count == 1 ? "1 text" : "\(list.count) texts"
            return Diagnostic(
                .warning, ModuleDiagnosticID.missingTranslation, "'\(lang)' translation missing for \(count): "
                    + list.prefix(5).map(\.what).joined(separator: "; ") + (list.count > 5 ? "; …" : ""),
                at: first.location,
                notes: list.map { .init(location: $0.location, message: "no '\(lang)' variant of \($0.what)") })
        }
    }
}
