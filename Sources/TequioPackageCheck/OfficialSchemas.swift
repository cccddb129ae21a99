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
        case iati = "iati-2.03/iati-activities-schema.xsd"
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
    // Kept as plain class references, not as `Result`s: Swift packs an enum's case into spare bits of
    // the pointer, and the leak sanitizer then takes the cached schemas for leaks at exit.
    private var xsd: [Name: XSDSchema] = [:]
    private var relaxNG: [Name: RelaxNGSchema] = [:]
    private var failures: [Name: String] = [:]

    /// `directory` is the `schemas/official` folder of the installation.
    public init(directory: URL) {
        self.directory = directory
    }

    func schema(_ name: Name) -> Result<Validator, Unavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let s = xsd[name] { return .success(.xsd(s)) }
        if let s = relaxNG[name] { return .success(.relaxNG(s)) }
        if let message = failures[name] { return .failure(Unavailable(message: message)) }
        let url = directory.appendingPathComponent(name.rawValue)
        guard FileManager.default.fileExists(atPath: url.path) else {
            failures[name] = "the official schema \(url.path) is missing (a broken installation)"
            return .failure(Unavailable(message: failures[name]!))
        }
        do {
            if url.pathExtension == "rng" {
                let s = try RelaxNGSchema(contentsOf: url)
                relaxNG[name] = s
                return .success(.relaxNG(s))
            }
            let s = try XSDSchema(contentsOf: url)
            xsd[name] = s
            return .success(.xsd(s))
        } catch {
            failures[name] = "cannot compile the official schema \(url.path)"
            return .failure(Unavailable(message: failures[name]!))
        }
    }
}
