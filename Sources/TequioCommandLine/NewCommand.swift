import ArgumentParser
import Foundation
import TequioReaders

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new bilingual (Spanish and English) module that passes `tequio check`.",
        discussion: """
            Copies the new-module template to DIR/<id> (default: modules/<id>), filling in the id, the \
            title and the author. The folder must not exist yet. Edit module.xml, then run \
            `tequio check` on the folder.

            Examples:
              tequio new agua-huajuapan
              tequio new agua-huajuapan --title "Agua y transparencia en Huajuapan" --author "Ana Pérez"
              tequio new taller-2027 --output ~/cursos
            """)

    @Argument(help: ArgumentHelp("Module id: lowercase letters, digits and hyphens, e.g. agua-huajuapan.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Folder in which the module folder is created.", valueName: "dir"))
    var output: String = "modules"

    @Option(name: .long, help: "Module title (both languages; translate the English one later).")
    var title: String?

    @Option(name: .long, help: "Author name.")
    var author: String = "Equipo docente"

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw ValidationError("module id '\(id)' must use lowercase letters, digits and hyphens, and start with a letter or digit")
        }
    }

    func run() throws {
        let located = try resources.locate()
        let template = located.templates.appendingPathComponent("new-module")
        let target = URL(fileURLWithPath: output).appendingPathComponent(id)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CommandFailure.io("\(DisplayPath.of(target)) already exists; choose another id or --output")
        }
        let values = [
            "id": id, "title": XMLEscape.text(title ?? "Nuevo módulo: \(id)"), "author": XMLEscape.text(author),
            "path": DisplayPath.of(target),
        ]
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(id).new-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: staging.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: template, to: staging)
            let moduleFile = staging.appendingPathComponent("module.xml")
            var text = try String(contentsOf: moduleFile, encoding: .utf8)
            for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
            try Data(text.utf8).write(to: moduleFile)
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw CommandFailure.io("cannot create \(DisplayPath.of(target)): \(error.localizedDescription)")
        }
        Output.error("created \(DisplayPath.of(target))/module.xml — check it with: tequio check \(DisplayPath.of(target))")
    }
}

/// Escapes text for XML templates filled by string substitution.
enum XMLEscape {
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
