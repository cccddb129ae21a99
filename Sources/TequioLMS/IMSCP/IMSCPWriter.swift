import Foundation
import TequioModel
import TequioWriters

/// IMS Content Packaging 1.1.4: the offline web player, unchanged, described by `imsmanifest.xml`, for
/// repositories and LMSes that import content packages without a SCORM runtime.
public struct IMSCPWriter: TargetWriter {
    public init() {}

    public func render(_ input: BuildInput) throws -> FileTree {
        try ContentPackage.render(input, flavour: .imscp, runtime: nil)
    }
}
