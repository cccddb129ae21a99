import CPangoCairo

/// How a run of text is set.
public struct RunStyle: Hashable, Sendable {
    public enum Capitals: Hashable, Sendable { case none, all, small }

    public var font: FontSpec
    public var colour: RGB
    /// A fill behind the text (tracked changes).
    public var background: RGB?
    public var underline = false
    public var strikethrough = false
    /// Capitals, set as capital letters (small capitals: the lower-case ones smaller). Not pango's
    /// own transform: cairo keeps one code per glyph in a font's subset, and a capital glyph standing
    /// for a small letter would push every later small letter of that font out of the simple subset.
    public var capitals = Capitals.none
    /// Extra space between letters, in points.
    public var letterSpacing = 0.0

    public init(font: FontSpec, colour: RGB) {
        self.font = font
        self.colour = colour
    }
}

public struct TextRun: Sendable {
    public var text: String
    public var style: RunStyle

    public init(_ text: String, _ style: RunStyle) {
        self.text = text
        self.style = style
    }
}

/// Alignment along the line; `start` and `end` follow each paragraph's own direction.
public enum TextAlignment: Sendable { case start, center, end }

/// A paragraph laid out by pango (or, for simple left-to-right text, by `DirectLayout`): wrapped to a width (at word boundaries by Unicode's rules, inside a
/// word only when the word alone is wider than the line), shaped, and in its own direction (the first
/// strong character decides, so Arabic and Hebrew run right to left).
public final class TextBlock {
    public struct Line: Sendable, Equatable {
        /// Points from the top of the block.
        public var top: Double
        public var height: Double
        public var baseline: Double
        /// Where the line starts, from the block's left edge, and its length (its logical extent).
        public var x: Double
        public var width: Double
        public var bottom: Double { top + height }
    }

    /// Pango's layout, or the direct engine's lines (`TextEngine.direct`).
    enum Content {
        case pango(OpaquePointer)
        case shaped([ShapedLine])
    }

    let content: Content
    public let lines: [Line]

    /// - Parameters:
    ///   - width: the line length in points.
    ///   - lineSpacing: baseline to baseline as a multiple of the font's line height; 0 for the font's own.
    public init(_ engine: TextEngine, runs: [TextRun], width: Double, alignment: TextAlignment = .start, lineSpacing: Double = 0) {
        let set = runs.flatMap(Self.setCapitals).map { TextRun(CairoText.clean($0.text), $0.style) }
        if let shaper = engine.shaper, !engine.needsPango {
            if let laid = DirectLayout.lay(set, width: max(1, width), alignment: alignment, lineSpacing: lineSpacing, shaper: shaper) {
                content = .shaped(laid.shaped)
                lines = laid.lines
                return
            }
            engine.needsPango = true
        }
        let layout = Self.pangoLayout(engine, runs: set, width: width, alignment: alignment, lineSpacing: lineSpacing)
        content = .pango(layout)
        lines = Self.measure(layout)
    }

