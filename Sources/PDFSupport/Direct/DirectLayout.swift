/// Glyphs of one face and look on a line, from `x` points after the line's start: pieces of shaped
/// words, shared with the other lines that hold the same words rather than copied.
struct GlyphRun {
    let face: FontFace
    let style: RunStyle
    var x: Double
    var segments: [GlyphSegment] = []
    /// In points, letter spacing included.
    var width: Double = 0

    var glyphCount: Int { segments.reduce(0) { $0 + $1.range.count } }
}

/// Some of a shaped word's glyphs.
struct GlyphSegment {
    let word: ShapedWord
    var range: Range<Int>
}

/// A line laid out by the direct engine: its glyph runs in order.
struct ShapedLine {
    var runs: [GlyphRun]
}

/// Lays out a paragraph of left-to-right text without pango: HarfBuzz shapes each word once
/// (`Shaper`), lines break at spaces and after hyphens and dashes, inside a word only when it alone
/// is wider than the line (at a cluster boundary, as pango's `PANGO_WRAP_WORD_CHAR`), and a line
/// break in the text starts a new line. Lines are placed as pango places them (`pango_layout_set_line_spacing`).
///
/// Returns nil for text it does not lay out as pango would: right-to-left or complex scripts,
/// combining marks, tabs, characters the run's font lacks (pango would take another font), and
/// fonts fontconfig gives without a TrueType file or with a synthetic bold or italic.
enum DirectLayout {
    private enum Kind { case word, space, newline }

    /// A run's face and look, which its pieces share.
    private struct Look {
        let face: FontFace
        let style: RunStyle
        /// Points per font unit.
        let scale: Double
    }

    private struct Piece {
        var look: Int
        var kind: Kind
        var word: ShapedWord
        /// A line may break after this word piece (it ends with a hyphen or a dash).
        var breakAfter: Bool
    }

