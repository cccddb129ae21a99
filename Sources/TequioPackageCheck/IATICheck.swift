import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// An IATI activity file (ours, from `tequio track export --iati`, or anyone's) against the official IATI
/// 2.03 schema, and the rules of IATI's standard ruleset the schema does not catch: each activity's
/// identifier starts with its reporting organisation's and appears once; planned and actual dates come in
/// order and actual dates are not after the file was generated; every result period starts before it ends.
public enum IATICheck {
    public static func check(_ url: URL, schemas: OfficialSchemas) -> [Diagnostic] {
        check(SafeXMLParser.parseFile(url, displayPath: DisplayPath.of(url), limits: .init(maxFileBytes: 256 << 20)), schemas: schemas)
    }

    public static func check(_ data: Data, path: String, schemas: OfficialSchemas) -> [Diagnostic] {
        check(SafeXMLParser.parse(data, path: path, limits: .init(maxFileBytes: 256 << 20)), schemas: schemas)
    }

    static func check(_ parsed: XMLParseResult, schemas: OfficialSchemas) -> [Diagnostic] {
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return diagnostics }
        switch schemas.schema(.iati) {
        case .success(let schema): diagnostics += schema.validate(document)
        case .failure(let unavailable): diagnostics.append(.error(PackageDiagnosticID.schemaUnavailable, unavailable.message, at: root.location))
        }
        guard root.name == "iati-activities" else { return diagnostics }
        let generated = root.attribute("generated-datetime").flatMap { CalendarDate(iso: String($0.prefix(10))) }
        var identifiers: [String: SourceLocation] = [:]
        func rule(_ message: String, _ e: XMLElement) { diagnostics.append(.error(TrackDiagnosticID.iatiRule, message, at: e.location)) }
        for activity in root.elements(named: "iati-activity") {
            let id = activity.element(named: "iati-identifier")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let ref = activity.element(named: "reporting-org")?.attribute("ref") ?? ""
            if !ref.isEmpty && !id.hasPrefix(ref + "-") {
                rule("the iati-identifier '\(id)' does not start with the reporting organisation's identifier '\(ref)-'", activity)
            }
            if let other = identifiers[id] {
                rule("the iati-identifier '\(id)' is used twice (first at line \(other.line))", activity)
            } else {
                identifiers[id] = activity.location
            }
            var dates: [String: CalendarDate] = [:]
            for d in activity.elements(named: "activity-date") {
                guard let type = d.attribute("type"), let day = d.attribute("iso-date").flatMap({ CalendarDate(iso: String($0.prefix(10))) }) else { continue }
                dates[type] = day
                if (type == "2" || type == "4"), let generated, day > generated {
                    rule("the actual date \(day.iso) (activity-date type \(type)) is after the file was generated (\(generated.iso))", d)
                }
            }
            for (start, end) in [("1", "3"), ("2", "4")] {
                if let s = dates[start], let e = dates[end], e < s { rule("activity-date type \(end) (\(e.iso)) is before type \(start) (\(s.iso))", activity) }
            }
            for result in activity.elements(named: "result") {
                for indicator in result.elements(named: "indicator") {
                    for period in indicator.elements(named: "period") {
                        let s = period.element(named: "period-start")?.attribute("iso-date").flatMap { CalendarDate(iso: String($0.prefix(10))) }
                        let e = period.element(named: "period-end")?.attribute("iso-date").flatMap { CalendarDate(iso: String($0.prefix(10))) }
                        if let s, let e, e < s { rule("a result period ends (\(e.iso)) before it starts (\(s.iso))", period) }
                    }
                }
            }
        }
        return diagnostics
    }
}
