/// Namespaces, content types and relationship types of WordprocessingML (ECMA-376, transitional).
public enum OOXML {
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    public static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    public static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    public static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    public static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    /// Markup Compatibility (ECMA-376 Part 3): `mc:AlternateContent` around Word 2010's drawing groups.
    public static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Word 2010's groups of shapes and its shapes (`wpg:wgp`, `wps:wsp`), which Word and LibreOffice draw.
    public static let wpg = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
    public static let wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    public static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    public static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    public static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    public static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let dcmitype = "http://purl.org/dc/dcmitype/"
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    public enum ContentType {
        public static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        public static let xml = "application/xml"
        public static let png = "image/png"
        public static let document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        public static let styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        public static let numbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
        public static let settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        public static let fontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        public static let header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        public static let footer = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
        public static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        public static let core = "application/vnd.openxmlformats-package.core-properties+xml"
        public static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    }

    public enum Relationship {
        public static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
        public static let core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        public static let app = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
        public static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        public static let numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
        public static let settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
        public static let fontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
        public static let header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
        public static let footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
        public static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
        public static let theme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    }
}
