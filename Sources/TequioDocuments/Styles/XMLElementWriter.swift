import XMLSupport

/// Writes a parsed `XMLElement` subtree again through `XMLWriter`, keeping only the namespaces a
/// format's schema knows: parts taken from a user's reference document lose vendor extensions (`w14`,
/// `loext`, …) and stay valid.
enum XMLElementWriter {
    /// - Parameters:
    ///   - prefixes: namespace URI → prefix for every namespace to keep; elements and attributes in
    ///     other namespaces are left out. The caller declares the prefixes on the root element.
    ///   - keepText: local names of elements whose text is content (white space is kept); elsewhere
    ///     only text with something other than white space is written.
    ///   - order: per parent element (local name), the order its children must come in; children are
    ///     sorted stably by it (Word itself writes some styles out of the schema's order).
    static func write(
        _ element: XMLElement, to w: XMLWriter, prefixes: [String: String], keepText: Set<String> = ["t", "instrText", "p", "h", "span", "a"],
        order: [String: [String: Int]] = [:]
    ) {
        guard let ns = element.namespace, let prefix = prefixes[ns] else { return }
        w.start("\(prefix):\(element.name)")
        for attribute in element.attributes {
            if let ans = attribute.namespace {
                if ans == XMLNamespace.xml {
                    w.attribute("xml:\(attribute.name)", attribute.value)
                } else if let p = prefixes[ans] {
                    w.attribute("\(p):\(attribute.name)", attribute.value)
                }
            } else {
                w.attribute(attribute.name, attribute.value)
            }
        }
        var children = element.children
        if let rank = order[element.name] {
            func key(_ n: XMLNode) -> Int {
                if case .element(let e) = n { return rank[e.name] ?? Int.max }
                return Int.max
            }
            children = children.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
        }
        for child in children {
            switch child {
            case .element(let e): write(e, to: w, prefixes: prefixes, keepText: keepText, order: order)
            case .text(let t):
                if keepText.contains(element.name) || !t.allSatisfy(\.isWhitespace) { w.text(t) }
            }
        }
        w.endFull()
    }
}

/// The child order WordprocessingML's schema requires in the style parts Tequio takes from a reference
/// document (ECMA-376 Part 1, `CT_Style`, `CT_PPr`, `CT_RPr`, `CT_TblPr`, `CT_TcPr`…).
enum WordprocessingOrder {
    static let children: [String: [String: Int]] = {
        let sequences: [String: String] = [
            "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
            "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
            "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
            "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
            "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
            "tblStylePr": "pPr rPr tblPr trPr tcPr",
            "tblBorders": "top left start bottom right end insideH insideV",
            "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
            "pBdr": "top left bottom right between bar",
            "tblCellMar": "top left start bottom right end",
            "tcMar": "top left start bottom right end",
            "docDefaults": "rPrDefault pPrDefault",
        ]
        var result: [String: [String: Int]] = [:]
        for (parent, names) in sequences {
            var rank: [String: Int] = [:]
            for (i, name) in names.split(separator: " ").enumerated() { rank[String(name)] = i }
            result[parent] = rank
        }
        return result
    }()
}
