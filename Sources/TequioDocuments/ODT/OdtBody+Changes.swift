import Foundation
import TequioModel
import XMLSupport

/// Tracked changes in the body: marks where each change is, in the order `OdtChanges.collect` listed
/// their regions.
extension OdtBody {
    /// Text with its changes: inserted runs between `text:change-start` and `text:change-end`, a
    /// `text:change` where deleted text was (the text itself is in its region).
    func content(_ text: LayoutText) {
        for run in text.runs {
            switch (run.marks.inserted, run.marks.deleted) {
            case (nil, nil) where run.strong:
                w.start("text:span", ["text:style-name": "Strong_20_Emphasis"])
                content(run.text)
                w.end()
            case (nil, nil): content(run.text)
            case (.some, nil):
                let id = nextChange()
                w.element("text:change-start", ["text:change-id": id])
                content(run.text)
                w.element("text:change-end", ["text:change-id": id])
            case (nil, .some): w.element("text:change", ["text:change-id": nextChange()])
            case (.some, .some): break  // in neither the oldest nor the newest text (see OdtChanges)
            }
        }
    }

    /// Closes the paragraph `text` ends, with the change to its paragraph mark: an inserted mark's
    /// region runs on into the next paragraph, a deleted one is marked where the break was.
    func endParagraph(_ text: LayoutText) {
        let mark = text.paragraphMark
        if mark.inserted != nil {
            let id = nextChange()
            w.element("text:change-start", ["text:change-id": id])
            s.openInsertion = id
        }
        if mark.deleted != nil { w.element("text:change", ["text:change-id": nextChange()]) }
        w.end()
    }

    func endOpenInsertion() {
        guard let id = s.openInsertion else { return }
        w.element("text:change-end", ["text:change-id": id])
        s.openInsertion = nil
    }

    func nextChange() -> String {
        defer { s.changes += 1 }
        return OdtChanges.id(s.changes)
    }
}
