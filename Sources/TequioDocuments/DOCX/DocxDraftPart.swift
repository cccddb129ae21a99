import Foundation
import TequioModel
import XMLSupport

/// The completed matrix a plan was made from, inside the DOCX as a custom XML part: Word and
/// LibreOffice keep custom XML parts when they save, and `tequio import` reads it back to make the next
/// draft from a reviewed copy.
enum DocxDraftPart {
    static let item = "customXml/item1.xml"
    static let properties = "customXml/itemProps1.xml"
    static let relationshipID = "rIdTequioDraft"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    static let propertiesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
    static let propertiesContentType = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
    static let namespace = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"

    /// The part, its properties and their relationship, by path.
    static func parts(_ draft: Data) throws -> [String: Data] {
        let w = XMLWriter(standalone: true)
        w.start("ds:datastoreItem", ["ds:itemID": itemID(draft), "xmlns:ds": namespace])
        w.start("ds:schemaRefs")
        w.element("ds:schemaRef", ["ds:uri": "urn:tequio:completed-matrix:1"])
        w.end()
        w.end()
        return [
            item: draft, properties: try w.finish(),
            "customXml/_rels/item1.xml.rels": try DocxParts.relationships([("rId1", propertiesType, "itemProps1.xml")]),
        ]
    }

    /// A GUID made from the draft's bytes, so the same plan gives the same file.
    static func itemID(_ draft: Data) -> String {
        let hex = StableHash.hex128(draft)
        let h = Array(hex)
        func part(_ range: Range<Int>) -> String { String(h[range]) }
        return "{\(part(0..<8))-\(part(8..<12))-\(part(12..<16))-\(part(16..<20))-\(part(20..<32))}"
    }
}
