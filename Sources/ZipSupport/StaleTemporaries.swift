#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Finds and removes the temporary files a killed run left in an output folder.
///
/// A temporary is stale when its name is one of ours (`TemporaryName.owner(ofTemporary:)`), the
/// process in its name is no longer running, and nobody holds the `flock` the output stage keeps on
/// every file it stages (a second guard, for a folder shared with processes this one cannot see,
/// such as another container). Everything else is left alone: the temporaries of a build running
/// at the same time, and every file that is not ours.
enum StaleTemporaries {
    /// Removes the stale temporaries in `folder` and returns their names. Errors (a read-only folder,
    /// a file that went away meanwhile) are skipped: cleaning never makes a run fail.
    @discardableResult
    static func remove(in folder: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = TemporaryName.owner(ofTemporary: name), !isRunning(pid) else { continue }
            let path = folder.appendingPathComponent(name).path
            if removeIfUnlocked(path) { removed.append(name) }
        }
        return removed
    }

    /// Cleans `folder` the first time this process writes into it (`OutputStage` calls this).
    static func removeOnce(in folder: URL) {
        let key = folder.standardizedFileURL.path
        guard cleaned.insert(key) else { return }
        remove(in: folder)
    }

    /// Whether process `pid` exists (`EPERM`: it exists but belongs to someone else).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Unlinks the regular file at `path` unless another open file holds its lock.
    private static func removeIfUnlocked(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        return unlink(path) == 0
    }

    /// The folders already cleaned by this process.
    private final class Folders: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = Set<String>()
        func insert(_ path: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return seen.insert(path).inserted
        }
    }

    private static let cleaned = Folders()
}
