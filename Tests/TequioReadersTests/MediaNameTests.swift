import Foundation
import TequioModel
import XCTest

@testable import TequioReaders

/// Media named as people name files: spaces, accents and emoji are accepted; a file whose name differs
/// only in letter case or in how its accents are encoded is named in the message.
final class MediaNameTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-media-\(UUID().uuidString)/valid")
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ModuleReaderTests.fixtures.appendingPathComponent("valid"), to: folder)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Renames `media/a.png` to `fileName` (in the folder) and names it `reference` in the module.
    func read(file fileName: String, reference: String) throws -> ModuleReadResult {
        try FileManager.default.moveItem(at: folder.appendingPathComponent("media/a.png"), to: folder.appendingPathComponent(fileName))
        let url = folder.appendingPathComponent("module.xml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "src=\"media/a.png\"", with: "src=\"\(reference.replacingOccurrences(of: "&", with: "&amp;"))\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return ModuleReader(schemas: ModuleReaderTests.schemas).read(folder)
    }

    func testSpacesAccentsAndEmojiAreAccepted() throws {
        let name = "media/fases año 🌊 (versión 2) & más.png"
        let result = try read(file: name, reference: name)
        XCTAssertEqual(result.diagnostics.map(\.formatted), [])
        XCTAssertEqual(result.mediaFiles, ["data/d.csv", name], "the referenced path is kept exactly as written")
    }

    func testAccentsEncodedDifferentlyAreNamed() throws {
        let nfc = "media/fases año.png"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertFalse(nfc.utf8.elementsEqual(nfd.utf8))
        let result = try read(file: nfd, reference: nfc)
        let d = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(d.identifier, ModuleDiagnosticID.missingFile.rawValue)
        XCTAssertTrue(d.message.contains("its accents are stored as separate marks (Unicode NFD, as on macOS)"), d.message)
        XCTAssertEqual(Set(result.diagnostics.compactMap(\.location?.line)), [29, 30], "both images, each at its line")
    }

    func testLetterCaseIsNamed() throws {
        let result = try read(file: "media/Fases.PNG", reference: "media/fases.png")
        let d = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(d.identifier, ModuleDiagnosticID.missingFile.rawValue)
        XCTAssertTrue(d.message.contains("there is 'media/Fases.PNG', but the letter case differs"), d.message)
    }

    func testTwoFilesWhoseNamesDifferOnlyInCaseAreRefused() throws {
        try FileManager.default.copyItem(at: folder.appendingPathComponent("media/a.png"), to: folder.appendingPathComponent("media/A.png"))
        let url = folder.appendingPathComponent("module.xml")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "<img src=\"media/a.png\" alt=\"Chart\"/>", with: "<img src=\"media/A.png\" alt=\"Chart\"/>")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let result = ModuleReader(schemas: ModuleReaderTests.schemas).read(folder)
        let d = try XCTUnwrap(result.diagnostics.first { $0.identifier == ModuleDiagnosticID.fileName.rawValue }, "\(result.diagnostics.map(\.formatted))")
        XCTAssertTrue(d.message.hasPrefix("'media/A.png' and 'media/a.png' are two files whose names differ only in letter case"), d.message)
        XCTAssertEqual(d.location?.line, 30)
        XCTAssertEqual(d.notes.first?.location?.line, 29)
    }
}
