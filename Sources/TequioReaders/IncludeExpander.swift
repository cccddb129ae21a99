import Foundation
import TequioModel
import XMLSupport

/// Replaces `<xi:include href="…"/>` elements by the root element of the file they name.
///
/// libxml2's own XInclude also loads DTDs for included files, so inclusion is done here, with limits:
/// XML inclusion only, files inside the module folder, no cycles, and the included root must be an
/// element allowed where the include stands. Each included file is parsed by `SafeXMLParser` and
/// validated on its own, so diagnostics name the file they come from.
struct IncludeExpander {
    static let namespace = ModuleReader.namespace
    static let allowed: [String: Set<String>] = [
        "module": ["unit", "matrix", "glossary", "rubric"],
        "unit": ["presentation", "case-study", "finding", "activity"],
    ]

    let files: ModuleFiles
    let schema: RelaxNGSchema?
    let limits: XMLParseLimits
    /// Plain words for schema errors of included files.
    var explainer: SchemaExplainer?
    var diagnostics: [Diagnostic] = []
    /// Every file read, main file first (display paths).
    var filesRead: [String] = []
    /// Keeps libxml2 documents alive while their trees are in use.
    var documents: [ParsedXMLDocument] = []
    /// Files already included (resolved paths).
    private var included: Set<String> = []
    private let maxFiles = 1_000

    init(files: ModuleFiles, schema: RelaxNGSchema?, limits: XMLParseLimits) {
        self.files = files
        self.schema = schema
        self.limits = limits
    }

    /// `element` with every include below it replaced; `fileURL` is the file it came from.
    mutating func expand(_ element: XMLElement, in fileURL: URL, stack: [String]) -> XMLElement {
        var changed = false
        var children: [XMLNode] = []
        for child in element.children {
            guard case .element(let e) = child else {
                children.append(child)
                continue
            }
            if e.namespace == XMLNamespace.xinclude && e.name == "include" {
                changed = true
                if let included = include(e, parent: element, from: fileURL, stack: stack) {
                    children.append(.element(included))
                }
            } else {
                let expanded = expand(e, in: fileURL, stack: stack)
                if expanded !== e { changed = true }
                children.append(.element(expanded))
            }
        }
        guard changed else { return element }
        return XMLElement(
            name: element.name, namespace: element.namespace, attributes: element.attributes, children: children,
            location: element.location)
    }

    /// Adds an include diagnostic unless the schema already reported something at that element.
    private mutating func report(_ d: Diagnostic) {
        if let at = d.location, diagnostics.contains(where: { $0.location == at && $0.identifier != d.identifier }) { return }
        diagnostics.append(d)
    }

    private mutating func include(_ e: XMLElement, parent: XMLElement, from fileURL: URL, stack: [String]) -> XMLElement? {
        guard let href = e.attribute("href") else {
            report(.error(ModuleDiagnosticID.includeUnsupported, "xi:include needs an href", at: e.location))
            return nil
        }
        if let parse = e.attribute("parse"), parse != "xml" {
            diagnostics.append(.error(ModuleDiagnosticID.includeUnsupported, "only parse=\"xml\" inclusion is supported", at: e.location))
            return nil
        }
        if e.attribute("xpointer") != nil {
            diagnostics.append(.error(ModuleDiagnosticID.includeUnsupported, "xpointer is not supported in xi:include", at: e.location))
            return nil
        }
        let url: URL
        switch files.resolve(href, relativeTo: fileURL.deletingLastPathComponent()) {
        case .success(let u): url = u
        case .failure(let problem):
            var d = problem.diagnostic(at: e.location, what: "included file")
            if case .outside = problem.problem { d.identifier = ModuleDiagnosticID.includeOutside.rawValue }
            if case .notRelative = problem.problem { d.identifier = ModuleDiagnosticID.includeOutside.rawValue }
            if case .missing = problem.problem { d.identifier = ModuleDiagnosticID.includeMissing.rawValue }
            report(d)
            return nil
        }
        let key = url.resolvingSymlinksInPath().path
        if stack.contains(key) {
            diagnostics.append(.error(ModuleDiagnosticID.includeCycle, "'\(href)' includes itself (through \(stack.count) files)", at: e.location))
            return nil
        }
        // Each file is included once. Every root an include may name has an id, so a second inclusion can
        // only repeat ids; and ten includes of a file that has ten includes of a file… multiplied the
        // reading and the trees kept (a 111 KB module folder took over 2 GB; found by reading,
        // confirmed as an out-of-memory of the module fuzz target).
        guard included.insert(key).inserted else {
            diagnostics.append(
                .error(ModuleDiagnosticID.includeUnsupported, "'\(href)' is already included; each file may be included once", at: e.location))
            return nil
        }
        guard filesRead.count < maxFiles else {
            diagnostics.append(.error(ModuleDiagnosticID.includeUnsupported, "more than \(maxFiles) included files", at: e.location))
            return nil
        }
        let display = DisplayPath.of(url)
        filesRead.append(display)
        let result = SafeXMLParser.parseFile(url, displayPath: display, limits: limits, validatingWith: schema)
        if let root = result.document?.root, let explainer {
            diagnostics += explainer.explain(result.diagnostics, root: root, path: display)
        } else {
            diagnostics += result.diagnostics
        }
        guard let document = result.document else { return nil }
        documents.append(document)
        let root = document.root!
        let permitted = IncludeExpander.allowed[parent.name] ?? []
        guard root.namespace == IncludeExpander.namespace, permitted.contains(root.name) else {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.includeMisplaced,
                    "'\(href)' has root element '\(root.name)', which cannot stand in '\(parent.name)' (expected \(permitted.sorted().joined(separator: ", ")))",
                    at: e.location))
            return nil
        }
        return document.usesXInclude ? expand(root, in: url, stack: stack + [key]) : root
    }
}
