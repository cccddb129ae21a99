import TequioFaceToFace
import TequioLMS
import TequioWriters

/// Which writer makes each build target: a new target is one writer and one line here, as in pandoc's
/// writer table.
enum TargetRegistry {
    /// The writer for `target`. The switch is exhaustive, so a new `BuildTarget` case without a writer
    /// does not compile.
    static func writer(for target: BuildTarget, faceToFace: FaceToFaceOptions = .init()) -> TargetWriter {
        switch target {
        case .web: WebPlayerWriter()
        case .scorm12: SCORM12Writer()
        case .scorm2004: SCORM2004Writer()
        case .cmi5: CMI5Writer()
        case .imscp: IMSCPWriter()
        case .epub: EPUBWriter()
        case .print: PrintKitWriter(options: faceToFace)
        case .sheets: SpreadsheetsWriter(options: faceToFace)
        }
    }
}
