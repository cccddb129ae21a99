import CPangoCairo

/// A font as pango finds it through fontconfig: a family name (any name fontconfig knows or aliases,
/// such as Arial for Liberation Sans), a size in points, bold and italic.
public struct FontSpec: Hashable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }
}

/// Lays out text with pango, in points: 72 dpi, no hinting and no rounding of glyph positions, so that
/// what is measured is what a PDF shows at any zoom.
///
/// One engine per document and thread (pango's default font map is per thread). Not thread-safe.
public final class TextEngine {
    let context: OpaquePointer
    private var fonts: [FontSpec: OpaquePointer] = [:]
    /// The direct engine's shaper (HarfBuzz without pango), when the engine is direct.
    let shaper: Shaper?
    /// A block met text the direct engine leaves to pango: that block, and the rest, were laid out by
    /// pango, and the document is to be drawn by cairo (`PDFCanvas`), not `DirectCanvas`.
    public internal(set) var needsPango = false

    /// - Parameters:
    ///   - language: a BCP 47 tag (`es`, `ar`): line breaking and font choice follow it.
    ///   - direct: lay out simple left-to-right text with HarfBuzz alone (`DirectLayout`), for `DirectCanvas`.
    public init(language: String, direct: Bool = false) throws {
        shaper = direct ? Shaper.take(language: language) : nil
        _ = FontSetup.applied
        guard let map = pango_cairo_font_map_get_default(), let context = pango_font_map_create_context(map) else {
            throw PDFError("pango: no font map (is fontconfig installed?)")
        }
        self.context = context
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
        if !language.isEmpty { pango_context_set_language(context, pango_language_from_string(language)) }
    }

    deinit {
        if let shaper { Shaper.give(shaper) }
        for description in fonts.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// pango's description of `spec`, made once per engine.
    func description(_ spec: FontSpec) -> OpaquePointer {
        if let d = fonts[spec] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, spec.family)
        pango_font_description_set_weight(d, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(d, spec.size * Double(PANGO_SCALE))
        fonts[spec] = d
        return d
    }

    /// The family fontconfig gives for `spec` (the font that is embedded): `Liberation Sans` for Arial.
    public func resolvedFamily(_ spec: FontSpec) -> String? {
        guard let map = pango_context_get_font_map(context),
            let font = pango_font_map_load_font(map, context, description(spec))
        else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        guard let d = pango_font_describe(font) else { return nil }
        defer { pango_font_description_free(d) }
        return pango_font_description_get_family(d).map { String(cString: $0) }
    }
}
