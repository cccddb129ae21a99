import TequioModel

/// The words of the tracking workbooks, from the string catalogue (`track.` keys and a few shared ones);
/// the import recognises statuses and directions in every language of the catalogue.
public struct TrackingStrings: Sendable {
    let strings: LocalizedStrings

    public init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
    }

    public var title: String { strings("track.workbookTitle") }
    public var instructionsSheetName: String { strings("common.instructions") }
    public func planSheetName(_ n: Int) -> String { strings("score.planN", String(n)) }
    public var table: String { strings("common.workingTable") }
    public var municipality: String { strings("common.municipality") }
    public var sheetHint: String { strings("track.sheetHint") }
    public var metadataNote: String { strings("track.metadataNote") }

    public var commitments: String { strings("track.commitments") }
    public var milestones: String { strings("track.milestones") }
    public var indicators: String { strings("track.indicators") }

    public func header(_ c: TrackingLayout.CommitmentColumn) -> String {
        switch c {
        case .id: strings("track.id")
        case .number: strings("track.number")
        case .title: strings("track.commitment")
        case .leadAgency: strings("track.leadAgency")
        case .supportingActors: strings("track.supportingActors")
        case .start: strings("track.start")
        case .due: strings("track.due")
        case .budget: strings("track.budget")
        case .currency: strings("track.currency")
        case .fundingSource: strings("track.fundingSource")
        }
    }

    public func header(_ c: TrackingLayout.MilestoneColumn) -> String {
        switch c {
        case .id: strings("track.id")
        case .owner: strings("track.owner")
        case .text: strings("track.milestone")
        case .plannedStart: strings("track.plannedStart")
        case .plannedDue: strings("track.plannedDue")
        case .date: strings("track.updateDate")
        case .status: strings("track.status")
        case .percent: strings("track.percent")
        case .started: strings("track.actualStart")
        case .completed: strings("track.actualEnd")
        case .narrative: strings("track.narrative")
        case .evidence: strings("track.evidence")
        }
    }

    public func header(_ c: TrackingLayout.IndicatorColumn) -> String {
        switch c {
        case .id: strings("track.id")
        case .commitment: strings("track.commitment")
        case .text: strings("track.indicator")
        case .unit: strings("track.unit")
        case .baseline: strings("track.baseline")
        case .target: strings("track.target")
        case .direction: strings("track.direction")
        case .date: strings("track.measureDate")
        case .value: strings("track.value")
        case .narrative: strings("track.narrative")
        case .evidence: strings("track.evidence")
        }
    }

    public func status(_ s: TrackedPlan.Status) -> String { strings.status(s) }

    /// What each level means, for the instructions.
    public func statusHelp(_ s: TrackedPlan.Status) -> String {
        switch s {
        case .notStarted: strings("track.statusHelp.not-started")
        case .limited: strings("track.statusHelp.limited")
        case .substantial: strings("track.statusHelp.substantial")
        case .complete: strings("track.statusHelp.complete")
        case .withdrawn: strings("track.statusHelp.withdrawn")
        }
    }

    public func direction(_ d: TrackedPlan.Direction) -> String { strings.direction(d) }
    public func owner(_ o: TrackedPlan.Owner) -> String { strings.owner(o) }

    public var invalidTitle: String { strings("score.invalidTitle") }
    public var statusMessage: String { strings("track.statusMessage") }
    public var directionMessage: String { strings("track.directionMessage") }
    public var dateMessage: String { strings("track.dateMessage") }
    public var percentMessage: String { strings("track.percentMessage") }
    public var numberMessage: String { strings("track.numberMessage") }

    public func intro(_ plans: Int) -> String { strings.plural(plans, one: "track.introOne", other: "track.intro", String(plans)) }
    public var howPlanning: String { strings("track.howPlanning") }
    public var howProgress: String { strings("track.howProgress") }
    public var howCorrect: String { strings("track.howCorrect") }
    public var returnHelp: String { strings("track.returnHelp") }
    public var scale: String { strings("track.scale") }
    public var meaning: String { strings("score.meaning") }
    public var plans: String { strings("track.plans") }
    public var trackingFile: String { strings("track.trackingFile") }
}
