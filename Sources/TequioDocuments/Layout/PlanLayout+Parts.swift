import TequioModel

/// The parts of a plan and a compendium besides the matrix and the problem sections: the cover's
/// fields and the workshop, the members, the summary, the next steps and the approval block.
extension PlanLayout {
    /// A line left blank for a person to write on (a date, a name), and a shorter one inside a sentence.
    static let blank = "______________________________"
    static let inlineBlank = "____________________"

    /// One line of a summary: `key` finds the same line in every draft of a plan (`ComparisonLayout`).
    struct Line: Equatable {
        var key: String
        var label: String
        var value: String
    }

    static func fields(_ plan: ActionPlan, includeTable: Bool) -> [DocumentLayout.Block] {
        let s = plan.strings
        var result: [DocumentLayout.Block] = []
        if includeTable && !plan.tableName.isEmpty { result.append(.field(label: s.workingTable, value: LayoutText(plan.tableName))) }
        if !plan.municipality.isEmpty { result.append(.field(label: s.municipality, value: LayoutText(plan.municipality))) }
        result.append(.field(label: s.draft, value: LayoutText(String(plan.draft))))
        if let date = plan.modified { result.append(.field(label: s.date, value: LayoutText(s.longDate(date.calendarDate)))) }
        return result
    }

    /// The workshop on a cover: its days, place, organisers and donors (each only when the module gives it).
    static func eventFields(_ event: EventText, _ s: DocumentStrings) -> [DocumentLayout.Block] {
        var result: [DocumentLayout.Block] = []
        if let start = event.start, let end = event.end { result.append(.field(label: s.workshop, value: LayoutText(s.dateSpan(start, end)))) }
        if !event.place.isEmpty { result.append(.field(label: s.place, value: LayoutText(event.place))) }
        if !event.organisers.isEmpty { result.append(.field(label: s.organisers, value: LayoutText(event.organisers.joined(separator: ", ")))) }
        if !event.donors.isEmpty { result.append(.field(label: s.donors, value: LayoutText(event.donors.joined(separator: ", ")))) }
        return result
    }

    static func members(_ plan: ActionPlan) -> [DocumentLayout.Block] {
        guard !plan.memberGroups.isEmpty else { return [.paragraph(LayoutText(plan.strings.noMembers))] }
        var result: [DocumentLayout.Block] = []
        for group in plan.memberGroups {
            result.append(.groupLabel(LayoutText(group.label)))
            for m in group.members {
                let role = m.role?.trimmingWhitespace() ?? ""
                result.append(.member(name: LayoutText(m.name.trimmingWhitespace()), role: role.isEmpty ? nil : LayoutText(role)))
            }
        }
        return result
    }

    /// The plan in figures: problems, actions of each side, expected results, the first and last
    /// deadline and the responsible bodies the actions name, the members by sector, the draft and its date.
    static func summaryFields(_ plan: ActionPlan) -> [Line] {
        let s = plan.strings
        var lines = [
            Line(key: "problems", label: s.problems, value: String(plan.problemCount)),
            Line(key: "government", label: s.governmentActions, value: String(plan.governmentActionCount)),
            Line(key: "civil", label: s.civilSocietyActions, value: String(plan.civilSocietyActionCount)),
            Line(key: "results", label: s.expectedResults, value: String(plan.expectedResultCount)),
            Line(key: "deadlines", label: s.deadlines, value: deadlines(plan.firstDeadline, plan.lastDeadline, s) ?? s.noDeadlines),
            Line(key: "responsibles", label: s.responsibles, value: plan.responsibles.isEmpty ? s.noResponsibles : plan.responsibles.joined(separator: "; ")),
        ]
        let sectors = plan.memberGroups.map { s.sectorCount($0.label, $0.members.count) }
        if !sectors.isEmpty { lines.append(Line(key: "sectors", label: s.membersBySector, value: sectors.joined(separator: ", "))) }
        lines.append(Line(key: "draft", label: s.draft, value: s.draftAndDate(plan.draft, plan.modified.map { s.longDate($0.calendarDate) } ?? "")))
        return lines
    }

