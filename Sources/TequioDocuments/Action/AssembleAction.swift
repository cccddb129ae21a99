import Dispatch
import Foundation
import TequioModel
import ZipSupport

/// Why `tequio assemble` stops: the kind maps to an exit code, the message is printed as is.
public struct AssembleFailure: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Invalid matrices, module, branding or reference documents (exit 65).
        case invalid
        /// A file could not be read or written (exit 74).
        case io
        /// A document could not be rendered (exit 70).
        case installation
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Turns completed matrices into action-plan documents: collects the input files, checks them in
/// parallel (keeping input order), applies the keep-going policy, plans the documents to write and
/// renders and writes them in parallel. Reading matrices and modules is the caller's: it is given
/// as a closure, so this target needs no reader.
public struct AssembleAction: Sendable {
    public struct Input: Sendable {
        public var formats: [DocumentFormat]
        public var outputDirectory: URL
        public var compendium: Bool
        public var onlyCompendium: Bool
        public var language: String?
        public var keepGoing: Bool
        /// The compendium's words (each plan already has its own).
        public var catalogue: StringCatalogue
        /// What the compendium prints of each plan (`--layout`).
        public var content: ContentLayout

        public init(
            formats: [DocumentFormat], outputDirectory: URL, compendium: Bool, onlyCompendium: Bool,
            language: String?, keepGoing: Bool, catalogue: StringCatalogue, content: ContentLayout = .default
        ) {
            self.content = content
            self.formats = formats
            self.outputDirectory = outputDirectory
            self.compendium = compendium
            self.onlyCompendium = onlyCompendium
            self.language = language
            self.keepGoing = keepGoing
            self.catalogue = catalogue
        }
    }

    /// What checking one matrix file gave: its diagnostics, its plan when it is valid, and its module.
    public struct CheckedFile: Sendable {
        public var diagnostics: [Diagnostic]
        public var plan: ActionPlan?
        public var module: Module?

        public init(diagnostics: [Diagnostic], plan: ActionPlan?, module: Module?) {
            self.diagnostics = diagnostics
            self.plan = plan
            self.module = module
        }
    }

    /// Every matrix checked, in input order.
    public struct CheckOutcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var plans: [ActionPlan] = []
        public var modules: [String: Module] = [:]
        public var badFiles = 0
        public var fileCount = 0
        /// Set when nothing may be written: invalid files without --keep-going, or no valid file.
        public var failure: AssembleFailure?

