import Foundation

/// Splitting a long document (a compendium of hundreds of plans) into chunks that are written on every
/// core and joined in order.
enum ChunkPlan {
    /// The comment a writer leaves where the chunks go.
    static let marker = "tequio-chunks"

    /// Block ranges, cut only where a chapter starts (an orientation change followed by a level-1
    /// heading); a single range when the document is shorter than `threshold` blocks.
    static func ranges(_ blocks: [DocumentLayout.Block], threshold: Int) -> [Range<Int>] {
        guard blocks.count > threshold else { return [0..<blocks.count] }
        var cuts: [Int] = []
        for i in 1..<blocks.count - 1 {
            if case .orientation = blocks[i], case .heading(1, _, _) = blocks[i + 1] { cuts.append(i) }
        }
        let wanted = max(2, ProcessInfo.processInfo.activeProcessorCount * 3)
        let size = max(1, blocks.count / wanted)
        var result: [Range<Int>] = []
        var start = 0
        for cut in cuts where cut - start >= size {
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<blocks.count)
        return result
    }

    /// The writer state at the start of each chunk, found by replaying the blocks before it, and the
    /// state after the last block (for the shell that closes the document).
    static func startStates<State>(
        _ blocks: [DocumentLayout.Block], chunks: [Range<Int>], initial: State,
        advance: (inout State, DocumentLayout.Block) -> Void
    ) -> (starts: [State], end: State) {
        var starts: [State] = []
        var state = initial
        var next = 0
        for (i, block) in blocks.enumerated() {
            if next < chunks.count && chunks[next].lowerBound == i {
                starts.append(state)
                next += 1
            }
            advance(&state, block)
        }
        return (starts, state)
    }

    /// Puts `parts` where the shell has the marker comment, so the result is byte for byte what one
    /// pass would write.
    static func join(_ shell: Data, _ parts: [Data]) throws -> Data {
        let needle = Data("<!--\(marker)-->".utf8)
        guard let range = shell.range(of: needle) else { throw ChunkError() }
        var result = Data(capacity: shell.count + parts.reduce(0) { $0 + $1.count })
        result.append(shell[shell.startIndex..<range.lowerBound])
        for part in parts {
            // Each fragment starts with its own XML declaration line and ends with a line feed.
            var body = part
            if body.starts(with: Data("<?xml".utf8)), let end = body.firstIndex(of: 0x0A) { body = body[(end + 1)...] }
            if body.last == 0x0A { body = body.dropLast() }
            result.append(body)
        }
        result.append(shell[range.upperBound...])
        return result
    }

    struct ChunkError: Error, CustomStringConvertible {
        var description: String { "internal error: the chunk marker is missing" }
    }

    /// Results of a parallel loop, one slot per iteration.
    final class ParallelResults: @unchecked Sendable {
        private var slots: [Result<Data, Error>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result<Data, Error>) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        /// Every slot's data in order, or the first error.
        func values() throws -> [Data] {
            try slots.map { slot in
                guard let slot else { throw ChunkError() }
                return try slot.get()
            }
        }
    }
}
