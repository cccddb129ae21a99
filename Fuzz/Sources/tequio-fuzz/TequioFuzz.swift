import Foundation
import TequioFuzzTargets

// One binary for every target in `FuzzTargets.all`; `TEQUIO_FUZZ_TARGET=NAME` picks one (scripts/fuzz
// sets it). `TEQUIO_FUZZ_TARGET=list` prints the names, and `TEQUIO_FUZZ_OPTIONS=1` prints the
// target's libFuzzer options, both without fuzzing.

#if FUZZING
    nonisolated(unsafe) private var selected: FuzzTarget?

    @_cdecl("LLVMFuzzerInitialize")
    public func initialize(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        // getenv, not ProcessInfo: the early exits below would otherwise "leak" its dictionary.
        let name = getenv("TEQUIO_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        if name == "list" {
            for target in FuzzTargets.all { print("\(target.name)\t\(target.summary)") }
            fflush(nil)
            exit(0)
        }
        guard let target = FuzzTargets.named(name) else {
            let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("tequio-fuzz: set TEQUIO_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        if getenv("TEQUIO_FUZZ_OPTIONS").map({ String(cString: $0) }) == "1" {
            print(target.options.joined(separator: " "))
            fflush(nil)
            exit(0)
        }
        FuzzEnvironment.prepare()
        _ = target.run(Data())  // set up what the target shares (schemas, example module) before fuzzing
        selected = target
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        _ = selected!.run(Data(bytes: data, count: size))
        return 0
    }

    // SwiftPM links every executable with `main` defined as `<module>_main` (so that tests can link
    // executable modules), which hides libFuzzer's own `main`; this one hands over to libFuzzer's driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("tequio_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
    }
#else
    /// Replays files (or every file in folders) through a target and prints what it said.
    @main
    struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTargets.named(name) else {
                print("usage: tequio-fuzz NAME FILE_OR_FOLDER…  (NAME: \(FuzzTargets.all.map(\.name).joined(separator: ", ")))")
                exit(64)
            }
            FuzzEnvironment.prepare()
            for path in arguments.dropFirst() {
                for file in FuzzEnvironment.inputFiles(at: URL(fileURLWithPath: path)) {
                    let outcome = target.run((try? Data(contentsOf: file)) ?? Data())
                    let first = outcome.diagnostics.first { $0.severity == .error } ?? outcome.diagnostics.first
                    print("\(file.path): \(outcome.accepted ? "accepted" : "refused")\(first.map { " — \($0.formatted)" } ?? "")")
                }
            }
        }
    }
#endif
