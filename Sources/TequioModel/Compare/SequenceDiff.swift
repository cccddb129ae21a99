/// The shortest edit between two sequences: which elements stay, which go, which come, in order.
///
/// A longest-common-subsequence table over what is left once the common start and end are set aside,
/// which is all a matrix cell needs (a few hundred words at most; most cells do not change at all).
public enum SequenceDiff {
    public enum Step: Sendable, Equatable {
        /// `old[oldIndex]` and `new[newIndex]` are the same element.
        case keep(oldIndex: Int, newIndex: Int)
        case delete(oldIndex: Int)
        case insert(newIndex: Int)
    }

    /// The steps from `old` to `new`; deletions come before insertions where both are possible, as a
    /// reader expects a replaced word to read "old → new".
    public static func steps<T: Equatable>(_ old: [T], _ new: [T]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        var result = (0..<prefix).map { Step.keep(oldIndex: $0, newIndex: $0) }
        result += middle(old, new, from: prefix, oldEnd: old.count - suffix, newEnd: new.count - suffix)
        result += (0..<suffix).map { Step.keep(oldIndex: old.count - suffix + $0, newIndex: new.count - suffix + $0) }
        return result
    }

    private static func middle<T: Equatable>(_ old: [T], _ new: [T], from start: Int, oldEnd: Int, newEnd: Int) -> [Step] {
        let n = oldEnd - start, m = newEnd - start
        if n == 0 { return (0..<m).map { .insert(newIndex: start + $0) } }
        if m == 0 { return (0..<n).map { .delete(oldIndex: start + $0) } }
        // lcs[i][j]: the longest common subsequence of old[start+i...] and new[start+j...].
        let width = m + 1
        var lcs = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * width + j] = old[start + i] == new[start + j]
                    ? lcs[(i + 1) * width + j + 1] + 1
                    : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
            }
        }
        var result: [Step] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[start + i] == new[start + j] {
                result.append(.keep(oldIndex: start + i, newIndex: start + j))
                i += 1
                j += 1
            } else if i < n, j == m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
                result.append(.delete(oldIndex: start + i))
                i += 1
            } else {
                result.append(.insert(newIndex: start + j))
                j += 1
            }
        }
        return result
    }
}
