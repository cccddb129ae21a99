import Foundation
import TequioModel

/// The look of the documents: paper, fonts, colours and logo, read from a template folder
/// (`templates/documents/branding.json` plus the logo files it names).
///
/// Writers only use named styles built from these values, so a `--reference-doc` can replace them.
public struct Branding: Sendable, Equatable {
    public enum Paper: String, Sendable, Equatable, Codable {
        case letter, a4

        /// Portrait width and height in twentieths of a point.
        public var twips: (width: Int, height: Int) {
            switch self {
            case .letter: (12_240, 15_840)
            case .a4: (11_906, 16_838)
            }
        }

        public var cssName: String { self == .letter ? "letter" : "A4" }
    }

    /// A colour as six hexadecimal digits, upper case, without `#` (`1F4E79`).
    public struct Colour: Sendable, Equatable, Codable, CustomStringConvertible {
        public let hex: String

        public init?(_ text: String) {
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
            hex = digits.uppercased()
        }

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

    /// The file that describes a branding folder.
    public static let fileName = "branding.json"

    private struct File: Decodable {
        struct LogoFile: Decodable {
            var png: String?
            var svg: String?
            var widthMM: Double?
            var description: String?
        }
        var paper: Paper?
        var fonts: Fonts?
        var colours: Colours?
        var logo: LogoFile?
        var css: String?
    }

    /// Body and table text sizes allowed, in points.
    public static let fontSizes: ClosedRange<Double> = 4...72
    /// Logo widths allowed, in millimetres.
    public static let logoWidths: ClosedRange<Double> = 1...250

    /// Reads a branding folder given as files by relative path (`branding.json`, `logo.png`, …).
    ///
    /// Every value that reaches a document is checked here: colours, font names (`FontFamily`), HTML
    /// font lists (`FontStack`), sizes, the logo files and the style sheet (`StyleSheetCheck`).
    ///
    /// - Throws: `BrandingError` naming the file, and the line and column when it can, when
    ///   `branding.json` is missing or invalid, names a file that is not there, or a value or the
    ///   style sheet is refused.
    public static func load(_ files: FileTree, folder: String) throws -> Branding {
        let path = "\(folder)/\(fileName)"
        guard let data = files[fileName] else { throw BrandingError(file: path, message: "file is missing") }
        /// An error at the value `keys` of branding.json, with its line and column.
        func error(at keys: [String], _ message: String) -> BrandingError {
            let position = JSONLocator.position(of: keys, in: data)
            return BrandingError(file: path, message: message, line: position?.line, column: position?.column)
        }
        func dotted(_ keys: [CodingKey]) -> [String] { keys.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let keys = dotted(context.codingPath)
            throw error(at: keys, "'\(keys.joined(separator: "."))': \(BrandingText.printable(context.debugDescription))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw error(at: dotted(context.codingPath), "'\(dotted(context.codingPath + [key]).joined(separator: "."))' is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            let keys = dotted(context.codingPath)
            throw error(at: keys, "'\(keys.joined(separator: "."))' has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            let keys = dotted(context.codingPath)
            throw error(at: keys, "'\(keys.joined(separator: "."))' has no value")
        } catch {
            let position = JSONLocator.syntaxError(in: data)
            throw BrandingError(file: path, message: "not valid JSON", line: position?.line, column: position?.column)
        }
        var branding = Branding.standard
        if let p = file.paper { branding.paper = p }
        if let f = file.fonts {
            for (key, name) in [("body", f.body), ("headings", f.headings)] {
                if let problem = FontFamily.problem(name) {
                    throw error(at: ["fonts", key], "'fonts.\(key)' is not a font family name: \(problem)")
                }
            }
            for (key, list) in [("htmlBody", f.htmlBody), ("htmlHeadings", f.htmlHeadings)] {
                do {
                    _ = try FontStack.parse(list)
                } catch let problem {
                    throw error(at: ["fonts", key], "'fonts.\(key)' is not a CSS font list such as Arial, \"Liberation Sans\", sans-serif: \(problem)")
                }
            }
            for (key, size) in [("bodySize", f.bodySize), ("tableSize", f.tableSize)] where !fontSizes.contains(size) {
                throw error(at: ["fonts", key], "'fonts.\(key)' must be between \(fontSizes.lowerBound.compact) and \(fontSizes.upperBound.compact) points")
            }
            branding.fonts = f
        }
        if let c = file.colours { branding.colours = c }
        func asset(_ name: String?, key: String) throws -> Data? {
            guard let name else { return nil }
            guard FileTree.isSafeRelativePath(name), let data = files[name] else {
                throw error(at: key.split(separator: ".").map(String.init), "file \(BrandingText.shown(name)) is not in the folder")
            }
            return data
        }
        if let l = file.logo {
            let logo = Logo(
                png: try asset(l.png, key: "logo.png"), svg: try asset(l.svg, key: "logo.svg"), widthMM: l.widthMM ?? 30,
                description: l.description ?? "")
            if logo.png != nil && logo.pngSize == nil {
                throw BrandingError(file: "\(folder)/\(l.png ?? "")", message: "not a PNG image")
            }
            guard logoWidths.contains(logo.widthMM) else {
                throw error(at: ["logo", "widthMM"], "'logo.widthMM' must be between \(logoWidths.lowerBound.compact) and \(logoWidths.upperBound.compact) millimetres")
            }
            branding.logo = logo
        }
        if let name = file.css {
            let css = String(decoding: try asset(name, key: "css") ?? Data(), as: UTF8.self)
            if let problem = StyleSheetCheck.problem(css) {
                throw BrandingError(file: "\(folder)/\(name)", message: problem.message, line: problem.line, column: problem.column)
            }
            branding.css = css
        }
        return branding
    }
}

/// A branding folder that cannot be used: the file, where in it when known, and why.
public struct BrandingError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let message: String
    /// 1-based line and column of the bad value, when known.
    public let line: Int?
    public let column: Int?

    public init(file: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.message = message
        self.line = line
        self.column = column
    }

    /// `folder/branding.json:12:17: message`, or `folder/branding.json: message` without a position.
    public var description: String {
        if let line, let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file): \(message)"
    }
}
