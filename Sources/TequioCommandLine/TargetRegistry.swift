import TequioFaceToFace
import TequioLMS
import TequioPackageCheck
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

    /// What `tequio check` must find each bundle to be: the print kit is a set of web pages, the
    /// spreadsheets a zip of workbooks.
    static func packageKind(for target: BuildTarget) -> PackageKind {
        switch target {
        case .web, .print: .web
        case .scorm12: .scorm12
        case .scorm2004: .scorm2004
        case .cmi5: .cmi5
        case .imscp: .imscp
        case .epub: .epub
        case .sheets: .collection
        }
    }
}
