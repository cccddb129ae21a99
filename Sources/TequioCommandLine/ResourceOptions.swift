import ArgumentParser

/// Options every command that needs schemas or templates accepts.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use templates from DIR instead of the installed ones.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Use Tequio's RELAX NG schemas from DIR.", valueName: "dir"))
    var schemas: String?

    func locate() throws -> ResourceLocator {
        try ResourceLocator.locate(templatesOverride: templates, schemasOverride: schemas)
    }
}
