import CHarfBuzz
import Foundation

/// The fonts a `DirectCanvas` draws with, embedded as TrueType subsets of the glyphs it used (ISO
/// 32000-1 §9.7, §9.9): a Type 0 font with the Identity-H encoding (a text's codes are its glyph ids),
/// its CIDFontType2 with the glyphs' widths, a descriptor with the subset (HarfBuzz's subsetter, glyph
/// ids kept), and a /ToUnicode map from each glyph to the text it was shaped from, so the text can be
/// copied, searched and read aloud.
struct FontEmbedding {
    private struct Used {
        let face: FontFace
        let name: String
        /// Each glyph drawn and the text of its cluster (empty for a cluster's later glyphs).
        var glyphs: [UInt32: String] = [:]
        /// Whether `glyphs` has a text for a glyph id (most glyphs come back on every line).
        var known: [Bool]

        mutating func note(_ run: GlyphRun) {
            for segment in run.segments {
                for i in segment.range {
                    let glyph = segment.word.glyphs[i].id
                    if known[Int(glyph)] { continue }
                    let text = segment.word.text(i)
                    if glyphs[glyph] == nil || !text.isEmpty { glyphs[glyph] = text }
                    if !text.isEmpty { known[Int(glyph)] = true }
                }
            }
        }
    }

    private var fonts: [ObjectIdentifier: Used] = [:]
    private var order: [ObjectIdentifier] = []

    /// The resource name of the run's face (`F1`…), noting the glyphs it uses.
    mutating func use(_ run: GlyphRun) -> String {
        let key = ObjectIdentifier(run.face)
        if fonts[key] == nil {
            fonts[key] = Used(face: run.face, name: "F\(order.count + 1)", known: [Bool](repeating: false, count: run.face.pdfWidths.count))
            order.append(key)
        }
        // In place: a copy of the entry would copy its tables for every run.
        fonts[key]!.note(run)
        return fonts[key]!.name
    }

    /// Each font's resource name and the number of its Type 0 font object.
    func objects(adding add: (PDFObject) -> Int, stream: (PDFDictionary, [UInt8]) -> Int) throws -> [(String, Int)] {
        try order.map { key in
            let used = fonts[key]!
            let face = used.face
            let glyphs = used.glyphs.keys.sorted()
            let subset = try Self.compressedSubset(face, glyphs: glyphs)
            let baseName = "\(Self.tag(face.postScriptName, glyphs))+\(face.postScriptName)"
            let scale = 1000 / face.unitsPerEm
            let file = stream(PDFDictionary([("Length1", .integer(subset.length)), ("Filter", .name("FlateDecode"))]), subset.data)
            var flags = 32  // nonsymbolic
            if face.isItalic { flags += 64 }
            let descriptor = add(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("FontDescriptor")), ("FontName", .name(baseName)), ("Flags", .integer(flags)),
                        ("FontBBox", .array(face.boundingBox.map { .real(($0 * scale).rounded()) })),
                        ("ItalicAngle", .real(face.italicAngle)), ("Ascent", .real((face.ascent * scale).rounded())),
                        ("Descent", .real((-face.descent * scale).rounded())), ("CapHeight", .real((face.capHeight * scale).rounded())),
                        ("StemV", .integer(80)), ("FontFile2", .reference(file)),
                    ])))
            let cidFont = add(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Font")), ("Subtype", .name("CIDFontType2")), ("BaseFont", .name(baseName)),
                        ("CIDSystemInfo", .dictionary(PDFDictionary([("Registry", .text("Adobe")), ("Ordering", .text("Identity")), ("Supplement", .integer(0))]))),
                        ("FontDescriptor", .reference(descriptor)), ("W", widths(glyphs, face)), ("CIDToGIDMap", .name("Identity")),
                    ])))
            let toUnicode = stream(PDFDictionary(), Self.toUnicode(used.glyphs))
            let font = add(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", .name(baseName)), ("Encoding", .name("Identity-H")),
                        ("DescendantFonts", .array([.reference(cidFont)])), ("ToUnicode", .reference(toUnicode)),
                    ])))
            return (used.name, font)
        }
    }

    /// The /W array: runs of consecutive glyph ids, each with its widths.
    private func widths(_ glyphs: [UInt32], _ face: FontFace) -> PDFObject {
        var items: [PDFObject] = []
        var start: UInt32?
        var run: [PDFObject] = []
        var previous: UInt32 = 0
        func flush() {
            if let start { items += [.integer(Int(start)), .array(run)] }
            run = []
        }
        for g in glyphs {
            if start == nil || g != previous + 1 {
                flush()
                start = g
            }
            run.append(.real(face.pdfWidths[Int(g)]))
            previous = g
        }
        flush()
        return .array(items)
    }

    /// Subsets made, compressed, by face and glyphs: the plans of a run in one language use the same
    /// letters, and most of their subsets are the same.
    private final class SubsetCache: @unchecked Sendable {
        struct Key: Hashable {
            let face: ObjectIdentifier
            let glyphs: [UInt32]
        }

        let lock = NSLock()
        var subsets: [Key: (data: [UInt8], length: Int)] = [:]
        /// About 20 kB each.
        static let limit = 256
    }

    private static let cache = SubsetCache()

    /// The subset of the face with `glyphs`, compressed, and its length before compression.
    private static func compressedSubset(_ face: FontFace, glyphs: [UInt32]) throws -> (data: [UInt8], length: Int) {
        let key = SubsetCache.Key(face: ObjectIdentifier(face), glyphs: glyphs)
        if let known = cache.lock.withLock({ cache.subsets[key] }) { return known }
        let subset = try subset(face, glyphs: glyphs)
        let made = (data: try Deflate.compress(subset), length: subset.count)
        cache.lock.withLock {
            if cache.subsets.count >= SubsetCache.limit { cache.subsets.removeAll() }
            cache.subsets[key] = made
        }
        return made
    }

    /// The subset of the face with `glyphs` (and glyph 0), their ids kept, without hinting.
    private static func subset(_ face: FontFace, glyphs: [UInt32]) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw PDFError("HarfBuzz: no memory to subset \(face.postScriptName)") }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        hb_set_add(set, 0)
        for g in glyphs { hb_set_add(set, g) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let subset = hb_subset_or_fail(face.face, input) else { throw PDFError("HarfBuzz: cannot subset the font \(face.file)") }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { throw PDFError("HarfBuzz: an empty subset of \(face.file)") }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// Six capital letters that name the subset (ISO 32000-1 §9.6.4), from the font and its glyphs,
    /// so the same text gives the same name.
    private static func tag(_ name: String, _ glyphs: [UInt32]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for b in name.utf8 { mix(b) }
        for g in glyphs { for shift in [24, 16, 8, 0] as [UInt32] { mix(UInt8((g >> shift) & 0xFF)) } }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(hash % 26))))
            hash /= 26
        }
        return letters
    }

    /// A /ToUnicode CMap (Adobe technical note 5411): each glyph with text, in blocks of at most 100.
    private static func toUnicode(_ glyphs: [UInt32: String]) -> [UInt8] {
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let mapped = glyphs.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: mapped.count, by: 100) {
            let block = mapped[start..<min(start + 100, mapped.count)]
            out += "\(block.count) beginbfchar\n"
            for (glyph, text) in block {
                out += "<" + hex(glyph, 4) + "> <" + text.utf16.map { hex(UInt32($0), 4) }.joined() + ">\n"
            }
            out += "endbfchar\n"
        }
        out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return Array(out.utf8)
    }

    private static func hex(_ value: UInt32, _ digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
