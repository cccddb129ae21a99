/// Which rows of one draft are which rows of the next, by what they say rather than where they are: a
/// reworded row is the same row, a row the table moved up is the same row, moved.
///
/// Rows are compared by their words (case and accents folded): the share of words they have in common
/// (Sørensen–Dice over word counts). Identical rows pair first, then the most similar pairs above
/// `threshold`, nearer positions first among equals. Of the pairs, the longest run that keeps its order
/// stays in place; every other pair is a move.
public enum RecordMatching {
    public struct Match: Sendable, Equatable {
        public var old: Int
        public var new: Int
        public var isMove: Bool
    }

    /// Below this share of common words two rows are different rows (one removed, one added).
    public static let threshold = 0.4

    public static func match(old: [[String]], new: [[String]]) -> [Match] {
        let oldCounts = old.map(wordCounts), newCounts = new.map(wordCounts)
        var candidates: [(similarity: Double, old: Int, new: Int)] = []
        for i in old.indices {
            for j in new.indices {
                let s = old[i] == new[j] ? 2 : similarity(oldCounts[i], newCounts[j])
                if s >= threshold { candidates.append((s, i, j)) }
            }
        }
        candidates.sort {
            $0.similarity != $1.similarity ? $0.similarity > $1.similarity
                : abs($0.old - $0.new) != abs($1.old - $1.new) ? abs($0.old - $0.new) < abs($1.old - $1.new)
                : $0.new < $1.new
        }
        var oldTaken = Set<Int>(), newTaken = Set<Int>()
        var pairs: [(old: Int, new: Int)] = []
        for c in candidates where !oldTaken.contains(c.old) && !newTaken.contains(c.new) {
            oldTaken.insert(c.old)
            newTaken.insert(c.new)
            pairs.append((c.old, c.new))
        }
        pairs.sort { $0.new < $1.new }
        let staying = longestIncreasing(pairs.map(\.old))
        return pairs.enumerated().map { Match(old: $1.old, new: $1.new, isMove: !staying.contains($0)) }
    }

    static func wordCounts(_ record: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for field in record { for word in TextTokens.foldedWords(field) { counts[word, default: 0] += 1 } }
        return counts
    }

    static func similarity(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        var common = 0
        for (word, count) in a { common += min(count, b[word] ?? 0) }
        return Double(2 * common) / Double(total)
    }

    /// The positions in `values` of one longest strictly increasing subsequence (patience sorting).
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // positions in `values`
        var previous = [Int](repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result = Set<Int>()
        var position = tails.last ?? -1
        while position >= 0 {
            result.insert(position)
            position = previous[position]
        }
        return result
    }
}
