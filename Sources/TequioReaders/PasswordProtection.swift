import Foundation

/// Recognises office documents that cannot be read because they are protected with a password, or
/// that are in the old binary formats, so that readers can say so instead of "corrupt archive".
///
/// - Excel, Word and PowerPoint (and LibreOffice when it saves `.xlsx`/`.docx` with a password) wrap an
///   encrypted OOXML package in an **OLE compound file** (it starts with `D0 CF 11 E0 A1 B1 1A E1`, not
///   with a zip's `PK`) holding the streams `EncryptionInfo` and `EncryptedPackage`.
/// - The same OLE container without those streams is an Excel 97–2003 `.xls`, Word 97–2003 `.doc` or
///   PowerPoint `.ppt` file (perhaps renamed to `.xlsx`).
/// - LibreOffice's "Save with password" keeps an ODF file a zip, but encrypts its entries: the
///   manifest (`META-INF/manifest.xml`) then has `manifest:encryption-data` elements.
///
/// No ZIP library is needed: `inspect(fileAt:)` reads the file's first bytes (and, for an OLE file,
/// its directory); `inspect(odfManifest:)` takes the manifest bytes of an already opened zip.
public enum PasswordProtection {
    public enum Finding: Sendable, Equatable {
        /// An OLE compound file with an `EncryptedPackage` stream: an encrypted `.xlsx`, `.docx`, `.pptx`.
        case encryptedOfficeOpenXML
        /// An ODF package (`.ods`, `.odt`, `.odp`) whose entries are encrypted.
        case encryptedOpenDocument
        /// An OLE compound file without an encrypted package: an Excel/Word/PowerPoint 97–2003 file.
        case legacyBinaryOffice

        public var isPasswordProtected: Bool { self != .legacyBinaryOffice }
    }

    /// The eight bytes every OLE compound file starts with.
    public static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Largest OLE file whose directory is read (bigger ones are only recognised by their signature).
    static let maxOLEBytes = 64 << 20

    /// What the file at `url` is, when it is one of the cases above; nil for anything else (a zip, a
    /// text file, a file that cannot be read). An ODF zip is not opened here: see `inspect(odfManifest:)`.
    public static func inspect(fileAt url: URL) -> Finding? {
        // Too short to be an OLE file: not even opened (Foundation leaks a buffer on empty files).
        guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size >= 512 else { return nil }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8), Array(head) == oleSignature else { return nil }
        guard size <= maxOLEBytes, (try? handle.seek(toOffset: 0)) != nil, let data = try? handle.readToEnd() else {
            return .legacyBinaryOffice
        }
        return inspect(data)
    }

    /// What `data` (a whole file, or at least its start) is; nil unless it is an OLE compound file.
    public static func inspect(_ data: Data) -> Finding? {
        guard data.count >= 8, Array(data.prefix(8)) == oleSignature else { return nil }
        let names = OLEDirectory.streamNames(data) ?? OLEDirectory.scannedNames(data)
        return names.contains("EncryptedPackage") ? .encryptedOfficeOpenXML : .legacyBinaryOffice
    }

    /// True when an ODF manifest declares encrypted entries (`manifest:encryption-data`).
    public static func inspect(odfManifest data: Data) -> Finding? {
        // The element is in the manifest namespace whatever its prefix; a byte search for the local
        // name is enough (the manifest is small and written by the office program).
        let needle = Array("encryption-data".utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if Array(bytes[i..<(i + needle.count)]) == needle, i > 0, bytes[i - 1] == UInt8(ascii: ":") || bytes[i - 1] == UInt8(ascii: "<") {
                return .encryptedOpenDocument
            }
        }
        return nil
    }

    /// A message for a trainer: what the file is and how to make it readable. `fileKind` is what the
    /// file should be (`.xlsx`, `.ods`, `.docx`…).
    public static func advice(_ finding: Finding, fileKind: String) -> String {
        switch finding {
        case .encryptedOfficeOpenXML:
            return "the file is protected with a password (it is encrypted, so it cannot be read); open it in Excel or LibreOffice with its password, remove the password (Excel: File › Info › Protect Workbook › Encrypt with Password, empty the box; LibreOffice: File › Save As, untick “Save with password”), save it as \(fileKind) and import it again"
        case .encryptedOpenDocument:
            return "the file is protected with a password (LibreOffice “Save with password”), so it cannot be read; open it in LibreOffice with its password, then File › Save As with “Save with password” unticked, as \(fileKind), and import it again"
        case .legacyBinaryOffice:
            return "the file is in the old Office 97–2003 format (.xls, .doc or .ppt), not \(fileKind); open it in Excel or LibreOffice and save it as \(fileKind)"
        }
    }
}

/// The names in an OLE compound file's directory (MS-CFB), read with every offset checked.
enum OLEDirectory {
    static func streamNames(_ data: Data) -> [String]? {
        let b = [UInt8](data)
        func u16(_ o: Int) -> Int? { o + 2 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 : nil }
        func u32(_ o: Int) -> Int? {
            o + 4 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24 : nil
        }
        guard let shift = u16(0x1E), shift == 9 || shift == 12, let fatCount = u32(0x2C), let firstDirectory = u32(0x30)
        else { return nil }
        let sectorSize = 1 << shift
        let sectorCount = b.count / sectorSize
        func offset(_ sector: Int) -> Int? {
            let o = (sector + 1) << shift
            return sector >= 0 && o + sectorSize <= b.count ? o : nil
        }
        // The FAT sectors: 109 in the header, more in DIFAT sectors.
        var fatSectors: [Int] = []
        for k in 0..<109 where fatSectors.count < fatCount {
            guard let s = u32(0x4C + 4 * k) else { return nil }
            fatSectors.append(s)
        }
        var difat = u32(0x44) ?? 0xFFFF_FFFE
        var guardCount = 0
        while fatSectors.count < fatCount, difat < 0xFFFF_FFFA, guardCount < sectorCount {
            guard let o = offset(difat) else { return nil }
            for k in 0..<(sectorSize / 4 - 1) where fatSectors.count < fatCount {
                fatSectors.append(u32(o + 4 * k)!)
            }
            difat = u32(o + sectorSize - 4)!
            guardCount += 1
        }
        var fat: [Int] = []
        for s in fatSectors {
            guard let o = offset(s) else { return nil }
            for k in 0..<(sectorSize / 4) { fat.append(u32(o + 4 * k)!) }
        }
        // The directory chain: 128-byte entries, UTF-16LE names.
        var names: [String] = []
        var sector = firstDirectory
        var visited = 0
        while sector < 0xFFFF_FFFA {
            guard visited < sectorCount, let o = offset(sector) else { return nil }
            for e in stride(from: o, to: o + sectorSize, by: 128) {
                guard let length = u16(e + 64), length >= 2, length <= 64, b[e + 66] != 0 else { continue }
                var units: [UInt16] = []
                for k in stride(from: 0, to: length - 2, by: 2) { units.append(UInt16(b[e + k]) | UInt16(b[e + k + 1]) << 8) }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard sector < fat.count else { return nil }
            sector = fat[sector]
            visited += 1
        }
        return names
    }

    /// When the directory cannot be followed: the names found by searching for them as UTF-16LE.
    static func scannedNames(_ data: Data) -> [String] {
        let wanted = "EncryptedPackage"
        let needle = Array(wanted.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let b = [UInt8](data)
        guard b.count >= needle.count else { return [] }
        for i in 0...(b.count - needle.count) where b[i] == needle[0] && Array(b[i..<(i + needle.count)]) == needle {
            return [wanted]
        }
        return []
    }
}
