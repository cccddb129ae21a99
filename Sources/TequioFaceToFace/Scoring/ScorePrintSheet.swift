import TequioModel

/// One evaluator's score sheet for print, as one self-contained HTML file (its style inside, no
/// script, no other file): a page with the rubric, then a page per plan with boxes to tick for the
/// conflict of interest, the gates and each criterion's score, and lines for the justifications.
/// Every text goes through `HTMLBuilder`, which escapes it.
struct ScorePrintSheet {
    let workbook: ScoringWorkbook
    let paper: PaperSize

    static let style = """
        @page { size: PAGE; margin: 14mm 14mm 16mm 14mm; }
        html { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #1d2733;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        section.page { break-after: page; page-break-after: always; }
        section.page:last-child { break-after: auto; page-break-after: auto; }
        @media screen { section.page { max-width: 182mm; margin: 0 auto 12mm; padding: 8mm; border: 1px solid #9fb3c8; } }
        h1 { color: #1f4e79; font-size: 15pt; margin: 0 0 1.5mm; }
        h2 { color: #1f4e79; font-size: 11pt; margin: 3.5mm 0 1.5mm; break-after: avoid; }
        p { margin: 0 0 2mm; }
        .facts { color: #5b6876; }
        table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
        th, td { border: 0.6pt solid #9fb3c8; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
        th { background: #dde8f3; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .guidance { color: #5b6876; font-size: 8.5pt; display: block; }
        .boxes { white-space: nowrap; }
        .box { display: inline-block; min-width: 7mm; margin-right: 1.5mm; }
        .box::before { content: ""; display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.8pt solid #1d2733;
          vertical-align: -0.6mm; margin-right: 1mm; }
        .line { border-bottom: 0.6pt solid #9fb3c8; height: 6mm; }
        .justify { color: #c55a11; font-size: 8.5pt; }
        .criterion { display: flex; justify-content: space-between; gap: 4mm; }
        .sign { display: flex; gap: 8mm; margin-top: 6mm; }
        .sign div { flex: 1; border-bottom: 0.6pt solid #1d2733; height: 9mm; color: #5b6876; font-size: 8.5pt; }
        """

    func render() -> String {
        let round = workbook.round
        let s = workbook.strings
        var h = HTMLBuilder()
        h.startPage(
            language: round.language, title: "\(s.printTitle) · \(workbook.title)", style: Self.style.replacingOccurrences(of: "PAGE", with: paper.cssName))
        rubricPage(&h)
        for (i, plan) in round.plans.enumerated() {
            h.newline()
            planPage(&h, plan, number: i + 1)
        }
        h.endPage()
        return h.output
    }

    private func facts(_ h: inout HTMLBuilder) {
        let s = workbook.strings
        let round = workbook.round
        h.element("p", ["class": "facts"], text: "\(round.moduleTitle) · \(s.round): \(round.round) · \(s.evaluator): \(workbook.evaluator)")
    }

    private func rubricPage(_ h: inout HTMLBuilder) {
        let s = workbook.strings
        let round = workbook.round
        let rubric = round.rubric
        h.block("section", ["class": "page"]) { h in
            h.element("h1", text: "\(s.printTitle): \(round.rubricTitle)")
            facts(&h)
            h.element("p", text: s.intro(plans: round.plans.count, round: round.round, evaluator: workbook.evaluator))
            h.element("p", text: s.printHelp)
            h.element("h2", text: s.scale)
            h.element("p", text: workbook.scaleLegend)
            h.element("h2", text: s.criteria)
            h.block("table") { h in
                h.block("tr") { h in
                    for text in [s.criterion, s.weight, s.justify] { h.element("th", text: text) }
                }
                for criterion in rubric.criteria {
                    h.block("tr") { h in
                        h.block("td") { h in
                            h.element("strong", text: round.title(criterion))
                            h.element("span", ["class": "guidance"], text: round.text(criterion.guidance))
                        }
                        h.element("td", text: workbook.weight(criterion))
                        h.element("td", text: s.list(Array(criterion.justify)))
                    }
                }
            }
            if !rubric.gates.isEmpty {
                h.element("h2", text: s.gates)
                h.element("p", text: s.gatesHelp)
            }
            h.element("h2", text: s.conflict)
            h.element("p", text: s.conflictHelp)
            h.element("h2", text: s.plansToScore)
            h.block("table") { h in
                h.block("tr") { h in
                    for text in ["", s.table, s.municipality, s.draft] { h.element("th", text: text) }
                }
                for (i, plan) in round.plans.enumerated() {
                    h.block("tr") { h in
                        h.element("td", text: s.planSheetName(i + 1))
                        h.element("td", text: plan.table)
                        h.element("td", text: plan.municipality)
                        h.element("td", text: String(plan.draft))
                    }
                }
            }
        }
    }

    private func yesNo(_ h: inout HTMLBuilder) {
        let s = workbook.strings
        h.block("span", ["class": "boxes"]) { h in
            h.element("span", ["class": "box"], text: s.yes)
            h.element("span", ["class": "box"], text: s.no)
        }
    }

    private func planPage(_ h: inout HTMLBuilder, _ plan: ScoringRound.Plan, number: Int) {
        let s = workbook.strings
        let round = workbook.round
        let rubric = round.rubric
        h.block("section", ["class": "page"]) { h in
            let name = [plan.table, plan.municipality].first { !$0.isEmpty } ?? plan.id
            h.element("h1", text: "\(s.planSheetName(number)) · \(name)")
            h.element(
                "p", ["class": "facts"],
                text: "\(s.municipality): \(plan.municipality) · \(s.draft) \(plan.draft) · \(s.round): \(round.round) · \(s.evaluator): \(workbook.evaluator)")
            h.element("h2", text: s.conflict)
            h.block("table") { h in
                h.block("tr") { h in
                    h.element("td", text: s.conflictQuestion)
                    h.block("td", ["class": "boxes"]) { h in yesNo(&h) }
                }
            }
            h.element("p", ["class": "justify"], text: s.note)
            h.element("div", ["class": "line"], text: "")
            if !rubric.gates.isEmpty {
                h.element("h2", text: s.gates)
                h.block("table") { h in
                    for gate in rubric.gates {
                        h.block("tr") { h in
                            h.element("td", text: round.text(gate.question))
                            h.block("td", ["class": "boxes"]) { h in yesNo(&h) }
                        }
                    }
                }
            }
            h.element("h2", text: s.criteria)
            h.element("p", ["class": "facts"], text: s.scaleLegend(workbook.scaleLegend))
            h.block("table") { h in
                for criterion in rubric.criteria {
                    h.block("tr") { h in
                        h.block("td") { h in
                            h.block("div", ["class": "criterion"]) { h in
                                h.element("strong", text: "\(round.title(criterion)) (\(workbook.weight(criterion)))")
                                h.block("span", ["class": "boxes"]) { h in
                                    for value in round.scaleValues { h.element("span", ["class": "box"], text: value) }
                                }
                            }
                            if !criterion.justify.isEmpty {
                                h.element("span", ["class": "justify"], text: s.justifyFor(s.list(Array(criterion.justify))))
                            }
                            for _ in 0..<2 { h.element("div", ["class": "line"], text: "") }
                        }
                    }
                }
            }
            h.block("div", ["class": "sign"]) { h in
                h.element("div", text: s.signature)
                h.element("div", text: s.date)
            }
        }
    }
}
