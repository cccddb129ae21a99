import TequioModel

/// Who a build is for. The participant's player (and the LMS packages that carry it) leaves out what only a
/// facilitator reads, the slides' speaker notes; a facilitator's build keeps them. The e-book is always the
/// participants'; the print kit has a handbook for participants and a guide for facilitators either way.
public enum Audience: String, CaseIterable, Sendable {
    case participant, facilitator

    /// `module` as this audience reads it.
    public func module(_ module: Module) -> Module {
        guard self == .participant else { return module }
        var result = module
        for u in result.units.indices {
            for b in result.units[u].blocks.indices {
                guard case .presentation(var p) = result.units[u].blocks[b] else { continue }
                for s in p.slides.indices { p.slides[s].notes = nil }
                result.units[u].blocks[b] = .presentation(p)
            }
        }
        return result
    }
}
