import Foundation
import TequioModel
import TequioPackageCheck
import XCTest
import XMLSupport

@testable import TequioLMS

final class CMI5PackageTests: XCTestCase {
    static let ns = CMI5Writer.namespace

    func testCourseStructureIsValidAndComplete() throws {
        let tree = try CMI5Writer().render(LMSFixture.input)
        XCTAssertEqual(try LMSFixture.check(tree, as: .cmi5).diagnostics.map(\.formatted), [], "tequio check")
        let (_, _, files) = try LMSFixture.zipRoundTrip(tree)
        let document = try LMSFixture.parse(files["cmi5.xml"], "cmi5.xml")

        let module = LMSFixture.input.module
        let course = try XCTUnwrap(document.root.element(named: "course"))
        let aus = document.root.elements(named: "au")
        XCTAssertEqual(aus.count, 1, "one AU per module")
        let au = try XCTUnwrap(aus.first)
        for id in [course.attribute("id"), au.attribute("id")] {
            let id = try XCTUnwrap(id)
            XCTAssertNotNil(URL(string: id)?.scheme, "\(id) is an absolute IRI")
        }
        XCTAssertNotEqual(course.attribute("id"), au.attribute("id"))
        XCTAssertEqual(au.attribute("moveOn"), "Completed")

        // Titles and descriptions as one langstring per module language.
        for element in [course, au] {
            for field in ["title", "description"] {
                let langs = try XCTUnwrap(element.element(named: field)).elements(named: "langstring").compactMap { $0.attribute("lang") }
                XCTAssertEqual(langs, module.languages, "\(element.name) \(field)")
            }
        }
        let titles = course.element(named: "title")!.elements(named: "langstring").map(\.text)
        XCTAssertEqual(titles, module.languages.map { module.metadata.title[$0]! })

        // The AU's url is the player page, which loads the cmi5 runtime first and may reach the LRS.
        let url = try XCTUnwrap(au.element(named: "url")?.text)
        XCTAssertEqual(url, "index.html")
        let html = String(decoding: try XCTUnwrap(files[url]), as: UTF8.self)
        XCTAssertNotNil(files["lms/runtime-cmi5.js"])
        XCTAssertLessThan(
            try XCTUnwrap(html.range(of: "<script src=\"lms/runtime-cmi5.js\"></script>")).lowerBound,
            try XCTUnwrap(html.range(of: "player/player.js")).lowerBound)
        XCTAssertTrue(
            html.contains("default-src 'none'; connect-src 'self' http: https:; script-src 'self';"),
            "the CSP allows connections to the LMS and LRS and keeps everything else")
    }

    func testCSPRelaxationNeedsAKnownPolicy() throws {
        XCTAssertEqual(try PlayerPackage.allowingConnections("<p>no policy</p>"), "<p>no policy</p>")
        XCTAssertThrowsError(try PlayerPackage.allowingConnections(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">"))
        XCTAssertThrowsError(try PlayerPackage.injectScript("lms/x.js", into: "<html><body></body></html>"))
    }
}
