#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import TequioModel

/// One file for `OutputStage` to write: a zip archive made from a file tree, or bytes as they are.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        /// A reproducible zip archive (`ArchiveWriter`): sorted entries, fixed times and attributes,
        /// `options.firstEntry` (such as `mimetype`) first and stored.
        case archive(FileTree, ArchiveOptions)
        /// Bytes written unchanged (HTML, Markdown).
        case data(Data)
    }

    /// Where the file ends up.
    public var url: URL
    public var content: Content
    /// The path shown in messages (default: `url.relativePath`).
    public var displayPath: String

    public init(url: URL, content: Content, displayPath: String? = nil) {
        self.url = url
        self.content = content
        self.displayPath = displayPath ?? url.relativePath
    }

    /// An archive of `tree` at `url`.
    public static func archive(
        _ tree: FileTree, options: ArchiveOptions = .init(), to url: URL, displayPath: String? = nil
    ) -> OutputFile {
        OutputFile(url: url, content: .archive(tree, options), displayPath: displayPath)
    }

    /// `data` at `url`.
    public static func data(_ data: Data, to url: URL, displayPath: String? = nil) -> OutputFile {
        OutputFile(url: url, content: .data(data), displayPath: displayPath)
    }
}

/// The `verify` hook of an `OutputStage` rejected a staged file. Nothing of its set was written.
///
/// Distinct from `ArchiveError` (a file could not be made or written, exit 74): a verification
/// failure means Tequio made a bad file, which the command line reports as an internal error (exit 70).
public struct OutputVerificationError: Error, CustomStringConvertible {
    /// The final file as shown in messages.
    public let path: String
    /// Where the final file would have gone.
    public let final: URL
    /// What the hook threw.
    public let underlying: any Error

    public init(path: String, final: URL, underlying: any Error) {
        self.path = path
        self.final = final
        self.underlying = underlying
    }

    public var description: String { "\(path): failed verification: \(underlying)" }
}

/// The one way Tequio writes its outputs: a set of files that all replace their targets, or none do.
///
/// `write(_:)` takes the files of one set (all the bundles of a build, the DOCX, ODT, HTML and
/// Markdown of one action plan) and
/// 1. removes what killed runs left in the target folders (`StaleTemporaries`: temporaries whose
///    process is gone; those of runs still going are kept);
/// 2. stages each file as a hidden temporary beside its target (`.tequio-<pid>-<n>-new.<name>`,
///    created exclusively and locked), archives made in memory by `ArchiveWriter` first;
/// 3. calls `verify(staged, final)` on each staged file, if set;
/// 4. renames every staged file over its target. Before that it gives each existing target a second
///    name (a hard link, `.tequio-<pid>-<n>-old.<name>`), so that if one rename fails the ones done
///    are undone and every target is its old file again.
///
/// On any failure nothing is renamed (or the renames are undone), every temporary is removed and
/// the old files stay. Readers see the complete old file or the complete new one, never a partial
/// one. A process killed with `kill -9` while staging leaves its temporaries, which the next run
/// removes; killed in the middle of the renames (a few system calls), some files of the set are new
/// and some old, each one complete. There is no `fsync`: the outputs can be made again.
public struct OutputStage: Sendable {
    /// Checks a staged file before anything is renamed; throwing aborts the whole set.
    ///
    /// `staged` is the complete file, hidden beside its target and ending with the target's name (so
    /// with its extension); `final` is where it will go. The hook must not move, change or delete
    /// `staged`. It may be called from several threads at once (one per set being written).
    public typealias Verify = @Sendable (_ staged: URL, _ final: URL) throws -> Void

    public var verify: Verify?

    /// Test hook: the rename of the file with this name fails (`EIO`), after the ones before it.
    var failRenaming: String?

    public init(verify: Verify? = nil) {
        self.verify = verify
    }

    /// Writes every file of the set, or none.
    ///
    /// - Throws: `OutputVerificationError` when `verify` rejects a file; otherwise `ArchiveError`
    ///   (`.io` naming the target and the system's reason, such as "No space left on device";
    ///   `.missingFirstEntry`; `.invalidSourceDateEpoch`).
    public func write(_ outputs: [OutputFile]) throws {
        try checkTargets(outputs)
        for folder in Set(outputs.map { $0.url.deletingLastPathComponent().standardizedFileURL }) {
            StaleTemporaries.removeOnce(in: folder)
        }
        var set = StagedSet()
        defer { set.discard() }
        for output in outputs {
            let file = try stage(output)
            set.files.append(file)
            if let verify {
                do {
                    try verify(file.temporary, output.url)
                } catch {
                    throw OutputVerificationError(path: output.displayPath, final: output.url, underlying: error)
                }
            }
        }
        try set.commit(failRenaming: failRenaming)
    }

