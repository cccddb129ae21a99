import Foundation
import TequioModel

extension Branding {
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
