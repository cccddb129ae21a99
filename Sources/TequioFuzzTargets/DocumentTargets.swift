import Foundation
import TequioDocuments
import TequioModel
import TequioReaders
import XMLSupport

/// What `tequio assemble` reads besides matrices, read as `AssembleCommand` reads it and then given to
/// the writers with one example plan, since what a reader accepts is what a writer must cope with:
///
/// - `branding`: a `--branding` folder as a `FuzzBundle` (`branding.json` first, then `document.css`,
///   `logo.png`…) through `Branding.load`. Checked: only `BrandingError`s are thrown; what it accepts
///   passes the checks it promises (font names and lists, the style sheet), and the HTML plan written
///   with it has one style element and no script.
/// - `docx-reference`, `odt-reference`: a `--reference-doc` as raw zip bytes or its parts as a bundle
///   (`word/styles.xml` or `styles.xml` first), through `DocxReference` and `OdtReference`. Checked:
///   only `ReferenceError`s are thrown, and the styles part written from an accepted reference is
///   well-formed XML.
enum DocumentTargets {
    static let branding = FuzzTarget(
        name: "branding", summary: "a --branding folder (branding.json first, as a FuzzBundle) via Branding.load, then an HTML plan",
        options: ["-max_len=32768"], run: runBranding)
    static let docxReference = FuzzTarget(
        name: "docx-reference", summary: "a --reference-doc .docx (raw zip, or its parts as a FuzzBundle) via DocxReference, then a DOCX plan",
        options: ["-max_len=65536"], run: { runReference($0, format: .docx) })
    static let odtReference = FuzzTarget(
        name: "odt-reference", summary: "a --reference-doc .odt (raw zip, or its parts as a FuzzBundle) via OdtReference, then an ODT plan",
        options: ["-max_len=65536"], run: { runReference($0, format: .odt) })

    /// The plan every accepted input is written with: the first example matrix.
    static let plan: ActionPlan = {
        let folder = FuzzEnvironment.root.appendingPathComponent("examples/matrices")
        let name = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted().first ?? ""
        let (located, diagnostics) = CompletedMatrixReader(schemas: FuzzEnvironment.schemas).read(folder.appendingPathComponent(name))
        guard let located else { fatalError("cannot read the example matrix \(name): \(diagnostics.map(\.formatted))") }
        return ActionPlan(matrix: located.matrix, module: FuzzEnvironment.exampleModule, catalogue: FuzzEnvironment.catalogue, source: name)
    }()

    static func runBranding(_ data: Data) -> FuzzOutcome {
        let branding: Branding
        do {
            branding = try Branding.load(FuzzBundle(data, firstName: Branding.fileName).tree, folder: "branding")
        } catch let error as BrandingError {
            let location = SourceLocation(file: error.file, line: error.line ?? 0, column: error.column ?? 0)
            return FuzzOutcome(accepted: false, diagnostics: [.error(FuzzDiagnosticID.brandingRefused, error.message, at: location)])
        } catch {
            FuzzCheck.require(false, "Branding.load threw \(error), not a BrandingError")
            return FuzzOutcome(accepted: false, diagnostics: [])
        }
        let fonts = branding.fonts
        FuzzCheck.require(FontFamily.problem(fonts.body) == nil && FontFamily.problem(fonts.headings) == nil, "a font name the loader accepted is refused")
        FuzzCheck.require(
            (try? FontStack.parse(fonts.htmlBody)) != nil && (try? FontStack.parse(fonts.htmlHeadings)) != nil, "a font list the loader accepted is refused")
        FuzzCheck.require(StyleSheetCheck.problem(branding.css) == nil, "a style sheet the loader accepted is refused")

        let html: String
        do {
            guard case .file(let bytes) = try DocumentRenderer.render(plan, as: .html, options: DocumentOptions(branding: branding, generator: "tequio fuzz")) else {
                fatalError("the HTML writer gave a package")
            }
            html = String(decoding: bytes, as: UTF8.self).lowercased()
        } catch {
            FuzzCheck.require(false, "the HTML plan cannot be written with an accepted branding: \(error)")
            return FuzzOutcome(accepted: true, diagnostics: [])
        }
        FuzzCheck.require(html.components(separatedBy: "</style").count == 2, "the branding ends the HTML plan's style element early")
        FuzzCheck.require(!html.contains("<script"), "the branding puts a script element in the HTML plan")
        return FuzzOutcome(accepted: true, diagnostics: [])
    }

    /// Generous limits: the check is that the written part is well-formed, not that it is small.
    private static let writtenPartLimits = XMLParseLimits(maxFileBytes: 1 << 30, maxTextBytes: 1 << 30, maxDepth: 10_000)

    static func runReference(_ data: Data, format: DocumentFormat) -> FuzzOutcome {
        let ext = format.fileExtension
        let stylesPart = format == .docx ? "word/styles.xml" : "styles.xml"
        let url = FuzzEnvironment.scratch("\(ext)-reference").appendingPathComponent("reference.\(ext)")
        FuzzBundle.writeZip(data, firstName: stylesPart, to: url)
        var options = DocumentOptions(generator: "tequio fuzz")
        do {
            if format == .docx {
                options.docxReference = try DocxReference(contentsOf: url)
            } else {
                options.odtReference = try OdtReference(contentsOf: url)
            }
        } catch let error as ReferenceError {
            return FuzzOutcome(accepted: false, diagnostics: [.error(FuzzDiagnosticID.referenceRefused, error.message, at: SourceLocation(file: error.path))])
        } catch {
            FuzzCheck.require(false, "the .\(ext) reference reader threw \(error), not a ReferenceError")
            return FuzzOutcome(accepted: false, diagnostics: [])
        }

        let written: Data?
        do {
            guard case .package(let tree, _) = try DocumentRenderer.render(plan, as: format, options: options) else {
                fatalError("the .\(ext) writer gave a single file")
            }
            written = tree[stylesPart]
        } catch {
            FuzzCheck.require(false, "the .\(ext) plan cannot be written with an accepted reference: \(error)")
            return FuzzOutcome(accepted: true, diagnostics: [])
        }
        let parsed = SafeXMLParser.parse(written ?? Data(), path: stylesPart, limits: writtenPartLimits)
        FuzzCheck.require(
            parsed.document != nil && !parsed.diagnostics.hasErrors,
            "the \(stylesPart) written with the reference is not well-formed: \(parsed.diagnostics.map(\.formatted))")
        return FuzzOutcome(accepted: true, diagnostics: [])
    }
}