    /// Removes the temporaries killed runs left in `folder` and returns their names (see
    /// `StaleTemporaries`). `write(_:)` does this by itself the first time it writes into a folder.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL) -> [String] {
        StaleTemporaries.remove(in: folder)
    }

    /// Every target is a new path of the set and not a folder; missing parent folders are created.
    private func checkTargets(_ outputs: [OutputFile]) throws {
        var seen = Set<String>()
        for output in outputs {
            guard seen.insert(output.url.standardizedFileURL.path).inserted else {
                throw ArchiveError.io(path: output.displayPath, message: "written twice in one output set")
            }
            var info = stat()
            if lstat(output.url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw ArchiveError.io(path: output.displayPath, message: "is a folder")
            }
            try Self.makeFolders(output.url.deletingLastPathComponent().path, for: output.displayPath)
        }
    }

    /// `mkdir -p`, with the system's reason in the error.
    private static func makeFolders(_ path: String, for displayPath: String) throws {
        var missing: [String] = []
        var current = path.isEmpty ? "." : path
        while true {
            var info = stat()
            if stat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw ArchiveError.io(path: displayPath, message: "cannot create parent folder: \(current) is not a folder")
                }
                break
            }
            guard errno == ENOENT else { throw FileDescriptor.error(displayPath, "cannot create parent folder") }
            missing.append(current)
            let parent = (current as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == current { break }
            current = parent
        }
        for folder in missing.reversed() where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw FileDescriptor.error(displayPath, "cannot create parent folder")
        }
    }

    /// Writes one file of the set to a fresh, locked temporary beside its target.
    private func stage(_ output: OutputFile) throws -> StagedFile {
        let bytes: Data
        switch output.content {
        case .archive(let tree, let options):
            bytes = try ArchiveWriter.data(for: tree, options: options, displayPath: output.displayPath)
        case .data(let data):
            bytes = data
        }
        let (temporary, file) = try Self.createLocked(beside: output.url, displayPath: output.displayPath)
        var staged = StagedFile(output: output, temporary: temporary, lock: file)
        do {
            try bytes.withUnsafeBytes { try file.append($0) }
        } catch {
            staged.removeTemporary()
            throw error
        }
        return staged
    }

    /// Creates a new temporary file beside `target` (a fresh name on a clash) and takes its lock,
    /// which tells `StaleTemporaries` in other processes that it is in use.
    private static func createLocked(beside target: URL, displayPath: String) throws -> (URL, FileDescriptor) {
        for _ in 0..<100 {
            let temporary = TemporaryName.staged(beside: target, role: .new)
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw FileDescriptor.error(displayPath, "cannot create a temporary file beside it")
            }
            let file = FileDescriptor(adopting: fd, displayPath: displayPath)
            _ = flock(fd, LOCK_EX | LOCK_NB)  // advisory; a file system without flock still works
            return (temporary, file)
        }
        throw ArchiveError.io(path: displayPath, message: "cannot create a temporary file beside it: too many name clashes")
    }
}

/// A staged file: its temporary, the open descriptor holding its lock, and the second name of the
/// previous target once `StagedSet.commit` made one.
private struct StagedFile {
    let output: OutputFile
    let temporary: URL
    let lock: FileDescriptor
    var backup: (url: URL, lock: FileDescriptor?)?
    var temporaryExists = true

    mutating func removeTemporary() {
        if temporaryExists { unlink(temporary.path) }
        temporaryExists = false
    }

    mutating func removeBackup() {
        if let backup { unlink(backup.url.path) }
        backup = nil
    }
}

/// The files of one set, from staging to the renames.
private struct StagedSet {
    var files: [StagedFile] = []

    /// Removes whatever temporaries are left (after success there are none).
    mutating func discard() {
        for index in files.indices {
            files[index].removeTemporary()
            files[index].removeBackup()
        }
    }

    /// Renames every staged file over its target; undoes the renames done when one fails.
    mutating func commit(failRenaming: String?) throws {
        for index in files.indices { try keepPrevious(&files[index]) }
        for index in files.indices {
            let file = files[index]
            let failed = file.output.url.lastPathComponent == failRenaming
            if failed { errno = EIO }
            guard !failed, rename(file.temporary.path, file.output.url.path) == 0 else {
                let error = FileDescriptor.error(file.output.displayPath, "cannot rename the temporary file into place")
                undo(upTo: index)
                throw error
            }
            files[index].temporaryExists = false
        }
        for index in files.indices { files[index].removeBackup() }
    }

    /// Gives the current target a second name, so `undo` can put it back.
    ///
    /// A file system without hard links (`EPERM`, `ENOTSUP`, `EXDEV`, `EMLINK`) gets no second name:
    /// that target cannot be put back if a later rename fails, but is still replaced atomically.
    private func keepPrevious(_ file: inout StagedFile) throws {
        let target = file.output.url.path
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        for _ in 0..<100 {
            let url = TemporaryName.staged(beside: file.output.url, role: .old)
            if link(target, url.path) == 0 {
                let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                var lock: FileDescriptor?
                if fd >= 0 {
                    _ = flock(fd, LOCK_EX | LOCK_NB)
                    lock = FileDescriptor(adopting: fd, displayPath: file.output.displayPath)
                }
                file.backup = (url, lock)
                return
            }
            switch errno {
            case EEXIST: continue
            case ENOENT, EPERM, ENOTSUP, EXDEV, EMLINK: return  // gone meanwhile, or no hard links here
            default: throw FileDescriptor.error(file.output.displayPath, "cannot keep the previous file")
            }
        }
        throw ArchiveError.io(path: file.output.displayPath, message: "cannot keep the previous file: too many name clashes")
    }

    /// Puts back the targets of the files before `end`, already renamed.
    private mutating func undo(upTo end: Int) {
        for index in 0..<end {
            let file = files[index]
            if let backup = file.backup {
                if rename(backup.url.path, file.output.url.path) == 0 { files[index].backup = nil }
            } else {
                unlink(file.output.url.path)  // there was no file before this set
            }
        }
    }
}