    static func lay(
        _ runs: [TextRun], width: Double, alignment: TextAlignment, lineSpacing: Double, shaper: Shaper
    ) -> (lines: [TextBlock.Line], shaped: [ShapedLine])? {
        guard let (looks, pieces) = pieces(runs, shaper: shaper) else { return nil }
        // An empty paragraph is one line in its first run's font (pango's default font without runs).
        let emptyStyle = runs.first?.style ?? RunStyle(font: FontSpec(family: "sans-serif", size: 12), colour: RGB(hex: "000000"))
        guard let emptyFace = FontLibrary.face(emptyStyle.font) else { return nil }
        /// The width of some of a piece's glyphs, in points.
        func span(_ p: Int, _ glyphs: Range<Int>) -> Double {
            let (word, look) = (pieces[p].word, looks[pieces[p].look])
            let units = glyphs.count == word.glyphs.count ? word.width : glyphs.reduce(0) { $0 + Int(word.glyphs[$1].advance) }
            return Double(units) * look.scale + look.style.letterSpacing * Double(glyphs.count)
        }
        func whole(_ p: Int) -> Range<Int> { 0..<pieces[p].word.glyphs.count }

        var placedLines: [[(piece: Int, glyphs: Range<Int>)]] = []
        var current: [(piece: Int, glyphs: Range<Int>)] = []
        var used = 0.0
        let limit = width + 0.001
        func finish() {
            placedLines.append(current)
            current = []
            used = 0
        }
        func place(_ p: Int, _ glyphs: Range<Int>) {
            guard !glyphs.isEmpty else { return }
            if let last = current.last, last.piece == p, last.glyphs.upperBound == glyphs.lowerBound {
                current[current.count - 1].glyphs = last.glyphs.lowerBound..<glyphs.upperBound
            } else {
                current.append((p, glyphs))
            }
            used += span(p, glyphs)
        }

        var i = 0
        while i < pieces.count {
            if pieces[i].kind == .newline {
                finish()
                i += 1
                continue
            }
            // A unit: the words up to a break opportunity, then the spaces after them.
            var wordsEnd = i
            var words = 0.0
            while wordsEnd < pieces.count, pieces[wordsEnd].kind == .word {
                words += span(wordsEnd, whole(wordsEnd))
                wordsEnd += 1
                if pieces[wordsEnd - 1].breakAfter { break }
            }
            var end = wordsEnd
            while end < pieces.count, pieces[end].kind == .space { end += 1 }

            if !current.isEmpty, used + words > limit { finish() }
            if current.isEmpty, words > limit {
                // Wider than the line alone: cut between clusters.
                for p in i..<wordsEnd {
                    let starts = pieces[p].word.clusterStarts + [pieces[p].word.glyphs.count]
                    for c in 0..<(starts.count - 1) {
                        let cluster = starts[c]..<starts[c + 1]
                        if !current.isEmpty, used + span(p, cluster) > limit { finish() }
                        place(p, cluster)
                    }
                }
            } else {
                for p in i..<wordsEnd { place(p, whole(p)) }
            }
            for p in wordsEnd..<end { place(p, whole(p)) }
            i = end
        }
        if !current.isEmpty || placedLines.isEmpty || pieces.last?.kind == .newline { finish() }

        var lines: [TextBlock.Line] = []
        var shaped: [ShapedLine] = []
        lines.reserveCapacity(placedLines.count)
        shaped.reserveCapacity(placedLines.count)
        var top = 0.0
        for placed in placedLines {
            var runsOnLine: [GlyphRun] = []
            var runLook = -1
            var x = 0.0
            var content = 0.0
            var ascent = 0.0
            var descent = 0.0
            var gap = 0.0
            for (p, glyphs) in placed {
                let piece = pieces[p]
                let look = looks[piece.look]
                let w = span(p, glyphs)
                ascent = max(ascent, look.face.ascent * look.scale)
                descent = max(descent, look.face.descent * look.scale)
                gap = max(gap, look.face.lineGap * look.scale)
                if piece.kind == .word || piece.kind == .space {
                    let segment = GlyphSegment(word: piece.word, range: glyphs)
                    if piece.look == runLook {
                        runsOnLine[runsOnLine.count - 1].segments.append(segment)
                        runsOnLine[runsOnLine.count - 1].width += w
                    } else {
                        runsOnLine.append(GlyphRun(face: look.face, style: look.style, x: x, segments: [segment], width: w))
                        runLook = piece.look
                    }
                }
                x += w
                if piece.kind == .word { content = x }
            }
            if placed.isEmpty {
                let scale = emptyStyle.font.size / emptyFace.unitsPerEm
                ascent = emptyFace.ascent * scale
                descent = emptyFace.descent * scale
                gap = emptyFace.lineGap * scale
            }
            let natural = ascent + descent
            let offset: Double =
                switch alignment {
                case .start: 0
                case .center: max(0, (width - content) / 2)
                case .end: max(0, width - content)
                }
            for r in runsOnLine.indices { runsOnLine[r].x += offset }
            // As pango: each line as tall as its fonts; with a line spacing, the first baseline at the
            // first line's ascent and each next one the spacing times the line's height (gap included) lower.
            let baseline = lineSpacing > 0 ? (lines.last.map { $0.baseline + lineSpacing * (natural + gap) } ?? ascent) : top + ascent
            lines.append(TextBlock.Line(top: baseline - ascent, height: natural, baseline: baseline, x: offset, width: content))
            top = baseline + descent
            shaped.append(ShapedLine(runs: runsOnLine))
        }
        return (lines, shaped)
    }

