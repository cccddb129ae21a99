/// The structure tree of a tagged PDF (ISO 32000-1 §14.7–14.8) as `DirectCanvas` draws: elements
/// opened and closed in order, each drawing operation marked as the content of the innermost open
/// element (a marked-content sequence with an MCID, one per element and page), or as an artifact
/// (running headers, footers, page numbers) outside every element. An element may span pages.
struct StructureTree {
    private struct Element {
        var type: String
        var alternative: String?
        var parent: Int?
        var kids: [Kid] = []
    }

    private enum Kid {
        case element(Int)
        case content(page: Int, mcid: Int)
    }

    private var elements: [Element] = []
    private var roots: [Int] = []
    private var open: [Int] = []
    /// The marked-content sequence now open: an element's, or an artifact's (nil).
    private var marking: Int?? = .none
    /// For each page, the element of each MCID (the parent tree).
    private var parents: [Int: [Int]] = [:]

    mutating func begin(_ type: String, alternative: String? = nil, content: inout ContentStream) {
        closeMarkedContent(&content)
        let index = elements.count
        elements.append(Element(type: type, alternative: alternative, parent: open.last))
        if let parent = open.last {
            elements[parent].kids.append(.element(index))
        } else {
            roots.append(index)
        }
        open.append(index)
    }

    mutating func end(content: inout ContentStream) {
        closeMarkedContent(&content)
        _ = open.popLast()
    }

    /// Opens the marked-content sequence for what is drawn next on `page` (from 0), unless it is open.
    mutating func mark(page: Int, content: inout ContentStream) {
        let wanted = open.last
        if case .some(let current) = marking, current == wanted { return }
        closeMarkedContent(&content)
        if let element = wanted {
            let mcid = parents[page, default: []].count
            parents[page, default: []].append(element)
            elements[element].kids.append(.content(page: page, mcid: mcid))
            content.text("/")
            content.text(Self.name(elements[element].type))
            content.text(" <</MCID \(mcid)>> BDC\n")
        } else {
            content.text("/Artifact BMC\n")
        }
        marking = .some(wanted)
    }

    mutating func closeMarkedContent(_ content: inout ContentStream) {
        guard case .some = marking else { return }
        content.text("EMC\n")
        marking = .none
    }

    /// The structure tree root's number, its elements under one /Document element, and the parent
    /// tree; nil when nothing was tagged. Elements are written as bytes (`set`), not `PDFObject`s:
    /// a plan has a thousand of them.
    func objects(pages: [Int], adding add: (PDFObject) -> Int, reserve: () -> Int, set: (Int, [UInt8]) -> Void) -> Int? {
        guard !elements.isEmpty else { return nil }
        let root = reserve()
        let document = reserve()
        let numbers = elements.map { _ in reserve() }
        var d: [UInt8] = []
        func append(_ text: String) { d.append(contentsOf: text.utf8) }
        func reference(_ n: Int) { append(" \(n) 0 R") }
        for (i, e) in elements.enumerated() {
            // The element's page is its first content's: content on that page is a bare MCID, content
            // on a later page (an element that spans pages) a marked-content reference with its page.
            let home = e.kids.lazy.compactMap { if case .content(let page, _) = $0 { page } else { nil } }.first
            d.removeAll(keepingCapacity: true)
            append("<</Type/StructElem/S/\(Self.name(e.type))/P")
            reference(e.parent.map { numbers[$0] } ?? document)
            if let home {
                append("/Pg")
                reference(pages[home])
            }
            append(e.kids.count == 1 ? "/K" : "/K[")
            for kid in e.kids {
                switch kid {
                case .element(let k): reference(numbers[k])
                case .content(let page, let mcid) where page == home: append(" \(mcid)")
                case .content(let page, let mcid):
                    append("<</Type/MCR/Pg")
                    reference(pages[page])
                    append("/MCID \(mcid)>>")
                }
            }
            if e.kids.count != 1 { append("]") }
            if let alternative = e.alternative {
                append("/Alt")
                PDFObject.text(alternative).write(to: &d)
            }
            append(">>")
            set(numbers[i], d)
        }
        set(
            document,
            Array("<</Type/StructElem/S/Document/P \(root) 0 R/K[\(roots.map { "\(numbers[$0]) 0 R" }.joined(separator: " "))]>>".utf8))
        var nums: [PDFObject] = []
        for page in pages.indices {
            nums.append(.integer(page))
            nums.append(.array((parents[page] ?? []).map { .reference(numbers[$0]) }))
        }
        let parentTree = add(.dictionary(PDFDictionary([("Nums", .array(nums))])))
        set(root, Array("<</Type/StructTreeRoot/K \(document) 0 R/ParentTree \(parentTree) 0 R/ParentTreeNextKey \(pages.count)>>".utf8))
        return root
    }

    /// A structure type as a PDF name: letters and digits only (the writers' types are standard ones).
    private static func name(_ type: String) -> String {
        if type.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }), !type.isEmpty { return type }
        let kept = type.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return kept.isEmpty ? "Span" : kept
    }
}