        /// The failure to report after the valid documents were written with --keep-going.
        public var keepGoingFailure: AssembleFailure? {
            guard badFiles > 0 else { return nil }
            return AssembleFailure(
                .invalid, "\(badFiles) of \(fileCount) matrix files have errors; the other documents were written (--keep-going)")
        }
    }

    /// The documents written, and the first failure.
    public struct Outcome: Sendable {
        public var written: [URL]
        public var failure: AssembleFailure?
    }

    public struct Job: Sendable {
        let source: LazyLayout
        public let format: DocumentFormat
        public let fileName: String
        /// Made when first asked for, on the writer's thread: a comparison's layout costs more than its
        /// rendering, so making them one after the other in `plannedJobs` would leave the other cores idle.
        public var layout: DocumentLayout { source.value }

        public init(layout: DocumentLayout, format: DocumentFormat, fileName: String) {
            self.init(source: LazyLayout { layout }, format: format, fileName: fileName)
        }

        init(source: LazyLayout, format: DocumentFormat, fileName: String) {
            self.source = source
            self.format = format
            self.fileName = fileName
        }
    }

    public let input: Input

    public init(_ input: Input) { self.input = input }

    /// The matrix files named on the command line: files as given, folders as their `*.xml` files in
    /// name order, each once.
    public static func collectFiles(_ paths: [String]) throws(AssembleFailure) -> [URL] {
        var result: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw AssembleFailure(.io, "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                let xml = names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
                guard !xml.isEmpty else { throw AssembleFailure(.invalid, "\(path): the folder has no .xml files") }
                result += xml.map { url.appendingPathComponent($0) }
            } else {
                result.append(url)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// Checks each file on its own, on every core, and gathers the results in input order.
    public func check(_ files: [URL], with checkFile: @Sendable (URL) -> CheckedFile) -> CheckOutcome {
        var outcome = CheckOutcome()
        outcome.fileCount = files.count
        for checked in files.concurrentMap(checkFile) {
            outcome.diagnostics += checked.diagnostics
            if let plan = checked.plan, let module = checked.module {
                outcome.plans.append(plan)
                outcome.modules[module.id] = module
            } else {
                outcome.badFiles += 1
            }
        }
        if outcome.badFiles > 0 && (!input.keepGoing || outcome.plans.isEmpty) {
            let (bad, count) = (outcome.badFiles, files.count)
            outcome.failure = AssembleFailure(
                .invalid, "\(bad) of \(count) matrix file\(count == 1 ? "" : "s") \(bad == 1 ? "has" : "have") errors; nothing was written")
        }
        return outcome
    }

    /// Every document to write, compendia first, with file names made unique: two plans of the same
    /// table get `-draft-N`, and any remaining clash a counter.
    public func plannedJobs(
        plans: [ActionPlan], modules: [String: Module], branding: Branding, round: ComparisonLayout.Round? = nil
    ) -> [Job] {
        let formats = input.formats
        var jobs: [Job] = []
        if input.compendium || input.onlyCompendium {
            for (id, module) in modules.sorted(by: { $0.key < $1.key }) {
                let c = Compendium(
                    plans: plans.filter { $0.moduleID == id }, module: module, language: input.language, catalogue: input.catalogue)
                let hasLogo = branding.logo != nil
                let (content, catalogue) = (input.content, input.catalogue)
                let source = LazyLayout {
                    guard let round else { return PlanLayout.layout(c, hasLogo: hasLogo, content: content) }
                    // The earlier drafts speak the compendium's language too, so only what the tables wrote changes.
                    let earlier = round.localised { Compendium.localised($0, module: module, language: c.language, catalogue: catalogue) }
                    let chapters = Array(c.plans.indices).concurrentMap { earlier.chapter(c.plans[$0], number: $0 + 1, content: content) }
                    var layout = PlanLayout.layout(c, hasLogo: hasLogo, content: content, chapters: { i, _ in chapters[i] })
                    layout.changeWords = DocumentLayout.ChangeWords(c.strings)
                    return layout
                }
                for f in formats { jobs.append(Job(source: source, format: f, fileName: "\(c.baseName).\(f.fileExtension)")) }
            }
        }
        guard !input.onlyCompendium else { return jobs }
        var names: [String: Int] = [:]
        for p in plans { names[p.baseName, default: 0] += 1 }
        var used = Set<String>()
        for p in plans {
            var name = p.baseName
            if names[name, default: 0] > 1 { name += "-draft-\(p.draft)" }
            var unique = name
            var n = 2
            while used.contains(unique) {
                unique = "\(name)-\(n)"
                n += 1
            }
            used.insert(unique)
            let hasLogo = branding.logo != nil
            let source = LazyLayout { round?.layout(p, hasLogo: hasLogo) ?? PlanLayout.layout(p, hasLogo: hasLogo) }
            for f in formats { jobs.append(Job(source: source, format: f, fileName: "\(unique).\(f.fileExtension)")) }
        }
        return jobs
    }

    /// Renders and writes the jobs on every core, in the given order (biggest first). The formats of
    /// one document (same file name but for the extension) are one output set: all written or none,
    /// each file checked by `verify` first (see `OutputStage`). `progress` is called, serialised, with
    /// each file name written; `displayPath` names files in messages.
    public func write(
        _ jobs: [Job], options: DocumentOptions, sourceDateEpoch: Date?, verify: OutputStage.Verify? = nil,
        displayPath: @Sendable (URL) -> String, progress: @Sendable (String) -> Void
    ) -> Outcome {
        let outputDir = input.outputDirectory
        let state = JobState()
        let sets = Self.outputSets(jobs)
        DispatchQueue.concurrentPerform(iterations: sets.count) { index in
            var outputs: [OutputFile] = []
            for job in sets[index] {
                let url = outputDir.appendingPathComponent(job.fileName)
                do {
                    let rendered = try DocumentRenderer.render(job.layout, as: job.format, options: options)
                    let timestamp = DocumentRenderer.timestamp(sourceDateEpoch: sourceDateEpoch, modified: job.layout.properties.modified)
                    outputs.append(rendered.output(to: url, timestamp: timestamp, displayPath: displayPath(url)))
                } catch {
                    state.fail(AssembleFailure(error is ArchiveError ? .io : .installation, "cannot render \(job.fileName): \(error)"))
                    return
                }
            }
            do {
                try OutputStage(verify: verify).write(outputs)
                for (job, output) in zip(sets[index], outputs) { state.done(output.url) { progress(job.fileName) } }
            } catch let error as OutputVerificationError {
                state.fail(AssembleFailure(.installation, "\(error)"))
            } catch {
                state.fail(AssembleFailure(.io, "\(error)"))  // ArchiveError: the path and the system's reason
            }
        }
        return Outcome(written: state.written, failure: state.failure)
    }

    /// The jobs grouped by document (file name without its extension), in order of first appearance.
    static func outputSets(_ jobs: [Job]) -> [[Job]] {
        var sets: [[Job]] = []
        var index: [String: Int] = [:]
        for job in jobs {
            let key = (job.fileName as NSString).deletingPathExtension
            if let i = index[key] {
                sets[i].append(job)
            } else {
                index[key] = sets.count
                sets.append([job])
            }
        }
        return sets
    }

    /// `SOURCE_DATE_EPOCH` as a date, or nil when it is not set.
    public static func sourceDateEpoch() throws -> Date? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return nil }
        return try ArchiveOptions.timestampFromEnvironment()
    }
}

/// A layout made once, when first asked for, by whichever thread asks.
final class LazyLayout: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> DocumentLayout
    private var made: DocumentLayout?

    init(_ make: @escaping @Sendable () -> DocumentLayout) { self.make = make }

    var value: DocumentLayout {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let layout = make()
        made = layout
        return layout
    }
}

/// What the parallel writers share: files written, the first failure.
private final class JobState: @unchecked Sendable {
    private let lock = NSLock()
    private var _written: [URL] = []
    private var _failure: AssembleFailure?

    var written: [URL] {
        lock.lock()
        defer { lock.unlock() }
        return _written
    }

    var failure: AssembleFailure? {
        lock.lock()
        defer { lock.unlock() }
        return _failure
    }

    func done(_ url: URL, _ report: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        _written.append(url)
        report()
    }

    func fail(_ f: AssembleFailure) {
        lock.lock()
        defer { lock.unlock() }
        if _failure == nil { _failure = f }
    }
}
