import CLibXML2
import Foundation

/// Writes XML through libxml2's text writer. Text and attribute values are escaped by construction and
/// characters outside XML 1.0 are removed, so the output always parses again.
///
/// ```swift
/// let w = XMLWriter()
/// w.start("w:document", ["xmlns:w": ns])
/// w.element("w:t", text: "Agua & transparencia")
/// w.end()
/// let data = try w.finish()
/// ```
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false
    private var finished = false

    /// - Parameters:
    ///   - declaration: write `<?xml version="1.0" encoding="UTF-8"?>` (with `standalone="yes"` if asked).
    ///   - indent: indent nested elements (only for elements without mixed content).
    public init(declaration: Bool = true, standalone: Bool = false, indent: Bool = false) {
        XMLLibrary.initialize()
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        if declaration {
            check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", standalone ? "yes" : nil))
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element. Attributes are written in the order given; `nil` values are skipped.
    public func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        check(xmlTextWriterStartElement(writer, name))
        for (key, value) in attributes {
            if let value { attribute(key, value) }
        }
    }

    /// Adds an attribute to the element just opened.
    public func attribute(_ name: String, _ value: String) {
        check(xmlTextWriterWriteAttribute(writer, name, XMLText.sanitized(value)))
    }

    public func text(_ text: String) {
        guard !text.isEmpty else { return }
        check(xmlTextWriterWriteString(writer, XMLText.sanitized(text)))
    }

    /// Closes the innermost open element (`<a/>` when it is empty).
    public func end() { check(xmlTextWriterEndElement(writer)) }

    /// Closes the innermost open element with an end tag even when it is empty.
    public func endFull() { check(xmlTextWriterFullEndElement(writer)) }

    /// `<name attributes…>text</name>`, or `<name …/>` without text.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String? = nil) {
        start(name, attributes)
        if let text { self.text(text) }
        end()
    }

    public func comment(_ text: String) {
        check(xmlTextWriterWriteComment(writer, XMLText.sanitized(text).replacingOccurrences(of: "--", with: "- -")))
    }

    /// Closes every open element and returns the document's bytes.
    public func finish() throws -> Data {
        if !finished {
            check(xmlTextWriterEndDocument(writer))
            check(xmlTextWriterFlush(writer))
            finished = true
        }
        guard !failed else { throw XMLWriterError() }
        let length = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: length)
    }

    private func check(_ result: Int32) { if result < 0 { failed = true } }
}

public struct XMLWriterError: Error, CustomStringConvertible {
    public var description: String { "libxml2 could not write the XML document" }
}

/// Text made safe for XML 1.0.
public enum XMLText {
    /// A fast byte scan: false means every character is allowed. Forbidden characters are C0 controls
    /// other than tab, LF and CR (bytes below 0x20) and U+FFFE/U+FFFF (UTF-8 `EF BF BE`/`EF BF BF`).
    static func mayHaveForbiddenCharacters(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 ? ($0 != 0x09 && $0 != 0x0A && $0 != 0x0D) : $0 == 0xEF }
    }

    /// True for characters XML 1.0 allows: tab, line feed, carriage return, U+0020–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` without the characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF).
    public static func sanitized(_ text: String) -> String {
        if !mayHaveForbiddenCharacters(text) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }
}
