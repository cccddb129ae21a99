/// Namespaces of OpenDocument 1.3.
public enum ODF {
    public static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    public static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    public static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    public static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    public static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    public static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    public static let xlink = "http://www.w3.org/1999/xlink"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    public static let number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
    public static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    public static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

    public static let version = "1.3"
    public static let mimeType = "application/vnd.oasis.opendocument.text"

    /// Prefix for every namespace a part may use; anything else (LibreOffice's `loext`, `officeooo`…) is
    /// not ODF 1.3 and is dropped from a reference document's styles.
    public static let prefixes: [String: String] = [
        office: "office", style: "style", text: "text", table: "table", draw: "draw", fo: "fo", xlink: "xlink",
        dc: "dc", meta: "meta", number: "number", svg: "svg",
    ]

    /// `xmlns:…` declarations for a root element.
    public static var declarations: KeyValuePairs<String, String?> {
        [
            "xmlns:office": office, "xmlns:style": style, "xmlns:text": text, "xmlns:table": table, "xmlns:draw": draw,
            "xmlns:fo": fo, "xmlns:xlink": xlink, "xmlns:dc": dc, "xmlns:meta": meta, "xmlns:number": number,
            "xmlns:svg": svg,
        ]
    }
}
