/// Namespaces, content types and relationship types of WordprocessingML (ECMA-376, transitional).
enum OOXML {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let dcmitype = "http://purl.org/dc/dcmitype/"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    enum ContentType {
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let xml = "application/xml"
        static let png = "image/png"
        static let document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        static let numbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
        static let settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        static let fontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        static let header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        static let footer = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
        static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        static let core = "application/vnd.openxmlformats-package.core-properties+xml"
        static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    }

    enum Relationship {
        static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        static let core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let app = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        static let numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
        static let settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
        static let fontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
        static let header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
        static let footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
        static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
        static let theme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    }
}
