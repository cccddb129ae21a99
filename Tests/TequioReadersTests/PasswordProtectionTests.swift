import Foundation
import XCTest
import ZipSupport

@testable import TequioReaders

/// `PasswordProtection` on files made by Excel-compatible encryption (msoffcrypto-tool) and by
/// LibreOffice (see Fixtures/password-protected/README.md).
final class PasswordProtectionTests: XCTestCase {
    static let folder = ModuleReaderTests.fixtures.appendingPathComponent("password-protected")

    func inspect(_ name: String) -> PasswordProtection.Finding? {
        PasswordProtection.inspect(fileAt: Self.folder.appendingPathComponent(name))
    }

    func testEncryptedOfficeOpenXMLIsAnOLEFileWithAnEncryptedPackage() {
        XCTAssertEqual(inspect("excel-agile.xlsx"), .encryptedOfficeOpenXML)
        XCTAssertEqual(inspect("word-agile.docx"), .encryptedOfficeOpenXML)
        XCTAssertEqual(inspect("excel-agile.xlsx")?.isPasswordProtected, true)
    }

    func testAnOldBinaryOfficeFileIsNotCalledPasswordProtected() {
        XCTAssertEqual(inspect("legacy-excel-97.xls"), .legacyBinaryOffice)
        XCTAssertEqual(inspect("legacy-excel-97.xls")?.isPasswordProtected, false)
    }

    func testZipsAndMissingFilesAreNotFindings() {
        XCTAssertNil(inspect("plain.xlsx"))
        XCTAssertNil(inspect("libreoffice.ods"), "an encrypted ODF file is a zip: its manifest tells")
        XCTAssertNil(inspect("no-such-file.xlsx"))
        XCTAssertNil(PasswordProtection.inspect(Data("PK\u{3}\u{4}".utf8)))
    }

    func testTheDirectoryIsReadNotGuessed() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("excel-agile.xlsx"))
        let names = try XCTUnwrap(OLEDirectory.streamNames(data))
        XCTAssertTrue(names.contains("EncryptedPackage") && names.contains("EncryptionInfo"), "\(names)")
        // A truncated file still starts with the signature: the scan finds the stream name if it is there.
        XCTAssertEqual(PasswordProtection.inspect(data.prefix(600)), .legacyBinaryOffice)
        XCTAssertEqual(PasswordProtection.inspect(Data(PasswordProtection.oleSignature)), .legacyBinaryOffice)
    }

    func testAnEncryptedODFManifest() throws {
        let manifest = try XCTUnwrap(Self.entry("META-INF/manifest.xml", of: Self.folder.appendingPathComponent("libreoffice.ods")))
        XCTAssertEqual(PasswordProtection.inspect(odfManifest: manifest), .encryptedOpenDocument)
        let plain = #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#
        XCTAssertNil(PasswordProtection.inspect(odfManifest: Data(plain.utf8)))
    }

    func testTheAdviceSaysHowToFixIt() {
        XCTAssertTrue(PasswordProtection.advice(.encryptedOfficeOpenXML, fileKind: ".xlsx").contains("protected with a password"))
        XCTAssertTrue(PasswordProtection.advice(.encryptedOpenDocument, fileKind: ".ods").contains("“Save with password” unticked"))
        XCTAssertTrue(PasswordProtection.advice(.legacyBinaryOffice, fileKind: ".xlsx").contains("save it as .xlsx"))
    }

    static func entry(_ name: String, of zip: URL) -> Data? {
        (try? SafeArchiveReader.read(zip, limits: ArchiveLimits()))?[name]
    }
}
