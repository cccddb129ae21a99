import Foundation
import TequioModel
import XCTest

@testable import TequioWriters

/// `tequio build --audience`: the participant's player leaves out the slides' speaker notes, a facilitator's keeps
/// them, and the two are written under different names.
final class AudienceTests: XCTestCase {
    static let note = "Abra preguntando quién ha participado"

    func moduleData(_ audience: Audience) throws -> String {
        var input = try WebPlayerWriterTests.exampleInput()
        input.audience = audience
        return String(decoding: try WebPlayerWriter().render(input)["player/module-data.js"]!, as: UTF8.self)
    }

    func testTheParticipantsPlayerHasNoSpeakerNotesAndTheFacilitatorsHasThem() throws {
        XCTAssertEqual(try WebPlayerWriterTests.exampleInput().audience, .participant, "participants by default")
        XCTAssertFalse(try moduleData(.participant).contains(Self.note))
        XCTAssertTrue(try moduleData(.facilitator).contains(Self.note))
    }

    func testOnlyWhatNotesAreIsLeftOut() throws {
        let module = try WebPlayerWriterTests.exampleInput().module
        var expected = module
        for u in expected.units.indices {
            for b in expected.units[u].blocks.indices {
                if case .presentation(var p) = expected.units[u].blocks[b] {
                    p.slides = p.slides.map { Slide(id: $0.id, title: $0.title, content: $0.content) }
                    expected.units[u].blocks[b] = .presentation(p)
                }
            }
        }
        XCTAssertEqual(Audience.participant.module(module), expected)
        XCTAssertEqual(Audience.facilitator.module(module), module)
    }

    func testAFacilitatorsPlayerHasItsOwnName() throws {
        let module = try WebPlayerWriterTests.exampleInput().module
        XCTAssertEqual(BuildTarget.web.archiveName(for: module), "oaxaca-agua-1.0.0-web.zip")
        XCTAssertEqual(BuildTarget.web.archiveName(for: module, audience: .facilitator), "oaxaca-agua-1.0.0-web-facilitator.zip")
        XCTAssertEqual(BuildTarget.scorm2004.archiveName(for: module, audience: .facilitator), "oaxaca-agua-1.0.0-scorm2004-facilitator.zip")
        XCTAssertEqual(BuildTarget.epub.archiveName(for: module, audience: .facilitator), "oaxaca-agua-1.0.0.epub")
        XCTAssertEqual(BuildTarget.print.archiveName(for: module, audience: .facilitator), "oaxaca-agua-1.0.0-print.zip")
    }
}
