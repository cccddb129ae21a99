import CHarfBuzz
import Foundation

/// A word (or a space) shaped by HarfBuzz in one face: its glyphs, their advances in font units
/// (kerning included), and the text each glyph stands for (a cluster's text on its first glyph, ""
/// on the others), which the PDF's /ToUnicode map gives back when the text is copied. Made once per
/// document and word (`Shaper`) and shared by every line that holds the word.
final class ShapedWord: Sendable {
    struct Glyph {
        let id: UInt32
        let advance: Int32
        /// The glyph's text, as a range of the word's UTF-8 (empty for a cluster's later glyphs).
        let textStart: Int32
        let textEnd: Int32
    }

    let glyphs: [Glyph]
    /// The word's UTF-8.
    let utf8: [UInt8]
    /// The advances' sum, in font units.
    let width: Int

    init(glyphs: [Glyph], utf8: [UInt8]) {
        self.glyphs = glyphs
        self.utf8 = utf8
        width = glyphs.reduce(0) { $0 + Int($1.advance) }
    }

    static let empty = ShapedWord(glyphs: [], utf8: [])

    /// The text glyph `index` stands for.
    func text(_ index: Int) -> String {
        let g = glyphs[index]
        return String(decoding: utf8[Int(g.textStart)..<Int(g.textEnd)], as: UTF8.self)
    }

    /// Where a line may be cut inside the word: the glyph indices that start a cluster.
    var clusterStarts: [Int] { glyphs.indices.filter { glyphs[$0].textEnd > glyphs[$0].textStart } }

    /// A character the font lacks shapes to glyph 0 (pango would take it from another font).
    var isCovered: Bool { !glyphs.contains { $0.id == 0 } }
}

/// Shapes words with HarfBuzz, each word once: a plan repeats its words (table headings, responsible
/// bodies, the language's common words), and so do the other plans of a run, so most are found in the
/// cache. Words are looked up by their UTF-8 bytes (a `String` key would be normalised to be hashed
/// and compared).
///
/// Used by one `TextEngine` at a time (one document on one thread), which takes it from the pool of
/// its language (`take`) and gives it back when done (`give`), with its cache. Not thread-safe.
final class Shaper {
    private let buffer: OpaquePointer
    private let language: hb_language_t?
    private var cache: [Key: ShapedWord] = [:]
    private var spaced: [Key: (word: ShapedWord, space: ShapedWord)] = [:]
    /// The bytes shaped last (reused: one allocation per document).
    private var text: [UInt8] = []

    /// A face, a word's bytes, and for a word shaped with the space after it, the first character of
    /// the word after the space (0 for none, `UInt32.max` for a word shaped alone).
    private struct Key: Hashable {
        var face: ObjectIdentifier
        var bytes: ArraySlice<UInt8>
        var next: UInt32

        static func == (a: Key, b: Key) -> Bool {
            a.face == b.face && a.next == b.next && a.bytes.count == b.bytes.count
                && a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in x.elementsEqual(y) } }
        }

        /// The key with its own copy of the bytes, to be kept: a slice of a paragraph's text would keep
        /// the whole paragraph for as long as the shaper lives (documents after documents).
        var kept: Key { Key(face: face, bytes: Array(bytes)[...], next: next) }

        func hash(into hasher: inout Hasher) {
            hasher.combine(face)
            hasher.combine(next)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let languageTag: String

    init(language: String) {
        buffer = hb_buffer_create()
        languageTag = language
        self.language = language.isEmpty ? nil : hb_language_from_string(language, -1)
    }

    /// Words a shaper keeps between documents, at most (a few megabytes).
    static let cacheLimit = 50_000

    private static let pool = Pool()

    private final class Pool: @unchecked Sendable {
        let lock = NSLock()
        var idle: [String: [Shaper]] = [:]
    }

    /// A shaper for `language` that no other engine uses: one given back by an engine before, or a new one.
    static func take(language: String) -> Shaper {
        pool.lock.withLock { pool.idle[language]?.popLast() } ?? Shaper(language: language)
    }

    /// Gives the shaper back for the next document in its language (its cache emptied when it is full).
    static func give(_ shaper: Shaper) {
        if shaper.cache.count + shaper.spaced.count > cacheLimit {
            shaper.cache.removeAll()
            shaper.spaced.removeAll()
        }
        pool.lock.withLock { pool.idle[shaper.languageTag, default: []].append(shaper) }
    }

    deinit { hb_buffer_destroy(buffer) }

    /// A word shaped alone: `bytes` is its UTF-8.
    func shape(_ bytes: ArraySlice<UInt8>, _ face: FontFace) -> ShapedWord {
        let key = Key(face: ObjectIdentifier(face), bytes: bytes, next: .max)
        if let known = cache[key] { return known }
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: bytes)
        let made = shapeText(face, parts: [0..<text.count])[0]
        cache[key.kept] = made
        return made
    }

    /// A word and the space after it, shaped together with the first letter of the word after the space
    /// (`next`, nil for none), which is then left out: the kerning of the word's last letter with the
    /// space, and of the space with the next letter, is in their advances.
    func shape(word: ArraySlice<UInt8>, spaceBefore next: Unicode.Scalar?, _ face: FontFace) -> (word: ShapedWord, space: ShapedWord) {
        let key = Key(face: ObjectIdentifier(face), bytes: word, next: next?.value ?? 0)
        if let known = spaced[key] { return known }
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: word)
        text.append(0x20)
        if let next { text.append(contentsOf: next.utf8) }
        let parts = shapeText(face, parts: [0..<word.count, word.count..<(word.count + 1)])
        let made = (parts[0], parts[1])
        spaced[key.kept] = made
        return made
    }

    /// Shapes `text` and returns the glyphs of each part (byte ranges of the text, by cluster).
    private func shapeText(_ face: FontFace, parts: [Range<Int>]) -> [ShapedWord] {
        hb_buffer_clear_contents(buffer)
        text.withUnsafeBufferPointer { bytes in
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
        return parts.map { part in
            var glyphs: [ShapedWord.Glyph] = []
            for i in 0..<n {
                let cluster = Int(infos[i].cluster)
                guard part.contains(cluster) else { continue }
                var end = cluster
                if i == 0 || Int(infos[i - 1].cluster) != cluster {
                    end = text.count
                    for j in (i + 1)..<max(i + 1, n) where Int(infos[j].cluster) != cluster {
                        end = Int(infos[j].cluster)
                        break
                    }
                    end = min(max(cluster, end), part.upperBound)
                }
                glyphs.append(
                    ShapedWord.Glyph(
                        id: infos[i].codepoint, advance: positions[i].x_advance, textStart: Int32(cluster - part.lowerBound),
                        textEnd: Int32(end - part.lowerBound)))
            }
            return ShapedWord(glyphs: glyphs, utf8: Array(text[part]))
        }
    }
}
