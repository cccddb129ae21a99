import CHarfBuzz

/// A piece of text shaped by HarfBuzz in one face: its glyphs, their advances in font units (kerning
/// included), and the text each glyph stands for (a cluster's text on its first glyph, "" on the
/// others), which the PDF's /ToUnicode map gives back when the text is copied.
struct ShapedText {
    var glyphs: [UInt32]
    var advances: [Double]
    var texts: [String]
    /// Where a line may be cut inside the piece: the glyph indices that start a cluster.
    var clusterStarts: [Int]
    /// Each glyph's cluster: the byte offset in the shaped text where its characters start.
    var clusters: [Int] = []

    var width: Double { advances.reduce(0, +) }
}

/// Shapes words with HarfBuzz, each word once per document: a plan repeats its words (table headings,
/// responsible bodies, the language's common words), so most are found in the cache.
///
/// One per `TextEngine` (one document on one thread). Not thread-safe.
final class Shaper {
    private let buffer: OpaquePointer
    private let language: hb_language_t?
    private var cache: [Key: ShapedText] = [:]
    private var spaced: [SpacedKey: (ShapedText, ShapedText)] = [:]

    private struct Key: Hashable {
        var face: ObjectIdentifier
        var text: String
    }

    private struct SpacedKey: Hashable {
        var face: ObjectIdentifier
        var word: String
        var next: Unicode.Scalar?
    }

    init(language: String) {
        buffer = hb_buffer_create()
        self.language = language.isEmpty ? nil : hb_language_from_string(language, -1)
    }

    deinit { hb_buffer_destroy(buffer) }

    func shape(_ text: String, _ face: FontFace) -> ShapedText {
        let key = Key(face: ObjectIdentifier(face), text: text)
        if let known = cache[key] { return known }
        let made = shapeNow(text, face)
        cache[key] = made
        return made
    }

    /// A word and the space after it, shaped together with the first letter of the word after the space
    /// (`next`, nil for none), which is then left out: the kerning of the word's last letter with the
    /// space, and of the space with the next letter, is in their advances.
    func shape(word: String, spaceBefore next: Unicode.Scalar?, _ face: FontFace) -> (word: ShapedText, space: ShapedText) {
        let key = SpacedKey(face: ObjectIdentifier(face), word: word, next: next)
        if let known = spaced[key] { return known }
        var text = word + " "
        if let next { text.unicodeScalars.append(next) }
        let whole = shapeNow(text, face)
        let wordEnd = word.utf8.count
        func part(_ range: Range<Int>) -> ShapedText {
            let glyphs = whole.clusters.indices.filter { range.contains(whole.clusters[$0]) }
            var p = ShapedText(glyphs: [], advances: [], texts: [], clusterStarts: [])
            for g in glyphs {
                if whole.clusterStarts.contains(g) { p.clusterStarts.append(p.glyphs.count) }
                p.glyphs.append(whole.glyphs[g])
                p.advances.append(whole.advances[g])
                p.texts.append(whole.texts[g])
            }
            return p
        }
        let made = (part(0..<wordEnd), part(wordEnd..<(wordEnd + 1)))
        spaced[key] = made
        return made
    }

    private func shapeNow(_ text: String, _ face: FontFace) -> ShapedText {
        hb_buffer_clear_contents(buffer)
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count)) }
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        if let language { hb_buffer_set_language(buffer, language) }
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(face.font, buffer, nil, 0)
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        let n = Int(count)
        var result = ShapedText(glyphs: [], advances: [], texts: [], clusterStarts: [])
        result.glyphs.reserveCapacity(n)
        result.advances.reserveCapacity(n)
        result.texts.reserveCapacity(n)
        for i in 0..<n {
            result.glyphs.append(infos[i].codepoint)
            result.advances.append(Double(positions[i].x_advance))
            let cluster = Int(infos[i].cluster)
            result.clusters.append(cluster)
            if i == 0 || Int(infos[i - 1].cluster) != cluster {
                var end = utf8.count
                for j in (i + 1)..<max(i + 1, n) where Int(infos[j].cluster) != cluster {
                    end = Int(infos[j].cluster)
                    break
                }
                result.texts.append(String(decoding: utf8[cluster..<max(cluster, end)], as: UTF8.self))
                result.clusterStarts.append(i)
            } else {
                result.texts.append("")
            }
        }
        return result
    }
}