    private static func pangoLayout(_ engine: TextEngine, runs: [TextRun], width: Double, alignment: TextAlignment, lineSpacing: Double) -> OpaquePointer {
        let layout = pango_layout_new(engine.context)!
        var text = ""
        let attributes = pango_attr_list_new()!
        defer { pango_attr_list_unref(attributes) }
        func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?, _ start: Int, _ end: Int) {
            guard let attribute else { return }
            attribute.pointee.start_index = UInt32(start)
            attribute.pointee.end_index = UInt32(end)
            pango_attr_list_insert(attributes, attribute)
        }
        for run in runs where !run.text.isEmpty {
            let start = text.utf8.count
            text += run.text
            let end = text.utf8.count
            let s = run.style
            add(pango_attr_font_desc_new(engine.description(s.font)), start, end)
            add(pango_attr_foreground_new(Self.channel(s.colour.red), Self.channel(s.colour.green), Self.channel(s.colour.blue)), start, end)
            if let b = s.background {
                add(pango_attr_background_new(Self.channel(b.red), Self.channel(b.green), Self.channel(b.blue)), start, end)
            }
            if s.underline { add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end) }
            if s.strikethrough { add(pango_attr_strikethrough_new(1), start, end) }
            if s.letterSpacing != 0 { add(pango_attr_letter_spacing_new(Int32(s.letterSpacing * Double(PANGO_SCALE))), start, end) }
        }
        // Never add a hyphen the writer did not type: a word broken because it is wider than the line
        // stays the same word when the text is copied.
        add(pango_attr_insert_hyphens_new(0), 0, text.utf8.count)
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        pango_layout_set_attributes(layout, attributes)
        pango_layout_set_width(layout, Int32(max(1, width) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let align: PangoAlignment =
            switch alignment {
            case .start: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .end: PANGO_ALIGN_RIGHT
            }
        pango_layout_set_alignment(layout, align)
        if lineSpacing > 0 { pango_layout_set_line_spacing(layout, Float(lineSpacing)) }
        return layout
    }

    deinit {
        if case .pango(let layout) = content { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    /// Points from the top of the first line to the bottom of the last.
    public var height: Double { lines.last?.bottom ?? 0 }

    /// Where line `index` starts and how long it is, in points from the block's left edge.
    public func extent(ofLine index: Int) -> (x: Double, width: Double) { (lines[index].x, lines[index].width) }

    /// Size of a small capital, as a share of the capital's.
    static let smallCapitalScale = 0.8

    /// A run in capitals as plain runs: all capitals upper-cased; small capitals split where letters
    /// change case, the lower-case ones upper-cased and smaller.
    static func setCapitals(_ run: TextRun) -> [TextRun] {
        var plain = run.style
        plain.capitals = .none
        switch run.style.capitals {
        case .none: return [run]
        case .all: return [TextRun(run.text.uppercased(), plain)]
        case .small:
            var small = plain
            small.font.size *= smallCapitalScale
            var result: [TextRun] = []
            var current = ""
            var isSmall = false
            for ch in run.text {
                let lower = ch.isLowercase
                if lower != isSmall && !current.isEmpty {
                    result.append(TextRun(isSmall ? current.uppercased() : current, isSmall ? small : plain))
                    current = ""
                }
                isSmall = lower
                current.append(ch)
            }
            if !current.isEmpty { result.append(TextRun(isSmall ? current.uppercased() : current, isSmall ? small : plain)) }
            return result
        }
    }

    private static func channel(_ value: Double) -> UInt16 { UInt16((min(1, max(0, value)) * 65_535).rounded()) }

    private static func measure(_ layout: OpaquePointer) -> [Line] {
        var result: [Line] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        let scale = Double(PANGO_SCALE)
        repeat {
            var y0: Int32 = 0
            var y1: Int32 = 0
            pango_layout_iter_get_line_yrange(iter, &y0, &y1)
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            result.append(
                Line(
                    top: Double(y0) / scale, height: Double(y1 - y0) / scale, baseline: Double(pango_layout_iter_get_baseline(iter)) / scale,
                    x: Double(logical.x) / scale, width: Double(logical.width) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        return result
    }

    /// Calls `body` with each line of `range` and its index (pango's lines, without an iterator, which
    /// would measure every line again).
    func forEachLine(in range: Range<Int>, _ body: (Int, UnsafeMutablePointer<PangoLayoutLine>) -> Void) {
        guard case .pango(let layout) = content else { preconditionFailure("a direct engine's block drawn by cairo") }
        var node = pango_layout_get_lines_readonly(layout)
        var index = 0
        while let n = node, index < range.upperBound {
            if index >= range.lowerBound, let line = n.pointee.data?.assumingMemoryBound(to: PangoLayoutLine.self) { body(index, line) }
            node = n.pointee.next
            index += 1
        }
    }
}
