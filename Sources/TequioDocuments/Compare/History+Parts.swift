import TequioModel

/// The plan's summary, a chapter's fields and the approval block across drafts, as `PlanLayout` lays
/// them out for one.
extension History {
    /// Each summary line revised draft by draft; a line only some drafts have is added or removed.
    func planSummary(except: Set<String> = []) -> [DocumentLayout.Block] {
        let lines = plans.map(PlanLayout.summaryFields)
        var keys: [String] = []
        for line in lines.flatMap({ $0 }) where !keys.contains(line.key) && !except.contains(line.key) { keys.append(line.key) }
        return keys.compactMap { key in
            let label = (lines.last!.first { $0.key == key } ?? lines.flatMap { $0 }.first { $0.key == key })!.label
            let value = texts.line { plan in PlanLayout.summaryFields(plan).first { $0.key == key }?.value ?? "" }
            return value.isEmpty ? nil : .field(label: label, value: value)
        }
    }

    /// As `PlanLayout.chapterFields`: the summary but the sectors' count, then a line per sector.
    func chapterFields() -> [DocumentLayout.Block] {
        var blocks = planSummary(except: ["sectors"])
        blocks.append(.minorHeading(newest.strings.members))
        let none = texts.line { $0.memberGroups.isEmpty ? $0.strings.noMembers : "" }
        if !none.isEmpty { blocks.append(.paragraph(none)) }
        for sector in CompletedMatrix.Sector.allCases {
            let line = texts.line { plan in
                PlanLayout.chapterFields(plan).compactMap { block -> String? in
                    guard case .field(let label, let value) = block, label == plan.strings.sector(sector) else { return nil }
                    return value.plain
                }.first ?? ""
            }
            if !line.isEmpty { blocks.append(.field(label: newest.strings.sector(sector), value: line)) }
        }
        return blocks
    }

    /// The members' signatures, the members added and removed as rows.
    func approval() -> [DocumentLayout.Block] {
        let s = newest.strings
        let plain = PlanLayout.approval(newest)
        guard case .table(var table) = plain.last else { return plain }
        table.rows = PlanLayout.signatureTable([], s).rows
        table.rowMarks = []
        let records = memberHistories.flatMap(\.records.records)
        if !records.isEmpty {
            table.rows = records.map { record in
                [changes.text(record["name"]), changes.text(record["role"])].map { $0.isEmpty ? [] : [$0] } + [[]]
            }
            table.rowMarks = records.map { changes.marks(inserted: $0.inserted, deleted: $0.deleted) }
        }
        return plain.dropLast() + [.table(table)]
    }
}