    /// The runs cut into words, spaces and line breaks, each shaped, with each run's look; nil when a
    /// character is not for the direct engine.
    private static func pieces(_ runs: [TextRun], shaper: Shaper) -> ([Look], [Piece])? {
        var looks: [Look] = []
        var pieces: [Piece] = []
        for run in runs where !run.text.isEmpty {
            guard let face = FontLibrary.face(run.style.font) else { return nil }
            // Runs of the same look share it (a run's pieces then join the runs before them on a line).
            if looks.last?.face !== face || looks.last?.style != run.style {
                looks.append(Look(face: face, style: run.style, scale: run.style.font.size / face.unitsPerEm))
            }
            let look = looks.count - 1
            let bytes = Array(run.text.utf8)
            // Tokens as byte ranges of the run's text; a word's first character (for the kerning of the
            // space before it).
            var tokens: [(kind: Kind, bytes: Range<Int>, breakAfter: Bool, first: Unicode.Scalar)] = []
            var wordStart = -1
            var wordFirst: Unicode.Scalar = " "
            var last: Unicode.Scalar = " "
            var offset = 0
            func flush(at end: Int, breakAfter: Bool) {
                guard wordStart >= 0 else { return }
                tokens.append((.word, wordStart..<end, breakAfter, wordFirst))
                wordStart = -1
            }
            for scalar in run.text.unicodeScalars {
                let length = UTF8.width(scalar)
                switch scalar {
                case " ":
                    flush(at: offset, breakAfter: false)
                    tokens.append((.space, offset..<(offset + 1), false, " "))
                case "\n":
                    flush(at: offset, breakAfter: false)
                    tokens.append((.newline, offset..<offset, false, "\n"))
                default:
                    guard isSimple(scalar) else { return nil }
                    if wordStart >= 0, breaksAfter(last, before: scalar, wordStart: offset - wordStart == UTF8.width(last)) {
                        flush(at: offset, breakAfter: true)
                    }
                    if wordStart < 0 {
                        wordStart = offset
                        wordFirst = scalar
                    }
                    last = scalar
                }
                offset += length
            }
            flush(at: offset, breakAfter: false)

            var t = 0
            while t < tokens.count {
                let token = tokens[t]
                switch token.kind {
                case .newline:
                    pieces.append(Piece(look: look, kind: .newline, word: .empty, breakAfter: false))
                case .word where t + 1 < tokens.count && tokens[t + 1].kind == .space:
                    // Shaped with the space after it and the next word's first letter, so that the
                    // kerning around the space is the font's, as when pango shapes the whole line.
                    let next = t + 2 < tokens.count && tokens[t + 2].kind == .word ? tokens[t + 2].first : nil
                    let (word, space) = shaper.shape(word: bytes[token.bytes], spaceBefore: next, face)
                    guard word.isCovered else { return nil }
                    pieces.append(Piece(look: look, kind: .word, word: word, breakAfter: token.breakAfter))
                    pieces.append(Piece(look: look, kind: .space, word: space, breakAfter: false))
                    t += 1
                default:
                    let word = shaper.shape(bytes[token.bytes], face)
                    guard word.isCovered else { return nil }
                    pieces.append(Piece(look: look, kind: token.kind, word: word, breakAfter: token.breakAfter))
                }
                t += 1
            }
        }
        return (looks, pieces)
    }

    /// A line may break after a hyphen, en dash or em dash (Unicode's line breaking classes HY, BA, B2),
    /// but not after a hyphen before a digit ("2009-2011", rule LB25) or at the start of a word
    /// (LB20.1); and after a slash, but not before a digit or another slash (LB13, LB25), so a web
    /// address breaks after "https://" or between its parts as pango breaks it.
    private static func breaksAfter(_ s: Unicode.Scalar, before next: Unicode.Scalar, wordStart: Bool) -> Bool {
        let digit = ("0"..."9").contains(next)
        switch s {
        case "-", "\u{2010}": return !wordStart && !digit
        case "\u{2013}", "\u{2014}": return true
        case "/": return !digit && next != "/"
        default: return false
        }
    }

    /// Left-to-right scripts shaped without marks or reordering (Latin, Greek, Cyrillic), punctuation,
    /// currency, letter-like and mathematical symbols, arrows, boxes and geometric shapes. Not combining
    /// marks, invisible format characters, bidi controls, soft hyphens or emoji.
    static func isSimple(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300: return true
        case 0x370..<0x483, 0x48A..<0x530: return true
        case 0x1E00..<0x2000: return true
        case 0x2010..<0x2028, 0x2030..<0x205F, 0x2070..<0x20A0, 0x20A0..<0x20C0: return true
        case 0x2100..<0x2300, 0x2460..<0x2600: return true
        default: return false
        }
    }
}
