import Foundation
import TequioModel
import ZipSupport

/// The document formats `tequio assemble` writes.
public enum DocumentFormat: String, CaseIterable, Sendable, Comparable {
    case docx, odt, html, md

    public static func < (a: DocumentFormat, b: DocumentFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var fileExtension: String { rawValue }
}

/// A document ready to be written: a zip package (DOCX, ODT) or a single file (HTML, Markdown).
public enum RenderedDocument: Sendable {
    case package(FileTree, firstEntry: String?)
    case file(Data)

    /// Writes the document to `url` atomically: an output set of one (see `OutputStage`).
    ///
    /// - Parameter timestamp: the time of every zip entry.
    /// - Throws: `ArchiveError` naming `url` and the system's reason.
    public func write(to url: URL, timestamp: Date) throws {
        try OutputStage().write([output(to: url, timestamp: timestamp)])
    }

    /// The document as one file of an output set: `OutputStage.write` writes a plan's formats together.
    ///
    /// - Parameters:
    ///   - timestamp: the time of every zip entry.
    ///   - displayPath: the path shown in messages (default: `url.relativePath`).
    public func output(to url: URL, timestamp: Date, displayPath: String? = nil) -> OutputFile {
        switch self {
        case .package(let tree, let firstEntry):
            .archive(tree, options: ArchiveOptions(timestamp: timestamp, firstEntry: firstEntry), to: url, displayPath: displayPath)
        case .file(let data):
            .data(data, to: url, displayPath: displayPath)
        }
    }

    /// The bytes of the document as written on disk.
    public func data(timestamp: Date) throws -> Data {
        switch self {
        case .package(let tree, let firstEntry):
            return try ArchiveWriter.data(for: tree, options: ArchiveOptions(timestamp: timestamp, firstEntry: firstEntry))
        case .file(let data): return data
        }
    }
}

/// Everything that shapes the documents besides the plans: the look and the program that wrote them.
public struct DocumentOptions: Sendable {
    public var branding: Branding
    public var docxReference: DocxReference?
    public var odtReference: OdtReference?
    /// `tequio 0.1.0`: written as the generating application.
    public var generator: String

    public init(branding: Branding = .standard, docxReference: DocxReference? = nil, odtReference: OdtReference? = nil, generator: String) {
        self.branding = branding
        self.docxReference = docxReference
        self.odtReference = odtReference
        self.generator = generator
    }
}

/// Renders plans and compendia in any format: the one entry point of this library.
public enum DocumentRenderer {
    public static func render(_ layout: DocumentLayout, as format: DocumentFormat, options: DocumentOptions) throws -> RenderedDocument {
        switch format {
        case .docx:
            let writer = DocxWriter(branding: options.branding, reference: options.docxReference, generator: options.generator)
            return .package(try writer.render(layout), firstEntry: nil)
        case .odt:
            let writer = OdtWriter(branding: options.branding, reference: options.odtReference, generator: options.generator)
            return .package(try writer.render(layout), firstEntry: OdtWriter.firstEntry)
        case .html:
            return .file(HTMLDocumentWriter(branding: options.branding, generator: options.generator).render(layout))
        case .md:
            return .file(MarkdownWriter().render(layout))
        }
    }

    public static func render(_ plan: ActionPlan, as format: DocumentFormat, options: DocumentOptions) throws -> RenderedDocument {
        try render(PlanLayout.layout(plan, hasLogo: options.branding.logo != nil), as: format, options: options)
    }

    public static func render(_ compendium: Compendium, as format: DocumentFormat, options: DocumentOptions) throws -> RenderedDocument {
        try render(PlanLayout.layout(compendium, hasLogo: options.branding.logo != nil), as: format, options: options)
    }

    /// The time for zip entries: `SOURCE_DATE_EPOCH` when set (`sourceDateEpoch`), else the document's
    /// own modification date, else 1980-01-01. Never the clock, so runs are reproducible.
    public static func timestamp(sourceDateEpoch: Date?, modified: Timestamp?) -> Date {
        sourceDateEpoch ?? modified?.date ?? ArchiveOptions.earliestTimestamp
    }
}
