import TequioFaceToFace
import TequioLMS
import TequioWriters

/// Which writer makes each build target: a new target is one writer and one line here, as in pandoc's
/// writer table.
enum TargetRegistry {
    /// The writer for `target`, or nil when that target is not available yet.
    static func writer(for target: BuildTarget, faceToFace: FaceToFaceOptions = .init()) -> TargetWriter? {
        switch target {
        case .web: WebPlayerWriter()
        case .scorm12: SCORM12Writer()
        case .scorm2004: SCORM2004Writer()
        case .cmi5: CMI5Writer()
        case .imscp: IMSCPWriter()
        case .epub: EPUBWriter()
        case .print: PrintKitWriter(options: faceToFace)
        case .sheets: SpreadsheetsWriter(options: faceToFace)
        default: nil
        }
    }

    static var available: [BuildTarget] { BuildTarget.allCases.filter { writer(for: $0) != nil } }
}
