import Foundation
import TequioModel
import ZipSupport

/// Several named files in one fuzz input, so that one input can stand for a module folder or the
/// parts of a spreadsheet zip. The format is text, easy to write by hand and to mutate:
///
///     <bytes of the first file, named by the target: module.xml, xl/workbook.xml, …>
///     %%file units/a.xml
///     <bytes of units/a.xml>
///     %%file data/d.csv
///     <bytes of data/d.csv>
///
/// A marker is a line `%%file NAME` at the start of the input or after a line feed; that line feed
/// belongs to the marker, not to the file before it. Names must be safe relative paths of at most
/// 120 bytes of `A-Z a-z 0-9 . _ - / [ ]` and space; a file with another name, a repeated name and
/// files past the 32nd are dropped.
public struct FuzzBundle {
    public var files: [(name: String, data: Data)]

    static let marker = Array("%%file ".utf8)
    static let maxFiles = 32

    public init(files: [(name: String, data: Data)]) { self.files = files }

    public init(_ input: Data, firstName: String) {
        let bytes = [UInt8](input)
        var files: [(String, Data)] = []
        var names = Set<String>()
        var name = firstName
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            guard files.count < Self.maxFiles, Self.isAllowed(name), names.insert(name).inserted else { return }
            files.append((name, Data(bytes[start..<max(start, end)])))
        }
        while i <= bytes.count {
            let atLineStart = i == 0 || (i < bytes.count && bytes[i - 1] == 0x0A)
            if i < bytes.count, atLineStart, bytes[i...].starts(with: Self.marker) {
                if i > 0 { flush(i - 1) }  // nothing comes before a marker at the very start
                var end = i + Self.marker.count
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                name = String(decoding: bytes[(i + Self.marker.count)..<end], as: UTF8.self)
                start = min(end + 1, bytes.count)
                i = start
                continue
            }
            if i == bytes.count { break }
            i += 1
        }
        flush(bytes.count)
        self.files = files
    }

    /// The input that `init(_:firstName:)` reads back as these files (for building seeds).
    public func encoded(firstName: String) -> Data {
        var out = Data()
        for (index, file) in files.enumerated() {
            if index > 0 || file.name != firstName {
                if index > 0 { out.append(0x0A) }
                out.append(contentsOf: Self.marker + Array(file.name.utf8) + [0x0A])
            }
            out.append(file.data)
        }
        return out
    }

    static func isAllowed(_ name: String) -> Bool {
        guard name.utf8.count <= 120, FileTree.isSafeRelativePath(name) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-/[] ".unicodeScalars.contains($0)
        }
    }

    /// Writes the files under `folder` (creating subfolders); a file that cannot be written (its
    /// folder is a file) is skipped.
    func write(into folder: URL) {
        let manager = FileManager.default
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? file.data.write(to: url)
        }
    }

    /// Writes `input` to `url` as a zip: raw zip bytes (starting with `PK`) as they are, anything else
    /// as a bundle of the zip's parts (`firstName` first), zipped with `ArchiveWriter` (`mimetype`
    /// first when there is one), so that mutations reach the XML inside instead of breaking the CRC.
    static func writeZip(_ input: Data, firstName: String, to url: URL) {
        guard !input.starts(with: [0x50, 0x4B]) else { return FuzzEnvironment.write(input, to: url) }
        let bundle = FuzzBundle(input, firstName: firstName)
        let mimetype = bundle.files.contains { $0.name == "mimetype" } ? "mimetype" : nil
        do {
            try ArchiveWriter.write(bundle.tree, to: url, options: ArchiveOptions(timestamp: ArchiveOptions.earliestTimestamp, firstEntry: mimetype))
        } catch {
            fatalError("fuzz harness cannot zip the bundle: \(error)")
        }
    }

    var tree: FileTree {
        var tree = FileTree()
        for file in files { tree[file.name] = file.data }
        return tree
    }
}
