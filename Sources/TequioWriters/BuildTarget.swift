import Foundation
import TequioModel

/// The bundles `tequio build` can write, one zip each.
public enum BuildTarget: String, CaseIterable, Sendable, Comparable {
    case web, scorm12, scorm2004, cmi5, imscp, epub, print, sheets

    public static func < (a: BuildTarget, b: BuildTarget) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `<id>-<version>-<target>.zip`, `-<target>-facilitator.zip` for a facilitator's build of a target that
    /// carries the player; the e-book is `<id>-<version>.epub` (a zip too) so that e-readers open it as it is.
    public func archiveName(for module: Module, audience: Audience = .participant) -> String {
        if self == .epub { return "\(module.id)-\(module.version).epub" }
        let reader = audience == .facilitator && carriesPlayer ? "-\(audience.rawValue)" : ""
        return "\(module.id)-\(module.version)-\(rawValue)\(reader).zip"
    }

    /// The web player and the LMS packages made of it: what `--audience` changes.
    public var carriesPlayer: Bool {
        switch self {
        case .web, .scorm12, .scorm2004, .cmi5, .imscp: true
        case .epub, .print, .sheets: false
        }
    }
}

/// Turns a module into the files of one target. A new target is one more writer and one registry line,
/// as in pandoc's writer table.
public protocol TargetWriter: Sendable {
    func render(_ input: BuildInput) throws -> FileTree
    /// The zip entry that must come first, stored (EPUB's `mimetype`).
    var firstEntry: String? { get }
}

extension TargetWriter {
    public var firstEntry: String? { nil }
}
