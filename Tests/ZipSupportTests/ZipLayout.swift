import Foundation
import XCTest

/// Reads the headers of a zip file, independently of the code under test, so tests can assert on
/// the exact bytes: order, method, flags, DOS time, attributes, extra field lengths.
struct ZipLayout {
    struct Entry {
        var name: String
        // From the central directory.
        var versionMadeBy: UInt16
        var externalAttributes: UInt32
        var centralExtraLength: Int
        // From the local header.
        var localHeaderOffset: Int
        var flags: UInt16
        var method: UInt16
        var modified: DOSFields
        var localExtraLength: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var dataOffset: Int

        var hostSystem: UInt16 { versionMadeBy >> 8 }
        var unixMode: UInt32 { externalAttributes >> 16 }
        var isUTF8: Bool { flags & 0x0800 != 0 }
    }

    var entries: [Entry]

    init(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

        let end = try XCTUnwrap(
            stride(from: bytes.count - 22, through: 0, by: -1).first { u32($0) == 0x0605_4B50 },
            "no end of central directory record", file: file, line: line)
        var position = Int(u32(end + 16))
        entries = []
        for _ in 0..<Int(u16(end + 10)) {
            XCTAssertEqual(u32(position), 0x0201_4B50, "central record signature", file: file, line: line)
            let nameLength = Int(u16(position + 28))
            let extraLength = Int(u16(position + 30))
            let local = Int(u32(position + 42))
            XCTAssertEqual(u32(local), 0x0403_4B50, "local header signature", file: file, line: line)
            let localNameLength = Int(u16(local + 26))
            let localExtraLength = Int(u16(local + 28))
            entries.append(
                Entry(
                    name: String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
                    versionMadeBy: u16(position + 4),
                    externalAttributes: u32(position + 38),
                    centralExtraLength: extraLength,
                    localHeaderOffset: local,
                    flags: u16(local + 6),
                    method: u16(local + 8),
                    modified: DOSFields(time: u16(local + 10), date: u16(local + 12)),
                    localExtraLength: localExtraLength,
                    compressedSize: Int(u32(local + 18)),
                    uncompressedSize: Int(u32(local + 22)),
                    dataOffset: local + 30 + localNameLength + localExtraLength))
            position += 46 + nameLength + extraLength + Int(u16(position + 32))
        }
    }

    var names: [String] { entries.map(\.name) }
}

/// The fields of a DOS time and date.
struct DOSFields: Equatable, CustomStringConvertible {
    var year, month, day, hour, minute, second: Int

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (
            year, month, day, hour, minute, second
        )
    }

    init(time: UInt16, date: UInt16) {
        self.init(
            year: 1980 + Int(date >> 9), month: Int(date >> 5 & 0xF), day: Int(date & 0x1F),
            hour: Int(time >> 11), minute: Int(time >> 5 & 0x3F), second: Int(time & 0x1F) * 2)
    }

    var description: String { "\(year)-\(month)-\(day) \(hour):\(minute):\(second)" }
}
