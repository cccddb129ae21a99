import Foundation
import TequioModel
import TequioWriters
import XMLSupport

/// `imsmanifest.xml` for the three IMS Content Packaging flavours Tequio writes: one organization with
/// one item pointing at one resource (the player's `index.html`) that lists every file of the package.
///
/// One SCO per module: sequencing support differs between LMSes, and the player does its own navigation.
struct ContentPackageManifest {
    enum Flavour {
        /// IMS CP 1.1.2 + ADL CP 1.2 + IMS MD 1.2.1, `adlcp:scormtype="sco"`.
        case scorm12
        /// IMS CP 1.1.4 + ADL CP 1.3 + IEEE LOM, `adlcp:scormType="sco"`, schemaversion `2004 4th Edition`.
        case scorm2004
        /// Plain IMS CP 1.1.4 with IEEE LOM metadata: the web player as a content package.
        case imscp
    }

    static let fileName = "imsmanifest.xml"

    enum Namespace {
        static let imscp112 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
        static let adlcp12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
        static let imsmd121 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
        static let imscp114 = "http://www.imsglobal.org/xsd/imscp_v1p1"
        static let adlcp13 = "http://www.adlnet.org/xsd/adlcp_v1p3"
        static let adlseq13 = "http://www.adlnet.org/xsd/adlseq_v1p3"
        static let adlnav13 = "http://www.adlnet.org/xsd/adlnav_v1p3"
        static let imsss = "http://www.imsglobal.org/xsd/imsss"
        static let lom = "http://ltsc.ieee.org/xsd/LOM"
        static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    }

    var flavour: Flavour
    var module: Module
    /// Every file of the package except the manifest, in archive order.
    var files: [String]
    var launch = "index.html"

    var manifestID: String { PackageText.xmlID("tequio", module.id, module.version) }
    static let organizationID = "ORG-1"
    static let itemID = "ITEM-1"
    static let resourceID = "RES-1"

    func render() throws -> Data {
        let w = XMLWriter(indent: true)
        switch flavour {
        case .scorm12:
            w.start("manifest", [
                "identifier": manifestID, "version": module.version,
                "xmlns": Namespace.imscp112, "xmlns:adlcp": Namespace.adlcp12, "xmlns:imsmd": Namespace.imsmd121,
                "xmlns:xsi": Namespace.xsi,
                "xsi:schemaLocation": [
                    "\(Namespace.imscp112) imscp_rootv1p1p2.xsd", "\(Namespace.imsmd121) imsmd_rootv1p2p1.xsd",
                    "\(Namespace.adlcp12) adlcp_rootv1p2.xsd",
                ].joined(separator: " "),
            ])
        case .scorm2004:
            w.start("manifest", [
                "identifier": manifestID, "version": module.version,
                "xmlns": Namespace.imscp114, "xmlns:adlcp": Namespace.adlcp13, "xmlns:adlseq": Namespace.adlseq13,
                "xmlns:adlnav": Namespace.adlnav13, "xmlns:imsss": Namespace.imsss, "xmlns:lom": Namespace.lom,
                "xmlns:xsi": Namespace.xsi,
                "xsi:schemaLocation": [
                    "\(Namespace.imscp114) imscp_v1p1.xsd", "\(Namespace.adlcp13) adlcp_v1p3.xsd",
                    "\(Namespace.adlseq13) adlseq_v1p3.xsd", "\(Namespace.adlnav13) adlnav_v1p3.xsd",
                    "\(Namespace.imsss) imsss_v1p0.xsd", "\(Namespace.lom) lom.xsd",
                ].joined(separator: " "),
            ])
        case .imscp:
            w.start("manifest", [
                "identifier": manifestID, "version": module.version,
                "xmlns": Namespace.imscp114, "xmlns:lom": Namespace.lom, "xmlns:xsi": Namespace.xsi,
                "xsi:schemaLocation": "\(Namespace.imscp114) imscp_v1p1.xsd \(Namespace.lom) lom.xsd",
            ])
        }

        w.start("metadata")
        w.element("schema", text: schema)
        w.element("schemaversion", text: schemaVersion)
        writeLOM(w)
        w.end()

        w.start("organizations", ["default": Self.organizationID])
        w.start("organization", ["identifier": Self.organizationID])
        w.element("title", text: PackageText.title(module))
        w.start("item", ["identifier": Self.itemID, "identifierref": Self.resourceID, "isvisible": "true"])
        w.element("title", text: PackageText.title(module))
        w.end()
        w.end()
        w.end()

        w.start("resources")
        switch flavour {
        case .scorm12:
            w.start("resource", [
                "identifier": Self.resourceID, "type": "webcontent", "adlcp:scormtype": "sco",
                "href": RelativeURI.reference(launch),
            ])
        case .scorm2004:
            w.start("resource", [
                "identifier": Self.resourceID, "type": "webcontent", "adlcp:scormType": "sco",
                "href": RelativeURI.reference(launch),
            ])
        case .imscp:
            w.start("resource", ["identifier": Self.resourceID, "type": "webcontent", "href": RelativeURI.reference(launch)])
        }
        for file in files { w.element("file", ["href": RelativeURI.reference(file)]) }
        w.end()
        w.end()
        w.end()
        return try w.finish()
    }

    var schema: String { flavour == .imscp ? "IMS Content" : "ADL SCORM" }

    var schemaVersion: String {
        switch flavour {
        case .scorm12: "1.2"
        case .scorm2004: "2004 4th Edition"
        case .imscp: "1.1.4"
        }
    }

    /// Title, languages and description: IMS MD 1.2.1 for SCORM 1.2, IEEE LOM for the others.
    private func writeLOM(_ w: XMLWriter) {
        let titles = PackageText.perLanguage(module.metadata.title, in: module)
        let summaries = PackageText.perLanguage(module.metadata.summary, in: module)
        if flavour == .scorm12 {
            w.start("imsmd:lom")
            w.start("imsmd:general")
            w.start("imsmd:title")
            for (lang, text) in titles { w.element("imsmd:langstring", ["xml:lang": lang], text: text) }
            w.end()
            for lang in module.languages { w.element("imsmd:language", text: lang) }
            if !summaries.isEmpty {
                w.start("imsmd:description")
                for (lang, text) in summaries { w.element("imsmd:langstring", ["xml:lang": lang], text: text) }
                w.end()
            }
            w.end()
            w.end()
        } else {
            w.start("lom:lom")
            w.start("lom:general")
            w.start("lom:title")
            for (lang, text) in titles { w.element("lom:string", ["language": lang], text: text) }
            w.end()
            for lang in module.languages { w.element("lom:language", text: lang) }
            if !summaries.isEmpty {
                w.start("lom:description")
                for (lang, text) in summaries { w.element("lom:string", ["language": lang], text: text) }
                w.end()
            }
            w.end()
            w.end()
        }
    }
}

/// The shared steps of the three content-package writers.
enum ContentPackage {
    static func render(_ input: BuildInput, flavour: ContentPackageManifest.Flavour, runtime: String?, shared: [String] = []) throws -> FileTree {
        var tree = try PlayerPackage.render(input, runtime: runtime, shared: shared)
        guard tree[ContentPackageManifest.fileName] == nil else {
            throw WriterError.unsupported("the player already has a file named \(ContentPackageManifest.fileName)")
        }
        let manifest = ContentPackageManifest(flavour: flavour, module: input.module, files: tree.sortedPaths)
        tree[ContentPackageManifest.fileName] = try manifest.render()
        return tree
    }
}
