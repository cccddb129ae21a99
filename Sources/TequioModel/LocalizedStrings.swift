/// The string catalogue in one language: what each output's typed accessors (`PrintStrings`,
/// `SheetStrings`, `DocumentStrings`) and the e-book read their words from.
///
/// `strings("print.handbook")`, `strings("common.unitN", "3")`: every key is written out whole where it
/// is used, so the catalogue tests find each one in the sources and check every language file has it.
public struct LocalizedStrings: Sendable, Equatable {
    public let catalogue: StringCatalogue
    /// The language asked for (`es-MX`); the words come from `catalogue.resolvedLanguage(language)`.
    public let language: String

    public init(_ catalogue: StringCatalogue, language: String) {
        self.catalogue = catalogue
        self.language = language
    }

    /// The text of `key`, with `{0}`, `{1}`… replaced by `arguments`.
    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        catalogue.text(key, language, arguments: arguments)
    }

    /// The text of `one` when `count` is 1, else of `other` ("1 plan de acción", "3 planes de acción"),
    /// with `{0}`, `{1}`… replaced by `arguments`. Spanish and English have these two forms; a sentence
    /// with several counts says them as "label: number" instead, which needs none.
    public func plural(_ count: Int, one: String, other: String, _ arguments: String...) -> String {
        catalogue.text(count == 1 ? one : other, language, arguments: arguments)
    }
}

/// The words several outputs share that name a value of the model (`common.` keys).
extension LocalizedStrings {
    public func sector(_ sector: CompletedMatrix.Sector) -> String {
        switch sector {
        case .government: self("common.sector.government")
        case .civilSociety: self("common.sector.civil-society")
        case .privateSector: self("common.sector.private-sector")
        case .other: self("common.sector.other")
        }
    }

    public func activityKind(_ kind: Activity.Kind) -> String {
        switch kind {
        case .workingTable: self("common.workingTable")
        case .discussion: self("common.activity.discussion")
        case .plenary: self("common.activity.plenary")
        case .individual: self("common.activity.individual")
        }
    }

    public func findingKind(_ kind: DiagnosticFinding.Kind) -> String {
        switch kind {
        case .survey: self("common.finding.survey")
        case .focusGroup: self("common.finding.focus-group")
        case .study: self("common.finding.study")
        }
    }

    public func deliveryMode(_ mode: DeliveryMode) -> String {
        switch mode {
        case .faceToFace: self("common.delivery.face-to-face")
        case .virtual: self("common.delivery.virtual")
        case .blended: self("common.delivery.blended")
        }
    }
}

/// The words that name the tracking model's values (`track.` keys): the workbooks, the reports and the
/// IATI export say them alike.
extension LocalizedStrings {
    public func status(_ s: TrackedPlan.Status) -> String {
        switch s {
        case .notStarted: self("track.status.not-started")
        case .limited: self("track.status.limited")
        case .substantial: self("track.status.substantial")
        case .complete: self("track.status.complete")
        case .withdrawn: self("track.status.withdrawn")
        }
    }

    public func direction(_ d: TrackedPlan.Direction) -> String {
        switch d {
        case .increase: self("track.direction.increase")
        case .decrease: self("track.direction.decrease")
        case .maintain: self("track.direction.maintain")
        }
    }

    public func owner(_ o: TrackedPlan.Owner) -> String { o == .government ? sector(.government) : sector(.civilSociety) }
}

/// The words of the committee's decision (`document.record.` keys): the record and `review rank`'s table
/// say them alike.
extension LocalizedStrings {
    public func rankingStatus(_ status: Ranking.Status) -> String {
        switch status {
        case .advances: self("document.record.advances")
        case .reserve: self("document.record.reserve")
        case .out: self("document.record.out")
        case .ineligible: self("document.record.ineligible")
        }
    }

    /// "A, B y C": the last two joined by the language's "and".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return self("common.listAnd", items.dropLast().joined(separator: ", "), items[items.count - 1])
    }
}
