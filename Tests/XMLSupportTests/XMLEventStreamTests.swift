import Foundation
import TequioModel
import XCTest

@testable import XMLSupport

/// The streamed parse keeps every protection of the tree parse.
final class XMLEventStreamTests: XCTestCase {
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        func start(_ name: XMLEventName, _ attributes: XMLEventAttributes) { events.append("<\(name.string) r=\(attributes["r"] ?? "-")") }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { events.append(String(decoding: bytes, as: UTF8.self)) }
        func end(_ name: XMLEventName) { events.append("/\(name.string)") }
    }

    func stream(_ xml: String, limits: XMLParseLimits = .init()) -> (Recorder, [Diagnostic]) {
        let recorder = Recorder()
        return (recorder, SafeXMLParser.stream(Data(xml.utf8), path: "s.xml", limits: limits, to: recorder))
    }

    func testEventsInOrderWithAttributesOutsideNamespacesOnly() {
        let (r, d) = stream(#"<a xmlns:x="urn:x"><c r="A1" x:r="no">v&amp;w</c></a>"#)
        XCTAssertEqual(d, [])
        XCTAssertEqual(r.events.joined(separator: "|"), "<a r=-|<c r=A1|v|&|w|/c|/a")
    }

    func testADoctypeStopsTheParseAndNoEntityIsRead() {
        let (r, d) = stream("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>")
        XCTAssertEqual(d.map(\.identifier), [XMLDiagnosticID.doctype.rawValue])
        XCTAssertFalse(r.events.joined().contains("root:"))
    }

    func testDepthTextSizeAndUTF8Limits() {
        XCTAssertEqual(stream("<a><b><c/></b></a>", limits: .init(maxDepth: 2)).1.map(\.identifier), [XMLDiagnosticID.tooDeep.rawValue])
        XCTAssertEqual(stream("<a>" + String(repeating: "x", count: 100) + "</a>", limits: .init(maxTextBytes: 10)).1.map(\.identifier), [XMLDiagnosticID.textTooLarge.rawValue])
        let bad = SafeXMLParser.stream(Data([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E]), path: "s.xml", to: Recorder())
        XCTAssertEqual(bad.map(\.identifier), [XMLDiagnosticID.notUTF8.rawValue])
        XCTAssertEqual(stream("<a><b></a>").1.first?.identifier, XMLDiagnosticID.malformed.rawValue)
    }
}
