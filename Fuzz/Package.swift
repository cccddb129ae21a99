// swift-tools-version:6.0
// The libFuzzer build of Tequio's fuzz targets (docs/fuzzing.md). A package of its own, so that a
// normal `swift build` of Tequio never builds it; it uses the Tequio package in the folder above.
// Built by scripts/fuzz with -sanitize=fuzzer,address -parse-as-library -DFUZZING; built without
// them it is a replay tool: `tequio-fuzz NAME FILE…` runs files through a target once.
import Foundation
import PackageDescription

// A path dependency is named after its folder (`main`, `wt-fuzz`, …), not after its manifest.
let tequio = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "TequioFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "tequio-fuzz", dependencies: [.product(name: "TequioFuzzTargets", package: tequio)])
    ],
    swiftLanguageModes: [.v6]
)
