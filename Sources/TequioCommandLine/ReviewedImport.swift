import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// `tequio import` of reviewed plans (.docx, .odt): each becomes the next draft of its table's matrix.
/// Every file is read and checked first; the drafts are written only when all are valid, together.
struct ReviewedImport {
    let schemas: SchemaSet
    let module: Module
    let outputDirectory: URL
    let pending: ReviewImport.Pending

    struct Failure: Error {
        var diagnostics: [Diagnostic]
        var message: String
    }

    func run(_ paths: [String]) throws -> (written: [(URL, CompletedMatrix, String)], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var outputs: [(URL, CompletedMatrix, Data, String)] = []
        var failed = 0
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let display = DisplayPath.of(url)
            let at = SourceLocation(file: display)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure.io("\(path): no such file") }
            do {
                let tree: FileTree
                do {
                    tree = try SafeArchiveReader.read(url)
                } catch {
                    throw ReviewReadError(kind: .damaged, message: "\(display): not a readable DOCX or ODT (a damaged or unsafe zip): \(error)")
                }
                let reviewed = try url.pathExtension.lowercased() == "docx"
                    ? DocxReviewReader.read(tree, path: display) : OdtReviewReader.read(tree, path: display)
                let (located, found) = CompletedMatrixReader(schemas: schemas).read(reviewed.draft, path: "\(display)!draft")
                var problems = found
                if let located { problems += CompletedMatrixValidation.check(located, against: module) }
                guard let base = located?.matrix, !problems.hasErrors else {
                    diagnostics += problems
                    diagnostics.append(.error(ReviewedPlanDiagnosticID.wrongModule, "the draft inside this plan is not a valid matrix of module '\(module.id)' \(module.version)", at: at))
                    failed += 1
                    continue
                }
                let columns = module.matrix(id: base.matrixID)?.columns.map(\.id) ?? []
                let modified = try reviewed.modified.map(ReviewImport.isoDate).flatMap { $0.isEmpty ? nil : $0 }
                    ?? ImportTimestamp.string(ReviewRankCommand.now())
                let result = ReviewImport.nextDraft(reviewed, base: base, columns: columns, pending: pending, modified: modified, path: display)
                diagnostics += result.diagnostics
                let data = try CompletedMatrixWriter.data(result.matrix, columnOrder: columns)
                // What is written must read back as a valid matrix of the module, as every import makes sure.
                let (again, readProblems): (CompletedMatrixReader.Located?, [Diagnostic]) = CompletedMatrixReader(schemas: schemas).read(data, path: display)
                let checks = again.map { CompletedMatrixValidation.check($0, against: module) } ?? []
                guard again != nil, !(readProblems + checks).hasErrors else {
                    diagnostics += readProblems + checks
                    failed += 1
                    continue
                }
                outputs.append((outputDirectory.appendingPathComponent(CompletedMatrixWriter.fileName(result.matrix)), result.matrix, data, display))
            } catch let error as ReviewReadError {
                diagnostics.append(.error(error.kind == .damaged ? ReviewedPlanDiagnosticID.damaged : ReviewedPlanDiagnosticID.notAPlan, error.message, at: at))
                failed += 1
            }
        }
        guard failed == 0 else {
            throw Failure(diagnostics: diagnostics, message: "\(failed) of \(paths.count) reviewed documents could not be read; nothing was written")
        }
        do {
            try OutputStage().write(outputs.map { OutputFile(url: $0.0, content: .data($0.2)) })
        } catch {
            throw CommandFailure.io("\(error)")
        }
        return (outputs.map { ($0.0, $0.1, $0.3) }, diagnostics)
    }

}
