import Foundation
import TequioModel
import TequioReaders
import ZipSupport

/// The document formats `tequio assemble` writes.
public enum DocumentFormat: String, CaseIterable, Sendable, Comparable {
    case docx, odt, html, md, pdf

    public static func < (a: DocumentFormat, b: DocumentFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var fileExtension: String { rawValue }

    /// What a person calls the format, for help texts.
    public var title: String {
        switch self {
        case .docx: "DOCX"
        case .odt: "ODT"
        case .html: "HTML"
        case .md: "Markdown"
        case .pdf: "PDF"
        }
    }

    /// The writer of each format: one line per format, and a new format without a writer does not
    /// compile (the same shape as the build targets' `TargetRegistry`).
    public func writer(_ options: DocumentOptions) -> any DocumentWriter {
        switch self {
        case .docx: DocxWriter(branding: options.branding, reference: options.docxReference, generator: options.generator)
        case .odt: OdtWriter(branding: options.branding, reference: options.odtReference, generator: options.generator)
        case .html: HTMLDocumentWriter(branding: options.branding, generator: options.generator)
        case .md: MarkdownWriter()
        case .pdf: PDFWriter(branding: options.branding, generator: options.generator)
        }
    }

    /// The formats `--format all` means: the editable ones, which a committee reviews and `tequio
    /// import` reads back. PDF is a rendition for print and is written when asked for by name.
    public static var all: [DocumentFormat] { allCases.filter { $0 != .pdf } }

    /// `docx, odt, html, md, pdf`: for help texts and messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Turns a laid-out plan or compendium into one document of a format.
public protocol DocumentWriter: Sendable {
    func document(_ layout: DocumentLayout) throws -> RenderedDocument
}

extension DocxWriter: DocumentWriter {
    public func document(_ layout: DocumentLayout) throws -> RenderedDocument { .package(try render(layout), firstEntry: nil) }
}

extension OdtWriter: DocumentWriter {
    public func document(_ layout: DocumentLayout) throws -> RenderedDocument { .package(try render(layout), firstEntry: Self.firstEntry) }
}

extension HTMLDocumentWriter: DocumentWriter {
    public func document(_ layout: DocumentLayout) throws -> RenderedDocument { .file(render(layout)) }
}

extension MarkdownWriter: DocumentWriter {
    public func document(_ layout: DocumentLayout) throws -> RenderedDocument { .file(render(layout)) }
}

extension PDFWriter: DocumentWriter {
    public func document(_ layout: DocumentLayout) throws -> RenderedDocument { .file(try render(layout)) }
}

/// A document ready to be written: a zip package (DOCX, ODT) or a single file (HTML, Markdown, PDF).
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
        try format.writer(options).document(layout)
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
