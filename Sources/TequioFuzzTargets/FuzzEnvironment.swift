import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// What every target shares, set up once per process: the repository's schemas, the example module
/// (read once, as `tequio import` and `tequio check --module` would read it) and a scratch folder.
public enum FuzzEnvironment {
    /// The repository: `TEQUIO_FUZZ_ROOT`, or found from this source file's path.
    public static let root: URL = {
        if let root = ProcessInfo.processInfo.environment["TEQUIO_FUZZ_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    public static let schemas = SchemaSet(directory: root.appendingPathComponent("schemas"))

    /// `modules/oaxaca-agua`, which the matrix and spreadsheet targets check their inputs against.
    public static let exampleModule: Module = {
        let url = root.appendingPathComponent("modules/oaxaca-agua")
        let result = ModuleReader(schemas: schemas).read(url)
        guard let module = result.module else {
            fatalError("cannot read the example module at \(url.path): \(result.diagnostics.map(\.formatted))")
        }
        return module
    }()

    /// `templates/strings`: the words the spreadsheet targets' importer recognises.
    public static let catalogue: StringCatalogue = {
        do {
            return try StringCatalogue(templatesFolder: root.appendingPathComponent("templates"))
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Call once on the main thread before the first run (libxml2's set-up is not thread-safe).
    public static func prepare() {
        XMLLibrary.initialize()
    }

    /// The file at `url`, or the files in the folder at `url` (not recursive, sorted, no dot files).
    public static func inputFiles(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    /// Waits until the process has no more threads than `count`, so that a thread a reader started
    /// (ModuleReader validates on a second thread) has really ended before libFuzzer compares mallocs
    /// and frees: a thread still unwinding holds references LeakSanitizer cannot always see, which
    /// showed up as rare false leaks. A thread still alive after 5 s is a finding.
    static func waitForThreads(toReturnTo count: Int) {
        guard count > 0 else { return }
        let deadline = Date().addingTimeInterval(5)
        while threadCount() > count {
            FuzzCheck.require(Date() < deadline, "a thread started by the reader is still running 5 s after the read returned")
            usleep(50)
        }
    }

    /// The number of threads of this process (0 where /proc is missing).
    static func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }

    /// A folder of this process for `target` (created empty on first use, removed at exit).
    public static func scratch(_ target: String) -> URL {
        let url = scratchRoot.appendingPathComponent(target, isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes and recreates `folder`.
    static func emptied(_ folder: URL) -> URL {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `data` to `url`, stopping the process when that fails (a broken harness, not a finding).
    static func write(_ data: Data, to url: URL) {
        do {
            try data.write(to: url)
        } catch {
            fatalError("fuzz harness cannot write \(url.path): \(error)")
        }
    }

    /// In `TEQUIO_FUZZ_SCRATCH`, else in /dev/shm when there is one: every run writes and removes a few
    /// files, and on a disk those metadata writes made the runs wait on I/O (100 runs/s at 10% CPU).
    private static let scratchRoot: URL = {
        let environment = ProcessInfo.processInfo.environment
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let parent = environment["TEQUIO_FUZZ_SCRATCH"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? (FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory)
        let url = parent.appendingPathComponent("tequio-fuzz-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        ScratchCleanup.path = url.path
        atexit { ScratchCleanup.remove() }
        return url
    }()
}

private enum ScratchCleanup {
    nonisolated(unsafe) static var path: String?
    static func remove() {
        if let path { try? FileManager.default.removeItem(atPath: path) }
    }
}