    /// A chapter's fields: the summary (its title names the table and the municipality), then the
    /// members, one line per sector ("Gobierno: Héctor Ruiz Santiago (Regidor…); Rosa Martínez López").
    static func chapterFields(_ plan: ActionPlan) -> [DocumentLayout.Block] {
        var result: [DocumentLayout.Block] = summaryFields(plan).filter { $0.key != "sectors" }.map {
            .field(label: $0.label, value: LayoutText($0.value))
        }
        result.append(.minorHeading(plan.strings.members))
        guard !plan.memberGroups.isEmpty else { return result + [.paragraph(LayoutText(plan.strings.noMembers))] }
        for group in plan.memberGroups {
            let people = group.members.map { m in
                let (name, role) = (m.name.trimmingWhitespace(), m.role?.trimmingWhitespace() ?? "")
                return role.isEmpty ? name : "\(name) (\(role))"
            }
            result.append(.field(label: group.label, value: LayoutText(people.joined(separator: "; "))))
        }
        return result
    }

    /// "de febrero de 2012 a octubre de 2012", or nil without deadlines.
    static func deadlines(_ first: MonthOfYear?, _ last: MonthOfYear?, _ s: DocumentStrings) -> String? {
        guard let first, let last else { return nil }
        return s.monthSpan(first, last)
    }

    /// What happens to the draft: who presents it and when it is reviewed, left blank to fill in.
    static func nextSteps(_ plan: ActionPlan) -> [DocumentLayout.Block] {
        let s = plan.strings
        return [
            .heading(level: 1, text: LayoutText(s.nextSteps), anchor: nil),
            .paragraph(LayoutText(s.nextStepsPlan)),
            .field(label: s.presentedBy, value: LayoutText(blank)),
            .field(label: s.presentationDate, value: LayoutText(blank)),
            .field(label: s.nextReview, value: LayoutText(blank)),
        ]
    }

    /// The members' approval: a sentence with the workshop's place and a date to fill in, kept with the
    /// table below it, which has a line to sign for each member (blank lines when the table listed none).
    static func approval(_ plan: ActionPlan) -> [DocumentLayout.Block] {
        let s = plan.strings
        let people = plan.memberGroups.flatMap(\.members).map { m in
            (LayoutText(m.name.trimmingWhitespace()), LayoutText(m.role?.trimmingWhitespace() ?? ""))
        }
        var table = signatureTable(people, s)
        table.lead = LayoutText(s.approvalPlan(place: place(plan.event), date: inlineBlank))
        return [.heading(level: 1, text: LayoutText(s.approval), anchor: nil), .table(table)]
    }

    /// The workshop's place, or a line to write it on.
    static func place(_ event: EventText) -> String { event.place.isEmpty ? inlineBlank : event.place }

    /// What the committee does with the compendium, after the chapters.
    static func committeeNextSteps(_ c: Compendium) -> [DocumentLayout.Block] {
        let s = c.strings
        return [
            .heading(level: 1, text: LayoutText(s.nextSteps), anchor: "tq-next"),
            .list(.numbered, [LayoutText](plain: s.committeeSteps(rubric: c.rubricTitle))),
            .field(label: s.committeeMeeting, value: LayoutText(blank)),
        ]
    }

    /// The committee's approval, after its next steps: the sentence with the place and a date to fill
    /// in, then a line to sign for each donor (the person's name left blank), or blank lines when the
    /// module names no donor.
    static func committeeApproval(_ c: Compendium) -> [DocumentLayout.Block] {
        let s = c.strings
        let people = c.event.donors.map { (LayoutText(""), LayoutText($0)) }
        var table = signatureTable(people, s)
        table.lead = LayoutText(s.approvalCommitteeText(c.plans.count, place: place(c.event), date: inlineBlank))
        return [.heading(level: 1, text: LayoutText(s.approvalCommittee), anchor: "tq-approval"), .table(table)]
    }
}
