// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tequio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tequio", targets: ["tequio"]),
        // The fuzz targets, for the libFuzzer package in Fuzz/ (docs/fuzzing.md).
        .library(name: "TequioFuzzTargets", targets: ["TequioFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // System libraries from Debian (libxml2-dev, libzip-dev), found through pkg-config.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        // PDF: pango lays out text, cairo draws it, libdeflate compresses the streams PDFSupport writes,
        // libqpdf reads the file back (libpango1.0-dev, libcairo2-dev, libdeflate-dev, libqpdf-dev).
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // The direct engine of PDFSupport: HarfBuzz shapes and subsets, fontconfig finds the fonts
        // (libharfbuzz-dev, which brings libharfbuzz-subset0; libfontconfig-dev).
        .systemLibrary(
            name: "CHarfBuzz", pkgConfig: "harfbuzz-subset",
            providers: [.apt(["libharfbuzz-dev", "libfontconfig-dev"])]),
        .systemLibrary(
            name: "CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(
            name: "CLibDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]),

        // The only Swift code that sees each C library.
        .target(name: "XMLSupport", dependencies: ["CLibXML2", "TequioModel"]),
        .target(name: "ZipSupport", dependencies: ["CLibZip", "TequioModel"]),
        .target(name: "PDFSupport", dependencies: ["CPangoCairo", "CHarfBuzz", "CQPDF", "CLibDeflate", "TequioModel"]),

        // Plain values, no I/O, no C.
        .target(name: "TequioModel"),
        .target(name: "TequioReaders", dependencies: ["TequioModel", "XMLSupport", "ZipSupport"]),
        .target(name: "TequioWriters", dependencies: ["TequioModel", "XMLSupport", "ZipSupport"]),
        // Writer families, one target each so they can grow apart: LMS and e-book packages, action-plan
        // documents, face-to-face kits (print, spreadsheets and their import).
        .target(name: "TequioLMS", dependencies: ["TequioModel", "TequioWriters", "XMLSupport", "ZipSupport"]),
        .target(
            name: "TequioDocuments",
            dependencies: ["TequioModel", "TequioReaders", "TequioWriters", "XMLSupport", "ZipSupport", "PDFSupport"]),
        .target(
            name: "TequioFaceToFace",
            dependencies: ["TequioModel", "TequioReaders", "TequioWriters", "TequioDocuments", "XMLSupport", "ZipSupport"]),
        // Checks packages and documents, ours or anyone's, against the official schemas and package rules.
        .target(name: "TequioPackageCheck", dependencies: ["TequioModel", "TequioReaders", "XMLSupport", "ZipSupport"]),
        .target(
            name: "TequioCommandLine",
            dependencies: [
                "TequioModel", "TequioReaders", "TequioWriters", "XMLSupport", "ZipSupport",
                "TequioLMS", "TequioDocuments", "TequioFaceToFace", "TequioPackageCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "tequio", dependencies: ["TequioCommandLine"]),
        // Every reader of untrusted bytes as a fuzz target (the fuzzers themselves are built from Fuzz/).
        .target(
            name: "TequioFuzzTargets",
            dependencies: [
                "TequioModel", "TequioReaders", "TequioWriters", "TequioDocuments", "TequioFaceToFace", "TequioPackageCheck", "XMLSupport",
                "ZipSupport",
            ]),

        .testTarget(name: "TequioModelTests", dependencies: ["TequioModel"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport"]),
        .testTarget(name: "ZipSupportTests", dependencies: ["ZipSupport"]),
        .testTarget(name: "PDFSupportTests", dependencies: ["PDFSupport"]),
        .testTarget(
            name: "TequioReadersTests", dependencies: ["TequioReaders"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "TequioWritersTests", dependencies: ["TequioWriters", "TequioReaders"]),
        .testTarget(
            name: "TequioLMSTests",
            dependencies: [
                "TequioLMS", "TequioModel", "TequioReaders", "TequioWriters", "XMLSupport", "ZipSupport", "TequioPackageCheck",
            ]),
        .testTarget(
            name: "TequioDocumentsTests",
            dependencies: ["TequioDocuments", "TequioReaders", "XMLSupport", "ZipSupport", "TequioPackageCheck"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "TequioFaceToFaceTests",
            dependencies: ["TequioFaceToFace", "TequioDocuments", "TequioReaders", "PDFSupport", "XMLSupport", "ZipSupport"]),
        .testTarget(name: "TequioCommandLineTests", dependencies: ["TequioCommandLine", "TequioFuzzTargets"], exclude: ["Fixtures"]),
        .testTarget(name: "TequioFuzzTargetsTests", dependencies: ["TequioFuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
