import ArgumentParser
import Foundation
import TequioFaceToFace
import TequioModel
import TequioPackageCheck
import TequioReaders
import TequioWriters
import ZipSupport

struct TrackExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export tracked plans as an IATI 2.03 activity file for a donor to publish.",
        discussion: """
            One iati-activity per plan, identified as <reporting-org>-<plan id>; each commitment a result \
            with a completion indicator (the percentage of its milestones) and one indicator per expected \
            result, with its baseline and a period holding the target and the latest actual value, its \
            narrative and evidence links (docs/implementation.md). Only updates up to --as-of count. The \
            file is checked against the official IATI 2.03 schema (schemas/official/iati-2.03) and the \
            IATI rules the schema misses before it is written.

            Examples:
              tequio track export --iati seguimiento/ --reporting-org XM-DAC-44000 --reporting-org-name "Banco Mundial" --country MX
              tequio track export --iati seguimiento/*.xml --reporting-org MX-RFC-ABC123 -o publicar/actividades.xml
            """)

    @Flag(name: .long, help: "Write an IATI 2.03 activity file (the only export format).")
    var iati = false

    @Argument(help: ArgumentHelp("Tracking files, or folders of them.", valueName: "tracking"))
    var tracking: [String]

    @Option(name: .customLong("reporting-org"), help: ArgumentHelp("The publisher's IATI organisation identifier, such as XM-DAC-44000.", valueName: "id"))
    var reportingOrg: String

    @Option(name: .customLong("reporting-org-name"), help: ArgumentHelp("The publisher's name (default: its identifier).", valueName: "name"))
    var reportingOrgName: String?

    @Option(name: .customLong("reporting-org-type"), help: ArgumentHelp("The publisher's IATI OrganisationType code (default 40, multilateral).", valueName: "code"))
    var reportingOrgType: String = "40"

    @Option(name: .long, help: ArgumentHelp("The recipient country, ISO 3166-1 alpha-2 (MX).", valueName: "code"))
    var country: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The export's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The module, to check the tracking files belong to it (optional).", valueName: "dir"))
    var module: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String = "dist/tracking/iati-activities.xml"

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard iati else { throw ValidationError("say which export: --iati") }
        guard reportingOrg.range(of: "^[A-Z]{2}-[A-Za-z0-9]+(-[A-Za-z0-9._]+)+$", options: .regularExpression) != nil else {
            throw ValidationError("--reporting-org '\(reportingOrg)' is not an IATI organisation identifier such as XM-DAC-44000 or MX-RFC-ABC123")
        }
        guard reportingOrgType.range(of: "^[0-9]{2}$", options: .regularExpression) != nil else {
            throw ValidationError("--reporting-org-type '\(reportingOrgType)' is not an IATI OrganisationType code such as 10, 40 or 80")
        }
        if let country, country.range(of: "^[A-Z]{2}$", options: .regularExpression) == nil {
            throw ValidationError("--country '\(country)' is not an ISO 3166-1 alpha-2 code such as MX")
        }
        try TrackSetup.validate(asOf: asOf)
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let catalogue = try located.catalogue()
        let printer = DiagnosticPrinter()
        let module = try self.module.map { try CheckedPlans.module($0, schemas: schemas, printer: printer) }
        let plans = try TrackInputs.read(tracking, module: module, schemas: schemas, printer: printer)
        let day = try TrackSetup.day(asOf)
        let writer = IATIActivityWriter(
            reportingOrg: .init(ref: reportingOrg, name: reportingOrgName ?? reportingOrg, type: reportingOrgType), asOf: day, country: country,
            catalogue: catalogue)
        let url = URL(fileURLWithPath: output)
        let data: Data
        do {
            data = try writer.data(plans)
        } catch {
            throw CommandFailure.installation("cannot write \(DisplayPath.of(url)): \(error)")
        }
        let found = IATICheck.check(data, path: DisplayPath.of(url), schemas: OfficialSchemas(directory: located.officialSchemas)).filter { $0.severity == .error }
        guard found.isEmpty else {
            printer.print(found)
            throw CommandFailure.installation("the IATI file would not pass the IATI schema and rules (a bug in Tequio); nothing was written")
        }
        try OutputChecks.write([.data(data, to: url)], verify: nil)
        Output.error("wrote \(DisplayPath.of(url)) (\(plans.count) activit\(plans.count == 1 ? "y" : "ies"), \(plans.reduce(0) { $0 + $1.commitments.count }) results)")
    }
}
