import Foundation

/// Builds zip files byte by byte, so a test can forge anything libzip would never write: unsafe
/// names, lying sizes, wrong CRCs, symlink attributes, encryption flags.
///
/// Every entry is written as a local header, its data, then a central directory record; nothing
/// is checked. Sizes and CRC default to the true values of `content`.
struct RawZip {
    struct Entry {
        /// The name exactly as stored, so it can hold a NUL or invalid UTF-8.
        var name: [UInt8]
        /// The bytes as stored: the content itself, or a deflate stream when `method` is 8.
        var data: [UInt8]
        /// The uncompressed bytes the CRC and size describe.
        var content: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var crc: UInt32?
        var declaredSize: UInt32?
        /// Host system in the high byte (3: Unix), zip version in the low byte.
        var versionMadeBy: UInt16 = 0x0314
        var externalAttributes: UInt32 = 0o100644 << 16

        /// A stored entry.
        init(_ name: String, _ content: String) {
            self.init(name: Array(name.utf8), content: Array(content.utf8))
        }

        init(name: [UInt8], content: [UInt8]) {
            self.name = name
            self.data = content
            self.content = content
        }

        /// A deflated entry, encoded as deflate "stored" blocks (valid deflate, no compression).
        static func deflated(_ name: String, _ content: [UInt8]) -> Entry {
            var entry = Entry(name: Array(name.utf8), content: content)
            entry.method = 8
            entry.data = deflateStoredBlocks(content)
            return entry
        }
    }

    var entries: [Entry]

    init(_ entries: [Entry]) { self.entries = entries }

    var bytes: Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let crc = entry.crc ?? CRC32.checksum(entry.content)
            let size = entry.declaredSize ?? UInt32(entry.content.count)
            // Local file header.
            out.le32(0x0403_4B50)
            out.le16(20)
            out.le16(entry.flags)
            out.le16(entry.method)
            out.le16(0)
            out.le16(0x21)  // 00:00:00, 1980-01-01
            out.le32(crc)
            out.le32(UInt32(entry.data.count))
            out.le32(size)
            out.le16(UInt16(entry.name.count))
            out.le16(0)
            out += entry.name
            out += entry.data
            // Central directory record.
            central.le32(0x0201_4B50)
            central.le16(entry.versionMadeBy)
            central.le16(20)
            central.le16(entry.flags)
            central.le16(entry.method)
            central.le16(0)
            central.le16(0x21)
            central.le32(crc)
            central.le32(UInt32(entry.data.count))
            central.le32(size)
            central.le16(UInt16(entry.name.count))
            central.le16(0)
            central.le16(0)
            central.le16(0)
            central.le16(0)
            central.le32(entry.externalAttributes)
            central.le32(offset)
            central += entry.name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count))
        out.le32(centralOffset)
        out.le16(0)
        return Data(out)
    }

    func write(to url: URL) throws { try bytes.write(to: url) }
}

/// A deflate stream of "stored" blocks (BTYPE 00): a block header byte, LEN, ~LEN, the bytes.
func deflateStoredBlocks(_ content: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var start = 0
    repeat {
        let end = min(start + 65_535, content.count)
        out.append(end == content.count ? 1 : 0)  // BFINAL on the last block
        out.le16(UInt16(end - start))
        out.le16(~UInt16(end - start))
        out += content[start..<end]
        start = end
    } while start < content.count
    return out
}

enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }
    mutating func le32(_ value: UInt32) {
        le16(UInt16(value & 0xFFFF))
        le16(UInt16(value >> 16))
    }
}
