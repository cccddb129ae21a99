import Foundation
import TequioModel

/// The rules for entry names of untrusted archives, applied to the raw bytes of the name.
///
/// An accepted name is a relative path of `/`-separated segments that stays inside the target
/// folder on Unix, macOS and Windows, and that `FileTree` accepts.
enum EntryName {
    /// A checked name: the relative path (without the trailing `/` of a folder entry).
    struct Checked: Equatable {
        var path: String
        var isDirectory: Bool
    }

    /// The outcome of `check`.
    enum Verdict: Equatable {
        case safe(Checked)
        case unsafe(UnsafeNameReason)
    }

    /// Checks the raw bytes of a name; the first rule broken is the reason.
    static func check(_ raw: [UInt8]) -> Verdict {
        guard !raw.isEmpty else { return .unsafe(.emptyName) }
        if raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .unsafe(.controlCharacter) }
        guard let name = String(validating: raw, as: UTF8.self) else { return .unsafe(.notUTF8) }
        if name.hasPrefix("/") { return .unsafe(.absolutePath) }
        if raw.contains(UInt8(ascii: "\\")) { return .unsafe(.backslash) }
        if name.dropFirst().first == ":" { return .unsafe(.driveLetter) }

        let isDirectory = name.hasSuffix("/")
        let path = isDirectory ? String(name.dropLast()) : name
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return .unsafe(.parentDirectory) }
        if segments.contains(".") { return .unsafe(.currentDirectory) }
        if segments.contains("") { return .unsafe(.emptySegment) }
        // The rules above are meant to be at least as strict as FileTree's; keep it that way.
        guard FileTree.isSafeRelativePath(path) else { return .unsafe(.controlCharacter) }
        return .safe(Checked(path: path, isDirectory: isDirectory))
    }

    /// The name for messages: invalid UTF-8 shown as U+FFFD, control characters as `\u{…}`.
    static func display(_ raw: [UInt8]) -> String {
        display(String(decoding: raw, as: UTF8.self))
    }

    static func display(_ name: String) -> String {
        var shown = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// The key two names collide under on a case-insensitive or normalising file system (macOS,
    /// Windows): NFC, then lowercased.
    static func collisionKey(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }
}
