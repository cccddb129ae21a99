import Foundation
import TequioModel
import XMLSupport

/// Reads a module folder (or its `module.xml`) into a `Module`, collecting every problem found.
///
/// Steps: parse the entry file safely, validate it against `schemas/tequio-module-1.rng`, expand
/// includes (each file parsed and validated on its own), then build the model and check what a schema
/// cannot: unique ids, references, files, CSV data, translations, empty texts.
public struct ModuleReader: Sendable {
    public static let namespace = "urn:tequio:module:1"
    public static let entryFileName = "module.xml"

    public let schemas: SchemaSet
    public var limits: XMLParseLimits

    public init(schemas: SchemaSet, limits: XMLParseLimits = .init()) {
        self.schemas = schemas
        self.limits = limits
    }

    public func read(_ url: URL) -> ModuleReadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return ModuleReadResult(
                diagnostics: [.error(ModuleDiagnosticID.notFound, "no such file or folder", at: SourceLocation(file: DisplayPath.of(url)))])
        }
        let entry = isDirectory.boolValue ? url.appendingPathComponent(ModuleReader.entryFileName) : url
        let root = entry.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: entry.path) else {
            return ModuleReadResult(
                diagnostics: [
                    .error(ModuleDiagnosticID.notFound, "the folder has no \(ModuleReader.entryFileName)", at: SourceLocation(file: DisplayPath.of(url)))
                ])
        }
        let display = DisplayPath.of(entry)
        var clock = PhaseClock()
        let schema: RelaxNGSchema
        let backgroundSchema: RelaxNGSchema
        do {
            schema = try schemas.relaxNG(SchemaSet.module)
            backgroundSchema = try schemas.backgroundRelaxNG(SchemaSet.module)
        } catch {
            return ModuleReadResult(diagnostics: [.error(TequioDiagnosticID.schemaMissing, "\(error)", at: nil)], files: [display])
        }
        let data: Data
        switch SafeXMLParser.readFile(entry, displayPath: display, limits: limits) {
        case .success(let d): data = d
        case .failure(let failure): return ModuleReadResult(diagnostics: [failure.diagnostic], files: [display])
        }
        // The schema check of the entry file runs on a second core, on its own parse of the same bytes,
        // while this thread builds the tree and the model.
        let validation = BackgroundValidation(data, path: display, limits: limits, schema: backgroundSchema)
        let parsed = SafeXMLParser.parse(data, path: display, limits: limits)
        clock.mark("parse")
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document else {
            _ = validation.wait()
            return ModuleReadResult(diagnostics: diagnostics, files: [display])
        }
        if document.root.namespace != ModuleReader.namespace || document.root.name != "module" {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.notAModule,
                    "root element is '\(document.root.name)' in namespace '\(document.root.namespace ?? "")', expected 'module' in '\(ModuleReader.namespace)'",
                    at: document.root.location))
            _ = validation.wait()
            return ModuleReadResult(diagnostics: diagnostics, files: [display])
        }

        let files = ModuleFiles(root: root)
        let explainer = try? schemas.explainer(SchemaSet.module)
        var expander = IncludeExpander(files: files, schema: schema, limits: limits)
        expander.explainer = explainer
        expander.filesRead.append(display)
        let expanded = document.usesXInclude
            ? expander.expand(document.root, in: entry, stack: [entry.resolvingSymlinksInPath().path]) : document.root!
        clock.mark("includes")
        var builder = ModuleBuilder(files: files, limits: limits)
        let module = builder.build(expanded)
        clock.mark("build")
        let schemaDiagnostics = explainer.map { $0.explain(validation.wait(), root: document.root, path: display) } ?? validation.wait()
        // An include the schema refuses is also refused by the include expander: say it once.
        let said = Set(schemaDiagnostics.compactMap { $0.location?.description })
        diagnostics += schemaDiagnostics + expander.diagnostics.filter { d in
            !(ModuleDiagnosticID(rawValue: d.identifier)?.isIncludeProblem == true && d.location.map { said.contains($0.description) } == true)
        }
        clock.mark("validate")
        guard !diagnostics.hasErrors else {
            // A module that breaks the schema gets no semantic diagnostics: they would be noise.
            return ModuleReadResult(diagnostics: diagnostics, files: expander.filesRead)
        }
        diagnostics += builder.diagnostics
        if module.id != root.lastPathComponent && isDirectory.boolValue {
            diagnostics.append(
                .warning(
                    ModuleDiagnosticID.idMismatch, "module id '\(module.id)' differs from its folder name '\(root.lastPathComponent)'",
                    at: expanded.location))
        }
        if !XMLLibrary.freeDocuments { KeepAlive.hold(expanded) }
        return ModuleReadResult(
            module: diagnostics.hasErrors ? nil : module, directory: root, mediaFiles: builder.referencedFiles, locations: builder.ids,
            diagnostics: diagnostics, files: expander.filesRead)
    }
}

/// A module, when it could be built, and everything found on the way.
public struct ModuleReadResult: Sendable {
    /// Nil when an error stopped the reader before the model could be built.
    public var module: Module?
    /// The module folder.
    public var directory: URL?
    /// Files the module references (media, data), relative to the module folder, sorted.
    public var mediaFiles: [String]
    /// Where each id of the module is declared.
    public var locations: [String: SourceLocation]
    public var diagnostics: [Diagnostic]
    /// The XML files read, entry file first.
    public var files: [String]

    public init(
        module: Module? = nil, directory: URL? = nil, mediaFiles: [String] = [], locations: [String: SourceLocation] = [:],
        diagnostics: [Diagnostic], files: [String] = []
    ) {
        self.locations = locations
        self.module = module
        self.directory = directory
        self.mediaFiles = mediaFiles
        self.diagnostics = diagnostics
        self.files = files
    }
}

/// Phase timings on stderr when `TEQUIO_TIMING` is set (for benchmarks and profiling).
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["TEQUIO_TIMING"] != nil
    private var last = DispatchTime.now()

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data("timing: \(phase) \(String(format: "%.1f", ms)) ms\n".utf8))
        last = now
    }
}

/// Objects a short-lived command keeps until exit instead of freeing them one by one
/// (see `XMLLibrary.freeDocuments`).
enum KeepAlive {
    nonisolated(unsafe) private static var objects: [AnyObject] = []
    static func hold(_ object: AnyObject) { objects.append(object) }
}
