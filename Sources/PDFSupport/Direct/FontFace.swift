import CHarfBuzz
import Foundation

/// One TrueType font file as the direct engine uses it: found by fontconfig as pango would find it,
/// shaped by HarfBuzz, its metrics in font units. Immutable once made, so threads share it (HarfBuzz's
/// faces and fonts are safe to read from several threads).
final class FontFace: @unchecked Sendable {
    let file: String
    let face: OpaquePointer
    /// Scaled to the font's units per em: every advance and offset HarfBuzz gives is in font units.
    let font: OpaquePointer
    let unitsPerEm: Double
    /// Above the baseline (positive), below it (positive), and the gap between lines, in font units.
    let ascent: Double
    let descent: Double
    let lineGap: Double
    /// Below the baseline (positive) and thick, in font units.
    let underlinePosition: Double
    let underlineThickness: Double
    /// Above the baseline (positive) and thick, in font units.
    let strikeoutPosition: Double
    let strikeoutThickness: Double
    let capHeight: Double
    let italicAngle: Double
    /// The font's bounding box (xMin, yMin, xMax, yMax), in font units.
    let boundingBox: [Double]
    let postScriptName: String
    /// Each glyph's width as the PDF's /W array gives it: thousandths of the em, to two decimals. Not
    /// rounded to whole thousandths: with 2048 units to the em, nearly every glyph would then need a
    /// correction in the content stream (`TJ`), which would be three times longer.
    let pdfWidths: [Double]
    var isItalic: Bool { italicAngle != 0 }

    /// Nil when the file cannot be read or is not a TrueType font (CFF outlines are left to pango).
    init?(file: String, index: Int) {
        guard let blob = hb_blob_create_from_file_or_fail(file) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, UInt32(index)) else { return nil }
        let glyf = hb_face_reference_table(face, Self.tag("glyf"))
        let hasOutlines = hb_blob_get_length(glyf) > 0
        hb_blob_destroy(glyf)
        guard hasOutlines, hb_face_get_glyph_count(face) > 0, let font = hb_font_create(face) else {
            hb_face_destroy(face)
            return nil
        }
        self.file = file
        self.face = face
        self.font = font
        let upem = Int32(hb_face_get_upem(face))
        hb_font_set_scale(font, upem, upem)
        unitsPerEm = Double(upem)
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        ascent = Double(extents.ascender)
        descent = Double(-extents.descender)
        lineGap = Double(extents.line_gap)
        func metric(_ tag: hb_ot_metrics_tag_t, _ fallback: Double) -> Double {
            var value: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &value) != 0 ? Double(value) : fallback
        }
        underlinePosition = -metric(HB_OT_METRICS_TAG_UNDERLINE_OFFSET, -Double(upem) * 0.1)
        underlineThickness = max(1, metric(HB_OT_METRICS_TAG_UNDERLINE_SIZE, Double(upem) * 0.05))
        strikeoutPosition = metric(HB_OT_METRICS_TAG_STRIKEOUT_OFFSET, Double(upem) * 0.3)
        strikeoutThickness = max(1, metric(HB_OT_METRICS_TAG_STRIKEOUT_SIZE, Double(upem) * 0.05))
        capHeight = metric(HB_OT_METRICS_TAG_CAP_HEIGHT, Double(upem) * 0.7)
        let head = Self.table(face, "head")
        boundingBox = head.count >= 44 ? [36, 38, 40, 42].map { Double(Int16(bitPattern: UInt16(head[$0]) << 8 | UInt16(head[$0 + 1]))) } : [0, -descent, unitsPerEm, ascent]
        let post = Self.table(face, "post")
        italicAngle = post.count >= 8 ? Double(Int32(bitPattern: post[4..<8].reduce(0) { $0 << 8 | UInt32($1) })) / 65_536 : 0
        postScriptName = Self.name(face, Int(HB_OT_NAME_ID_POSTSCRIPT_NAME)) ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        pdfWidths = (0..<hb_face_get_glyph_count(face)).map { (Double(hb_font_get_glyph_h_advance(font, $0)) * 100_000 / Double(upem)).rounded() / 100 }
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    static func tag(_ name: String) -> hb_tag_t {
        name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
    }

    static func table(_ face: OpaquePointer, _ name: String) -> [UInt8] {
        let blob = hb_face_reference_table(face, tag(name))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    private static func name(_ face: OpaquePointer, _ id: Int) -> String? {
        var size: UInt32 = 128
        var buffer = [CChar](repeating: 0, count: Int(size))
        let length = hb_ot_name_get_utf8(face, hb_ot_name_id_t(id), hb_language_from_string("en", -1), &size, &buffer)
        guard length > 0 else { return nil }
        // A PostScript name has no spaces and only printable ASCII.
        let text = String(cString: buffer).filter { $0.isASCII && $0 != " " && $0.asciiValue! > 32 && $0.asciiValue! < 127 }
        return text.isEmpty ? nil : text
    }
}

/// The fonts fontconfig gives for each `FontSpec` (family, bold, italic; the size does not matter),
/// loaded once per process and shared by every document and thread.
enum FontLibrary {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var faces: [FaceKey: FontFace?] = [:]

    struct FaceKey: Hashable {
        var family: String
        var bold: Bool
        var italic: Bool
    }

    /// The face for `spec`, or nil when fontconfig finds no TrueType file for it.
    static func face(_ spec: FontSpec) -> FontFace? {
        let key = FaceKey(family: spec.family, bold: spec.bold, italic: spec.italic)
        lock.lock()
        defer { lock.unlock() }
        if let known = faces[key] { return known }
        let made = match(key).flatMap { FontFace(file: $0.file, index: $0.index) }
        faces[key] = made
        return made
    }

    /// The file fontconfig matches for a family, weight and slant, with the substitutions pango asks for.
    private static func match(_ key: FaceKey) -> (file: String, index: Int)? {
        _ = FontSetup.applied
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = key.family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        FcPatternAddInteger(pattern, FC_WEIGHT, key.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
        FcPatternAddInteger(pattern, FC_SLANT, key.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let found = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(found) }
        // Pango makes a missing bold or italic by emboldening or slanting the regular face: left to pango.
        var weight: Int32 = 0
        var slant: Int32 = 0
        _ = FcPatternGetInteger(found, FC_WEIGHT, 0, &weight)
        _ = FcPatternGetInteger(found, FC_SLANT, 0, &slant)
        if key.bold != (weight >= FC_WEIGHT_DEMIBOLD) || key.italic != (slant != FC_SLANT_ROMAN) { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(found, FC_INDEX, 0, &index)
        return (String(cString: file), Int(index))
    }
}
