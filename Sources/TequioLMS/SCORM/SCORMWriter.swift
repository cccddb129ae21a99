import Foundation
import TequioModel
import TequioWriters

/// The logic both SCORM runtimes share (`window.TequioSCORM`), loaded just before either of them.
enum SCORMRuntime {
    static let common = "scorm-common.js"
}

/// SCORM 1.2: the web player as one SCO, with `lms/runtime-scorm12.js` (on `lms/scorm-common.js`) talking to the LMS's `API`
/// object and `imsmanifest.xml` (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1) at the root.
public struct SCORM12Writer: TargetWriter {
    public static let runtime = "runtime-scorm12.js"
    public init() {}

    public func render(_ input: BuildInput) throws -> FileTree {
        try ContentPackage.render(input, flavour: .scorm12, runtime: Self.runtime, shared: [SCORMRuntime.common])
    }
}

/// SCORM 2004 4th Edition: the web player as one SCO, with `lms/runtime-scorm2004.js` (on `lms/scorm-common.js`) talking to the
/// LMS's `API_1484_11` object and `imsmanifest.xml` (IMS CP 1.1.4, ADL CP 1.3, IEEE LOM) at the root.
public struct SCORM2004Writer: TargetWriter {
    public static let runtime = "runtime-scorm2004.js"
    public init() {}

    public func render(_ input: BuildInput) throws -> FileTree {
        try ContentPackage.render(input, flavour: .scorm2004, runtime: Self.runtime, shared: [SCORMRuntime.common])
    }
}
