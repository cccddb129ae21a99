/// The paper a kit is printed on: A4 (with A3 for the matrix) or US Letter (with Tabloid, 11 × 17 in).
public enum PaperSize: String, Sendable, CaseIterable {
    case a4
    case letter

    /// The `@page size` value for handouts (portrait).
    public var cssName: String { self == .a4 ? "A4" : "letter" }
    /// The `@page size` value for the large blank matrix (landscape).
    public var largeCSS: String { self == .a4 ? "A3 landscape" : "17in 11in" }
    /// Human name of the large sheet.
    public var largeName: String { self == .a4 ? "A3" : "Tabloid (11 × 17 in)" }

    /// SpreadsheetML `paperSize` codes: 9 A4, 1 Letter, 8 A3, 3 Tabloid.
    var xlsxCode: Int { self == .a4 ? 9 : 1 }
    var xlsxLargeCode: Int { self == .a4 ? 8 : 3 }

    /// Page width and height in centimetres, portrait.
    var odfSize: (width: String, height: String) { self == .a4 ? ("21cm", "29.7cm") : ("21.59cm", "27.94cm") }
    var odfLargeSize: (width: String, height: String) { self == .a4 ? ("29.7cm", "42cm") : ("27.94cm", "43.18cm") }
}
