import Foundation
import TequioModel
import TequioReaders

/// `ModuleReader.read` on a module folder, with XInclude, media references and CSV data.
///
/// The input is a `FuzzBundle` whose first file is `module.xml`; the other files (`units/a.xml`,
/// `data/d.csv`, `media/x.png`) are written beside it into a fresh folder on every run. The folder
/// also holds traps that must never be read through: `link-outside.xml` and `media/link-outside.png`
/// are symlinks to files outside the module folder, `linkdir` is a symlink to the folder above it,
/// and `../outside.xml` is a valid unit outside the folder. Checked: a refused module has an error;
/// every XML file read and every media or data file referenced is inside the module folder.
enum ModuleTarget {
    static let target = FuzzTarget(
        name: "module", summary: "module folder (module.xml + XInclude units, media, CSV data) via ModuleReader",
        options: ["-max_len=131072"], run: run)

    static let outsideUnit = """
        <unit xmlns="urn:tequio:module:1" id="fuera" day="1" minutes="10">
          <title xml:lang="es">Fuera</title><title xml:lang="en">Outside</title>
        </unit>
        """

    private static let base: URL = {
        let base = FuzzEnvironment.scratch("module")
        FuzzEnvironment.write(Data(outsideUnit.utf8), to: base.appendingPathComponent("outside.xml"))
        FuzzEnvironment.write(Data("a,b\n1,2\n".utf8), to: base.appendingPathComponent("outside.csv"))
        return base
    }()

    static func run(_ data: Data) -> FuzzOutcome {
        let folder = FuzzEnvironment.emptied(base.appendingPathComponent("m", isDirectory: true))
        FuzzBundle(data, firstName: ModuleReader.entryFileName).write(into: folder)
        let manager = FileManager.default
        try? manager.createDirectory(at: folder.appendingPathComponent("media"), withIntermediateDirectories: true)
        try? manager.createSymbolicLink(atPath: folder.appendingPathComponent("link-outside.xml").path, withDestinationPath: "../outside.xml")
        try? manager.createSymbolicLink(atPath: folder.appendingPathComponent("media/link-outside.png").path, withDestinationPath: "../../outside.csv")
        try? manager.createSymbolicLink(atPath: folder.appendingPathComponent("linkdir").path, withDestinationPath: "..")

        let threads = FuzzEnvironment.threadCount()
        let result = ModuleReader(schemas: FuzzEnvironment.schemas).read(folder)
        FuzzEnvironment.waitForThreads(toReturnTo: threads)
        let accepted = result.module != nil
        FuzzCheck.refusalHasError(accepted, result.diagnostics, "ModuleReader")
        FuzzCheck.require(!accepted || !result.diagnostics.hasErrors, "ModuleReader returned a module with errors")

        let realRoot = folder.resolvingSymlinksInPath().path + "/"
        let cwd = manager.currentDirectoryPath
        for file in result.files {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : URL(fileURLWithPath: cwd).appendingPathComponent(file)
            let real = url.resolvingSymlinksInPath().path
            FuzzCheck.require(real.hasPrefix(realRoot), "ModuleReader read \(file) (\(real)), outside the module folder")
        }
        for media in result.mediaFiles {
            let real = folder.appendingPathComponent(media).resolvingSymlinksInPath().path
            FuzzCheck.require(real.hasPrefix(realRoot), "the module references \(media) (\(real)), outside the module folder")
        }
        return FuzzOutcome(accepted: accepted, diagnostics: result.diagnostics)
    }
}
