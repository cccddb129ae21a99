import Foundation
import TequioModel
import XMLSupport

/// Bytes the parser has checked as UTF-8, as a string (through a buffer: the array overload takes
/// a slow generic path).
func utf8String(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

/// The text of a shared string (`<si>`) or an inline string (`<is>`) as it streams by: its plain `t`
/// or its runs' `t`, without phonetic runs (`rPh`).
struct RichTextCollector {
    private(set) var bytes: [UInt8] = []
    private var rootDepth = 0
    private var depth = 0
    private var inText = false
    private var phonetic = 0
    var isActive: Bool { rootDepth > 0 }

    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        rootDepth = 1
        depth = 1
    }

    mutating func start(_ name: XMLEventName) {
        depth += 1
        if name.is("rPh") { phonetic += 1 }
        // A `t` right under the string, or under one of its runs.
        inText = phonetic == 0 && name.is("t") && (depth == 2 || depth == 3)
    }

    mutating func text(_ piece: UnsafeBufferPointer<UInt8>) { if inText { bytes.append(contentsOf: piece) } }

    /// Ends an element; returns the string when it was the string's own element.
    mutating func end(_ name: XMLEventName) -> String? {
        inText = false
        if name.is("rPh") { phonetic -= 1 }
        depth -= 1
        guard depth == 0 else { return nil }
        rootDepth = 0
        return OOXMLText.unescape(utf8String(bytes))
    }
}

/// The shared strings part (`xl/sharedStrings.xml`), streamed.
final class SharedStringsStream: XMLEventHandler {
    private(set) var strings: [String] = []
    private var item = RichTextCollector()

    func start(_ name: XMLEventName, _ attributes: XMLEventAttributes) {
        if item.isActive { item.start(name) } else if name.is("si") { item.begin() }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { item.text(bytes) }

    func end(_ name: XMLEventName) {
        guard item.isActive else { return }
        if let s = item.end(name) { strings.append(s) }
    }
}

/// A worksheet part, streamed into a `Sheet`: rows and cells where their `r` puts them (or after the
/// previous one), each cell's value as `XLSXReader.cell` gives it, and the merged ranges.
final class WorksheetStream: XMLEventHandler {
    private(set) var sheet: Sheet
    private let sharedStrings: [String]
    private var rowIndex = -1
    private var nextRow = 0
    private var nextColumn = 0
    private var address: CellAddress?
    private var type = "n"
    private var value: [UInt8]?
    private var formula: [UInt8]?
    private var inline: String?
    private var collecting: Collecting = .none
    private var inlineText = RichTextCollector()

    private enum Collecting { case none, value, formula }

    init(name: String, sharedStrings: [String]) {
        sheet = Sheet(name: name)
        self.sharedStrings = sharedStrings
    }

    func start(_ name: XMLEventName, _ attributes: XMLEventAttributes) {
        if inlineText.isActive { return inlineText.start(name) }
        if name.is("c") {
            guard rowIndex >= 0 else { address = nil; return }
            let a = attributes["r"].flatMap { CellAddress(a1: $0) } ?? CellAddress(row: rowIndex, column: nextColumn)
            nextColumn = a.column + 1
            address = a
            type = attributes["t"] ?? "n"
            (value, formula, inline) = (nil, nil, nil)
        } else if name.is("v") {
            collecting = .value
            value = []
        } else if name.is("f") {
            collecting = .formula
            formula = []
        } else if name.is("is") {
            inlineText.begin()
        } else if name.is("row") {
            // `r` is 1-based; a value out of range skips the row (checked before `- 1`, which trapped
            // on r="-9223372036854775808").
            rowIndex = attributes["r"].flatMap(Int.init).map { (1...1_048_576).contains($0) ? $0 - 1 : -1 } ?? nextRow
            if rowIndex >= 0 { nextRow = rowIndex + 1 }
            nextColumn = 0
        } else if name.is("mergeCell") {
            if let range = attributes["ref"].flatMap({ CellRange(a1: $0) }) { sheet.merges.append(range) }
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch collecting {
        case .value: value?.append(contentsOf: bytes)
        case .formula: formula?.append(contentsOf: bytes)
        case .none: inlineText.text(bytes)
        }
    }

    func end(_ name: XMLEventName) {
        if inlineText.isActive {
            if let s = inlineText.end(name) { inline = s }
            return
        }
        collecting = .none
        if name.is("c"), let address {
            let cell = XLSXReader.cell(
                type: type, value: value.map(utf8String), formula: formula.map { "=" + utf8String($0) },
                inline: inline, sharedStrings: sharedStrings)
            if let cell { sheet.cells[address] = cell }
            self.address = nil
        } else if name.is("row") {
            rowIndex = -1
        }
    }
}
