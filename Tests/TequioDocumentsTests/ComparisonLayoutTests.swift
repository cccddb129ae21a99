import Foundation
import TequioDocuments
import TequioModel
import XCTest

/// The comparison's promise, on the layout every writer renders: accepting every change gives the
/// newest draft's plan as `PlanLayout` lays it out, and rejecting every change the oldest's, for
/// random series of drafts (rows reworded, added, removed, reordered; actions added; members and
/// roles changed).
final class ComparisonLayoutTests: XCTestCase {
    /// The layout's text, paragraph by paragraph, once every change is accepted (or rejected); empty
    /// paragraphs left out, as a reader of the text sees them.
    static func text(_ layout: DocumentLayout, accept: Bool) -> [String] {
        func t(_ text: LayoutText) -> String { accept ? text.current : text.original }
        var result: [String] = []
        var inSummary = false
        for block in layout.blocks {
            switch block {
            case .minorHeading(let heading) where heading.hasPrefix("Cambios desde") || heading.hasPrefix("Changes since"):
                inSummary = true
                continue
            case .field: inSummary = false
            default: break
            }
            if inSummary { continue }
            switch block {
            case .kicker(let s), .title(let s), .coverText(let s), .minorHeading(let s): result.append(s)
            case .subtitle(let x), .groupLabel(let x), .paragraph(let x), .heading(_, let x, _): result.append(t(x))
            case .field(let label, let value): result.append(t(value).isEmpty ? "" : "\(label): \(t(value))")
            case .member(let name, let role):
                let r = role.map(t) ?? ""
                result.append(t(name) + (r.isEmpty ? "" : " — \(r)"))
            case .list(_, let items): result += items.map(t)
            case .table(let table):
                if let lead = table.lead { result.append(t(lead)) }
                result += table.header
                result += table.rows.flatMap { $0.flatMap { $0.map(t) } }
            case .contents(let entries): result += entries.map(\.text)
            case .drawing(let d): result.append(d.text)
            case .logo, .pageBreak, .orientation, .chart: break
            case .figure(let f): result.append(f.description)
            }
        }
        return result.filter { !$0.isEmpty }
    }

    func testAcceptingAndRejectingGiveTheNewestAndOldestPlansForRandomDrafts() throws {
        let module = Fixtures.module
        var generator = DraftGenerator(seed: 2013)
        let phrases = ["el calendario de tandeo", "¿quién paga?", "publicar cada mes", "comité de colonia", "la presidencia municipal", "sin aviso"]
        for round in 0..<25 {
            var matrix = try Fixtures.matrix(
                Fixtures.packageRoot.appendingPathComponent("examples/matrices/oaxaca-agua-mesa-1-santa-lucia-del-camino-2012-03-14.xml"))
            matrix.draft = 1
            var drafts = [matrix]
            for number in 2...Int.random(in: 2...4, using: &generator) {
                var next = drafts.last!
                next.draft = number
                next.modified = "2012-0\(number)-01T10:00:00Z"
                for i in next.rows.indices {
                    for column in Array(next.rows[i].cells.keys) where Int.random(in: 0..<4, using: &generator) == 0 {
                        var lines = next.rows[i].cells[column]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                        switch Int.random(in: 0..<3, using: &generator) {
                        case 0: lines.insert(phrases.randomElement(using: &generator)!, at: Int.random(in: 0...lines.count, using: &generator))
                        case 1 where lines.count > 1: lines.remove(at: Int.random(in: 0..<lines.count, using: &generator))
                        default: lines[0] = phrases.randomElement(using: &generator)! + " " + lines[0]
                        }
                        next.rows[i].cells[column] = lines.joined(separator: "\n")
                    }
                }
                if Int.random(in: 0..<3, using: &generator) == 0, next.rows.count > 1 { next.rows.remove(at: Int.random(in: 0..<next.rows.count, using: &generator)) }
                if Int.random(in: 0..<3, using: &generator) == 0, next.rows.count > 1 { next.rows.swapAt(0, next.rows.count - 1) }
                if Int.random(in: 0..<3, using: &generator) == 0 {
                    next.rows.append(.init(cells: ["problem": phrases.randomElement(using: &generator)!, "government-actions": "1. \(phrases[0])\n2. \(phrases[2])"]))
                }
                if Int.random(in: 0..<3, using: &generator) == 0, !next.members.isEmpty {
                    next.members[0].role = Bool.random(using: &generator) ? nil : phrases.randomElement(using: &generator)
                }
                if Int.random(in: 0..<4, using: &generator) == 0 { next.members.append(.init(name: "Lucía Méndez", sector: .other)) }
                drafts.append(next)
            }
            let plans = drafts.map { ActionPlan(matrix: $0, module: module, catalogue: Fixtures.catalogue) }
            let layout = ComparisonLayout.layout(plans)
            XCTAssertEqual(Self.text(layout, accept: true), Self.text(PlanLayout.layout(plans.last!), accept: true))
            XCTAssertEqual(Self.text(layout, accept: false), Self.text(PlanLayout.layout(plans[0]), accept: true))
            // A compendium's chapter, in each layout (every third series: a history costs time).
            guard round % 3 == 0 else { continue }
            let content = ContentLayout.allCases[Int.random(in: 0..<3, using: &generator)]
            var chapter = layout
            chapter.blocks = ComparisonLayout.chapter(plans, number: 1, content: content)
            var newest = layout, oldest = layout
            newest.blocks = PlanLayout.chapter(plans.last!, number: 1, content: content)
            oldest.blocks = PlanLayout.chapter(plans[0], number: 1, content: content)
            XCTAssertEqual(Self.text(chapter, accept: true), Self.text(newest, accept: true), "\(content)")
            XCTAssertEqual(Self.text(chapter, accept: false), Self.text(oldest, accept: true), "\(content)")
        }
    }

    /// Every paragraph is kept, added or removed as a whole: no line break changes on its own.
    func testLineBreaksChangeOnlyWithWholeLines() {
        var text = RevisedText("Publicar el calendario.\nAbrir una línea de quejas.\nInformar en la radio.")
        text.revise(to: "Publicar el calendario cada mes.\nInformar en la radio comunitaria.\nCrear un comité.", step: 1)
        XCTAssertEqual(text.current, "Publicar el calendario cada mes.\nInformar en la radio comunitaria.\nCrear un comité.")
        XCTAssertEqual(text.original, "Publicar el calendario.\nAbrir una línea de quejas.\nInformar en la radio.")
        let layout = LayoutText.paragraphs(of: text) { $0.map { LayoutText.Change(author: "t", date: nil, isMove: $0.isMove) } }
        XCTAssertEqual(layout.map(\.current), ["Publicar el calendario cada mes.", "", "Informar en la radio comunitaria.", "Crear un comité."])
        XCTAssertEqual(layout.map(\.original), ["Publicar el calendario.", "Abrir una línea de quejas.", "Informar en la radio.", ""])
        // The removed line's mark goes with it; the added last line's comes from the line before.
        XCTAssertNotNil(layout[1].paragraphMark.deleted)
        XCTAssertNotNil(layout[2].paragraphMark.inserted)
    }
}

/// SplitMix64, as in the model tests: the same drafts on every machine.
struct DraftGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
