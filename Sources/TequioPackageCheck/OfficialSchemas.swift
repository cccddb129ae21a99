import Foundation
import TequioModel
import XMLSupport

/// The official schemas in `schemas/official`, each compiled the first time a rule needs it and then
/// kept for the life of the process (the SCORM 2004 and WordprocessingML sets take a while).
public final class OfficialSchemas: @unchecked Sendable {
    /// The entry points, as paths inside `schemas/official` (see the README there).
    enum Name: String, CaseIterable {
        case scorm12 = "scorm12/scorm12_driver.xsd"
        case scorm2004 = "scorm2004-4th/scorm2004_driver.xsd"
        case imscp = "scorm2004-4th/imscp_v1p1.xsd"
        case cmi5 = "cmi5/CourseStructure.xsd"
        case wordprocessingML = "ooxml/wml-driver.xsd"
        case spreadsheetML = "ooxml/sml.xsd"
        case contentTypes = "ooxml/opc-xsd/opc-contentTypes.xsd"
        case relationships = "ooxml/opc-xsd/opc-relationships.xsd"
        case coreProperties = "ooxml/opc-xsd/opc-coreProperties.xsd"
        case extendedProperties = "ooxml/shared-documentPropertiesExtended.xsd"
        case openDocument = "odf1.3/OpenDocument-v1.3-schema.rng"
        case odfManifest = "odf1.3/OpenDocument-v1.3-manifest-schema.rng"
    }

    /// A compiled schema of either language.
    enum Validator {
        case xsd(XSDSchema)
        case relaxNG(RelaxNGSchema)

        func validate(_ document: ParsedXMLDocument) -> [Diagnostic] {
            switch self {
            case .xsd(let s): s.validate(document)
            case .relaxNG(let s): s.validate(document)
            }
        }
    }

    struct Unavailable: Error {
        let message: String
    }

    public let directory: URL
    private let lock = NSLock()
    private var compiled: [Name: Result<Validator, Unavailable>] = [:]

    /// `directory` is the `schemas/official` folder of the installation.
    public init(directory: URL) {
        self.directory = directory
    }

    func schema(_ name: Name) -> Result<Validator, Unavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let done = compiled[name] { return done }
        let url = directory.appendingPathComponent(name.rawValue)
        let result: Result<Validator, Unavailable>
        if !FileManager.default.fileExists(atPath: url.path) {
            result = .failure(Unavailable(message: "the official schema \(url.path) is missing (a broken installation)"))
        } else {
            do {
                result = .success(url.pathExtension == "rng" ? .relaxNG(try RelaxNGSchema(contentsOf: url)) : .xsd(try XSDSchema(contentsOf: url)))
            } catch {
                result = .failure(Unavailable(message: "cannot compile the official schema \(url.path)"))
            }
        }
        compiled[name] = result
        return result
    }
}
