import Foundation

/// Rewrites the PDF cairo wrote, in memory: adds the catalogue's language, the tagged-PDF declaration,
/// the figures' text alternatives and the link annotations (cairo 1.16's own lose their destination and damage the cross-reference
/// table), repairs what cairo gets wrong (duplicated keys for colour emoji), drops what nothing refers to,
/// and writes compressed object streams and an /ID computed from the content (`PDFFileWriter`), so the
/// same input gives the same bytes.
public enum PDFRewrite {
    /// - Parameters:
    ///   - language: the document's language (BCP 47), written as the catalogue's /Lang.
    ///   - removingInfo: document information keys to drop (`CreationDate`) when no value is known:
    ///     cairo writes the clock time for a date it was not given.
    ///   - links: link annotations to add (`PDFCanvas.links`).
    ///   - figureAlternatives: the /Alt of each /Figure element, in order (`PDFCanvas.figureAlternatives`).
    public static func rewrite(
        _ pdf: Data, language: String, removingInfo: [String] = [], links: [PDFLink] = [], figureAlternatives: [String] = []
    ) throws -> Data {
        var file = try PDFFile(Array(pdf))
        guard let root = file.trailer["Root"]?.reference, var catalogue = file.resolve(.reference(root))?.dictionary else {
            throw PDFError("PDF syntax: no catalogue")
        }
        if !language.isEmpty { catalogue["Lang"] = .text(language) }
        markTagged(&catalogue, in: &file)
        try describeFigures(figureAlternatives, catalogue: catalogue, in: &file)
        file.objects[root] = .object(.dictionary(catalogue))
        let info = file.trailer["Info"]?.reference
        if let info, var dictionary = file.resolve(.reference(info))?.dictionary {
            for key in removingInfo { dictionary[key] = nil }
            file.objects[info] = .object(.dictionary(dictionary))
        }
        try addLinks(links, catalogue: catalogue, to: &file)
        let kept = reachable(from: [root] + (info.map { [$0] } ?? []), in: file)
        return Data(try PDFFileWriter.write(file.objects.filter { kept.contains($0.key) }, root: root, info: info))
    }

    /// Declares the document tagged (/MarkInfo /Marked true) when cairo wrote a structure tree, and puts
    /// the tree's elements under one /Document element. Cairo 1.16 writes the elements and the marked
    /// content but neither of these, which readers expect (and it drops a tag spanning pages).
    private static func markTagged(_ catalogue: inout PDFDictionary, in file: inout PDFFile) {
        guard let treeNumber = catalogue["StructTreeRoot"]?.reference, var tree = file.resolve(.reference(treeNumber))?.dictionary else { return }
        catalogue["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .true)]))
        guard let kids = tree["K"], let items = file.resolve(kids)?.array else { return }
        let element = file.add(
            .dictionary(PDFDictionary([("Type", .name("StructElem")), ("S", .name("Document")), ("P", .reference(treeNumber)), ("K", kids)])))
        for case .reference(let kid) in items {
            guard var dictionary = file.resolve(.reference(kid))?.dictionary else { continue }
            dictionary["P"] = .reference(element)
            file.objects[kid] = .object(.dictionary(dictionary))
        }
        tree["K"] = .reference(element)
        file.objects[treeNumber] = .object(.dictionary(tree))
    }

    /// Gives the /Figure elements of the structure tree their text alternatives (/Alt), in document
    /// order; there must be as many as the canvas drew.
    private static func describeFigures(_ alternatives: [String], catalogue: PDFDictionary, in file: inout PDFFile) throws {
        var figures: [Int] = []
        var seen = Set<Int>()
        func visit(_ object: PDFObject?) {
            switch object {
            case .reference(let n)?:
                guard seen.insert(n).inserted, let d = file.resolve(.reference(n))?.dictionary, d["S"] != nil else { return }
                if d["S"] == .name("Figure") { figures.append(n) }
                visit(d["K"])
            case .array(let items)?: for item in items { visit(item) }
            default: break
            }
        }
        if let tree = file.resolve(catalogue["StructTreeRoot"])?.dictionary { visit(tree["K"]) }
        guard figures.count == alternatives.count else {
            throw PDFError("PDF: \(alternatives.count) figures drawn, \(figures.count) in the structure tree")
        }
        for (n, alternative) in zip(figures, alternatives) {
            guard var d = file.resolve(.reference(n))?.dictionary else { continue }
            d["Alt"] = .text(alternative)
            file.objects[n] = .object(.dictionary(d))
        }
    }

    /// Each link as a /Link annotation of its page (no border) with an /XYZ destination: the target
    /// page, the left edge, the target's height, the zoom unchanged.
    private static func addLinks(_ links: [PDFLink], catalogue: PDFDictionary, to file: inout PDFFile) throws {
        guard !links.isEmpty else { return }
        let pages = file.pages(catalogue)
        func height(_ page: Int) -> Double {
            guard let box = file.resolve(file.resolve(.reference(page))?.dictionary?["MediaBox"])?.array, box.count == 4,
                let bottom = box[1].number, let top = box[3].number
            else { return 0 }
            return top - bottom
        }
        for link in links {
            guard pages.indices.contains(link.page - 1), pages.indices.contains(link.targetPage - 1) else {
                throw PDFError("PDF: a link from page \(link.page) to page \(link.targetPage) of \(pages.count)")
            }
            let page = pages[link.page - 1]
            let target = pages[link.targetPage - 1]
            let annotation = file.add(
                link.annotation(pageHeight: height(page), destination: PDFLink.destination(page: target, pageHeight: height(target), y: link.targetY)))
            guard var dictionary = file.resolve(.reference(page))?.dictionary else { continue }
            switch dictionary["Annots"] {
            case .reference(let n)?:
                file.objects[n] = .object(.array((file.resolve(.reference(n))?.array ?? []) + [.reference(annotation)]))
            case let value?:
                dictionary["Annots"] = .array((value.array ?? []) + [.reference(annotation)])
            case nil:
                dictionary["Annots"] = .array([.reference(annotation)])
            }
            file.objects[page] = .object(.dictionary(dictionary))
        }
    }

    /// The objects the trailer reaches (what a reader can find), so that objects nothing refers to any
    /// more (cairo's stream lengths, written now in their streams) are left out.
    private static func reachable(from roots: [Int], in file: PDFFile) -> Set<Int> {
        var seen = Set<Int>()
        var pending = roots
        while let n = pending.popLast() {
            guard seen.insert(n).inserted else { continue }
            switch file.objects[n] {
            case .object(let o)?: o.forEachReference { if !seen.contains($0) { pending.append($0) } }
            case .stream(let s)?:
                var dictionary = s.dictionary
                dictionary["Length"] = nil
                PDFObject.dictionary(dictionary).forEachReference { if !seen.contains($0) { pending.append($0) } }
            // Not in a file read back: only `DirectCanvas` writes these, and it rewrites nothing.
            case .written?, nil: break
            }
        }
        return seen
    }
}

extension PDFFile {
    /// The page objects' numbers in order, from the catalogue's page tree.
    func pages(_ catalogue: PDFDictionary) -> [Int] {
        var result: [Int] = []
        var seen = Set<Int>()
        func visit(_ node: PDFObject?) {
            guard let n = node?.reference, seen.insert(n).inserted, let d = resolve(.reference(n))?.dictionary else { return }
            if let kids = resolve(d["Kids"])?.array {
                for kid in kids { visit(kid) }
            } else {
                result.append(n)
            }
        }
        visit(catalogue["Pages"])
        return result
    }
}
