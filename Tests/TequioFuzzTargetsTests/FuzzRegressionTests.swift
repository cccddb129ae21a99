import Foundation
import TequioFuzzTargets
import XCTest

/// Every input a fuzzer ever crashed, leaked or hung on (`Tests/Fuzz/Regressions/<target>/`), run
/// again through the same target: it must now come back with diagnostics instead of a crash. The seed
/// corpora (`Tests/Fuzz/Corpus/<target>/`) run too, so a seed that no longer reaches the reader (a
/// schema change, a moved fixture) shows up here rather than as a quietly weaker fuzzer.
final class FuzzRegressionTests: XCTestCase {
    static let fuzzFolder = FuzzEnvironment.root.appendingPathComponent("Tests/Fuzz")

    override class func setUp() {
        super.setUp()
        FuzzEnvironment.prepare()
    }

    func inputs(_ kind: String, _ target: FuzzTarget) -> [URL] {
        FuzzEnvironment.inputFiles(at: Self.fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.name))
    }

    func testEveryCrashingInputNowGetsADiagnostic() throws {
        var count = 0
        for target in FuzzTargets.all {
            for file in inputs("Regressions", target) {
                let started = Date()
                let outcome = target.run(try Data(contentsOf: file))
                XCTAssertFalse(outcome.diagnostics.isEmpty, "\(target.name): \(file.lastPathComponent) gave no diagnostic")
                XCTAssertLessThan(Date().timeIntervalSince(started), 10, "\(target.name): \(file.lastPathComponent) is slow again")
                count += 1
            }
        }
        print("replayed \(count) regression inputs")
    }

    func testEverySeedCorpusReachesItsReader() throws {
        for target in FuzzTargets.all {
            let seeds = inputs("Corpus", target)
            XCTAssertFalse(seeds.isEmpty, "\(target.name) has no seeds in Tests/Fuzz/Corpus/\(target.name)")
            var accepted = 0
            for file in seeds where target.run(try Data(contentsOf: file)).accepted { accepted += 1 }
            XCTAssertGreaterThan(accepted, 0, "no seed of \(target.name) is accepted: the fuzzer would only see refusals")
        }
    }

    func testTheBundleFormatSplitsFilesAtMarkers() {
        let input = Data("<module/>\n%%file units/a.xml\n<unit/>\n\n%%file ../x\nno\n%%file data/d.csv\na,b\n".utf8)
        let bundle = FuzzBundle(input, firstName: "module.xml")
        XCTAssertEqual(bundle.files.map(\.name), ["module.xml", "units/a.xml", "data/d.csv"])
        XCTAssertEqual(bundle.files.map { String(decoding: $0.data, as: UTF8.self) }, ["<module/>", "<unit/>\n", "a,b\n"])
        XCTAssertEqual(FuzzBundle(bundle.encoded(firstName: "module.xml"), firstName: "module.xml").files.map(\.data), bundle.files.map(\.data))
    }
}
