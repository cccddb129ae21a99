/// Who changed a piece of text: the step from one draft to the next (1 for draft 1 → draft 2), and
/// whether the piece only moved with its row.
public struct Revision: Sendable, Hashable {
    public var step: Int
    public var isMove: Bool

    public init(step: Int, isMove: Bool = false) {
        self.step = step
        self.isMove = isMove
    }
}

/// A text with its history across drafts, word by word: every piece that was ever in it, each marked
/// with the step that inserted it and the step that deleted it, if any.
///
/// Accepting every change gives the newest text (`current`); rejecting every change gives the oldest
/// (`original`). A piece inserted by one step and deleted by a later one is in neither, and shows as
/// both, the way Word nests a deletion inside an insertion.
public struct RevisedText: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var inserted: Revision?
        public var deleted: Revision?

        public init(text: String, inserted: Revision? = nil, deleted: Revision? = nil) {
            self.text = text
            self.inserted = inserted
            self.deleted = deleted
        }

        var isVisible: Bool { deleted == nil }
        var isOriginal: Bool { inserted == nil }
    }

    /// One segment per token; `segments` merges them for writers.
    private var tokens: [Segment]

    /// A text with no history.
    public init(_ text: String) {
        tokens = TextTokens.tokens(text).map { Segment(text: String($0)) }
    }

    /// A text made of segments already marked (a writer's reader, a test).
    public init(segments: [Segment]) {
        tokens = segments.flatMap { segment in
            TextTokens.tokens(segment.text).map { Segment(text: String($0), inserted: segment.inserted, deleted: segment.deleted) }
        }
    }

    /// The text as the newest draft has it.
    public var current: String { tokens.filter(\.isVisible).map(\.text).joined() }
    /// The text as the oldest draft had it.
    public var original: String { tokens.filter(\.isOriginal).map(\.text).joined() }
    public var hasChanges: Bool { tokens.contains { $0.inserted != nil || $0.deleted != nil } }

    /// Runs of text with the same marks, in reading order: what a writer renders.
    public var segments: [Segment] {
        var result: [Segment] = []
        for token in tokens {
            if let last = result.last, last.inserted == token.inserted, last.deleted == token.deleted {
                result[result.count - 1].text += token.text
            } else {
                result.append(token)
            }
        }
        return result
    }

    /// Records the change from the current text to `newText` as made by `step`, word by word.
    public mutating func revise(to newText: String, step: Int) {
        let visible = tokens.indices.filter { tokens[$0].isVisible }
        let old = visible.map { tokens[$0].text }
        let new = TextTokens.tokens(newText).map(String.init)
        guard old != new else { return }
        let (steps, wholeLines) = Self.lineSteps(old, new)
        var result: [Segment] = []
        var next = 0  // the next index of `tokens` not yet copied
        func copy(through visibleIndex: Int) {
            let target = visible[visibleIndex]
            while next < target {
                result.append(tokens[next])
                next += 1
            }
            next = target + 1
        }
        for change in steps {
            switch change {
            case .keep(let oldIndex, _):
                copy(through: oldIndex)
                result.append(tokens[visible[oldIndex]])
            case .delete(let oldIndex):
                copy(through: oldIndex)
                var token = tokens[visible[oldIndex]]
                token.deleted = Revision(step: step)
                result.append(token)
            case .insert(let newIndex):
                // Earlier drafts' deletions at this place read before the new words, unless the words are
                // a new line: the deletions belong to the line after it.
                while !wholeLines.contains(newIndex), next < tokens.count, !tokens[next].isVisible {
                    result.append(tokens[next])
                    next += 1
                }
                result.append(Segment(text: new[newIndex], inserted: Revision(step: step)))
            }
        }
        result += tokens[next...]
        tokens = result
    }

    /// Marks all the current text deleted by `step` (a removed row, or the place a row moved away from).
    public mutating func deleteAll(step: Int, isMove: Bool = false) {
        for i in tokens.indices where tokens[i].isVisible { tokens[i].deleted = Revision(step: step, isMove: isMove) }
    }

    /// The current text alone, marked inserted by `step`: a new row, or the place a row moved to.
    public func currentOnly(insertedBy step: Int, isMove: Bool = false) -> RevisedText {
        var copy = self
        copy.tokens = tokens.filter(\.isVisible).map { Segment(text: $0.text, inserted: Revision(step: step, isMove: isMove)) }
        return copy
    }

    /// Words inserted and deleted by `step` (moves not counted).
    public func wordCounts(step: Int) -> (inserted: Int, deleted: Int) {
        var inserted = 0, deleted = 0
        for token in tokens where TextTokens.kind(of: Substring(token.text)) == .word {
            if token.inserted == Revision(step: step) { inserted += 1 }
            if token.deleted == Revision(step: step) { deleted += 1 }
        }
        return (inserted, deleted)
    }

    /// The steps from `old` to `new` tokens, line by line first: lines are matched (equal ones, then
    /// similar ones in order) and only matched lines are compared word by word, so a line break is
    /// only ever inserted or deleted with a whole line. Every paragraph of a document is then either
    /// kept, added or removed as a whole, which each format can say (a paragraph mark revision in
    /// Word, a `<p>` in HTML) and which accepting or rejecting gives back exactly.
    static func lineSteps(_ old: [String], _ new: [String]) -> (steps: [SequenceDiff.Step], wholeLines: Set<Int>) {
        let oldLines = lines(old), newLines = lines(new)
        if oldLines.count <= 1, newLines.count <= 1 { return (readable(SequenceDiff.steps(old, new), old: old, new: new), []) }
        var wholeLines = Set<Int>()
        func text(_ tokens: [String], _ line: LineSpan) -> String { tokens[line.words].joined() }
        let oldTexts = oldLines.map { text(old, $0) }, newTexts = newLines.map { text(new, $0) }
        var pairs: [(old: Int, new: Int)] = []
        var pendingOld: [Int] = [], pendingNew: [Int] = []
        func pairPending() {
            // Among lines that differ, similar ones in the same order are the same line reworded.
            let matches = RecordMatching.match(old: pendingOld.map { [oldTexts[$0]] }, new: pendingNew.map { [newTexts[$0]] })
            pairs += matches.filter { !$0.isMove }.map { (pendingOld[$0.old], pendingNew[$0.new]) }
            pendingOld = []
            pendingNew = []
        }
        for step in SequenceDiff.steps(oldTexts, newTexts) {
            switch step {
            case .keep(let o, let n):
                pairPending()
                pairs.append((o, n))
            case .delete(let o): pendingOld.append(o)
            case .insert(let n): pendingNew.append(n)
            }
        }
        pairPending()
        pairs.sort { $0.new < $1.new }
        var result: [SequenceDiff.Step] = []
        var nextOld = 0, nextNew = 0
        func deleteLine(_ i: Int) { result += oldLines[i].all.map { .delete(oldIndex: $0) } }
        func insertLine(_ j: Int) {
            result += newLines[j].all.map { .insert(newIndex: $0) }
            wholeLines.formUnion(newLines[j].all)
        }
        for pair in pairs {
            while nextOld < pair.old { deleteLine(nextOld); nextOld += 1 }
            while nextNew < pair.new { insertLine(nextNew); nextNew += 1 }
            let o = oldLines[pair.old], n = newLines[pair.new]
            let words = SequenceDiff.steps(Array(old[o.words]), Array(new[n.words])).map { step -> SequenceDiff.Step in
                switch step {
                case .keep(let a, let b): .keep(oldIndex: a + o.words.lowerBound, newIndex: b + n.words.lowerBound)
                case .delete(let a): .delete(oldIndex: a + o.words.lowerBound)
                case .insert(let b): .insert(newIndex: b + n.words.lowerBound)
                }
            }
            result += readable(words, old: old, new: new)
            switch (o.lineBreak, n.lineBreak) {
            case (let a?, let b?): result.append(old[a] == new[b] ? .keep(oldIndex: a, newIndex: b) : .delete(oldIndex: a))
                if old[a] != new[b] { result.append(.insert(newIndex: b)) }
            case (let a?, nil): result.append(.delete(oldIndex: a))
            case (nil, let b?): result.append(.insert(newIndex: b))
            case (nil, nil): break
            }
            nextOld = pair.old + 1
            nextNew = pair.new + 1
        }
        while nextOld < oldLines.count { deleteLine(nextOld); nextOld += 1 }
        while nextNew < newLines.count { insertLine(nextNew); nextNew += 1 }
        return (result, wholeLines)
    }

    /// A line of tokens: its words (everything up to the line break) and the line break after it.
    struct LineSpan {
        var words: Range<Int>
        var lineBreak: Int?
        var all: [Int] { Array(words) + (lineBreak.map { [$0] } ?? []) }
    }

    static func lines(_ tokens: [String]) -> [LineSpan] {
        var result: [LineSpan] = []
        var start = 0
        for (i, token) in tokens.enumerated() where TextTokens.kind(of: Substring(token)) == .lineBreak {
            result.append(LineSpan(words: start..<i, lineBreak: i))
            start = i + 1
        }
        if start < tokens.count || tokens.isEmpty == false && result.last?.lineBreak == tokens.count - 1 {
            result.append(LineSpan(words: start..<tokens.count, lineBreak: nil))
        }
        return result
    }

    /// The diff made easier to read: a kept stretch of only spaces and punctuation, or of one short word,
    /// between two changes joins them, and in every changed stretch the deleted words come first, so a
    /// reworded phrase reads "old phrase → new phrase" rather than alternating word by word.
    static func readable(_ steps: [SequenceDiff.Step], old: [String], new: [String]) -> [SequenceDiff.Step] {
        var steps = steps
        var index = 0
        while index < steps.count {
            guard case .keep = steps[index] else {
                index += 1
                continue
            }
            var end = index
            while end < steps.count, case .keep = steps[end] { end += 1 }
            let before = changedLength(steps, old, new, from: index - 1, by: -1)
            let after = changedLength(steps, old, new, from: end, by: 1)
            let kept = steps[index..<end].compactMap { step -> String? in
                if case .keep(let o, _) = step { return old[o] } else { return nil }
            }
            let words = kept.filter { TextTokens.kind(of: Substring($0)) == .word }
            let length = kept.joined().count
            if before > 0, after > 0, words.isEmpty || (words.count == 1 && length <= 3 && length < min(before, after)),
                !kept.contains(where: { TextTokens.kind(of: Substring($0)) == .lineBreak })
            {
                var split: [SequenceDiff.Step] = []
                for case .keep(let o, _) in steps[index..<end] { split.append(.delete(oldIndex: o)) }
                for case .keep(_, let n) in steps[index..<end] { split.append(.insert(newIndex: n)) }
                steps.replaceSubrange(index..<end, with: split)
                index += split.count
            } else {
                index = end
            }
        }
        return deletionsFirst(steps)
    }

    /// The characters changed in the run of changes next to `start`, walking in `direction`.
    private static func changedLength(
        _ steps: [SequenceDiff.Step], _ old: [String], _ new: [String], from start: Int, by direction: Int
    ) -> Int {
        var length = 0
        var i = start
        while i >= 0, i < steps.count {
            switch steps[i] {
            case .keep: return length
            case .delete(let o): length += old[o].count
            case .insert(let n): length += new[n].count
            }
            i += direction
        }
        return length
    }

    private static func deletionsFirst(_ steps: [SequenceDiff.Step]) -> [SequenceDiff.Step] {
        var result: [SequenceDiff.Step] = []
        var deletions: [SequenceDiff.Step] = [], insertions: [SequenceDiff.Step] = []
        func flush() {
            result += deletions + insertions
            deletions = []
            insertions = []
        }
        for step in steps {
            switch step {
            case .keep:
                flush()
                result.append(step)
            case .delete: deletions.append(step)
            case .insert: insertions.append(step)
            }
        }
        flush()
        return result
    }
}
