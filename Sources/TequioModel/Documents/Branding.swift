import Foundation

/// The look of the documents: paper, fonts, colours and logo, read from a template folder
/// (`templates/documents/branding.json` plus the logo files it names) by `Branding.load` (TequioReaders).
///
/// Writers only use named styles built from these values, so a `--reference-doc` can replace them.
public struct Branding: Sendable, Equatable {
    public enum Paper: String, Sendable, Equatable, Codable {
        /// Letter and A4 for documents; Tabloid (11 × 17 in) and A3, their doubles, for a sheet that
        /// needs room (the print kit's blank matrix).
        case letter, a4, tabloid, a3

        /// Portrait width and height in twentieths of a point.
        public var twips: (width: Int, height: Int) {
            switch self {
            case .letter: (12_240, 15_840)
            case .a4: (11_906, 16_838)
            case .tabloid: (15_840, 24_480)
            case .a3: (16_838, 23_811)
            }
        }

        public var cssName: String {
            switch self {
            case .letter: "letter"
            case .a4: "A4"
            case .tabloid: "ledger"
            case .a3: "A3"
            }
        }
    }

    /// A colour as six hexadecimal digits, upper case, without `#` (`1F4E79`).
    public struct Colour: Sendable, Hashable, Codable, CustomStringConvertible {
        public let hex: String

        public init?(_ text: String) {
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
            hex = digits.uppercased()
        }

        public static let black = Colour("000000")!
        public static let white = Colour("FFFFFF")!

        public var css: String { "#\(hex)" }
        public var description: String { css }

        public init(from decoder: Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let c = Colour(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(BrandingText.shown(text)) is not a colour like #1F4E79"))
            }
            self = c
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(css)
        }
    }

    public struct Fonts: Sendable, Equatable, Codable {
        /// Font names written into DOCX and ODT styles (one family each; see `FontFamily` for what a
        /// name may hold).
        public var body: String
        public var headings: String
        /// CSS font stacks for HTML (see `FontStack`).
        public var htmlBody: String
        public var htmlHeadings: String
        /// Body text size in points.
        public var bodySize: Double
        /// Matrix table text size in points.
        public var tableSize: Double
    }

    public struct Colours: Sendable, Equatable, Codable {
        public var text: Colour
        public var primary: Colour
        public var accent: Colour
        public var muted: Colour
        public var tableHeaderFill: Colour
        public var tableHeaderText: Colour
        public var tableBorder: Colour
        public var tableBand: Colour
    }

    public struct Logo: Sendable, Equatable {
        public var png: Data?
        public var svg: Data?
        /// Width on the cover, in millimetres.
        public var widthMM: Double
        /// Text alternative of the logo.
        public var description: String

        public init(png: Data?, svg: Data?, widthMM: Double, description: String) {
            self.png = png
            self.svg = svg
            self.widthMM = widthMM
            self.description = description
        }

        /// Pixel size of the PNG, read from its header.
        public var pngSize: (width: Int, height: Int)? {
            guard let png, png.count >= 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
            func be32(_ at: Int) -> Int { png[png.startIndex + at..<png.startIndex + at + 4].reduce(0) { $0 << 8 | Int($1) } }
            let w = be32(16)
            let h = be32(20)
            return w > 0 && h > 0 ? (w, h) : nil
        }

        /// Height in millimetres for `widthMM`, keeping the PNG's aspect ratio.
        public var heightMM: Double {
            guard let size = pngSize else { return widthMM }
            return widthMM * Double(size.height) / Double(size.width)
        }

        public static func == (a: Logo, b: Logo) -> Bool {
            a.png == b.png && a.svg == b.svg && a.widthMM == b.widthMM && a.description == b.description
        }
    }

    public var paper: Paper
    public var fonts: Fonts
    public var colours: Colours
    public var logo: Logo?
    /// Extra CSS appended to the HTML documents' style sheet (`document.css` in the template folder).
    public var css: String
    /// The style sheet but for the body and table text sizes, which `fonts` holds (see `styleSheet`).
    var styleSheetStorage = DocumentStyleSheet.tequio

    /// The built-in look, used when no template folder is given.
    public static let standard = Branding(
        paper: .letter,
        fonts: Fonts(
            body: "Arial", headings: "Arial", htmlBody: "Arial, \"Liberation Sans\", Helvetica, sans-serif",
            htmlHeadings: "Arial, \"Liberation Sans\", Helvetica, sans-serif", bodySize: 10.5, tableSize: 8.5),
        colours: Colours(
            text: Colour("222222")!, primary: Colour("1F4E79")!, accent: Colour("2E75B6")!, muted: Colour("595959")!,
            tableHeaderFill: Colour("1F4E79")!, tableHeaderText: Colour("FFFFFF")!, tableBorder: Colour("8EA9C1")!,
            tableBand: Colour("EEF3F8")!),
        logo: nil, css: "")

    public init(paper: Paper, fonts: Fonts, colours: Colours, logo: Logo?, css: String) {
        self.paper = paper
        self.fonts = fonts
        self.colours = colours
        self.logo = logo
        self.css = css
    }

    /// Body and table text sizes allowed, in points.
    public static let fontSizes: ClosedRange<Double> = 4...72
    /// Logo widths allowed, in millimetres.
    public static let logoWidths: ClosedRange<Double> = 1...250
}
