import ArgumentParser
import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge members' copies of one table's matrix into one file; nothing anyone wrote is dropped.",
        discussion: """
            Members of a working table often fill the matrix on two or three laptops and bring back one \
            file each. `tequio merge` makes one completed-matrix file of them, matching rows by what they \
            say (as `tequio compare` does), so a row one member reworded and another left alone is one row.

            With --base (the draft every copy started from) the merge is three-way: a cell changed in one \
            copy takes that copy's text, changes to different cells combine, and a row removed in one copy \
            and left alone in the others is removed. Two different texts for the same cell are kept side by \
            side as a conflict (the first copy's text in the cell, every text as an <alternative>) for the \
            table to resolve in the player. Without --base every difference between the copies is a \
            conflict. Members are joined by name, rows added in any copy are added once, reviewers' notes \
            are kept. The result records the files it came from (<merged-from>) and is checked like any \
            matrix before it is written.

            Exit codes: 0 success (conflicts are listed, not errors), 65 invalid copies or copies of \
            different matrices, 64 bad usage, 74 a file could not be read or written.

            Examples:
              tequio merge ana.xml luis.xml -o mesa-1.xml --base mesa-1-borrador-2.xml
              tequio merge laptop-1.xml laptop-2.xml laptop-3.xml -o mesa-3.xml
            """)

    @Argument(help: ArgumentHelp("Two or more copies of one table's completed matrix.", valueName: "copy"))
    var copies: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The merged file to write.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The draft every copy started from: the merge becomes three-way.", valueName: "file"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("The module the copies belong to (default: modules/<module id>).", valueName: "module"))
    var module: String?

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard copies.count >= 2 else { throw ValidationError("give at least two copies to merge") }
        guard output.lowercased().hasSuffix(".xml") else { throw ValidationError("--output must name an .xml file, not '\(output)'") }
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let printer = DiagnosticPrinter()
        var reader = DraftReader(schemas: schemas, moduleFolder: module)
        reader.ordered = false
        let set = try reader.read((copies + (base.map { [$0] } ?? [])).map { URL(fileURLWithPath: $0) })
        printer.print(set.diagnostics)
        guard var read = set.drafts, let module = set.module else {
            throw CommandFailure.invalid("the copies have errors; nothing was written")
        }
        let baseCopy = base != nil ? read.removeLast() : nil
        let columns = module.matrix(id: read[0].matrix.matrixID)?.columns.map(\.id) ?? []
        let result = MatrixMerge.merge(
            read.map { MatrixMerge.Copy(source: Self.fileName($0.path), matrix: $0.matrix) },
            base: baseCopy.map { MatrixMerge.Copy(source: Self.fileName($0.path), matrix: $0.matrix) }, columns: columns)
        printer.print(result.warnings.map { Diagnostic.warning(MergeDiagnosticID.kept, $0, at: nil) })

        // What is written must read back as a valid matrix of the module, as `import` makes sure.
        let data = try CompletedMatrixWriter.data(result.merged, columnOrder: columns)
        let (again, problems) = CompletedMatrixReader(schemas: schemas).read(data, path: output)
        let checks = again.map { CompletedMatrixValidation.check($0, against: module) } ?? []
        guard again != nil, !(problems + checks).hasErrors else {
            printer.print(problems + checks)
            throw CommandFailure.invalid("the merged matrix does not read back as a valid matrix; nothing was written")
        }
        do {
            try OutputStage().write([OutputFile(url: URL(fileURLWithPath: output), content: .data(data))])
        } catch {
            throw CommandFailure.io("\(error)")
        }
        var conflicts: [Diagnostic] = []
        for (index, row) in result.merged.rows.enumerated() {
            for column in row.alternatives.keys.sorted() {
                let sources = row.alternatives[column]!.map(\.source).joined(separator: ", ")
                conflicts.append(
                    Diagnostic(.note, MergeDiagnosticID.conflict, "row \(index + 1), column '\(column)': different texts in \(sources), kept side by side", at: nil))
            }
        }
        printer.print(conflicts)
        Output.error("wrote \(output): \(read.count) copies merged, \(result.conflicts) cell\(result.conflicts == 1 ? "" : "s") with a conflict for the table to resolve")
    }

    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
