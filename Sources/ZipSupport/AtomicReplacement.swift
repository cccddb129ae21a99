import Foundation

/// Writes a file through a temporary file in the same folder, then renames it over the target.
///
/// Readers see the old file or the new one, never a partial one; on any failure the old file is
/// untouched and the temporary file is removed. There is no `fsync`: archives are build outputs
/// that can be made again.
enum AtomicReplacement {
    /// Creates the parent folder if needed, calls `write` with a fresh temporary path and renames
    /// the result over `target`.
    static func replace(_ target: URL, displayPath: String, write: (URL) throws -> Void) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ArchiveError.io(path: displayPath, message: "is a folder")
        }
        do {
            try manager.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.io(path: displayPath, message: "cannot create parent folder")
        }

        let temporary = TemporaryName.beside(target, kind: "tmp")
        var renamed = false
        defer { if !renamed { unlink(temporary.path) } }
        try write(temporary)
        guard rename(temporary.path, target.path) == 0 else {
            throw FileDescriptor.error(displayPath, "cannot rename temporary file")
        }
        renamed = true
    }
}
